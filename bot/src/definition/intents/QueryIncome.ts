import { IntentName } from '../names';
import type { IntentDefinition } from '../types';
import { dateSlot, incomeCategorySlot } from './slots';

/** Money that came in, for a period and optionally one income category. */
export const QueryIncome: IntentDefinition = {
  name: IntentName.QueryIncome,
  description: 'Total income for a period, optionally for one income category.',
  sampleUtterances: [
    'how much did I earn',
    'how much did I earn {Date}',
    'how much have I earned {Date}',
    'how much did I make {Date}',
    'how much money did I make {Date}',
    'how much have I made so far {Date}',
    'what was my income {Date}',
    "what's my income {Date}",
    'what is my total income',
    'total income {Date}',
    'my income {Date}',
    'show my income',
    'show my income {Date}',
    'how much came in {Date}',
    'how much money came in {Date}',
    'how much did I receive {Date}',
    'how much {Category} did I get {Date}',
    'how much {Category} {Date}',
    'how much did I earn from {Category} {Date}',
    'how much {Category} income {Date}',
    'what did I earn from {Category}',
    'total {Category} {Date}',
    'income from {Category} {Date}',
    'earnings {Date}',
    'my earnings {Date}',
    'show my earnings',
    'how much have I been paid {Date}',
    'what did I get paid {Date}',
    'income breakdown {Date}',
    'where did my income come from {Date}',
  ],
  slots: [incomeCategorySlot(false), dateSlot('For which period?')],
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};
