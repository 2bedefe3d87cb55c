/**
 * Ids the proxy derives from the verified user id. Lex session ids allow only [0-9a-zA-Z._:-] and at
 * most 100 characters, and must not leak the raw id, so the session is a hash of it.
 */
import { createHash, randomUUID } from 'node:crypto';

const hashCache = new Map<string, string>();

function userHash(userId: string): string {
  let hash = hashCache.get(userId);
  if (hash === undefined) {
    hash = createHash('sha256').update(userId).digest('hex');
    if (hashCache.size > 50_000) hashCache.clear();
    hashCache.set(userId, hash);
  }
  return hash;
}

export function sessionIdFor(userId: string): string {
  return `u-${userHash(userId)}`;
}

/** The idempotency key of a turn: the client's message id (so a retry logs once) or a fresh one. */
export function requestIdFor(userId: string, clientMessageId: string | undefined): string {
  return clientMessageId ? `c-${userHash(userId).slice(0, 16)}-${clientMessageId}` : `r-${randomUUID()}`;
}
