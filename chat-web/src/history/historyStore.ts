import * as z from 'zod/mini';
import { chatMessageSchema } from '../api/replySchema';
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

export function clearHistory(userKey: string, storage: Storage = window.localStorage): void {
  try {
    storage.removeItem(storageKey(userKey));
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}
