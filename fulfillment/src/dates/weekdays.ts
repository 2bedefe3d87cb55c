/**
 * Weekday names said about the past. "friday" said on a Sunday is two days ago; said on a Friday it
 * is today. (AMAZON.Date and chrono both lean towards the coming one, which is wrong for spending.)
 */
import { subDays } from 'date-fns';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const pattern = /\b(sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?\b/;

/** 0 = Sunday … 6 = Saturday, or null when no weekday is named. */
export function parseWeekday(text: string): number | null {
  const m = pattern.exec(text.toLowerCase());
  if (!m?.[1]) return null;
  const prefix = m[1].slice(0, 3);
  const index = WEEKDAYS.findIndex((d) => d.startsWith(prefix));
  return index >= 0 ? index : null;
}

export function lastWeekdayOnOrBefore(ref: Date, weekday: number): Date {
  return subDays(ref, (ref.getDay() - weekday + 7) % 7);
}
