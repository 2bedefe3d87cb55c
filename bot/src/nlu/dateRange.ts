/**
 * The one place where a Date slot value becomes a day or a range of days (issue 10: "turning date words
 * into a range happens in one module used by both the NLU and fulfillment"). Lex's AMAZON.Date — and
 * our NLU, which resolves the same way (dates.ts) — gives one day (interpretedValue) and keeps the words
 * (originalValue). The day is taken as resolved; the words only say what shape the range has around it:
 * "last month" resolves to the 1st of last month and is all of that month, "the last 3 months" resolves
 * to the day they began and runs to today. The words are never parsed for a date a second time, so the
 * NLU and fulfillment can never disagree about which day was meant ("on the 28th" said on the 24th is
 * this month's, still to come, and is confirmed as such rather than moved to last month).
 */
import {
  addDays,
  addIsoDays,
  addMonths,
  day,
  daysBetween,
  firstOfMonth,
  fromIso,
  isIsoDay,
  isoDate,
  lastOfMonth,
  mondayOf,
  shortDay,
  type CalendarUnit,
  type DateRange,
  type DaySpan,
  type IsoDay,
} from './calendar';
import { COUNT_WORDS } from './countWords';

/** A Date slot's value as Lex sends it (both parts optional: a slot may carry words and no day). */
export interface DateSlotValue {
  originalValue?: string | undefined;
  interpretedValue?: string | undefined;
}

