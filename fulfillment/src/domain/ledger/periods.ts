/**
 * Calendar periods in the user's own time zone. A transaction's `date` is a user-local calendar date
 * (YYYY-MM-DD); the week (ISO 8601, Monday first), month and year it falls in are derived from that date
 * alone, so the rollups never depend on the server's time zone. The day arithmetic is the one calendar
 * of `@budgetbuddy/bot/calendar` (date-fns on UTC-pinned dates, issue 15); this module adds what is the
 * ledger's own: checked input, period keys for the rollups, and the budget periods.
 */
import { UTCDate } from '@date-fns/utc';
import {
  addMonths,
  addWeeks,
  addYears,
  format,
  getISOWeek,
  getISOWeekYear,
  isValid,
  setISOWeek,
  setISOWeekYear,
  startOfISOWeek,
} from 'date-fns';
import { z } from 'zod';
import {
  CALENDAR_UNITS,
  addIsoDays,
  daysBetween,
  daysIn,
  isKnownTimeZone,
  spanOf,
  todayIn,
  type DaySpan,
} from '@budgetbuddy/bot/calendar';
import type { BudgetPeriodName } from './budgets';
import { InvalidDateError, InvalidTimeZoneError } from './errors';

/** The calendar buckets the store keeps rollups for: the bot's calendar units. */
export const GRANULARITIES = CALENDAR_UNITS;
export const granularitySchema = z.enum(GRANULARITIES);
export type Granularity = z.infer<typeof granularitySchema>;

/** A calendar bucket the store keeps rollups for: ISO week (`2026-W48`), month (`2026-11`) or year (`2026`). */
export interface PeriodKey {
  granularity: Granularity;
  key: string;
}

/** Totals of one period, from the rollup items (a bounded number of reads, whatever the history). */
export interface PeriodTotals {
  period: PeriodKey;
  currency: string;
  expenseTotalMinor: number;
  incomeTotalMinor: number;
  expenseByCategory: Record<string, number>;
  incomeByCategory: Record<string, number>;
  transactionCount: number;
}

/**
 * Per-tag totals of one period (issue 12 point 4), tags lower case without "#". Kept apart from the
 * period's rollup: a person may use any number of tags, and one item per tag keeps each write small.
 */
export interface TagTotals {
  period: PeriodKey;
  currency: string;
  expenseByTag: Record<string, number>;
  incomeByTag: Record<string, number>;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A user-local date as a UTCDate at midnight; throws InvalidDateError unless it is a real calendar date. */
function day(date: string): Date {
  const m = ISO_DATE.exec(date);
  if (!m)
    throw new InvalidDateError(`"${date}" is not a date I understand. Please use a date like 2026-11-24.`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const value = new UTCDate(y, mo - 1, d);
  if (!isValid(value) || value.getFullYear() !== y || value.getMonth() !== mo - 1 || value.getDate() !== d) {
    throw new InvalidDateError(`${date} is not a real calendar date. Please check the day and month.`);
  }
  return value;
}

const ymd = (d: Date): string => format(d, 'yyyy-MM-dd');

/** True for a real calendar date written YYYY-MM-DD (2028-02-29 yes, 2027-02-29 no). */
export function isCalendarDate(date: string): boolean {
  try {
    day(date);
    return true;
  } catch {
    return false;
  }
}

/** The one time zone check, the bot's (issue 15); the ledger's modules reach it from here. */
export { isKnownTimeZone };

/** Throws InvalidTimeZoneError unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): string {
  if (!isKnownTimeZone(timeZone)) throw new InvalidTimeZoneError(timeZone);
  return timeZone;
}

/** The calendar date, YYYY-MM-DD, that `instant` falls on for someone in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  return todayIn(assertTimeZone(timeZone), instant);
}

export function addDaysTo(date: string, days: number): string {
  day(date);
  return addIsoDays(date, days);
}

export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The period key of one granularity that `date` falls in: `2026-W53`, `2026-12`, `2026`. */
export function periodKeyOf(granularity: Granularity, date: string): PeriodKey {
  const d = day(date);
  switch (granularity) {
    case 'week':
      return { granularity, key: `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}` };
    case 'month':
      return { granularity, key: format(d, 'yyyy-MM') };
    case 'year':
      return { granularity, key: format(d, 'yyyy') };
  }
}

/** The week, month and year a transaction dated `date` counts towards. */
export function periodKeysFor(date: string): PeriodKey[] {
  return [periodKeyOf('week', date), periodKeyOf('month', date), periodKeyOf('year', date)];
}

/** First day of a period key, as a date. */
function periodStart(period: PeriodKey): Date {
  const { granularity, key } = period;
  const invalid = () => new InvalidDateError(`"${key}" is not a ${granularity} I understand.`);
  if (granularity === 'week') {
    const m = /^(\d{4})-W(\d{2})$/.exec(key);
    if (!m) throw invalid();
    const [year, week] = [Number(m[1]), Number(m[2])];
    // Jan 4th is always in ISO week 1 of its ISO year.
    const start = startOfISOWeek(setISOWeek(setISOWeekYear(new UTCDate(year, 0, 4), year), week));
    if (week < 1 || getISOWeek(start) !== week || getISOWeekYear(start) !== year) throw invalid();
    return start;
  }
  if (granularity === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(key);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw invalid();
    return new UTCDate(Number(m[1]), Number(m[2]) - 1, 1);
  }
  if (!/^\d{4}$/.test(key)) throw invalid();
  return new UTCDate(Number(key), 0, 1);
}

/** The inclusive date range a period key covers. */
export function rangeOfPeriod(period: PeriodKey): DaySpan {
  return spanOf(period.granularity, ymd(periodStart(period)));
}

/** The inclusive range of the week, month or year containing `date`. */
export function periodRange(granularity: Granularity, date: string): DaySpan {
  day(date);
  return spanOf(granularity, date);
}

/** The period just before `period` (2027-W01 → 2026-W53, 2026-01 → 2025-12). */
export function previousPeriod(period: PeriodKey): PeriodKey {
  const start = periodStart(period);
  const prev =
    period.granularity === 'week'
      ? addWeeks(start, -1)
      : period.granularity === 'month'
        ? addMonths(start, -1)
        : addYears(start, -1);
  return periodKeyOf(period.granularity, ymd(prev));
}

/** Days from `date` to the end of its period, counting `date` itself (the last day of a month → 1). */
export function daysLeftInPeriod(granularity: Granularity, date: string): number {
  const { to } = periodRange(granularity, date);
  return daysBetween(date, to) + 1;
}

/** Number of days in an inclusive range. */
export function daysInRange(range: DaySpan): number {
  day(range.from);
  day(range.to);
  return daysIn(range);
}

/** A custom inclusive range; throws InvalidDateError for an unreal date or a range that ends before it starts. */
export function customRange(from: string, to: string): DaySpan {
  day(from);
  day(to);
  if (compareDates(from, to) > 0) {
    throw new InvalidDateError(`The range ends (${to}) before it starts (${from}). Please swap the dates.`);
  }
  return { from, to };
}

export function isInRange(date: string, range: DaySpan): boolean {
  return compareDates(date, range.from) >= 0 && compareDates(date, range.to) <= 0;
}

const GRANULARITY_OF_BUDGET: Record<BudgetPeriodName, Granularity> = {
  Weekly: 'week',
  Monthly: 'month',
  Yearly: 'year',
};

/** The rollup granularity a budget period is measured against. */
export function granularityOfBudget(period: BudgetPeriodName): Granularity {
  return GRANULARITY_OF_BUDGET[period];
}
