import type { SlotTypeDefinition } from '../types';

/** Which view of spending SpendingInsights gives. The values are fixed: fulfillment switches on them. */
export const InsightType: SlotTypeDefinition = {
  name: 'InsightType',
  description: 'A kind of spending insight.',
  resolutionStrategy: 'TOP_RESOLUTION',
  values: [
    {
      value: 'Biggest',
      synonyms: [
        'biggest',
        'largest',
        'most expensive',
        'top expenses',
        'biggest expenses',
        'largest purchases',
        'priciest',
        'spend most',
        'spend the most',
        'most money',
      ],
    },
    {
      value: 'DailyAverage',
      synonyms: [
        'average daily',
        'daily average',
        'average per day',
        'average a day',
        'on average per day',
        'daily spending',
        'average day',
      ],
    },
    {
      value: 'WeeklyAverage',
      synonyms: [
        'average weekly',
        'weekly average',
        'average per week',
        'average a week',
        'weekly spending',
        'average week',
      ],
    },
    {
      value: 'Trend',
      synonyms: [
        'trend',
        'trends',
        'trending',
        'over time',
        'month by month',
        'month over month',
        'monthly trend',
        'going up or down',
      ],
    },
    {
      value: 'ByWeek',
      synonyms: [
        'by week',
        'week by week',
        'weekly breakdown',
        'each week of',
        'per week breakdown',
        'broken down by week',
      ],
    },
    {
      value: 'TopNotes',
      synonyms: [
        'top merchants',
        'merchants',
        'top notes',
        'top stores',
        'top shops',
        'where i shop most',
        'top places',
      ],
    },
    {
      value: 'VersusUsual',
      synonyms: [
        'more than usual',
        'less than usual',
        'than usual',
        'than normal',
        'too much',
        'more than normal',
        'compared to usual',
        'than i usually do',
        'than typical',
        'more than average',
      ],
    },
  ],
};
