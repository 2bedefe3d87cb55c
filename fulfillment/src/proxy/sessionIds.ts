/**
 * Ids the proxy derives from the verified user id. Lex session ids allow only [0-9a-zA-Z._:-] and at
 * most 100 characters, and must not leak the raw id. They are keyed (an HMAC with the identity key), not
 * a plain hash: with a plain hash anyone who knows or guesses a user id could compute that person's
 * session id and read or steer their conversation wherever Lex can be called.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { IdentityKeys } from '../lex/identitySignature';

const hashCache = new Map<string, string>();

function userHash(keys: IdentityKeys, userId: string): string {
  const cacheKey = `${keys.current}\u0000${userId}`;
  let hash = hashCache.get(cacheKey);
  if (hash === undefined) {
    hash = createHmac('sha256', keys.current).update(`session\n${userId}`).digest('hex');
    if (hashCache.size > 50_000) hashCache.clear();
    hashCache.set(cacheKey, hash);
  }
  return hash;
}

/** A new key (a rotation) gives new session ids: the bot's memory of an open question is dropped once. */
export function sessionIdFor(keys: IdentityKeys, userId: string): string {
  return `u-${userHash(keys, userId)}`;
}

/** The idempotency key of a turn: the client's message id (so a retry logs once) or a fresh one. */
export function requestIdFor(
  keys: IdentityKeys,
  userId: string,
  clientMessageId: string | undefined,
): string {
  return clientMessageId
    ? `c-${userHash(keys, userId).slice(0, 16)}-${clientMessageId}`
    : `r-${randomUUID()}`;
}
