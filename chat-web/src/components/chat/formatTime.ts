const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayTimeFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const yearDayTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/**
 * The bubble shows the time, plus the date for anything not from today (history is kept across
 * reloads, so "9:15 AM" alone could be last week); the tooltip has the full date.
 */
export function formatTime(at: number, now: number): { short: string; full: string; iso: string } {
  const date = new Date(at);
  const today = new Date(now);
  const short =
    date.toDateString() === today.toDateString()
      ? timeFormat.format(date)
      : date.getFullYear() === today.getFullYear()
        ? dayTimeFormat.format(date)
        : yearDayTimeFormat.format(date);
  return { short, full: fullFormat.format(date), iso: date.toISOString() };
}
