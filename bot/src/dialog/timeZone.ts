/** The user's time zone from the `x-amz-lex:time-zone` request attribute, or UTC when absent or bogus. */
import { TIME_ZONE_ATTRIBUTE } from '../definition/names';
import { isKnownTimeZone } from '../nlu/calendar';

const DEFAULT_TIME_ZONE = 'UTC';

export function timeZoneOf(requestAttributes: Readonly<Record<string, string>>): string {
  const zone = requestAttributes[TIME_ZONE_ATTRIBUTE];
  return zone !== undefined && isKnownTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}
