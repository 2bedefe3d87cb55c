/**
 * The bot definition as typed data. It mirrors the Lex V2 model-building shapes closely enough that
 * the CDK `CfnBot` (infra), the local runtime (bot/src/runtime) and `bot:pull` (Lex Models API → here)
 * all derive from — or round-trip to — this one description. Keep every field expressible in Lex.
 */

/** Built-in slot types used by the bot; anything else must be a custom slot type name. */
export const BUILT_IN_SLOT_TYPES = ['AMAZON.Number', 'AMAZON.Date', 'AMAZON.AlphaNumeric'] as const;
export type BuiltInSlotType = (typeof BUILT_IN_SLOT_TYPES)[number];

/** A message with up to four variations; Lex picks one at random (the local runtime picks the first). */
export interface MessageGroup {
  message: string;
  variations?: string[];
}

export interface PromptSpecification {
  messageGroups: MessageGroup[];
  /** Retries after the first prompt before the configured failure path (0..5). */
  maxRetries: number;
  allowInterrupt?: boolean;
}

export interface SlotDefinition {
  name: string;
  description?: string;
  /** A built-in type (`AMAZON.Number`) or the name of a custom slot type in `BotDefinition.slotTypes`. */
  slotTypeName: string;
  required: boolean;
  /** Asked when the slot is elicited (required slots always; optional ones only if a code hook elicits them). */
  prompt: PromptSpecification;
  /** Slot-level sample utterances, e.g. "{Amount} dollars" — used when the slot is being elicited. */
  sampleUtterances?: string[];
}

export interface ConfirmationSetting {
  prompt: PromptSpecification;
  /** Said when the user answers "no". */
  declinationResponse: MessageGroup;
  /** Said when the user answers "yes" (optional: fulfillment usually speaks instead). */
  confirmationResponse?: MessageGroup;
  /** Said when the answer is neither yes nor no after the retries. */
  failureResponse?: MessageGroup;
}

export interface ContextReference {
  name: string;
}

export interface OutputContext {
  name: string;
  timeToLiveInSeconds: number;
  turnsToLive: number;
}

export interface IntentDefinition {
  name: string;
  description?: string;
  /** Only `AMAZON.FallbackIntent` here; a built-in intent has no utterances or slots. */
  parentIntentSignature?: 'AMAZON.FallbackIntent';
  sampleUtterances: string[];
  /** Order is slot priority (elicitation order). */
  slots: SlotDefinition[];
  confirmation?: ConfirmationSetting;
  dialogCodeHook: boolean;
  fulfillmentCodeHook: boolean;
  /** Said after fulfillment when the code hook returns no message (or when there is no code hook). */
  closingResponse?: MessageGroup;
  inputContexts?: ContextReference[];
  outputContexts?: OutputContext[];
}

export interface SlotTypeValue {
  value: string;
  synonyms: string[];
}

export interface SlotTypeDefinition {
  name: string;
  description?: string;
  /** ORIGINAL_VALUE keeps what the user said as interpretedValue; TOP_RESOLUTION uses the canonical value. */
  resolutionStrategy: 'ORIGINAL_VALUE' | 'TOP_RESOLUTION';
  values: SlotTypeValue[];
}

export interface LocaleDefinition {
  localeId: string;
  description?: string;
  /** Below this top intent score the runtime answers with AMAZON.FallbackIntent (0..1). */
  nluConfidenceThreshold: number;
  intents: IntentDefinition[];
  slotTypes: SlotTypeDefinition[];
}

export interface BotDefinition {
  name: string;
  description: string;
  idleSessionTtlInSeconds: number;
  locales: LocaleDefinition[];
}
