import { IntentName } from '../names';
import type { IntentDefinition } from '../types';

/**
 * No intent-level confirmation: the code hook already knows which transaction "the last one" is and
 * asks with ConfirmIntent naming it ("Delete 12.50 for Food on Nov 3?"), which a static prompt cannot.
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
  ],
  slots: [],
  dialogCodeHook: true,
  fulfillmentCodeHook: true,
};
