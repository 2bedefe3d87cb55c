import { IntentName } from '../names';
import type { IntentDefinition } from '../types';
import { prompt } from './prompts';
import { dateSlot, expenseCategorySlot } from './slots';

/**
 * Deleting is confirmed. The code hook knows which transaction "the last one" is and asks with
 * ConfirmIntent naming it ("Delete 12.50 for Food on Nov 3?"), which a static prompt cannot; the
 * intent's own confirmation (retries, declination, failure response) is Lex's step if a hook delegates,
 * and its retries and failure response also apply to the hook's question.
 * The optional Category and Date slots describe which one ("delete the coffee from yesterday"); the
 * code hook reads them when they are filled and the most recent transaction otherwise.
 */
export const DeleteTransaction: IntentDefinition = {
  name: IntentName.DeleteTransaction,
  description: 'Remove the most recent transaction (undo).',
  sampleUtterances: [
    'undo',
    'undo that',
    'undo the last one',
    'undo my last entry',
    'undo last',
    'delete the last transaction',
    'delete the last one',
    'delete my last expense',
    'delete last entry',
    'delete the previous transaction',
    'delete that',
    'delete it',
    'delete a transaction',
    'oops delete that',
    'remove the last transaction',
    'remove my last entry',
    'remove that one',
    'remove the previous expense',
    'remove a transaction',
    'cancel that expense',
    'cancel the last transaction',
    'erase the last entry',
    'get rid of the last transaction',
    'revert the last transaction',
    'take that back',
    'scratch that',
    'that was a mistake',
    'wrong entry delete it',
    'delete the {Category} expense',
    'remove the {Category} I just logged',
    'delete my {Category} from {Date}',
    'undo the {Category} purchase',
    'cancel the {Category} entry',
    'remove the {Category} transaction {Date}',
    'that entry was wrong delete it',
  ],
  slots: [expenseCategorySlot(false, 'Which category was it?'), dateSlot('From which day?')],
  confirmation: {
    prompt: prompt('Deleting cannot be undone. Delete that transaction?'),
    declinationResponse: { message: 'OK, nothing was deleted.' },
    failureResponse: { message: "I didn't get a yes or a no, so nothing was deleted." },
  },
  dialogCodeHook: true,
  fulfillmentCodeHook: true,
};
