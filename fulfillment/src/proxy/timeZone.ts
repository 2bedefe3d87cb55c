/** The browser's IANA time zone if the runtime knows it, else UTC (a wrong zone must not cost the message). */
import { isKnownTimeZone } from '../domain/ledger/periods';

export function resolveTimeZone(candidate: string | undefined): string {
  return candidate && isKnownTimeZone(candidate) ? candidate : 'UTC';
}
