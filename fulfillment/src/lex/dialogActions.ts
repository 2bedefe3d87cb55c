/**
 * Pure builders for the code hook's reply, one per Lex V2 dialog action. Each returns a new response
 * and never touches its input, so a handler can build several candidate replies from one event.
 */
import type { LexActiveContext, LexIntent, LexMessage, LexResponse } from '@budgetbuddy/bot/lex';

/** What a reply carries besides the action: the conversation memory kept between turns. */
export interface ReplyState {
  sessionAttributes?: Record<string, string>;
  activeContexts?: LexActiveContext[];
}

const copyIntent = (intent: LexIntent, state: LexIntent['state']): LexIntent => ({
  ...structuredClone(intent),
  state,
});

const baseState = (state: ReplyState) => ({
  ...(state.sessionAttributes ? { sessionAttributes: { ...state.sessionAttributes } } : {}),
  ...(state.activeContexts ? { activeContexts: structuredClone(state.activeContexts) } : {}),
});

const withMessages = (messages: LexMessage[]) =>
  messages.length ? { messages: structuredClone(messages) } : {};

/** Ends the intent: nothing more is expected from the user for it. */
export function close(
  intent: LexIntent,
  outcome: 'Fulfilled' | 'Failed',
  messages: LexMessage[],
  state: ReplyState = {},
): LexResponse {
  return {
    sessionState: {
      ...baseState(state),
      dialogAction: { type: 'Close' },
      intent: copyIntent(intent, outcome),
    },
    ...withMessages(messages),
  };
}

/** Asks for one slot; with no message Lex uses the slot's configured prompt. */
export function elicitSlot(
  intent: LexIntent,
  slotToElicit: string,
  messages: LexMessage[],
  state: ReplyState = {},
): LexResponse {
  return {
    sessionState: {
      ...baseState(state),
      dialogAction: { type: 'ElicitSlot', slotToElicit },
      intent: copyIntent(intent, 'InProgress'),
    },
    ...withMessages(messages),
  };
}

/** Asks a yes/no question about the intent as it stands. */
export function confirmIntent(
  intent: LexIntent,
  messages: LexMessage[],
  state: ReplyState = {},
): LexResponse {
  return {
    sessionState: {
      ...baseState(state),
      dialogAction: { type: 'ConfirmIntent' },
      intent: { ...copyIntent(intent, 'InProgress'), confirmationState: 'None' },
    },
    ...withMessages(messages),
  };
}
