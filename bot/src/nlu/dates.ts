/**
 * Finds date phrases and resolves them the way Lex's AMAZON.Date does: one day, and for a period the
 * day it starts ("last month" → the 1st of last month). The phrase itself (originalValue) is kept
 * verbatim, because fulfillment turns those words into a range. Relative phrases and written dates
 * ("march 3", "3rd of november", "11/20", "2026-11-03") are all matched by the rules below: they keep a
 * day that does not exist as words instead of moving it, and they keep this module small enough for
 * the chat proxy, which splits messages with it (segments.ts).
 */
import { addDays, addMonths, day, firstOfMonth, isoDate, localDay, mondayOf } from './calendar';
import type { Span } from './spans';
import { longestNonOverlapping } from './spans';
import { COUNT_WORDS } from './countWords';

export interface DateMatch extends Span {
  originalValue: string;
  /**
   * The ISO day, or '' when the words name a day that does not exist ("feb 30", "the 31st" in a 30-day
   * month): the slot then carries the words with no resolution, so fulfillment asks instead of guessing.
   */
  interpretedValue: string;
}

/** A day that does not exist: kept as words, never moved to a neighbouring day. */
const INVALID = 'invalid';

const COUNT = `(\\d{1,3}|${Object.keys(COUNT_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
const toCount = (word: string): number => COUNT_WORDS[word] ?? Number(word);

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_ABBR: Record<string, number> = {
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
const MONTHS = [
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
];
const MONTH_ABBR: Record<string, number> = {
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

const MONTH_NAMES = [...MONTHS, ...Object.keys(MONTH_ABBR)].sort((a, b) => b.length - a.length).join('|');
/** After "the 3rd", these make it a count, not a day ("the 3rd time", "the 2nd one"). */
const NOT_A_DAY_AFTER =
  '(?:time|times|one|ones|item|entry|expense|transaction|purchase|payment|charge|place|floor)\\b';
const MONEY_WORDS = '(?:dollars?|bucks?|euros?|pounds?|quid|cents?|usd|eur|gbp)';

/** Words that belong to the date phrase when they lead it ("in October", "since monday"). */
const LEAD = '(?:(?:in|on|since|during|from|over)\\s+(?:the\\s+)?)?';

type Rule = { re: RegExp; resolve: (m: RegExpExecArray, today: Date) => Date | null | typeof INVALID };

const rules: Rule[] = [
  { re: /\b(?:the\s+)?day\s+before\s+yesterday\b/g, resolve: (_m, t) => addDays(t, -2) },
  {
    re: /\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b/g,
    resolve: (_m, t) => t,
  },
  {
    re: /\b(?:yesterday(?:\s+(?:morning|afternoon|evening|night))?|last\s+night)\b/g,
    resolve: (_m, t) => addDays(t, -1),
  },
  { re: /\btomorrow\b/g, resolve: (_m, t) => addDays(t, 1) },
  {
    re: new RegExp(`\\b${COUNT}\\s+(days?|weeks?|months?)\\s+ago\\b`, 'g'),
    resolve: (m, t) => back(t, toCount(m[1] ?? ''), m[2] ?? 'day'),
  },
  {
    re: new RegExp(`\\b${LEAD}(?:last|past|previous)\\s+${COUNT}\\s+(days?|weeks?|months?)\\b`, 'g'),
    resolve: (m, t) => back(t, toCount(m[1] ?? ''), m[2] ?? 'day'),
  },
  {
    re: new RegExp(
      `\\b(?:so\\s+far\\s+|earlier\\s+)?${LEAD}(this|last|previous|past|current|next)\\s+(week|month|year)(?:\\s+so\\s+far)?\\b`,
      'g',
    ),
    resolve: (m, t) => periodStart(t, m[2] ?? 'week', offsetOf(m[1] ?? 'this')),
  },
  {
    re: new RegExp(`\\b${LEAD}(this|last|past)\\s+weekend\\b`, 'g'),
    resolve: (m, t) => weekday(t, 6, m[1] === 'this' ? undefined : 'last'),
  },
  {
    // "how much did i spend in 2026": a year is the 1st of January, as Lex resolves it; dateRange.ts reads
    // the words as the whole year. Only with a leading word.
    // Only a year standing alone: "paid 20 for 2025 taxes" names no day.
    re: /\b(?:in|during|throughout)\s+(?:the\s+year\s+)?((?:19|20)\d{2})(?=\s*(?:$|[?!,;]|\.(?!\d)|(?:and|on|for|at|so|i|what|how|alone|overall|total)\b))/g,
    resolve: (m) => day(Number(m[1]), 1, 1),
  },
  {
    re: /\b(?:(year|month|week)\s+to\s+date|ytd|mtd)\b/g,
    resolve: (m, t) => periodStart(t, m[1] ?? (m[0] === 'mtd' ? 'month' : 'year'), 0),
  },
  {
    re: new RegExp(`\\b${LEAD}(?:(last|this|past|next)\\s+)?(${WEEKDAYS.join('|')})s?\\b`, 'g'),
    resolve: (m, t) => weekday(t, WEEKDAYS.indexOf(m[2] ?? ''), m[1]),
  },
  {
    // Abbreviations ("sat", "wed") are ordinary words too, so only a leading word makes them dates, and
    // not when a noun follows ("on sun hat").
    re: new RegExp(
      `\\b(?:(?:on|since)\\s+|(last|this|next)\\s+)(${Object.keys(WEEKDAY_ABBR).join('|')})\\b\\.?(?!\\s+(?!(?:and|or|for|at|with|from|to|in|on|the|a|an|i|we|it|my|morning|afternoon|evening|night)\\b)[a-z])`,
      'g',
    ),
    resolve: (m, t) => weekday(t, WEEKDAY_ABBR[m[2] ?? ''] ?? 0, m[1]),
  },
  {
    // "may" and "march" are ordinary words, so bare month names other than those stand alone, the rest
    // need a leading word. A following day number is left to chrono ("march 3").
    re: new RegExp(
      `\\b(?:(in|during|for|since|of|from|last|this)\\s+)?(${MONTHS.join('|')}|${Object.keys(MONTH_ABBR).join('|')})\\b(?:\\s+(\\d{4})\\b)?(?!\\s*\\d)`,
      'g',
    ),
    resolve: (m, t) => monthStart(t, m[1], m[2] ?? '', m[3]),
  },
  {
    // "the 15th" alone is a day of this month. Not "the 3rd time", nor "the 5th of march" (below).
    re: new RegExp(
      `\\b(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\b|${MONTH_NAMES}\\b|${NOT_A_DAY_AFTER}))`,
      'g',
    ),
    resolve: (m, t) => dayOfMonth(t, Number(m[1]), 0),
  },
  {
    re: /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)?\s+of\s+(this|last|previous|next)\s+month\b/g,
    resolve: (m, t) => dayOfMonth(t, Number(m[1]), offsetOf(m[2] ?? 'this')),
  },
  {
    // Day then month: "3 nov", "the 3rd of november", "15th of march 2026".
    re: new RegExp(
      `(?<![\\d.,$€£¥₹₫]|[$€£¥₹₫]\\s)\\b(?:the\\s+)?(\\d{1,2})(st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_NAMES})\\b\\.?(?:,?\\s+(\\d{4})\\b)?`,
      'g',
    ),
    resolve: (m, t) => {
      const plain = !m[2] && !/\b(?:the|of)\b/.test(m[0]) && !m[4];
      // "4 may" is more likely an amount and a modal verb; in "applesauce 67 aug 15" or "haircut 38
      // nov 14" the number before the month is the amount and the day comes after it.
      if (plain && (m[3] === 'may' || /^\s+\d/.test(m.input.slice(m.index + m[0].length)))) return null;
      if (plain && Number(m[1]) > 31) return null;
      return monthDay(t, m[3] ?? '', Number(m[1]), m[4]);
    },
  },
  {
    // Month then day: "nov 3", "november 3rd", "march the 15th", "feb 30". Not "may 20 dollars".
    re: new RegExp(
      `\\b(${MONTH_NAMES})\\.?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?![.,:/]\\d|\\s*(?:k\\b|%|${MONEY_WORDS}\\b))(?:,?\\s+(\\d{4})\\b)?`,
      'g',
    ),
    resolve: (m, t) => monthDay(t, m[1] ?? '', Number(m[2]), m[3]),
  },
  {
    // ISO and dotted year-first dates: "2026-11-02", "2026.11.02", "2026/11/02".
    re: /\b(\d{4})([-./])(\d{1,2})\2(\d{1,2})\b(?![-./]\d)/g,
    resolve: (m) => validDay(Number(m[1]), Number(m[3]), Number(m[4])),
  },
  {
    // US order: "11/3" is November 3rd, "11/3/2026" or "11/3/26" with a year.
    re: /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\b(?![/.]\d)/g,
    resolve: (m, t) =>
      monthDay(t, MONTHS[Number(m[1]) - 1] ?? '', Number(m[2]), m[3]?.length === 2 ? `20${m[3]}` : m[3]),
  },
];

function back(today: Date, n: number, unit: string): Date {
  if (unit.startsWith('week')) return addDays(today, -7 * n);
  if (unit.startsWith('month')) return addMonths(today, -n);
  return addDays(today, -n);
}

const offsetOf = (word: string): number =>
  word === 'next' ? 1 : word === 'this' || word === 'current' ? 0 : -1;

function periodStart(today: Date, unit: string, offset: number): Date {
  if (unit === 'week') return addDays(mondayOf(today), 7 * offset);
  if (unit === 'month') return addMonths(firstOfMonth(today), offset);
  return day(today.getUTCFullYear() + offset, 1, 1);
}

function weekday(today: Date, target: number, qualifier: string | undefined): Date {
  const daysAgo = (today.getUTCDay() - target + 7) % 7; // 0..6, today included
  if (qualifier === 'next') return addDays(today, 7 - daysAgo);
  if (qualifier === 'this') return addDays(mondayOf(today), (target + 6) % 7);
  // "last friday" said on a Friday means a week ago; "friday"/"on friday"/"since friday" the latest one.
  if (qualifier === 'last' || qualifier === 'past') return addDays(today, daysAgo === 0 ? -7 : -daysAgo);
  return addDays(today, -daysAgo);
}

function monthStart(
  today: Date,
  lead: string | undefined,
  name: string,
  year: string | undefined,
): Date | null {
  const full = MONTHS.indexOf(name);
  const month = full >= 0 ? full + 1 : (MONTH_ABBR[name] ?? 0);
  if (!month) return null;
  const ambiguous = name === 'may' || name === 'march' || full < 0;
  if (ambiguous && !lead && !year) return null;
  if (year) return day(Number(year), month, 1);
  const thisYear = today.getUTCFullYear();
  if (lead === 'this') return day(thisYear, month, 1);
  const currentMonth = today.getUTCMonth() + 1;
  // A month named without a year is the latest one that has begun ("last october" in October is a year ago).
  if (lead === 'last') return day(month < currentMonth ? thisYear : thisYear - 1, month, 1);
  return day(month <= currentMonth ? thisYear : thisYear - 1, month, 1);
}

/**
 * "the 15th" (offset 0) is this month's, even when still ahead: a future day is confirmed by
 * fulfillment, not moved. "the 15th of last month" is offset -1. A day the month lacks is invalid.
 */
function dayOfMonth(today: Date, n: number, offset: number): Date | typeof INVALID | null {
  if (n < 1) return null;
  const first = addMonths(firstOfMonth(today), offset);
  return validDay(first.getUTCFullYear(), first.getUTCMonth() + 1, n);
}

function validDay(year: number, month1: number, n: number): Date | typeof INVALID {
  if (n < 1 || n > 31) return INVALID;
  const candidate = day(year, month1, n);
  return candidate.getUTCMonth() === month1 - 1 ? candidate : INVALID;
}

/**
 * A month and day without a year is the latest such day that has come, or one later this month (a
 * future day is confirmed by fulfillment): "dec 3" said in November is last December's.
 */
function monthDay(
  today: Date,
  name: string,
  n: number,
  year: string | undefined,
): Date | typeof INVALID | null {
  const full = MONTHS.indexOf(name);
  const month = full >= 0 ? full + 1 : (MONTH_ABBR[name] ?? 0);
  if (!month || n < 1) return null;
  if (year) return validDay(Number(year), month, n);
  const thisYear = today.getUTCFullYear();
  const currentMonth = today.getUTCMonth() + 1;
  // Feb 29 is checked against the year it resolves to.
  return validDay(month <= currentMonth ? thisYear : thisYear - 1, month, n);
}

/**
 * Every date phrase in `lower` (the lower-cased text; `original` gives the verbatim words), in text
 * order, resolved at `now` in `timeZone`.
 */
export function findDates(lower: string, original: string, now: Date, timeZone: string): DateMatch[] {
  const today = localDay(now, timeZone);
  const candidates: DateMatch[] = [];
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(lower); m; m = rule.re.exec(lower)) {
      const d = rule.resolve(m, today);
      if (!d) continue;
      const start = m.index;
      const end = m.index + m[0].length;
      candidates.push({
        start,
        end,
        originalValue: original.slice(start, end),
        interpretedValue: d === INVALID ? '' : isoDate(d),
      });
    }
  }
  return longestNonOverlapping(candidates);
}
