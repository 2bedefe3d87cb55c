/**
 * Calendar-day arithmetic in the user's time zone. A day is held as a UTC midnight `Date` standing for
 * that local date, so adding days never crosses a DST edge.
 */
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
      });
    } catch {
      // An unknown zone must not break understanding; the day is then UTC's, like Lex without a zone.
      f = formatterFor('UTC');
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local calendar day at `now` in `timeZone`. */
export function localDay(now: Date, timeZone: string): Date {
  const parts = formatterFor(timeZone).formatToParts(now);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day')));
}

export const day = (year: number, month1: number, dayOfMonth: number): Date =>
  new Date(Date.UTC(year, month1 - 1, dayOfMonth));

export const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);

export function addMonths(d: Date, n: number): Date {
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target;
}

/** Monday of the ISO week holding `d`. */
export const mondayOf = (d: Date): Date => addDays(d, -((d.getUTCDay() + 6) % 7));

export const firstOfMonth = (d: Date): Date => day(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);

export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
