import { IntentName } from '../names';
import type { IntentDefinition } from '../types';

/** Lex's built-in fallback: no utterances; the code hook answers with what the bot can do instead. */
export const FallbackIntent: IntentDefinition = {
  name: IntentName.FallbackIntent,
  description: 'Anything the bot does not understand.',
  parentIntentSignature: 'AMAZON.FallbackIntent',
  sampleUtterances: [],
  slots: [],
  dialogCodeHook: false,
  fulfillmentCodeHook: true,
};
