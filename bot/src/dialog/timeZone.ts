/** The user's time zone from the `x-amz-lex:time-zone` request attribute, or UTC when absent or bogus. */
import { TIME_ZONE_ATTRIBUTE } from '../definition/names';

const DEFAULT_TIME_ZONE = 'UTC';
const known = new Map<string, boolean>();
const MAX_CACHED = 1000;

export function isTimeZone(zone: string): boolean {
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    // The cache only saves the formatter construction; a client sending endless junk must not grow it.
    if (known.size < MAX_CACHED) known.set(zone, ok);
  }
  return ok;
}

export function timeZoneOf(requestAttributes: Readonly<Record<string, string>>): string {
  const zone = requestAttributes[TIME_ZONE_ATTRIBUTE];
  return zone !== undefined && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}
