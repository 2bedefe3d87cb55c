/**
 * The one place where a Date slot value becomes a day or a range of days (issue 10: "turning date words
 * into a range happens in one module used by both the NLU and fulfillment"). Lex's AMAZON.Date — and
 * our NLU, which resolves the same way (dates.ts) — gives one day (interpretedValue) and keeps the words
 * (originalValue). The day is taken as resolved; the words are read back through the NLU's own date
 * reader (`readDateWords`) only for the shape of the range around it: "last month" resolves to the 1st
 * of last month and is all of that month, "the last 3 months" resolves to the day they began and runs
 * to today. No word list or pattern lives here, so the NLU and fulfillment can never disagree about
 * what the words meant ("on the 28th" said on the 24th is this month's, still to come, and is
 * confirmed as such rather than moved to last month).
 */
import {
  addDays,
  addIsoDays,
  addMonths,
  day,
  daysBetween,
  fromIso,
  isIsoDay,
  isoDate,
  mondayOf,
  shortDay,
  spanOf,
  type CalendarUnit,
  type DateRange,
  type DaySpan,
  type IsoDay,
} from './calendar';
import { INVALID, readDateWords, type DateReading } from './dates';
import { FUTURE_WORDS } from './dateWords';

/** A Date slot's value as Lex sends it (both parts optional: a slot may carry words and no day). */
export interface DateSlotValue {
  originalValue?: string | undefined;
  interpretedValue?: string | undefined;
}

const monthName = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long' });

const normalise = (words: string | undefined): string =>
  (words ?? '')
    .toLowerCase()
    .replace(/[?!.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** True when the words say the day is still to come ("next friday", "tomorrow"). */
export const namesFuture = (words: string | undefined): boolean => FUTURE_WORDS.test(normalise(words));

/** The slot's words read by the NLU's date reader, on `today`. */
const readingOf = (value: DateSlotValue, today: IsoDay): DateReading | null =>
  value.originalValue ? readDateWords(value.originalValue, fromIso(today)) : null;

/**
 * The single day a Date slot names, or null when it names none (a day that does not exist, "feb 30",
 * arrives as words with no interpretedValue). A bare weekday is the latest such day: AMAZON.Date leans
 * towards the coming one, which is wrong for spending, so a weekday resolved into the coming week without
 * "next"/"this"/"coming" is taken a week earlier. Any other day after today stays after today, for the
 * caller to confirm.
 */
export function dayOfDateSlot(
  value: DateSlotValue,
  today: IsoDay,
  reading = readingOf(value, today),
): IsoDay | null {
  const resolved = value.interpretedValue ?? '';
  if (!isIsoDay(resolved)) return null;
  if (
    resolved > today &&
    reading?.shape.kind === 'day' &&
    reading.shape.only === 'weekday' &&
    !namesFuture(value.originalValue)
  ) {
    let past = resolved;
    while (past > today) past = addIsoDays(past, -7);
    return past;
  }
  return resolved;
}

function unitRange(anyDay: Date, unit: CalendarUnit, label: string): DateRange {
  return { ...spanOf(unit, isoDate(anyDay)), label, unit };
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
  const resolved = (value.interpretedValue ?? '').trim();
  const period = lexPeriod(resolved, today);
  if (period) return period;
  const reading = readingOf(value, today);
  // A year said alone may come with no day resolved ("in 2025"): the words name it whole.
  if (reading?.shape.kind === 'year' && reading.day !== INVALID) {
    const year = reading.day.getUTCFullYear();
    return unitRange(day(year, 1, 1), 'year', `in ${year}`);
  }

  const start = dayOfDateSlot(value, today, reading);
  if (!start) return null;
  const anchor = fromIso(start);
  if (!reading) return dayRange(start, today);
  if (reading.since) return { from: start, to: today, label: `since ${shortDay(start, today)}` };

  const shape = reading.shape;
  switch (shape.kind) {
    case 'year':
      return unitRange(anchor, 'year', `in ${anchor.getUTCFullYear()}`);
    case 'toDate':
      return unitRange(anchor, shape.unit, `this ${shape.unit}`);
    case 'rolling': {
      const { unit } = shape;
      const count = shape.count ?? 1;
      // The slot resolves to the day before the span began ("last 30 days" → 30 days ago); "past week"
      // without a count resolves to last Monday, so a span of one unit is counted back from today.
      const back =
        unit === 'day'
          ? addDays(fromIso(today), -count)
          : unit === 'week'
            ? addDays(fromIso(today), -7 * count)
            : addMonths(fromIso(today), -(unit === 'year' ? 12 : 1) * count);
      const from = shape.count !== undefined ? addIsoDays(start, 1) : isoDate(addDays(back, 1));
      return { from, to: today, label: `in the last ${count === 1 ? unit : `${count} ${unit}s`}` };
    }
    case 'period':
      return unitRange(anchor, shape.unit, `${shape.which} ${shape.unit}`);
    case 'weekend': {
      const saturday = addDays(mondayOf(anchor), 5);
      return { from: isoDate(saturday), to: isoDate(addDays(saturday, 1)), label: `${shape.which} weekend` };
    }
    case 'month':
      return monthRange(anchor, today);
    case 'day':
      return dayRange(start, today);
  }
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

/**
 * The day an answer to "Which day last month?" names, read inside that range: "the 15th" is that
 * month's 15th and "friday" that week's Friday, as a person answering the question means them. An
 * answer that names its own day ("Nov 3", "yesterday") is that day, inside the range or not.
 */
export function dayOfDateSlotWithin(value: DateSlotValue, within: DaySpan, today: IsoDay): IsoDay | null {
  const reading = readingOf(value, today);
  const resolved = dayOfDateSlot(value, today, reading);
  if (resolved && resolved >= within.from && resolved <= within.to) return resolved;
  const only = reading?.shape.kind === 'day' ? reading.shape.only : undefined;
  if (!only || !reading) return resolved;
  // The words alone give the day of the month (no day may have been resolved: "the 31st" in November).
  const wanted =
    only === 'dayOfMonth'
      ? Number(/\d{1,2}/.exec(value.originalValue ?? '')?.[0])
      : reading.day === INVALID
        ? -1
        : reading.day.getUTCDay();
  // The latest day of the range that fits: a range that runs to today asks about the days behind it.
  for (let d = within.to; d >= within.from; d = addIsoDays(d, -1)) {
    const date = fromIso(d);
    if ((only === 'dayOfMonth' ? date.getUTCDate() : date.getUTCDay()) === wanted) return d;
  }
  return resolved;
}
