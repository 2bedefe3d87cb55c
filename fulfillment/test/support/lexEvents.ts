/**
 * Lex V2 code hook events built by the runtime's own builder (buildCodeHookEvent), and a tiny driver that plays the
 * runtime's part for unit tests: it carries active contexts from one reply to the next event and checks
 * every reply against the Lex response schema.
 */
import { randomUUID } from 'node:crypto';
import {
  BOT_NAME,
  MESSAGE_ID_ATTRIBUTE,
  LOCAL_BOT_ALIAS_ID,
  LOCAL_BOT_ALIAS_NAME,
  LOCAL_BOT_ID,
  LOCALE_ID,
  REQUEST_ID_ATTRIBUTE,
  TIME_ZONE_ATTRIBUTE,
  USER_ID_ATTRIBUTE,
} from '@budgetbuddy/bot';
import {
  buildCodeHookEvent,
  lexResponseSchema,
  type CodeHook,
  type LexActiveContext,
  type LexEvent,
  type LexResponse,
  type LexSlot,
} from '@budgetbuddy/bot/lex';

export type SlotInput = string | { interpreted?: string; original?: string; resolved?: string[] };

export interface EventInput {
  intent: string;
  slots?: Record<string, SlotInput>;
  transcript?: string;
  userId?: string | null;
  timeZone?: string;
  requestId?: string | null;
  confirmationState?: 'Confirmed' | 'Denied' | 'None';
  activeContexts?: LexActiveContext[];
  invocationSource?: 'DialogCodeHook' | 'FulfillmentCodeHook';
  /** The proxy's id of a message it split into several turns. */
  messageId?: string;
}

const toSlot = (input: SlotInput): LexSlot => {
  const v = typeof input === 'string' ? { interpreted: input, original: input } : input;
  return {
    shape: 'Scalar',
    value: {
      ...(v.interpreted !== undefined ? { interpretedValue: v.interpreted } : {}),
      ...(v.original !== undefined ? { originalValue: v.original } : {}),
      resolvedValues: v.resolved ?? (v.interpreted !== undefined ? [v.interpreted] : []),
    },
  };
};

/** The event the local runtime would send for this turn, built by the runtime's own builder. */
export function buildEvent(input: EventInput): LexEvent {
  const slots: Record<string, LexSlot | null> = {};
  for (const [name, value] of Object.entries(input.slots ?? {})) slots[name] = toSlot(value);
  const intent = {
    name: input.intent,
    slots,
    state: 'InProgress' as const,
    confirmationState: input.confirmationState ?? ('None' as const),
  };
  const userId = input.userId === undefined ? 'user-1' : input.userId;
  const requestId = input.requestId === undefined ? randomUUID() : input.requestId;
  return buildCodeHookEvent({
    invocationSource: input.invocationSource ?? 'FulfillmentCodeHook',
    bot: {
      id: LOCAL_BOT_ID,
      name: BOT_NAME,
      aliasId: LOCAL_BOT_ALIAS_ID,
      aliasName: LOCAL_BOT_ALIAS_NAME,
      localeId: LOCALE_ID,
      version: 'DRAFT',
    },
    sessionId: `session-${userId ?? 'anonymous'}`,
    inputTranscript: input.transcript ?? input.intent,
    interpretations: [{ intent, nluConfidence: 0.9 }],
    requestAttributes: {
      [TIME_ZONE_ATTRIBUTE]: input.timeZone ?? 'America/New_York',
      ...(requestId ? { [REQUEST_ID_ATTRIBUTE]: requestId } : {}),
      ...(input.messageId ? { [MESSAGE_ID_ATTRIBUTE]: input.messageId } : {}),
    },
    intent,
    sessionAttributes: userId ? { [USER_ID_ATTRIBUTE]: userId } : {},
    activeContexts: input.activeContexts ?? [],
    originatingRequestId: requestId ?? randomUUID(),
    resolvedSlots: {},
  });
}

/** All PlainText content of a reply, one message per line. */
export function textOf(response: LexResponse): string {
  return (response.messages ?? [])
    .filter((m) => m.contentType === 'PlainText')
    .map((m) => m.content ?? '')
    .join('\n');
}

export function buttonsOf(response: LexResponse): { text: string; value: string }[] {
  return (response.messages ?? []).flatMap((m) => m.imageResponseCard?.buttons ?? []);
}

export function payloadsOf(response: LexResponse): unknown[] {
  return (response.messages ?? [])
    .filter((m) => m.contentType === 'CustomPayload')
    .map((m) => JSON.parse(m.content ?? 'null') as unknown);
}

/** Plays the runtime between turns: one user, contexts carried forward, replies schema-checked. */
export class DirectConversation {
  private contexts: LexActiveContext[] = [];
  constructor(
    private readonly hook: CodeHook,
    private readonly userId = 'user-1',
    private readonly timeZone = 'America/New_York',
  ) {}

  async send(input: Omit<EventInput, 'userId' | 'activeContexts'>): Promise<LexResponse> {
    const event = buildEvent({
      timeZone: this.timeZone,
      ...input,
      userId: this.userId,
      activeContexts: this.contexts,
    });
    const response = await this.hook(event);
    lexResponseSchema.parse(response);
    if (response.sessionState.activeContexts) this.contexts = response.sessionState.activeContexts;
    return response;
  }
}
