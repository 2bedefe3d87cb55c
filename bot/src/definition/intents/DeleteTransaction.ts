import { IntentName } from '../names';
import type { IntentDefinition } from '../types';
import { prompt } from './prompts';
import { dateSlot, entrySlot, expenseCategorySlot } from './slots';

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
  description: 'Remove a transaction: the most recent one, or the one described.',
  sampleUtterances: [
    'delete everything',
    'delete all my transactions',
    'remove all my entries',
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
    'that was a mistake',
    'wrong entry delete it',
    'delete the {Category} expense',
    'remove the {Category} I just logged',
    'delete my {Category} from {Date}',
    'cancel the {Category} entry',
    'remove the {Category} transaction {Date}',
    'that entry was wrong delete it',
    'delete the {Entry} one',
    'remove the {Entry}',
    'delete the {Entry} entry',
    'delete the {Entry} from {Date}',
    'remove the {Entry} one I logged {Date}',
    'get rid of the {Entry} expense',
    'delete the {Category} purchase',
    'erase the {Entry} transaction',
    'delete the {Entry} payment',
  ],
  slots: [expenseCategorySlot(false, 'Which category was it?'), dateSlot('From which day?'), entrySlot],
  confirmation: {
    prompt: prompt('Delete that transaction?'),
    declinationResponse: { message: 'OK, nothing was deleted.' },
    failureResponse: { message: "I didn't get a yes or a no, so nothing was deleted." },
  },
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};
