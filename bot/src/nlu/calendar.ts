/**
 * The calendar of BudgetBuddy, in one place (issue 15): calendar days in the user's time zone, and the
 * arithmetic on them, for the NLU, the range reader and the ledger's periods alike. A day is held as a
 * UTC-midnight `Date` standing for that local date, so adding days never crosses a DST edge; the
 * arithmetic is date-fns on `UTCDate` (date-fns on a plain Date would use the server's zone).
 */
import { UTCDate } from '@date-fns/utc';
import {
  addDays as addDaysFns,
  addMonths as addMonthsFns,
  differenceInCalendarDays,
  endOfISOWeek,
  lastDayOfMonth,
  lastDayOfYear,
  startOfISOWeek,
  startOfMonth,
  startOfYear,
} from 'date-fns';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        calendar: 'gregory',
        numberingSystem: 'latn',
      });
    } catch {
      // An unknown zone must not break understanding; the day is then UTC's, like Lex without a zone.
      f = formatterFor('UTC');
    }
    // Zones come from profiles, which are checked, but the cache stays bounded whatever arrives.
    if (formatters.size < 1000) formatters.set(timeZone, f);
  }
  return f;
}

// Building an Intl.DateTimeFormat costs tens of microseconds and every hop asks (the runtime reading
// `x-amz-lex:time-zone`, the code hook's event reader, the proxy, the ledger): remember the answers,
// in a cache that stays bounded whatever a client sends.
const knownTimeZones = new Map<string, boolean>();

/**
 * True for an IANA zone this runtime knows ("Europe/Paris"), false for anything else. The one time
 * zone check of BudgetBuddy (issue 15): the bot, the code hook, the proxy and the ledger all ask this.
 */
export function isKnownTimeZone(timeZone: string): boolean {
  let known = knownTimeZones.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      known = true;
    } catch {
      known = false;
    }
    if (knownTimeZones.size < 1000) knownTimeZones.set(timeZone, known);
  }
  return known;
}

/** The local calendar day at `now` in `timeZone`. */
export function localDay(now: Date, timeZone: string): Date {
  const parts = formatterFor(timeZone).formatToParts(now);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day')));
}

export const day = (year: number, month1: number, dayOfMonth: number): Date =>
  new UTCDate(Date.UTC(year, month1 - 1, dayOfMonth));

const utc = (d: Date): UTCDate => new UTCDate(d.getTime());

export const addDays = (d: Date, n: number): Date => addDaysFns(utc(d), n);

/** Months later (or earlier), on the same day or the month's last when it is shorter (Jan 31 → Feb 28). */
export const addMonths = (d: Date, n: number): Date => addMonthsFns(utc(d), n);

/** Monday of the ISO week holding `d`. */
export const mondayOf = (d: Date): Date => startOfISOWeek(utc(d));

export const firstOfMonth = (d: Date): Date => startOfMonth(utc(d));

export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * A user-local calendar day written YYYY-MM-DD. The one day type of the NLU, the range reader and
 * fulfillment (issue 15: one calendar).
 */
export type IsoDay = string;

/** The calendar buckets people name ("this week", "last month") and the ledger keeps rollups for. */
export const CALENDAR_UNITS = ['week', 'month', 'year'] as const;
export type CalendarUnit = (typeof CALENDAR_UNITS)[number];

/** An inclusive span of user-local days: what the ledger's periods and budgets cover. */
export interface DaySpan {
  from: IsoDay;
  to: IsoDay;
}

/** A span of days someone asked about, with the words that say it after "spent". */
export interface DateRange extends DaySpan {
  /** Reads after "spent": "last month", "in October", "in the last 30 days". */
  label: string;
  /** Set when the range is exactly one ISO week, calendar month or year, so totals can come from rollups. */
  unit?: CalendarUnit;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isIsoDay = (text: string): boolean => ISO_DAY.test(text);

/** The UTC-midnight `Date` standing for an ISO day (see the top of this file). */
export function fromIso(isoDay: IsoDay): Date {
  const m = ISO_DAY.exec(isoDay);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${isoDay}`);
  return day(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The user's calendar day at `now` in `timeZone`, as YYYY-MM-DD. */
export const todayIn = (timeZone: string, now: Date): IsoDay => isoDate(localDay(now, timeZone));

export const addIsoDays = (isoDay: IsoDay, n: number): IsoDay => isoDate(addDays(fromIso(isoDay), n));

export const lastOfMonth = (d: Date): Date => lastDayOfMonth(utc(d));

/** Whole days from `a` to `b` (positive when `b` is later). */
export const daysBetween = (a: IsoDay, b: IsoDay): number => differenceInCalendarDays(fromIso(b), fromIso(a));

/** Whole days a span covers, both ends included. */
export const daysIn = (span: DaySpan): number => daysBetween(span.from, span.to) + 1;

/** The ISO week (Monday first), calendar month or year holding `isoDay`. */
export function spanOf(unit: CalendarUnit, isoDay: IsoDay): DaySpan {
  const d = fromIso(isoDay);
  const [from, to] =
    unit === 'week'
      ? [startOfISOWeek(d), endOfISOWeek(d)]
      : unit === 'month'
        ? [startOfMonth(d), lastDayOfMonth(d)]
        : [startOfYear(d), lastDayOfYear(d)];
  return { from: isoDate(from), to: isoDate(to) };
}

const longDay = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'long',
  month: 'short',
  day: 'numeric',
});
const dayWithYear = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});

/** "Friday, Nov 20" — with the year instead of the weekday when it is not the reference year. */
export function describeDay(isoDay: IsoDay, today: IsoDay): string {
  if (isoDay === today) return 'today';
  return shortDay(isoDay, today);
}

/** Like describeDay without "today": "Friday, Nov 20" or "Nov 20, 2025". */
export function shortDay(isoDay: IsoDay, today: IsoDay): string {
  const d = fromIso(isoDay);
  return isoDay.slice(0, 4) === today.slice(0, 4) ? longDay.format(d) : dayWithYear.format(d);
}

/** Like describeDay, with "on" where English needs it ("today" / "yesterday" / "on Friday, Nov 20"). */
export function onDay(isoDay: IsoDay, today: IsoDay): string {
  if (isoDay === today) return 'today';
  return isoDay === addIsoDays(today, -1) ? 'yesterday' : `on ${shortDay(isoDay, today)}`;
}
