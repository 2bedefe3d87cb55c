/**
 * The day a logged transaction happened, as the Date slot resolved it (`bot/src/nlu/dateRange.ts`, the
 * reader the NLU shares). The words are not read again for a date: a day still to come ("on the 28th"
 * said on the 24th) stays that day and is confirmed by the caller, never moved into the past.
 */
import { dayOfDateSlot, namesFuture, describeDay, type IsoDay } from '@budgetbuddy/bot/calendar';
import type { SlotReading } from '../../lex/eventReader';
import { dateSlotValue } from './dateSlot';

export type LogDate =
  | { ok: true; date: IsoDay }
  | { ok: false; problem: string; reason: 'unreadable'; said: string }
  | { ok: false; problem: string; reason: 'future'; day: string; date: IsoDay | null };

function future(day: string, date: IsoDay | null = null): LogDate {
  return {
    ok: false,
    reason: 'future',
    day,
    date,
    problem: `${day} hasn't happened yet, so I can't log it. Which day was it? (for example "today" or "yesterday")`,
  };
}

export function readLogDate(slot: SlotReading | null, today: IsoDay): LogDate {
  if (!slot) return { ok: true, date: today };
  // The NLU leaves interpretedValue empty for a day that does not exist ("feb 30"): ask, never replace.
  if (slot.original && !slot.interpreted) {
    return {
      ok: false,
      reason: 'unreadable',
      said: slot.original,
      problem: `"${slot.original}" isn't a day I can find on the calendar. Which day was it? (for example "yesterday" or "Nov 3")`,
    };
  }
  const date = dayOfDateSlot(dateSlotValue(slot), today);
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
