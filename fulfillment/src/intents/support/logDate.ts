/**
 * The day a logged transaction happened. The user's own words win over Lex's AMAZON.Date value, which
 * leans towards the future ("friday" → the coming one); spending is always about the past.
 */
import { nearFutureDay, parsePastDay } from '../../dates/dateRange';
import { describeDay, toDay, type IsoDay } from '../../dates/calendar';
import type { SlotReading } from '../../lex/eventReader';

export type LogDate =
  | { ok: true; date: IsoDay }
  | { ok: false; problem: string; reason: 'unreadable'; said: string }
  | { ok: false; problem: string; reason: 'future'; day: string; date: IsoDay | null };

const FUTURE = /\b(tomorrow|next|coming|upcoming)\b/i;

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
  const said = slot.original ?? '';
  // The NLU leaves interpretedValue empty for a day that does not exist ("feb 30"): ask, never replace.
  if (slot.original && !slot.interpreted) {
    return {
      ok: false,
      reason: 'unreadable',
      said: slot.original,
      problem: `"${slot.original}" isn't a day I can find on the calendar. Which day was it? (for example "yesterday" or "Nov 3")`,
    };
  }
  const lexDay = slot.interpreted && /^\d{4}-\d{2}-\d{2}$/.test(slot.interpreted) ? slot.interpreted : null;
  // "dec 25" said on Dec 1 is this year's, still to come — not last year's.
  const near = said ? nearFutureDay(said, today) : null;
  const fromWords = said && !near ? parsePastDay(said, today) : null;
  const date = near ? toDay(near) : fromWords ? toDay(fromWords) : lexDay;
  if (!near && !fromWords && FUTURE.test(said) && (!date || date <= today)) {
    // "next friday" with no usable date from Lex: still a day to come, whichever it is.
    return future(`"${said}"`);
  }
  if (!date) {
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
