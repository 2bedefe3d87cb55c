/**
 * When a recurring payment falls, in RFC 5545 terms (DTSTART + RRULE), through the `rrule` library.
 * Occurrences are calendar days in the person's time zone: a day is written as midnight UTC and read
 * back the same way, so no time zone of the machine running this ever shifts a day.
 */
import { RRule, rrulestr } from 'rrule';
import type { Options } from 'rrule';
import { z } from 'zod';
import { InvalidTransactionError } from '../ledger/errors';

/** A user-local calendar day, YYYY-MM-DD. */
type IsoDay = string;

export type RepeatFrequency = 'Daily' | 'Weekly' | 'Monthly' | 'Yearly';

export interface RepeatSpec {
  frequency: RepeatFrequency;
  /** Periods between two occurrences: 2 = every other week. */
  interval: number;
  /** DTSTART: the first day the series may fall on (its weekday, day of month or date anchors it). */
  start: IsoDay;
  /** Monthly only: the day of the month; 29–31 fall on the last day of shorter months. */
  monthDay?: number;
}

const FREQ: Record<RepeatFrequency, number> = {
  Daily: RRule.DAILY,
  Weekly: RRule.WEEKLY,
  Monthly: RRule.MONTHLY,
  Yearly: RRule.YEARLY,
};
const FREQ_NAME = new Map<number, RepeatFrequency>(
  Object.entries(FREQ).map(([name, freq]) => [freq, name as RepeatFrequency]),
);
/** Occurrences a year, per frequency: the base of the monthly cost. */
const PER_YEAR: Record<RepeatFrequency, number> = { Daily: 365, Weekly: 52, Monthly: 12, Yearly: 1 };
export const MAX_INTERVAL = 366;

const dayToDate = (day: IsoDay): Date => new Date(`${day}T00:00:00Z`);
const dateToDay = (date: Date): IsoDay => date.toISOString().slice(0, 10);

const specSchema = z.object({
  frequency: z.enum(['Daily', 'Weekly', 'Monthly', 'Yearly']),
  interval: z.number().int().min(1).max(MAX_INTERVAL),
  start: z.iso.date(),
  monthDay: z.number().int().min(1).max(31).optional(),
});

/** The RFC 5545 text ("DTSTART:20261201T000000Z\nRRULE:FREQ=MONTHLY;BYMONTHDAY=1") for a spec. */
export function recurrenceText(spec: RepeatSpec): string {
  const valid = specSchema.parse(spec);
  const options: Partial<Options> = {
    freq: FREQ[valid.frequency],
    interval: valid.interval,
    dtstart: dayToDate(valid.start),
  };
  if (valid.frequency === 'Monthly' && valid.monthDay !== undefined) {
    if (valid.monthDay > 28) {
      // "on the 31st": RFC 5545 skips months without that day; a bill still falls due, on the month's
      // last day. BYMONTHDAY=28..31 with BYSETPOS=-1 picks the latest of those the month has.
      options.bymonthday = Array.from({ length: valid.monthDay - 27 }, (_, i) => 28 + i);
      options.bysetpos = -1;
    } else {
      options.bymonthday = valid.monthDay;
    }
  }
  return new RRule(options).toString();
}

/**
 * A dated one-off ("dentist 90 on the 20th" said on the 3rd, issue 12): a series of one occurrence
 * (COUNT=1), so the scheduled job posts it on its day through the same exactly-once path as a bill.
 */
export function oneOffRecurrence(day: IsoDay): string {
  const valid = specSchema.shape.start.parse(day);
  return new RRule({ freq: RRule.DAILY, count: 1, dtstart: dayToDate(valid) }).toString();
}

/** Whether the rule falls once only (a dated one-off), not over and over. */
export const isOneOff = (text: string): boolean => parseRecurrence(text).options.count === 1;

/** Parses stored RFC 5545 text; an unreadable rule is a domain error, never a silent empty series. */
export function parseRecurrence(text: string): RRule {
  let rule: RRule;
  try {
    const parsed = rrulestr(text);
    if (!(parsed instanceof RRule)) throw new Error('a rule set');
    rule = parsed;
  } catch (err) {
    throw new InvalidTransactionError(`That repeat rule cannot be read (${String(err)}).`);
  }
  if (!rule.options.dtstart || !FREQ_NAME.has(rule.options.freq)) {
    throw new InvalidTransactionError(
      'A repeat rule needs a start day and a daily, weekly, monthly or yearly frequency.',
    );
  }
  return rule;
}

/** The first occurrence on or after `day`, or null when the series has ended. */
export function nextOccurrence(text: string, day: IsoDay): IsoDay | null {
  const next = parseRecurrence(text).after(dayToDate(day), true);
  return next ? dateToDay(next) : null;
}

/** The first occurrence after `day`. */
export const occurrenceAfter = (text: string, day: IsoDay): IsoDay | null => {
  const next = parseRecurrence(text).after(dayToDate(day), false);
  return next ? dateToDay(next) : null;
};

/** Every occurrence within [from, to], inclusive, oldest first. */
export function occurrencesBetween(text: string, from: IsoDay, to: IsoDay): IsoDay[] {
  if (to < from) return [];
  return parseRecurrence(text).between(dayToDate(from), dayToDate(to), true).map(dateToDay);
}

export function frequencyOf(text: string): { frequency: RepeatFrequency; interval: number } {
  const { freq, interval } = parseRecurrence(text).options;
  return { frequency: FREQ_NAME.get(freq) ?? 'Monthly', interval: interval || 1 };
}

/** What one occurrence costs per month on average (a weekly 40 is 173.33 a month), in minor units. */
export function monthlyCostMinor(text: string, amountMinor: number): number {
  // A one-off costs nothing "a month": it is not a commitment that repeats.
  if (isOneOff(text)) return 0;
  const { frequency, interval } = frequencyOf(text);
  return Math.round((amountMinor * PER_YEAR[frequency]) / interval / 12);
}

// The names come from Intl, not a list of our own (the date words are defined once: bot's dateWords.ts).
const weekdayName = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long' });
const monthName = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short' });
export const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};
const unit = (interval: number, word: string) =>
  interval === 1 ? `every ${word}` : `every ${interval} ${word}s`;

/** "every month on the 1st", "every 2 weeks on Friday", "every year on Mar 5". */
export function describeRecurrence(text: string): string {
  const rule = parseRecurrence(text);
  const { frequency, interval } = frequencyOf(text);
  const start = rule.options.dtstart;
  if (rule.options.count === 1) return `once, on ${monthName.format(start)} ${start.getUTCDate()}`;
  switch (frequency) {
    case 'Daily':
      return unit(interval, 'day');
    case 'Weekly':
      return `${unit(interval, 'week')} on ${weekdayName.format(start)}`;
    case 'Monthly': {
      const days = rule.options.bymonthday;
      const day = days.length > 0 ? Math.max(...days) : start.getUTCDate();
      const last = days.length > 1 ? ' (or the last day of a shorter month)' : '';
      return `${unit(interval, 'month')} on the ${ordinal(day)}${last}`;
    }
    case 'Yearly':
      return `${unit(interval, 'year')} on ${monthName.format(start)} ${start.getUTCDate()}`;
  }
}
