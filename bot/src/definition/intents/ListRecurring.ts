import { IntentName } from '../names';
import type { IntentDefinition } from '../types';
import { dateSlot } from './slots';

/** Read-only: every recurring payment and income with its next date and monthly cost, or those due in a period. */
export const ListRecurring: IntentDefinition = {
  name: IntentName.ListRecurring,
  description: 'List recurring payments and income, or the bills due in a period.',
  sampleUtterances: [
    'what are my recurring payments',
    'show my recurring payments',
    'list my recurring payments',
    'list my bills',
    'show my bills',
    'what bills do I have',
    'my bills',
    'my recurring payments',
    'my subscriptions and bills',
    'list my subscriptions',
    'what subscriptions do I pay for',
    'show recurring income',
    'what recurring income do I have',
    'list recurring',
    'show my regular payments',
    'what do I pay every month',
    'how much do my bills cost a month',
    'what are my monthly bills',
    'what bills are due {Date}',
    'which bills are due {Date}',
    'bills due {Date}',
    'what is due {Date}',
    'what payments are coming up {Date}',
    'upcoming bills',
    'what bills are coming up',
    'any bills due {Date}',
    'do I have bills due {Date}',
    'what do I have to pay {Date}',
    'when is my next bill',
    'show upcoming payments',
  ],
  slots: [dateSlot('For which period?')],
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};
