/**
 * The user's profile for this turn. First contact creates it (USD, the browser's time zone); a later
 * turn from a different time zone moves it, so "today" follows the user.
 *
 * Every turn needs the profile, so the code hook keeps a copy in a Lex active context and reads the
 * table only when the context has lapsed. The copy stays true because the profile changes only through
 * the code hook, and every change it makes is written to the table first and then to the context (see
 * `trackProfileWrites`). Lex keeps active contexts server-side; the proxy never forwards client session
 * state, so a browser cannot plant one.
 */
import { z } from 'zod';
import type { LexActiveContext, LexEvent, LexResponse } from '@budgetbuddy/bot/lex';
import type { LedgerRepository } from '../ports/LedgerRepository';
import type { UserProfile } from '../domain/ledger';
import { parseUserProfile } from '../domain/ledger/profile';
import { activeContexts, readContext } from './eventReader';

export const DEFAULT_CURRENCY = 'USD';
export const DEFAULT_TIME_ZONE = 'UTC';

export const PROFILE_CONTEXT = 'bbProfile';
/** Short enough that a profile changed outside the chat (a seed, an operator) shows within minutes. */
const PROFILE_TTL = { timeToLiveInSeconds: 300, turnsToLive: 20 } as const;

const cachedSchema = z.object({ userId: z.string().min(1), profile: z.unknown() });

/** The profile this conversation last saw for `userId`, or null when there is none (or it is not valid). */
export function cachedProfile(event: LexEvent, userId: string): UserProfile | null {
  const value = readContext(event, PROFILE_CONTEXT)?.value;
  if (!value) return null;
  try {
    const parsed = cachedSchema.safeParse(JSON.parse(value));
    if (!parsed.success || parsed.data.userId !== userId) return null;
    return parseUserProfile(parsed.data.profile);
  } catch {
    return null;
  }
}

export async function loadProfile(
  repo: LedgerRepository,
  userId: string,
  requestTimeZone: string | null,
  cached: UserProfile | null = null,
): Promise<UserProfile> {
  const stored = cached ?? (await repo.getProfile(userId));
  if (!stored) {
    const created: UserProfile = {
      currency: DEFAULT_CURRENCY,
      timeZone: requestTimeZone ?? DEFAULT_TIME_ZONE,
      customCategories: [],
    };
    await repo.putProfile(userId, created);
    return created;
  }
  // A zone the person chose in words stays until they change it; otherwise "today" follows the browser.
  if (requestTimeZone && requestTimeZone !== stored.timeZone && !stored.timeZoneChosen) {
    const moved = { ...stored, timeZone: requestTimeZone };
    await repo.putProfile(userId, moved);
    return moved;
  }
  return stored;
}

/**
 * The repository as the turn sees it, remembering the last profile written for `userId`, so the copy
 * in the context follows a change made during the turn ("set my currency to EUR").
 */
export function trackProfileWrites<Repo extends LedgerRepository>(
  repo: Repo,
  userId: string,
): { repo: Repo; written: () => UserProfile | null } {
  let written: UserProfile | null = null;
  const tracked = Object.create(repo) as Repo;
  tracked.putProfile = async (id, profile) => {
    await repo.putProfile(id, profile);
    if (id === userId) written = profile;
  };
  return { repo: tracked, written: () => written };
}

/** `response` carrying the profile context, refreshed; responses that keep the contexts as they were stay so. */
export function withProfileContext(
  response: LexResponse,
  event: LexEvent,
  userId: string,
  profile: UserProfile,
): LexResponse {
  const contexts: LexActiveContext[] = (response.sessionState.activeContexts ?? activeContexts(event)).filter(
    (c) => c.name !== PROFILE_CONTEXT,
  );
  contexts.push({
    name: PROFILE_CONTEXT,
    timeToLive: { ...PROFILE_TTL },
    contextAttributes: { value: JSON.stringify({ userId, profile }) },
  });
  return { ...response, sessionState: { ...response.sessionState, activeContexts: contexts } };
}
