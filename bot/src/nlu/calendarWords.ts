/**
 * Time words that name no day the date finder can resolve ("recently", "lately", "so far", "the past
 * few weeks", "four hours ago", "this morning"), in one place. They say a question is about a period,
 * just as "last month" does, so the classifier sees them as the date placeholder — in the training
 * samples and in the user's text alike (the samples' "{Date}" and the date finder's spans become the
 * same placeholder). The Date slot is not filled from them: fulfillment's default period applies.
 */
import { placeholderFor } from './placeholders';

const DATE = placeholderFor('AMAZON.Date');
const NUMBER = placeholderFor('AMAZON.Number');
const UNIT = '(?:hours?|minutes?|days?|weeks?|months?|years?)';
const FEW = `(?:few |couple (?:of )?|several |${NUMBER} |\\d+ |two |three |four |five |six |ten )`;

const CALENDAR_WORDS = new RegExp(
  [
    'so far',
    'to date',
    'year to date',
    'ytd',
    'these days',
    'the other day',
    `(?:in |over |during |for |within )?(?:the )?(?:past|previous|recent) ${FEW}?${UNIT}`,
    `(?:in |over |during |for |within )?the last ${FEW}${UNIT}`,
    `(?:a |an |${FEW})?${UNIT} ago`,
    'this (?:morning|afternoon|evening|weekend)',
  ]
    .map((p) => `\\b${p}\\b`)
    .join('|'),
  'g',
);

/** Lower-cased text (or a sample, or a delexicalised variant) with its calendar words as the date placeholder. */
export function calendarWordsAsDate(lower: string): string {
  return lower.replace(CALENDAR_WORDS, DATE).replace(new RegExp(`\\b${DATE}(?: ${DATE})+\\b`, 'g'), DATE);
}
