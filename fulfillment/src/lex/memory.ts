/**
 * Conversation memory between turns. The proxy resends session attributes on every turn (which wipes
 * anything we put there), so memory lives in Lex active contexts, which persist while a request omits
 * them. Each piece has its own context so it expires on its own.
 */
import { z } from 'zod';
import type { LexActiveContext, LexEvent } from '@budgetbuddy/bot/src/lex/schemas';
import { activeContexts, readContext } from './eventReader';

const TTL = { timeToLiveInSeconds: 600, turnsToLive: 10 } as const;

/** Lex context names allow letters and single underscores only. */
export const ContextName = {
  lastLogged: 'bbLastLogged',
  lastQuery: 'bbLastQuery',
  pendingDelete: 'bbPendingDelete',
} as const;
type ContextName = (typeof ContextName)[keyof typeof ContextName];

const lastLoggedSchema = z.object({ transactionId: z.string().min(1) });
const lastQuerySchema = z.object({
  category: z.string().optional(),
  dateWords: z.string().optional(),
  dateValue: z.string().optional(),
});
const pendingDeleteSchema = z.object({ transactionId: z.string().min(1) });

export type LastLogged = z.infer<typeof lastLoggedSchema>;
export type LastQuery = z.infer<typeof lastQuerySchema>;
export type PendingDelete = z.infer<typeof pendingDeleteSchema>;

export interface Memory {
  lastLogged?: LastLogged | null;
  lastQuery?: LastQuery | null;
  pendingDelete?: PendingDelete | null;
}

const parse = <T>(event: LexEvent, name: ContextName, schema: z.ZodType<T>): T | null => {
  const attrs = readContext(event, name);
  if (!attrs?.value) return null;
  try {
    const result = schema.safeParse(JSON.parse(attrs.value));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
};

export function readMemory(event: LexEvent): Required<Memory> {
  return {
    lastLogged: parse(event, ContextName.lastLogged, lastLoggedSchema),
    lastQuery: parse(event, ContextName.lastQuery, lastQuerySchema),
    pendingDelete: parse(event, ContextName.pendingDelete, pendingDeleteSchema),
  };
}

/**
 * The event's contexts with `changes` applied: a value sets (and refreshes) a context, null removes it,
 * undefined leaves it as it was. Other contexts pass through untouched.
 */
export function contextsWith(event: LexEvent, changes: Memory): LexActiveContext[] {
  const names: Record<keyof Memory, ContextName> = {
    lastLogged: ContextName.lastLogged,
    lastQuery: ContextName.lastQuery,
    pendingDelete: ContextName.pendingDelete,
  };
  let contexts = activeContexts(event).map((c) => ({ ...c, contextAttributes: { ...c.contextAttributes } }));
  for (const key of Object.keys(names) as (keyof Memory)[]) {
    const change = changes[key];
    if (change === undefined) continue;
    contexts = contexts.filter((c) => c.name !== names[key]);
    if (change !== null) {
      contexts.push({
        name: names[key],
        timeToLive: { ...TTL },
        contextAttributes: { value: JSON.stringify(change) },
      });
    }
  }
  return contexts;
}
