/**
 * The day a logged transaction happened. The user's own words win over Lex's AMAZON.Date value, which
 * leans towards the future ("friday" → the coming one); spending is always about the past.
 */
import { parsePastDay } from '../../dates/dateRange';
import { describeDay, toDay, type IsoDay } from '../../dates/calendar';
import type { SlotReading } from '../../lex/eventReader';

export type LogDate = { ok: true; date: IsoDay } | { ok: false; problem: string };

export function readLogDate(slot: SlotReading | null, today: IsoDay): LogDate {
  if (!slot) return { ok: true, date: today };
  const fromWords = slot.original ? parsePastDay(slot.original, today) : null;
  const date = fromWords
    ? toDay(fromWords)
    : slot.interpreted && /^\d{4}-\d{2}-\d{2}$/.test(slot.interpreted)
      ? slot.interpreted
      : null;
  if (!date) {
    return {
      ok: false,
      problem: `I couldn't tell which day "${slot.original ?? slot.interpreted}" is. Try "yesterday" or "Nov 3".`,
    };
  }
  if (date > today) {
    return {
      ok: false,
      problem: `${describeDay(date, today)} hasn't happened yet, so I can't log it. Which day was it? (for example "today" or "yesterday")`,
    };
  }
  return { ok: true, date };
}
