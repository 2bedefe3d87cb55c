/**
 * A code hook test double standing in for the Lambda: it records every event and answers with what the
 * test scripts, defaulting to Delegate on dialog turns and Close (Fulfilled) on fulfillment.
 */
import type { LexEvent, LexResponse } from '../../lex/schemas';

export type HookReply = (event: LexEvent) => LexResponse | Promise<LexResponse>;

export const delegate = (event: LexEvent): LexResponse => ({
  sessionState: {
    dialogAction: { type: 'Delegate' },
    intent: event.sessionState.intent,
    sessionAttributes: event.sessionState.sessionAttributes ?? {},
    activeContexts: event.sessionState.activeContexts ?? [],
  },
});

export const fulfil = (event: LexEvent): LexResponse => {
  const slots = event.sessionState.intent?.slots ?? {};
  const amount = slots.Amount?.value?.interpretedValue ?? '?';
  const category = slots.Category?.value?.interpretedValue ?? '?';
  return {
    sessionState: {
      dialogAction: { type: 'Close' },
      intent: {
        ...event.sessionState.intent,
        name: event.sessionState.intent?.name ?? '',
        state: 'Fulfilled',
      },
      sessionAttributes: event.sessionState.sessionAttributes ?? {},
    },
    messages: [{ contentType: 'PlainText', content: `Logged ${amount} for ${category}.` }],
  };
};

export class RecordingCodeHook {
  readonly events: LexEvent[] = [];
  /** Replies used once each, in order, before falling back to the defaults. */
  private readonly queue: HookReply[] = [];

  readonly hook = async (event: LexEvent): Promise<LexResponse> => {
    this.events.push(event);
    const next = this.queue.shift();
    if (next) return next(event);
    return event.invocationSource === 'DialogCodeHook' ? delegate(event) : fulfil(event);
  };

  reply(...replies: HookReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  reset(): void {
    this.events.length = 0;
    this.queue.length = 0;
  }
}
