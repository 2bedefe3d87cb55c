/**
 * Turns Lex's messages into the chat API's reply (chatApi/reply.ts). The bot sends a chart as a CustomPayload
 * followed by its PlainText twin, so the two become one chart message that still reads as text.
 * Payloads we do not know are dropped rather than shown raw.
 */
import type { Message, RecognizeTextCommandOutput } from '@aws-sdk/client-lex-runtime-v2';
import { buttonSchema } from '@budgetbuddy/bot/lex';
import {
  downloadSchema,
  spendingChartSchema,
  type ChatMessage,
  type ChatReply,
  type Download,
  type SpendingChart,
} from '../chatApi/reply';

function payloadOf(content: string | undefined): unknown {
  if (!content) return null;
  try {
    return JSON.parse(content);
  } catch {
    return null;
  }
}

function chartFrom(payload: unknown): SpendingChart | null {
  const parsed = spendingChartSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

function downloadFrom(payload: unknown): Download | null {
  const parsed = downloadSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

function cardFrom(message: Message): ChatMessage | null {
  const card = message.imageResponseCard;
  if (!card?.title) return null;
  return {
    type: 'card',
    title: card.title,
    ...(card.subtitle ? { subtitle: card.subtitle } : {}),
    ...(card.imageUrl ? { imageUrl: card.imageUrl } : {}),
    // Lex's button, read with the wire's one schema; one Lex would refuse is left out.
    buttons: (card.buttons ?? []).flatMap((b) => {
      const button = buttonSchema.safeParse(b);
      return button.success ? [button.data] : [];
    }),
  };
}

export function toChatMessages(messages: readonly Message[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i]!;
    switch (message.contentType) {
      case 'PlainText':
        if (message.content) out.push({ type: 'text', text: message.content });
        break;
      case 'ImageResponseCard': {
        const card = cardFrom(message);
        if (card) out.push(card);
        break;
      }
      case 'CustomPayload': {
        const payload = payloadOf(message.content);
        const download = downloadFrom(payload);
        if (download) {
          out.push(download);
          break;
        }
        const chart = chartFrom(payload);
        if (!chart) break;
        const next = messages[i + 1];
        const twin = next?.contentType === 'PlainText' && next.content ? next.content : null;
        if (twin !== null) i++;
        out.push({ type: 'chart', chart, text: twin ?? chart.title });
        break;
      }
      default:
        // SSML and anything newer: a text chat has no way to show it.
        break;
    }
  }
  return out;
}

export function toChatReply(
  output: Pick<RecognizeTextCommandOutput, 'messages' | 'sessionState'>,
): ChatReply {
  const intent = output.sessionState?.intent?.name;
  const dialogState = output.sessionState?.dialogAction?.type;
  return {
    messages: toChatMessages(output.messages ?? []),
    ...(intent ? { intent } : {}),
    ...(dialogState ? { dialogState } : {}),
  };
}

/** Quotes of the parts of a message that were not sent ("“muffin 3.50”" or "“a” and “b”"). */
function quoteList(texts: readonly string[]): string {
  const quoted = texts.map((t) => `“${t}”`);
  return quoted.length <= 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/**
 * One reply for a message the proxy sent to Lex in parts (one per item): every part's messages in
 * order (buttons an earlier part repeats of the last one's, once, at the end), Lex's state from the
 * last part sent. Parts not sent because an earlier one asked a question
 * are named, so nothing the person said is silently dropped.
 */
export function combineReplies(replies: readonly ChatReply[], notSent: readonly string[] = []): ChatReply {
  const last = replies[replies.length - 1];
  const messages = replies.flatMap((r) => (r === last ? r.messages : withoutRepeatedCards(r, last)));
  if (notSent.length > 0) {
    const one = notSent.length === 1;
    messages.push({
      type: 'text',
      text:
        `I haven't logged ${quoteList(notSent)} yet. Once this is settled, send ${one ? 'it' : 'them'} ` +
        `again and I'll log ${one ? 'it' : 'them'} too.`,
    });
  }
  return {
    messages,
    ...(last?.intent ? { intent: last.intent } : {}),
    ...(last?.dialogState ? { dialogState: last.dialogState } : {}),
  };
}

/**
 * An earlier part's cards, less those whose every button the last part offers too: each logged item
 * closes with the same "Anything else?" card, and two Undo buttons side by side read as two undos when
 * one takes back the whole message. A card with a button of its own (a budget warning's) stays.
 */
function withoutRepeatedCards(reply: ChatReply, last: ChatReply | undefined): ChatMessage[] {
  const offered = new Set(
    (last?.messages ?? []).flatMap((m) => (m.type === 'card' ? m.buttons.map((b) => b.value) : [])),
  );
  return reply.messages.filter(
    (m) => m.type !== 'card' || m.buttons.length === 0 || m.buttons.some((b) => !offered.has(b.value)),
  );
}
