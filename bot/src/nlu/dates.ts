/**
 * Finds date phrases and resolves them the way Lex's AMAZON.Date does: one day, and for a period the
 * day it starts ("last month" → the 1st of last month). The phrase itself (originalValue) is kept
 * verbatim, because fulfillment turns those words into a range. Relative phrases and written dates
 * ("march 3", "3rd of november", "11/20", "2026-11-03") are all matched by the rules below: they keep a
 * day that does not exist as words instead of moving it, and they keep this module small enough for
 * the chat proxy, which splits messages with it (segments.ts).
 */
import {
  addDays,
  addMonths,
  day,
  firstOfMonth,
  isoDate,
  localDay,
  mondayOf,
  type CalendarUnit,
} from './calendar';
import type { Span } from './spans';
import { longestNonOverlapping } from './spans';
import {
  AGO,
  ANY_MONTH,
  BACK_WORD,
  COUNT,
  FULL_MONTH,
  FULL_WEEKDAY,
  MONTHS,
  ORDINAL_SUFFIX,
  SHORT_MONTH,
  SHORT_WEEKDAY,
  isShortMonth,
  monthNumber,
  offsetOf,
  toCount,
  weekdayNumber,
  whichOf,
  type Which,
} from './dateWords';

/**
 * What the words say about time besides the day they resolve to: the range they name around it.
 * Lex's AMAZON.Date keeps only the day, so fulfillment reads the slot's words back through this reader
 * (dateRange.ts) for the shape.
 */
export type DateShape =
  /** One day. `only` when the words name nothing but a day of the month ("the 15th") or a weekday. */
  | { kind: 'day'; only?: 'dayOfMonth' | 'weekday' }
  /** "last month", "this week": the calendar unit holding the day. */
  | { kind: 'period'; unit: CalendarUnit; which: Which }
  /** "the last 30 days", "past week": counted back from today. */
  | { kind: 'rolling'; unit: 'day' | CalendarUnit; count?: number }
  /** "month to date", "ytd". */
  | { kind: 'toDate'; unit: CalendarUnit }
  | { kind: 'weekend'; which: 'this' | 'last' }
  /** A month named without a day ("in October"). */
  | { kind: 'month' }
  /** A year said alone ("in 2026"). */
  | { kind: 'year' };

export interface DateReading {
  /** The day Lex's AMAZON.Date resolves the words to; INVALID for a day that does not exist. */
  day: Date | typeof INVALID;
  shape: DateShape;
  /** "since monday": from the day up to today. */
  since: boolean;
}

export interface DateMatch extends Span {
  originalValue: string;
  /**
   * The ISO day, or '' when the words name a day that does not exist ("feb 30", "the 31st" in a 30-day
   * month): the slot then carries the words with no resolution, so fulfillment asks instead of guessing.
   */
  interpretedValue: string;
  shape: DateShape;
  since: boolean;
}

/** A day that does not exist: kept as words, never moved to a neighbouring day. */
export const INVALID = 'invalid';

/** After "the 3rd", these make it a count, not a day ("the 3rd time", "the 2nd one"). */
const NOT_A_DAY_AFTER =
  '(?:time|times|one|ones|item|entry|expense|transaction|purchase|payment|charge|place|floor)\\b';
const MONEY_WORDS = '(?:dollars?|bucks?|euros?|pounds?|quid|cents?|usd|eur|gbp)';

/** Words that belong to the date phrase when they lead it ("in October", "since monday"). */
const LEAD = '(?:(?:in|on|since|during|from|over)\\s+(?:the\\s+)?)?';

type Resolved = Date | null | typeof INVALID;
type Rule = {
  re: RegExp;
  resolve: (m: RegExpExecArray, today: Date) => Resolved;
  shape: (m: RegExpExecArray) => DateShape;
};

const ONE_DAY: DateShape = { kind: 'day' };
const oneDay = () => ONE_DAY;
const unitOf = (word: string): 'day' | CalendarUnit =>
  word.startsWith('week')
    ? 'week'
    : word.startsWith('month')
      ? 'month'
      : word.startsWith('year')
        ? 'year'
        : 'day';

