const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Short time for the bubble; the full date goes in the tooltip. */
export function formatTime(at: number): { short: string; full: string; iso: string } {
  const date = new Date(at);
  return { short: timeFormat.format(date), full: dateTimeFormat.format(date), iso: date.toISOString() };
}
