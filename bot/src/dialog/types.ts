/**
 * Types the dialog engine works with. The NLU is a port (bot/src/nlu/index.ts): tests drive the engine
 * with a tiny scripted NLU, the runtime with the trained one.
 */
import type {
  CONFIRMATION_STATES,
  INTENT_STATES,
  LexDialogAction,
  LexMessage,
  LexSlot,
} from '../lex/schemas';

export type { Nlu, NluContext, NluInterpretation, SlotValue } from '../nlu';

export type IntentState = (typeof INTENT_STATES)[number];
export type ConfirmationState = (typeof CONFIRMATION_STATES)[number];

// Type aliases, not interfaces, so they stay assignable to the zod-inferred wire types.

/** An intent as the session holds it: every slot of the intent is present, `null` when empty. */
export type SessionIntent = {
  name: string;
  slots: Record<string, LexSlot | null>;
  state: IntentState;
  confirmationState: ConfirmationState;
};

export type ActiveContext = {
  name: string;
  timeToLive: { timeToLiveInSeconds: number; turnsToLive: number };
  contextAttributes: Record<string, string>;
};

/** An active context plus the wall-clock instant it dies, which Lex does not show on the wire. */
export type StoredContext = ActiveContext & { expiresAtMs: number };

/** One interpretation as the code hook sees it (numeric confidence; FallbackIntent has none). */
export type Interpretation = {
  intent: SessionIntent;
  nluConfidence?: number;
};

export interface SessionData {
  dialogAction?: LexDialogAction;
  intent?: SessionIntent;
  sessionAttributes: Record<string, string>;
  activeContexts: StoredContext[];
  originatingRequestId?: string;
  /** Failed answers to the current slot or confirmation prompt; compared with the prompt's maxRetries. */
  failedAttempts: number;
  /** The prompt last asked, repeated when an answer is not understood. */
  lastPrompt: LexMessage[];
  /** The last reply, which GetSession returns. */
  messages: LexMessage[];
  interpretations: Interpretation[];
}

export function emptySession(): SessionData {
  return {
    sessionAttributes: {},
    activeContexts: [],
    failedAttempts: 0,
    lastPrompt: [],
    messages: [],
    interpretations: [],
  };
}

export interface Clock {
  now(): Date;
}
