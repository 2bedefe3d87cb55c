import type { SlotTypeDefinition } from '../types';
import { BudgetPeriod } from '../names';

export const BudgetPeriodType: SlotTypeDefinition = {
  name: 'BudgetPeriodType',
  description: 'How often a budget resets.',
  resolutionStrategy: 'TOP_RESOLUTION',
  values: [
    {
      value: BudgetPeriod.Daily,
      synonyms: ['daily', 'a day', 'per day', 'each day', 'every day'],
    },
    {
      value: BudgetPeriod.Weekly,
      synonyms: ['weekly', 'week', 'a week', 'per week', 'each week', 'every week', 'wk'],
    },
    {
      value: BudgetPeriod.Monthly,
      synonyms: ['monthly', 'month', 'a month', 'per month', 'each month', 'every month', 'mo'],
    },
    {
      value: BudgetPeriod.Yearly,
      synonyms: [
        'yearly',
        'year',
        'a year',
        'per year',
        'each year',
        'every year',
        'annual',
        'annually',
        'yr',
      ],
    },
  ],
};
