import * as z from 'zod/mini';
import { chatMessageSchema } from '@budgetbuddy/fulfillment/chat-api';
import type { ConversationEntry } from './types';

/** Older entries are dropped past this many, so localStorage stays small. */
export const HISTORY_LIMIT = 200;
const KEY_PREFIX = 'budgetbuddy:history:v1:';

const entriesSchema = z.array(
  z.object({
    id: z.string(),
    from: z.enum(['user', 'bot']),
    at: z.number(),
    message: chatMessageSchema,
  }),
);

function storageKey(userKey: string): string {
  return KEY_PREFIX + userKey;
}

/** Reads a user's saved conversation; anything unreadable counts as no history. */
export function loadHistory(userKey: string, storage: Storage = window.localStorage): ConversationEntry[] {
  try {
    const raw = storage.getItem(storageKey(userKey));
    if (raw === null) return [];
    const parsed = entriesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function saveHistory(
  userKey: string,
  entries: readonly ConversationEntry[],
  storage: Storage = window.localStorage,
): void {
  try {
    storage.setItem(storageKey(userKey), JSON.stringify(entries.slice(-HISTORY_LIMIT)));
  } catch {
    // Storage full or disabled (private mode): the chat still works, it just isn't kept.
  }
}

/**
 * Removes every other user's saved conversation from this browser. Called when a user's chat opens, so
 * on a shared computer the next person to sign in cannot read the previous one's amounts from storage.
 */
export function forgetOtherUsers(userKey: string, storage: Storage = window.localStorage): void {
  try {
    const keep = storageKey(userKey);
    const others: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && key.startsWith(KEY_PREFIX) && key !== keep) others.push(key);
    }
    for (const key of others) storage.removeItem(key);
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}

export function clearHistory(userKey: string, storage: Storage = window.localStorage): void {
  try {
    storage.removeItem(storageKey(userKey));
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}
