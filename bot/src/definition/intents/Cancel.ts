import { IntentName } from '../names';
import type { IntentDefinition } from '../types';

/**
 * "never mind" while the bot waits for an answer: Lex V2 switches intent when the words clearly mean
 * another one, so this is how a person gets out of a question without answering it three times.
 */
export const Cancel: IntentDefinition = {
  name: IntentName.Cancel,
  description: 'Drop the question or action in progress; nothing is saved.',
  sampleUtterances: [
    'cancel',
    'cancel it',
    'cancel please',
    'never mind',
    'nevermind',
    'actually never mind',
    'oh never mind',
    'forget it',
    'forget about it',
    'just forget it',
    'stop',
    'please stop',
    'stop this',
    'start over',
    "let's start over",
    'abort',
    'skip it',
    'leave it',
    'not now',
    'no thanks',
    'nothing',
    'nothing thanks',
    'I changed my mind',
    "don't bother",
    'drop it',
    'quit',
  ],
  slots: [],
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};