const MONTH_NAMES = [
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
const MONTH_WORD = new RegExp(
  `\\b(?:${MONTH_NAMES.map((n) => `${n.slice(0, 3)}(?:${n.slice(3)})?`).join('|')}|sept)\\b`,
);
const monthName = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long' });

const COUNT = `(\\d{1,4}|${Object.keys(COUNT_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
const ROLLING = new RegExp(`\\b(?:last|past|previous)\\s+(?:${COUNT}\\s+)?(day|week|month|year)s?\\b`);
const WEEKDAY = /\b(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)(?:day|nesday|sday|rsday|urday)?\b/;

/** Words that point at a day still to come: "next friday", "tomorrow", "this coming monday". */
const FUTURE_WORDS = /\b(?:tomorrow|next|coming|upcoming|in \d+ days?)\b/;

const normalise = (words: string | undefined): string =>
  (words ?? '')
    .toLowerCase()
    .replace(/[?!.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** True when the words say the day is still to come ("next friday", "tomorrow"). */
export const namesFuture = (words: string | undefined): boolean => FUTURE_WORDS.test(normalise(words));

/**
 * The single day a Date slot names, or null when it names none (a day that does not exist, "feb 30",
 * arrives as words with no interpretedValue). A bare weekday is the latest such day: AMAZON.Date leans
 * towards the coming one, which is wrong for spending, so a weekday resolved into the coming week without
 * "next"/"this"/"coming" is taken a week earlier. Any other day after today stays after today, for the
 * caller to confirm.
 */
export function dayOfDateSlot(value: DateSlotValue, today: IsoDay): IsoDay | null {
  const resolved = value.interpretedValue ?? '';
  if (!isIsoDay(resolved)) return null;
  const words = normalise(value.originalValue);
  if (
    resolved > today &&
    WEEKDAY.test(words) &&
    !/\d/.test(words) &&
    !/\b(?:this|next|coming|upcoming)\b/.test(words)
  ) {
    let past = resolved;
    while (past > today) past = addIsoDays(past, -7);
    return past;
  }
  return resolved;
}

function unitRange(anyDay: Date, unit: CalendarUnit, label: string): DateRange {
  const from =
    unit === 'week'
      ? mondayOf(anyDay)
      : unit === 'month'
        ? firstOfMonth(anyDay)
        : day(anyDay.getUTCFullYear(), 1, 1);
  const to =
    unit === 'week'
      ? addDays(from, 6)
      : unit === 'month'
        ? lastOfMonth(anyDay)
        : day(anyDay.getUTCFullYear(), 12, 31);
  return { from: isoDate(from), to: isoDate(to), label, unit };
}

function monthRange(anyDay: Date, today: IsoDay, label?: string): DateRange {
  const sameYear = String(anyDay.getUTCFullYear()) === today.slice(0, 4);
  return unitRange(
    anyDay,
    'month',
    label ?? `in ${monthName.format(anyDay)}${sameYear ? '' : ` ${anyDay.getUTCFullYear()}`}`,
  );
}

const dayRange = (isoDay: IsoDay, today: IsoDay): DateRange => ({
  from: isoDay,
  to: isoDay,
  label:
    isoDay === today
      ? 'today'
      : isoDay === addIsoDays(today, -1)
        ? 'yesterday'
        : `on ${shortDay(isoDay, today)}`,
});

/** Lex also resolves periods to ISO week, month and year values ("2026-W47", "2026-10", "2026"). */
function lexPeriod(resolved: string, today: IsoDay): DateRange | null {
  const week = /^(\d{4})-W(\d{2})$/.exec(resolved);
  if (week) {
    // The Monday of ISO week 1 is the Monday of the week holding January 4th.
    const monday = addDays(mondayOf(day(Number(week[1]), 1, 4)), 7 * (Number(week[2]) - 1));
    return unitRange(monday, 'week', `in the week of ${shortDay(isoDate(monday), today)}`);
  }
  const month = /^(\d{4})-(\d{2})$/.exec(resolved);
  if (month) return monthRange(day(Number(month[1]), Number(month[2]), 1), today);
  const year = /^(\d{4})$/.exec(resolved);
  if (year) return unitRange(day(Number(year[1]), 1, 1), 'year', `in ${year[1]}`);
  return null;
}

/**
 * The range a Date slot names, or null when it names none. `today` is the user's local date.
 */
export function rangeOfDateSlot(value: DateSlotValue, today: IsoDay): DateRange | null {
  const words = normalise(value.originalValue);
  const resolved = (value.interpretedValue ?? '').trim();
  const period = lexPeriod(resolved, today);
  if (period) return period;
  const year = /^(?:(?:in|for|during|of|throughout)\s+)?(?:the\s+year\s+)?((?:19|20)\d{2})$/.exec(words);
  if (year?.[1]) return unitRange(day(Number(year[1]), 1, 1), 'year', `in ${year[1]}`);

  const start = dayOfDateSlot(value, today);
  if (!start) return null;
  const anchor = fromIso(start);

  if (/\bsince\b/.test(words)) return { from: start, to: today, label: `since ${shortDay(start, today)}` };

  const toDate = /\b(week|month|year)\s+to\s+date\b|\b(ytd|mtd)\b/.exec(words);
  if (toDate) {
    const unit = (toDate[1] ?? (toDate[2] === 'mtd' ? 'month' : 'year')) as CalendarUnit;
    return unitRange(anchor, unit, `this ${unit}`);
  }

  const rolling = ROLLING.exec(words);
  if (rolling && (rolling[1] !== undefined || !/\b(?:last|previous)\s+(?:week|month|year)\b/.test(words))) {
    const unit = rolling[2] as 'day' | CalendarUnit;
    const count = rolling[1] === undefined ? 1 : (COUNT_WORDS[rolling[1]] ?? Number(rolling[1]));
    // The slot resolves to the day before the span began ("last 30 days" → 30 days ago); "past week"
    // without a count resolves to last Monday, so a span of one unit is counted back from today.
    const back =
      unit === 'day'
        ? addDays(fromIso(today), -count)
        : unit === 'week'
          ? addDays(fromIso(today), -7 * count)
          : addMonths(fromIso(today), -(unit === 'year' ? 12 : 1) * count);
    const from = rolling[1] !== undefined ? addIsoDays(start, 1) : isoDate(addDays(back, 1));
    return { from, to: today, label: `in the last ${count === 1 ? unit : `${count} ${unit}s`}` };
  }

  const named = /\b(this|current|last|previous|past|next)\s+(week|month|year)\b/.exec(words);
  if (named) {
    const which =
      named[1] === 'current' ? 'this' : named[1] === 'previous' || named[1] === 'past' ? 'last' : named[1];
    return unitRange(anchor, named[2] as CalendarUnit, `${which} ${named[2]}`);
  }

  const weekend = /\b(this|last|past)\s+weekend\b/.exec(words);
  if (weekend) {
    const saturday = addDays(mondayOf(anchor), 5);
    return {
      from: isoDate(saturday),
      to: isoDate(addDays(saturday, 1)),
      label: `${weekend[1] === 'this' ? 'this' : 'last'} weekend`,
    };
  }

  // A month named with no day in it ("in October", "last december 2025") is the whole month.
  if (MONTH_WORD.test(words) && !/\b\d{1,2}(?:st|nd|rd|th)?\b/.test(words.replace(/\b\d{4}\b/, ''))) {
    return monthRange(anchor, today);
  }
  return dayRange(start, today);
}

/** The default when nothing about time was said. */
export const thisMonth = (today: IsoDay): DateRange => monthRange(fromIso(today), today, 'this month');

/** The period just before, of the same length: last month for a month, the 30 days before for 30 days. */
export function previousRange(range: DateRange, today: IsoDay): DateRange {
  const from = fromIso(range.from);
  if (range.unit === 'week') return unitRange(addDays(from, -7), 'week', 'the week before');
  if (range.unit === 'month') return monthRange(addMonths(from, -1), today);
  if (range.unit === 'year') {
    const year = from.getUTCFullYear() - 1;
    return unitRange(day(year, 1, 1), 'year', `in ${year}`);
  }
  const length = daysBetween(range.from, range.to) + 1;
  const prevFrom = addIsoDays(range.from, -length);
  return {
    from: prevFrom,
    to: addIsoDays(range.from, -1),
    label: length === 1 ? `on ${shortDay(prevFrom, today)}` : `in the ${length} days before`,
  };
}

/** Whole days a range covers, both ends included. */
export const daysIn = (range: DaySpan): number => daysBetween(range.from, range.to) + 1;

const DAY_OF_MONTH = /^(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?$/;
const WEEKDAY_ALONE = new RegExp(`^(?:on\\s+)?(${WEEKDAY.source.replace(/\\b/g, '')})s?$`);

/**
 * The day an answer to "Which day last month?" names, read inside that range: "the 15th" is that
 * month's 15th and "friday" that week's Friday, as a person answering the question means them. An
 * answer that names its own day ("Nov 3", "yesterday") is that day, inside the range or not.
 */
export function dayOfDateSlotWithin(value: DateSlotValue, within: DaySpan, today: IsoDay): IsoDay | null {
  const resolved = dayOfDateSlot(value, today);
  if (resolved && resolved >= within.from && resolved <= within.to) return resolved;
  const words = normalise(value.originalValue);
  const dayOfMonth = DAY_OF_MONTH.exec(words);
  const weekday = WEEKDAY_ALONE.test(words) && resolved ? fromIso(resolved).getUTCDay() : null;
  if (!dayOfMonth && weekday === null) return resolved;
  // The latest day of the range that fits: a range that runs to today asks about the days behind it.
  for (let d = within.to; d >= within.from; d = addIsoDays(d, -1)) {
    const date = fromIso(d);
    if (dayOfMonth ? date.getUTCDate() === Number(dayOfMonth[1]) : date.getUTCDay() === weekday) return d;
  }
  return resolved;
}
