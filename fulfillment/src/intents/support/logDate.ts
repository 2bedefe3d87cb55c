/**
 * The day a logged transaction happened, as the Date slot resolved it (`bot/src/nlu/dateRange.ts`, the
 * reader the NLU shares). The words are not read again for a date: a day still to come ("on the 28th"
 * said on the 24th) stays that day and is confirmed by the caller, never moved into the past. Words that
 * name more than a day ("last month", "this week") are asked about: an entry has one day, and a guessed
 * one (the 1st of the month, as AMAZON.Date resolves it) would be stored without the person knowing.
 */
import {
  dayOfDateSlot,
  dayOfDateSlotWithin,
  daysIn,
  describeDay,
  namesFuture,
  rangeOfDateSlot,
  shortDay,
  addIsoDays,
  type DaySpan,
  type IsoDay,
} from '@budgetbuddy/bot/calendar';
import type { SlotReading } from '../../lex/eventReader';
import type { Button } from '../../lex/messages';
import { dateSlotValue } from './dateSlot';

/** The range the person named, kept while the bot asks which day of it: the answer is read inside it. */
export interface AskedRange extends DaySpan {
  label: string;
}

export type LogDate =
  | { ok: true; date: IsoDay }
  | { ok: false; problem: string; reason: 'unreadable'; said: string }
  | { ok: false; problem: string; reason: 'future'; day: string; date: IsoDay | null }
  | {
      ok: false;
      problem: string;
      reason: 'range';
      range: AskedRange;
      /** A day inside the range as the person could type it: "Oct 15". */
      example: string;
      buttons: Button[];
    };

function future(day: string, date: IsoDay | null = null): LogDate {
  return {
    ok: false,
    reason: 'future',
    day,
    date,
    problem: `${day} hasn't happened yet, so I can't log it. Which day was it? (for example "today" or "yesterday")`,
  };
}

const monthDay = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });

/** A day of the range written the way people type it and the NLU reads it: "Oct 15", "Oct 15, 2025". */
function typedDay(isoDay: IsoDay, today: IsoDay): string {
  const text = monthDay.format(new Date(`${isoDay}T00:00:00Z`));
  return isoDay.slice(0, 4) === today.slice(0, 4) ? text : `${text}, ${isoDay.slice(0, 4)}`;
}

/** "Which day last month?" with an example inside it, and a button per day when the range is a week or less. */
function askWhichDay(range: AskedRange, today: IsoDay): LogDate {
  const days: IsoDay[] = [];
  if (daysIn(range) <= 7) {
    for (let d = range.from; d <= range.to; d = addIsoDays(d, 1)) days.push(d);
  }
  // Days still to come are offered only when the whole range is ahead ("next weekend").
  // A response card holds five buttons (Lex's limit): the latest five, the likeliest to be meant.
  const offered = (days.some((d) => d <= today) ? days.filter((d) => d <= today) : days).slice(-5);
  const exampleDay = range.to < today ? addIsoDays(range.from, Math.min(14, daysIn(range) - 1)) : today;
  const example = exampleDay === today ? 'today' : typedDay(exampleDay, today);
  return {
    ok: false,
    reason: 'range',
    range,
    example,
    buttons: offered.map((d) => ({ text: d === today ? 'Today' : shortDay(d, today), value: d })),
    problem: `Which day ${range.label}? (for example "${example}")`,
  };
}

/**
 * The day to log. `asked` is the range the bot asked about last turn ("Which day last month?"): the
 * answer is read inside it, so "the 15th" is last month's.
 */
export function readLogDate(slot: SlotReading | null, today: IsoDay, asked?: DaySpan | null): LogDate {
  if (!slot) return { ok: true, date: today };
  const value = dateSlotValue(slot);
  // "the 31st" said in November is no day of this month, but is one of October when October was asked.
  const inAsked = asked ? dayOfDateSlotWithin(value, asked, today) : null;
  // The NLU leaves interpretedValue empty for a day that does not exist ("feb 30"): ask, never replace.
  if (slot.original && !slot.interpreted && !inAsked) {
    return {
      ok: false,
      reason: 'unreadable',
      said: slot.original,
      problem: `"${slot.original}" isn't a day I can find on the calendar. Which day was it? (for example "yesterday" or "Nov 3")`,
    };
  }
  // An answer that names a range again ("last week") is asked about in turn.
  const range = rangeOfDateSlot(value, today);
  if (range && range.from !== range.to) {
    return askWhichDay({ from: range.from, to: range.to, label: range.label }, today);
  }
  const date = asked ? inAsked : dayOfDateSlot(value, today);
  if (!date) {
    // "next friday" with no usable day: still a day to come, whichever it is.
    if (namesFuture(slot.original)) return future(`"${slot.original ?? ''}"`);
    const said = slot.original ?? slot.interpreted ?? '';
    return {
      ok: false,
      reason: 'unreadable',
      said,
      problem: `I couldn't tell which day "${said}" is. Try "yesterday" or "Nov 3".`,
    };
  }
  if (date > today) {
    const day = describeDay(date, today);
    return future(`${day[0]!.toUpperCase()}${day.slice(1)}`, date);
  }
  return { ok: true, date };
}
