/**
 * The words of dates, defined once: month and weekday names with their abbreviations, the words that
 * place a period relative to now ("last", "this", "next"), "ago", ordinal suffixes and counts. The one
 * date reader (dates.ts) builds its rules from these; the NLU fills the Date slot with that reader and
 * fulfillment reads the slot's words back through it (dateRange.ts), so the two cannot drift apart. The
 * vague time words the classifier reads as a period ("so far", "lately") are here too (calendarWordsAsDate).
 */
import { COUNT_WORDS } from './countWords';
import { placeholderFor } from './placeholders';

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

const WEEKDAY_ABBREVIATIONS: Readonly<Record<string, number>> = {
  sun: 0,
  mon: 1,
  tue: 2,
  tues: 2,
  wed: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  fri: 5,
  sat: 6,
};

const longestFirst = (words: string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');

/** Regex alternations (no group) of the names above. */
export const FULL_MONTH = MONTHS.join('|');
export const SHORT_MONTH = Object.keys(MONTH_ABBREVIATIONS).join('|');
export const ANY_MONTH = longestFirst([...MONTHS, ...Object.keys(MONTH_ABBREVIATIONS)]);
export const FULL_WEEKDAY = WEEKDAYS.join('|');
export const SHORT_WEEKDAY = Object.keys(WEEKDAY_ABBREVIATIONS).join('|');

/** Month number (1–12) of a month's name or abbreviation, 0 for any other word. */
export function monthNumber(word: string): number {
  const full = (MONTHS as readonly string[]).indexOf(word);
  return full >= 0 ? full + 1 : (MONTH_ABBREVIATIONS[word] ?? 0);
}

/** True for a month abbreviation ("oct"), which is an ordinary word more often than a full name is. */
export const isShortMonth = (word: string): boolean => word in MONTH_ABBREVIATIONS;

/** Weekday number (0 = Sunday) of a weekday's name or abbreviation, -1 for any other word. */
export function weekdayNumber(word: string): number {
  const full = (WEEKDAYS as readonly string[]).indexOf(word);
  return full >= 0 ? full : (WEEKDAY_ABBREVIATIONS[word] ?? -1);
}

/** "3rd", "15th". */
export const ORDINAL_SUFFIX = '(?:st|nd|rd|th)';

/** Where a word places a period or weekday relative to the current one: "last month" is one back. */
export type Which = 'this' | 'last' | 'next';
const RELATIVE: Readonly<Record<string, Which>> = {
  this: 'this',
  current: 'this',
  last: 'last',
  previous: 'last',
  past: 'last',
  next: 'next',
};
export const whichOf = (word: string | undefined): Which => RELATIVE[word ?? 'this'] ?? 'this';
export const offsetOf = (which: Which): number => (which === 'next' ? 1 : which === 'this' ? 0 : -1);
/** The relative words that count back from today ("the last 30 days", "past week"). */
export const BACK_WORD = 'last|past|previous';

/** "3 days ago". */
export const AGO = 'ago';

/** A count in digits or words ("30", "two", "a few"): one capture group. */
export const COUNT = `(\\d{1,3}|${longestFirst(Object.keys(COUNT_WORDS))})`;
export const toCount = (word: string): number => COUNT_WORDS[word] ?? Number(word);

/** Words that point at a day still to come: "next friday", "tomorrow", "this coming monday". */
export const FUTURE_WORDS = /\b(?:tomorrow|next|coming|upcoming|in \d+ days?)\b/;

const DATE = placeholderFor('AMAZON.Date');
const NUMBER = placeholderFor('AMAZON.Number');
const UNIT = '(?:hours?|minutes?|days?|weeks?|months?|years?)';
const FEW = `(?:few |couple (?:of )?|several |${NUMBER} |\\d+ |two |three |four |five |six |ten )`;

/**
 * Time words that name no day the date reader can resolve ("recently", "lately", "so far", "the past
 * few weeks", "four hours ago", "this morning"). They say a question is about a period, just as "last
 * month" does, so the classifier sees them as the date placeholder — in the training samples and in the
 * user's text alike (the samples' "{Date}" and the date finder's spans become the same placeholder). The
 * Date slot is not filled from them: fulfillment's default period applies.
 */
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
    `(?:a |an |${FEW})?${UNIT} ${AGO}`,
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
