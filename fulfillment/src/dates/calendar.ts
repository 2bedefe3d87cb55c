/**
 * Calendar days as `YYYY-MM-DD` strings. Arithmetic runs on date-fns local dates that stand for a
 * wall-clock day, so the machine's own time zone never matters; only "today" looks at a real zone.
 */
import { format, parseISO, subDays } from 'date-fns';
import type { Clock } from '../ports/Clock';
import { localDate } from '../domain/ledger/periods';

export type IsoDay = string;

export const toDay = (d: Date): IsoDay => format(d, 'yyyy-MM-dd');
export const fromDay = (day: IsoDay): Date => parseISO(day);

/** The user's calendar date right now. */
export function todayIn(timeZone: string, clock: Clock): IsoDay {
  return localDate(clock.now(), timeZone);
}

/** "Friday, Nov 20" — with the year only when it is not the reference year. */
export function describeDay(day: IsoDay, today: IsoDay): string {
  const d = fromDay(day);
  if (day === today) return 'today';
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return format(d, sameYear ? 'EEEE, MMM d' : 'MMM d, yyyy');
}

/** Like describeDay, with "on" where English needs it ("today" / "on Friday, Nov 20"). */
export function onDay(day: IsoDay, today: IsoDay): string {
  const words = describeDay(day, today);
  if (words === 'today') return 'today';
  const yesterday = toDay(subDays(fromDay(today), 1));
  return day === yesterday ? 'yesterday' : `on ${words}`;
}
