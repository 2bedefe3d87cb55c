/**
 * Builds the exact event Lex V2 sends its Lambda code hook (messageVersion 1.0), in the shape of the
 * recorded events in ../lex/fixtures: numeric nluConfidence, no score on FallbackIntent, every slot of
 * an intent present (null when empty).
 */
import type { LexDialogAction, LexEvent, LexSlot } from '../lex/schemas';
import type { ActiveContext, Interpretation, SessionIntent } from './types';
import { toWireContexts } from './activeContexts';

export const RESPONSE_CONTENT_TYPE = 'text/plain; charset=utf-8';

export interface BotIdentity {
  id: string;
  name: string;
  aliasId: string;
  aliasName: string;
  localeId: string;
  version: string;
}

export interface ProposedNextState {
  dialogAction: LexDialogAction;
  intent: SessionIntent;
  attempt: number;
}

export interface CodeHookEventInput {
  invocationSource: 'DialogCodeHook' | 'FulfillmentCodeHook';
  bot: BotIdentity;
  sessionId: string;
  inputTranscript: string;
  interpretations: readonly Interpretation[];
  proposedNextState?: ProposedNextState | undefined;
  requestAttributes: Readonly<Record<string, string>>;
  dialogAction?: LexDialogAction | undefined;
  intent: SessionIntent;
  sessionAttributes: Readonly<Record<string, string>>;
  activeContexts: readonly ActiveContext[];
  originatingRequestId: string;
  resolvedSlots: Readonly<Record<string, LexSlot>>;
}

/** Lex names prompt attempts Initial, Retry1 … Retry5. */
export function attemptName(failedAttempts: number): string {
  return failedAttempts === 0 ? 'Initial' : `Retry${failedAttempts}`;
}

export function wireIntent(intent: SessionIntent): SessionIntent {
  return {
    name: intent.name,
    slots: { ...intent.slots },
    state: intent.state,
    confirmationState: intent.confirmationState,
  };
}

export function buildCodeHookEvent(input: CodeHookEventInput): LexEvent {
  const event: LexEvent = {
    messageVersion: '1.0',
    invocationSource: input.invocationSource,
    inputMode: 'Text',
    responseContentType: RESPONSE_CONTENT_TYPE,
    sessionId: input.sessionId,
    inputTranscript: input.inputTranscript,
    bot: { ...input.bot },
    interpretations: input.interpretations.map((i) =>
      i.nluConfidence === undefined
        ? { intent: wireIntent(i.intent) }
        : { intent: wireIntent(i.intent), nluConfidence: i.nluConfidence },
    ),
    requestAttributes: { ...input.requestAttributes },
    sessionState: {
      ...(input.dialogAction ? { dialogAction: { ...input.dialogAction } } : {}),
      intent: wireIntent(input.intent),
      sessionAttributes: { ...input.sessionAttributes },
      activeContexts: toWireContexts(input.activeContexts),
      originatingRequestId: input.originatingRequestId,
    },
    transcriptions: [
      {
        transcription: input.inputTranscript,
        transcriptionConfidence: 1,
        resolvedContext: { intent: input.intent.name },
        resolvedSlots: { ...input.resolvedSlots },
      },
    ],
  };
  if (input.proposedNextState) {
    event.proposedNextState = {
      dialogAction: { ...input.proposedNextState.dialogAction },
      intent: wireIntent(input.proposedNextState.intent),
      prompt: { attempt: attemptName(input.proposedNextState.attempt) },
    };
  }
  // The hook gets its own copy, as a Lambda would: nothing it mutates can leak into the session.
  return structuredClone(event);
}
