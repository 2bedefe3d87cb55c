/**
 * The user's profile for this turn. First contact creates it (USD, the browser's time zone); a later
 * turn from a different time zone moves it, so "today" follows the user.
 */
import type { LedgerRepository, UserProfile } from '../ports/LedgerRepository';

export const DEFAULT_CURRENCY = 'USD';
export const DEFAULT_TIME_ZONE = 'UTC';

export async function loadProfile(
  repo: LedgerRepository,
  userId: string,
  requestTimeZone: string | null,
): Promise<UserProfile> {
  const stored = await repo.getProfile(userId);
  if (!stored) {
    const created: UserProfile = {
      currency: DEFAULT_CURRENCY,
      timeZone: requestTimeZone ?? DEFAULT_TIME_ZONE,
      customCategories: [],
    };
    await repo.putProfile(userId, created);
    return created;
  }
  if (requestTimeZone && requestTimeZone !== stored.timeZone) {
    const moved = { ...stored, timeZone: requestTimeZone };
    await repo.putProfile(userId, moved);
    return moved;
  }
  return stored;
}
