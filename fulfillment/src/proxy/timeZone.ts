/** The browser's IANA time zone if the runtime knows it, else UTC (a wrong zone must not cost the message). */
const known = new Map<string, boolean>();

export function resolveTimeZone(candidate: string | undefined): string {
  if (!candidate) return 'UTC';
  let ok = known.get(candidate);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: candidate });
      ok = true;
    } catch {
      ok = false;
    }
    if (known.size < 1000) known.set(candidate, ok);
  }
  return ok ? candidate : 'UTC';
}
