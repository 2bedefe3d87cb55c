import type { SlotTypeDefinition } from '../types';
import { RecurringAction } from '../names';

/**
 * Pause or resume a recurring payment. Only words no other intent uses: slot-type words are found in
 * every sentence, so "cancel" or "stop" here would change how "cancel" (never mind) is read.
 */
export const RecurringActionType: SlotTypeDefinition = {
  name: 'RecurringActionType',
  description: 'Pause or resume a recurring payment or income.',
  resolutionStrategy: 'TOP_RESOLUTION',
  values: [
    {
      value: RecurringAction.Pause,
      synonyms: ['pause', 'paused', 'put on hold', 'on hold', 'suspend', 'freeze'],
    },
    {
      value: RecurringAction.Resume,
      synonyms: ['resume', 'unpause', 'restart', 'reactivate', 'turn back on', 'start again', 'unfreeze'],
    },
  ],
};
