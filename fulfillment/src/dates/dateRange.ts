/**
 * Turns what the user said about time ("last month", "in October", "since monday", "last 30 days")
 * into an inclusive range of calendar days. Lex's AMAZON.Date yields one day, never a range, so the
 * words themselves decide. A range that is exactly one ISO week, month or year carries its period key,
 * so totals can come from the store's rollups.
 */
import * as chrono from 'chrono-node';
import { COUNT_WORDS } from '@budgetbuddy/bot/src/nlu/countWords';
import {
  addDays,
  differenceInCalendarDays,
  endOfISOWeek,
  endOfMonth,
  endOfYear,
  format,
  startOfISOWeek,
  startOfMonth,
  startOfYear,
  subDays,
  subMonths,
  subWeeks,
  subYears,
} from 'date-fns';
import type { PeriodKey } from '../ports/LedgerRepository';
import { periodKeyOf } from '../domain/ledger/periods';
import { fromDay, toDay, type IsoDay } from './calendar';
import { lastWeekdayOnOrBefore, parseWeekday } from './weekdays';

export interface DateRange {
  from: IsoDay;
  to: IsoDay;
  /** Reads after "spent": "last month", "in October", "in the last 30 days". */
  label: string;
  /** Set when the range is exactly one calendar week, month or year. */
  period?: PeriodKey;
}

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

// Rollup keys come from the ledger, so a query reads exactly the items the store writes.
const weekPeriod = (d: Date): PeriodKey => periodKeyOf('week', toDay(d));
const monthPeriod = (d: Date): PeriodKey => periodKeyOf('month', toDay(d));
const yearPeriod = (d: Date): PeriodKey => periodKeyOf('year', toDay(d));

function weekRange(anyDay: Date, label: string): DateRange {
  return {
    from: toDay(startOfISOWeek(anyDay)),
    to: toDay(endOfISOWeek(anyDay)),
    label,
    period: weekPeriod(anyDay),
  };
}

function monthRange(anyDay: Date, today: Date, label?: string): DateRange {
  const sameYear = anyDay.getFullYear() === today.getFullYear();
  return {
    from: toDay(startOfMonth(anyDay)),
    to: toDay(endOfMonth(anyDay)),
    label: label ?? `in ${format(anyDay, sameYear ? 'MMMM' : 'MMMM yyyy')}`,
    period: monthPeriod(anyDay),
  };
}

function yearRange(anyDay: Date, label: string): DateRange {
  return {
    from: toDay(startOfYear(anyDay)),
    to: toDay(endOfYear(anyDay)),
    label,
    period: yearPeriod(anyDay),
  };
}

const dayRange = (day: Date, label: string): DateRange => ({ from: toDay(day), to: toDay(day), label });

function shortDay(d: Date, today: Date): string {
  return format(d, d.getFullYear() === today.getFullYear() ? 'EEEE, MMM d' : 'MMM d, yyyy');
}