const rules: Rule[] = [
  { re: /\b(?:the\s+)?day\s+before\s+yesterday\b/g, resolve: (_m, t) => addDays(t, -2), shape: oneDay },
  {
    re: /\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b/g,
    resolve: (_m, t) => t,
    shape: oneDay,
  },
  {
    re: /\b(?:yesterday(?:\s+(?:morning|afternoon|evening|night))?|last\s+night)\b/g,
    resolve: (_m, t) => addDays(t, -1),
    shape: oneDay,
  },
  { re: /\btomorrow\b/g, resolve: (_m, t) => addDays(t, 1), shape: oneDay },
  {
    re: new RegExp(`\\b${COUNT}\\s+(days?|weeks?|months?)\\s+${AGO}\\b`, 'g'),
    resolve: (m, t) => back(t, toCount(m[1] ?? ''), m[2] ?? 'day'),
    shape: oneDay,
  },
  {
    // "the last 30 days" resolves, as AMAZON.Date does, to the day before the span began.
    re: new RegExp(`\\b${LEAD}(?:${BACK_WORD})\\s+${COUNT}\\s+(days?|weeks?|months?|years?)\\b`, 'g'),
    resolve: (m, t) => back(t, toCount(m[1] ?? ''), m[2] ?? 'day'),
    shape: (m) => ({ kind: 'rolling', unit: unitOf(m[2] ?? 'day'), count: toCount(m[1] ?? '') }),
  },
  {
    re: new RegExp(
      `\\b(?:so\\s+far\\s+|earlier\\s+)?${LEAD}(this|last|previous|past|current|next)\\s+(week|month|year)(?:\\s+so\\s+far)?\\b`,
      'g',
    ),
    resolve: (m, t) => periodStart(t, m[2] ?? 'week', offsetOf(whichOf(m[1]))),
    // "past week" is the seven days up to today; "last week" the calendar week before this one.
    shape: (m) =>
      m[1] === 'past'
        ? { kind: 'rolling', unit: unitOf(m[2] ?? 'week') }
        : { kind: 'period', unit: unitOf(m[2] ?? 'week') as CalendarUnit, which: whichOf(m[1]) },
  },
  {
    re: new RegExp(`\\b${LEAD}(this|last|past)\\s+weekend\\b`, 'g'),
    resolve: (m, t) => weekday(t, 6, m[1] === 'this' ? undefined : 'last'),
    shape: (m) => ({ kind: 'weekend', which: m[1] === 'this' ? 'this' : 'last' }),
  },
  {
    // "how much did i spend in 2026": a year is the 1st of January, as Lex resolves it, and all of that
    // year as a range. Only with a leading word, and only a year standing alone: "paid 20 for 2025
    // taxes" names no day.
    re: /\b(?:in|during|throughout)\s+(?:the\s+year\s+)?((?:19|20)\d{2})(?=\s*(?:$|[?!,;]|\.(?!\d)|(?:and|on|for|at|so|i|what|how|alone|overall|total)\b))/g,
    resolve: (m) => day(Number(m[1]), 1, 1),
    shape: () => ({ kind: 'year' }),
  },
  {
    re: /\b(?:(year|month|week)\s+to\s+date|ytd|mtd)\b/g,
    resolve: (m, t) => periodStart(t, m[1] ?? (m[0] === 'mtd' ? 'month' : 'year'), 0),
    shape: (m) => ({ kind: 'toDate', unit: (m[1] ?? (m[0] === 'mtd' ? 'month' : 'year')) as CalendarUnit }),
  },
  {
    re: new RegExp(`\\b${LEAD}(?:(last|this|past|next)\\s+)?(${FULL_WEEKDAY})s?\\b`, 'g'),
    resolve: (m, t) => weekday(t, weekdayNumber(m[2] ?? ''), m[1]),
    shape: weekdayShape,
  },
  {
    // Abbreviations ("sat", "wed") are ordinary words too, so only a leading word makes them dates, and
    // not when a noun follows ("on sun hat").
    re: new RegExp(
      `\\b(?:(?:on|since)\\s+|(last|this|next)\\s+)(${SHORT_WEEKDAY})\\b\\.?(?!\\s+(?!(?:and|or|for|at|with|from|to|in|on|the|a|an|i|we|it|my|morning|afternoon|evening|night)\\b)[a-z])`,
      'g',
    ),
    resolve: (m, t) => weekday(t, Math.max(0, weekdayNumber(m[2] ?? '')), m[1]),
    shape: weekdayShape,
  },
  {
    // "may" and "march" are ordinary words, so bare month names other than those stand alone, the rest
    // need a leading word. A month followed by a day number is a day (the rules below).
    re: new RegExp(
      `\\b(?:(in|during|for|since|of|from|last|this)\\s+)?(${FULL_MONTH}|${SHORT_MONTH})\\b(?:\\s+(\\d{4})\\b)?(?!\\s*\\d)`,
      'g',
    ),
    resolve: (m, t) => monthStart(t, m[1], m[2] ?? '', m[3]),
    shape: () => ({ kind: 'month' }),
  },
  {
    // "the 15th" alone is a day of this month. Not "the 3rd time", nor "the 5th of march" (below).
    re: new RegExp(
      `\\b(?:on\\s+)?the\\s+(\\d{1,2})${ORDINAL_SUFFIX}\\b(?!\\s+(?:of\\b|${ANY_MONTH}\\b|${NOT_A_DAY_AFTER}))`,
      'g',
    ),
    resolve: (m, t) => dayOfMonth(t, Number(m[1]), 0),
    shape: () => ({ kind: 'day', only: 'dayOfMonth' }),
  },
  {
    re: new RegExp(
      `\\b(?:on\\s+)?the\\s+(\\d{1,2})${ORDINAL_SUFFIX}?\\s+of\\s+(this|last|previous|next)\\s+month\\b`,
      'g',
    ),
    resolve: (m, t) => dayOfMonth(t, Number(m[1]), offsetOf(whichOf(m[2]))),
    shape: oneDay,
  },
  {
    // Day then month: "3 nov", "the 3rd of november", "15th of march 2026".
    re: new RegExp(
      `(?<![\\d.,$€£¥₹₫]|[$€£¥₹₫]\\s)\\b(?:the\\s+)?(\\d{1,2})(st|nd|rd|th)?\\s+(?:of\\s+)?(${ANY_MONTH})\\b\\.?(?:,?\\s+(\\d{4})\\b)?`,
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
    shape: oneDay,
  },
  {
    // Month then day: "nov 3", "november 3rd", "march the 15th", "feb 30". Not "may 20 dollars".
    re: new RegExp(
      `\\b(${ANY_MONTH})\\.?\\s+(?:the\\s+)?(\\d{1,2})${ORDINAL_SUFFIX}?\\b(?![.,:/]\\d|\\s*(?:k\\b|%|${MONEY_WORDS}\\b))(?:,?\\s+(\\d{4})\\b)?`,
      'g',
    ),
    resolve: (m, t) => monthDay(t, m[1] ?? '', Number(m[2]), m[3]),
    shape: oneDay,
  },
  {
    // ISO and dotted year-first dates: "2026-11-02", "2026.11.02", "2026/11/02".
    re: /\b(\d{4})([-./])(\d{1,2})\2(\d{1,2})\b(?![-./]\d)/g,
    resolve: (m) => validDay(Number(m[1]), Number(m[3]), Number(m[4])),
    shape: oneDay,
  },
  {
    // US order: "11/3" is November 3rd, "11/3/2026" or "11/3/26" with a year. Not the tail of a longer
    // chain of numbers ("jars 55/10/10/10/10/5" are six percentages, not October 5th).
    re: /(?<!\d[/.])\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\b(?![/.]\d)/g,
    resolve: (m, t) =>
      monthDay(t, MONTHS[Number(m[1]) - 1] ?? '', Number(m[2]), m[3]?.length === 2 ? `20${m[3]}` : m[3]),
    shape: oneDay,
  },
];

/**
 * Rules for a Date slot's words read on their own (fulfillment reading back what Lex resolved): a year
 * or an ordinal day said alone is a date there ("2025", "for 2025", "15th"), though not inside a sentence.
 */
const wholePhraseRules: Rule[] = [
  {
    re: /^(?:(?:in|for|during|of|throughout)\s+)?(?:the\s+year\s+)?((?:19|20)\d{2})$/g,
    resolve: (m) => day(Number(m[1]), 1, 1),
    shape: () => ({ kind: 'year' }),
  },
  {
    re: new RegExp(`^(?:on\\s+)?(?:the\\s+)?(\\d{1,2})${ORDINAL_SUFFIX}?$`, 'g'),
    resolve: (m, t) => dayOfMonth(t, Number(m[1]), 0),
    shape: () => ({ kind: 'day', only: 'dayOfMonth' }),
  },
];

/** A weekday alone, or after "last"/"past", may be placed in another week; "this"/"next friday" may not. */
function weekdayShape(m: RegExpExecArray): DateShape {
  return m[1] === 'this' || m[1] === 'next' ? ONE_DAY : { kind: 'day', only: 'weekday' };
}

function back(today: Date, n: number, unit: string): Date {
  if (unit.startsWith('week')) return addDays(today, -7 * n);
  if (unit.startsWith('month')) return addMonths(today, -n);
  if (unit.startsWith('year')) return addMonths(today, -12 * n);
  return addDays(today, -n);
}

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

function monthStart(today: Date, lead: string | undefined, name: string, year: string | undefined): Resolved {
  const month = monthNumber(name);
  if (!month) return null;
  const ambiguous = name === 'may' || name === 'march' || isShortMonth(name);
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
function dayOfMonth(today: Date, n: number, offset: number): Resolved {
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
function monthDay(today: Date, name: string, n: number, year: string | undefined): Resolved {
  const month = monthNumber(name);
  if (!month || n < 1) return null;
  if (year) return validDay(Number(year), month, n);
  const thisYear = today.getUTCFullYear();
  const currentMonth = today.getUTCMonth() + 1;
  // Feb 29 is checked against the year it resolves to.
  return validDay(month <= currentMonth ? thisYear : thisYear - 1, month, n);
}

interface Found extends Span, DateReading {}

function matchAll(ruleSet: Rule[], lower: string, today: Date): Found[] {
  const found: Found[] = [];
  for (const rule of ruleSet) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(lower); m; m = rule.re.exec(lower)) {
      const d = rule.resolve(m, today);
      if (!d) continue;
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        day: d,
        shape: rule.shape(m),
        since: /^since\b/.test(m[0]),
      });
    }
  }
  return found;
}

/**
 * Every date phrase in `lower` (the lower-cased text; `original` gives the verbatim words), in text
 * order, resolved at `now` in `timeZone`.
 */
export function findDates(lower: string, original: string, now: Date, timeZone: string): DateMatch[] {
  const today = localDay(now, timeZone);
  return longestNonOverlapping(matchAll(rules, lower, today)).map((f) => ({
    start: f.start,
    end: f.end,
    originalValue: original.slice(f.start, f.end),
    interpretedValue: f.day === INVALID ? '' : isoDate(f.day),
    shape: f.shape,
    since: f.since,
  }));
}

/**
 * What a Date slot's words say, read by the same rules that fill the slot: the first date phrase in
 * them, resolved on `today` (a UTC-midnight day), or null when they hold none.
 */
export function readDateWords(words: string, today: Date): DateReading | null {
  const lower = words
    .toLowerCase()
    .replace(/[?!,]|\.$/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const whole = matchAll(wholePhraseRules, lower, today)[0];
  if (whole) return { day: whole.day, shape: whole.shape, since: whole.since };
  const [first] = longestNonOverlapping(matchAll(rules, lower, today));
  return first ? { day: first.day, shape: first.shape, since: first.since } : null;
}
