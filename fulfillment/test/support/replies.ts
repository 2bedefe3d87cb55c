/** Reading what the bot said in a RecognizeText reply, for conversation tests and transcripts. */
import type { RecognizeTextCommandOutput } from '@aws-sdk/client-lex-runtime-v2';

export function replyText(reply: RecognizeTextCommandOutput): string {
  return (reply.messages ?? [])
    .filter((m) => m.contentType === 'PlainText')
    .map((m) => m.content ?? '')
    .join('\n');
}

export function replyButtons(reply: RecognizeTextCommandOutput): { text: string; value: string }[] {
  return (reply.messages ?? []).flatMap((m) =>
    (m.imageResponseCard?.buttons ?? []).map((b) => ({ text: b.text ?? '', value: b.value ?? '' })),
  );
}

export function replyPayloads(reply: RecognizeTextCommandOutput): unknown[] {
  return (reply.messages ?? [])
    .filter((m) => m.contentType === 'CustomPayload')
    .map((m) => JSON.parse(m.content ?? 'null') as unknown);
}

export const dialogType = (reply: RecognizeTextCommandOutput) => reply.sessionState?.dialogAction?.type;
export const intentName = (reply: RecognizeTextCommandOutput) => reply.sessionState?.intent?.name;

/** A transcript line pair for docs/transcripts.md: what was said and everything the bot answered. */
export function transcriptTurn(user: string, reply: RecognizeTextCommandOutput): string {
  const lines = [`**You:** ${user}`];
  for (const m of reply.messages ?? []) {
    if (m.contentType === 'PlainText')
      lines.push(`**BudgetBuddy:** ${(m.content ?? '').replace(/\n/g, '  \n')}`);
    else if (m.contentType === 'ImageResponseCard') {
      const buttons = (m.imageResponseCard?.buttons ?? []).map((b) => `[${b.text}]`).join(' ');
      lines.push(`*${m.imageResponseCard?.title ?? ''}* ${buttons}`);
    } else if (m.contentType === 'CustomPayload') lines.push(`*(chart payload: ${m.content ?? ''})*`);
  }
  return lines.join('  \n');
}