const normalise = (words: string): string =>
  words
    .toLowerCase()
    .replace(/[?!.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Words that point at a day still to come: "next friday", "tomorrow", "this coming monday". */
export const FUTURE_WORDS = /\b(tomorrow|next|coming|upcoming|in \d+ days?)\b/;

/**
 * A month and day said without a year that, read in this year, is still to come and near ("dec 25"
 * said on Dec 1): most likely a day that has not happened yet, not one a year ago. null otherwise.
 */
export function nearFutureDay(words: string, today: IsoDay, withinDays = 60): Date | null {
  const text = normalise(words);
  const ref = fromDay(today);
  const result = chrono.parse(text, new Date(ref.getFullYear(), ref.getMonth(), ref.getDate(), 12), {
    forwardDate: false,
  })[0];
  if (!result || result.start.isCertain('year') || !result.start.isCertain('month')) return null;
  const d = result.start.date();
  const day = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  const ahead = differenceInCalendarDays(day, ref);
  return ahead > 0 && ahead <= withinDays ? day : null;
}

/** A day said in the past ("friday", "nov 3", "the 3rd"): never after today. */
export function parsePastDay(words: string, today: IsoDay): Date | null {
  const text = normalise(words);
  const ref = fromDay(today);
  // "next friday" is not a past day: the caller decides what to say about a day still to come.
  if (FUTURE_WORDS.test(text)) return null;
  if (/\bday before yesterday\b/.test(text)) return subDays(ref, 2);
  if (/\btoday\b|\btonight\b|\bthis morning\b/.test(text)) return ref;
  if (/\byesterday\b|\blast night\b/.test(text)) return subDays(ref, 1);
  const weekday = parseWeekday(text);
  if (weekday !== null && !/\d/.test(text)) {
    const day = lastWeekdayOnOrBefore(ref, weekday);
    // "last friday" said on a Friday means a week ago; plain "friday" means today.
    return /\b(last|previous)\b/.test(text) && day.getTime() === ref.getTime() ? subDays(day, 7) : day;
  }
  const ordinal = /\bthe (\d{1,2})(?:st|nd|rd|th)\b/.exec(text);
  if (ordinal && !MONTHS.some((m) => text.includes(m.slice(0, 3)))) {
    const dayOfMonth = Number(ordinal[1]);
    // "the 15th of last month" (issue 11): the month said, not the latest 15th.
    const monthsBack = /\bof (?:last|previous) month\b/.test(text) ? 1 : 0;
    let candidate = new Date(ref.getFullYear(), ref.getMonth() - monthsBack, dayOfMonth);
    if (!monthsBack && candidate > ref) candidate = subMonths(candidate, 1);
    return candidate.getDate() === dayOfMonth ? candidate : null;
  }
  const result = chrono.parse(text, new Date(ref.getFullYear(), ref.getMonth(), ref.getDate(), 12), {
    forwardDate: false,
  })[0];
  if (!result) return null;
  let date = result.start.date();
  date = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  // "Dec 3" said in November means last December.
  if (date > ref && !result.start.isCertain('year')) date = subYears(date, 1);
  return date;
}

function parseCount(word: string | undefined): number | null {
  if (!word) return 1;
  if (/^\d+$/.test(word)) return Number(word);
  return COUNT_WORDS[word] ?? null;
}

function rolling(text: string, ref: Date): DateRange | null {
  const m = /\b(?:last|past|previous)\s+(\d+|[a-z]+)?\s*(day|week|month|year)s?\b/.exec(text);
  if (!m) return null;
  const countWord = m[1];
  const unit = m[2] as 'day' | 'week' | 'month' | 'year';
  // "last week" / "last month" / "last year" name a calendar period, handled elsewhere.
  if (countWord === undefined && /\blast\s+(week|month|year)\b/.test(text)) return null;
  const count = parseCount(countWord);
  if (count === null || count < 1 || count > 3660) return null;
  const start =
    unit === 'day'
      ? subDays(ref, count - 1)
      : addDays({ week: subWeeks, month: subMonths, year: subYears }[unit](ref, count), 1);
  const plural = count === 1 ? unit : `${count} ${unit}s`;
  return { from: toDay(start), to: toDay(ref), label: `in the last ${plural}` };
}

function namedMonth(text: string, ref: Date): DateRange | null {
  const m = new RegExp(
    `\\b(${MONTHS.map((n) => `${n.slice(0, 3)}(?:${n.slice(3)})?`).join('|')})\\b(?:\\s+(\\d{4}))?`,
  ).exec(text);
  if (!m?.[1]) return null;
  if (/\b\d{1,2}(st|nd|rd|th)?\b/.test(text.replace(/\d{4}/, ''))) return null; // "nov 3" is a day
  const monthIndex = MONTHS.findIndex((n) => n.startsWith(m[1]!.slice(0, 3)));
  let year = m[2] ? Number(m[2]) : ref.getFullYear();
  if (!m[2] && monthIndex > ref.getMonth()) year -= 1;
  return monthRange(new Date(year, monthIndex, 1), ref);
}

/**
 * The range the words name, or null when they name none. `today` is the user's local date.
 */
export function resolveDateRange(words: string, today: IsoDay): DateRange | null {
  const text = normalise(words);
  const ref = fromDay(today);
  if (!text) return null;

  if (/\bday before yesterday\b/.test(text)) {
    const day = subDays(ref, 2);
    return dayRange(day, `on ${shortDay(day, ref)}`);
  }
  if (/\btoday\b/.test(text)) return dayRange(ref, 'today');
  if (/\byesterday\b/.test(text)) return dayRange(subDays(ref, 1), 'yesterday');
  if (/\b(this|current) week\b|\bso far this week\b/.test(text)) return weekRange(ref, 'this week');
  if (/\b(last|previous) week\b/.test(text)) return weekRange(subWeeks(ref, 1), 'last week');
  if (/\b(this|current) month\b|\bmonth to date\b/.test(text)) return monthRange(ref, ref, 'this month');
  if (/\b(last|previous) month\b/.test(text)) return monthRange(subMonths(ref, 1), ref, 'last month');
  if (/\b(this|current) year\b|\byear to date\b|\bytd\b/.test(text)) return yearRange(ref, 'this year');
  if (/\b(last|previous) year\b/.test(text)) return yearRange(subYears(ref, 1), 'last year');

  const since = /\bsince\s+(.+)$/.exec(text);
  if (since?.[1]) {
    const start = parsePastDay(since[1], today);
    if (!start) return null;
    return { from: toDay(start), to: today, label: `since ${shortDay(start, ref)}` };
  }

  const roll = rolling(text, ref);
  if (roll) return roll;

  const month = namedMonth(text, ref);
  if (month) return month;

  const year = /^(?:in\s+)?((?:19|20)\d{2})$|\b(?:in|for|during|of)\s+((?:19|20)\d{2})$/.exec(text);
  const y = year?.[1] ?? year?.[2];
  if (y) return yearRange(new Date(Number(y), 0, 1), `in ${y}`);

  const span = chrono.parse(text, new Date(ref.getFullYear(), ref.getMonth(), ref.getDate(), 12), {
    forwardDate: false,
  })[0];
  if (span?.end) {
    const from = span.start.date();
    const to = span.end.date();
    return {
      from: toDay(from),
      to: toDay(to),
      label: `from ${shortDay(from, ref)} to ${shortDay(to, ref)}`,
    };
  }

  const day = parsePastDay(text, today);
  if (day) return dayRange(day, `on ${shortDay(day, ref)}`);
  return null;
}

/** The default when nothing about time was said. */
export const thisMonth = (today: IsoDay): DateRange =>
  monthRange(fromDay(today), fromDay(today), 'this month');

/** The period just before, of the same length: last month for a month, the 30 days before for 30 days. */
export function previousRange(range: DateRange, today: IsoDay): DateRange {
  const from = fromDay(range.from);
  const ref = fromDay(today);
  if (range.period?.granularity === 'week') return weekRange(subWeeks(from, 1), 'the week before');
  if (range.period?.granularity === 'month') return monthRange(subMonths(from, 1), ref);
  if (range.period?.granularity === 'year')
    return yearRange(subYears(from, 1), `in ${from.getFullYear() - 1}`);
  const length = differenceInCalendarDays(fromDay(range.to), from) + 1;
  const prevTo = subDays(from, 1);
  const prevFrom = subDays(from, length);
  return {
    from: toDay(prevFrom),
    to: toDay(prevTo),
    label: length === 1 ? `on ${shortDay(prevFrom, ref)}` : `in the ${length} days before`,
  };
}
