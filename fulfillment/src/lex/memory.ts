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
  pendingBudgetDelete: 'bbPendingBudgetDelete',
  lastAction: 'bbLastAction',
} as const;
type ContextName = (typeof ContextName)[keyof typeof ContextName];

/** How many entries logged earlier in the conversation a repeated "undo" can still reach. */
export const MAX_EARLIER_LOGS = 5;

const lastLoggedSchema = z.object({
  /** The entry just logged (or just corrected): "undo" removes it at once. Absent once undone. */
  transactionId: z.string().min(1).optional(),
  /** Entries logged before it in this conversation, newest first: a further "undo" offers them, with a yes/no. */
  earlier: z.array(z.string().min(1)).max(MAX_EARLIER_LOGS).default([]),
});
const lastQuerySchema = z.object({
  category: z.string().optional(),
  dateWords: z.string().optional(),
  dateValue: z.string().optional(),
});
const pendingDeleteSchema = z.object({
  transactionId: z.string().min(1),
  /** Asked by a repeated "undo": deleting it continues the undo, so a further "undo" does not bring it back. */
  viaUndo: z.boolean().optional(),
});
const pendingBudgetDeleteSchema = z.object({
  category: z.string().min(1).nullable(),
  period: z.enum(['Weekly', 'Monthly', 'Yearly']),
});

export type LastLogged = z.infer<typeof lastLoggedSchema>;

/**
 * The log memory after some other change (a budget, a delete): the entry just logged is no longer
 * the last thing done, so a later "undo" only offers it, with a yes/no. undefined leaves memory as is.
 */
export function pushedBack(memory: LastLogged | null): LastLogged | undefined {
  if (!memory?.transactionId) return undefined;
  return { earlier: [memory.transactionId, ...memory.earlier].slice(0, MAX_EARLIER_LOGS) };
}

/** The log memory after `transactionId` was logged: it becomes the one "undo" removes, the previous one moves back. */
export function afterLogging(memory: LastLogged | null, transactionId: string): LastLogged {
  const earlier = memory?.earlier ?? [];
  const previous = memory?.transactionId;
  // A retried turn logs the same entry again: it must not count twice.
  if (previous === transactionId) return { transactionId, earlier };
  const moved = previous ? [previous, ...earlier] : earlier;
  return { transactionId, earlier: moved.filter((id) => id !== transactionId).slice(0, MAX_EARLIER_LOGS) };
}
export type LastQuery = z.infer<typeof lastQuerySchema>;
export type PendingDelete = z.infer<typeof pendingDeleteSchema>;
export type PendingBudgetDelete = z.infer<typeof pendingBudgetDeleteSchema>;

const moneySchema = z.object({ limitMinor: z.number().int().positive(), currency: z.string().length(3) });
/**
 * The last change "undo" should take back when it was not a new entry: a budget set, replaced or
 * removed (with what it was before, null when there was none), or an entry deleted (with what it was).
 */
const lastActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('log') }),
  z.object({
    type: z.literal('budget'),
    category: z.string().min(1).nullable(),
    period: z.enum(['Weekly', 'Monthly', 'Yearly']),
    previous: moneySchema.nullable(),
  }),
  z.object({
    type: z.literal('delete'),
    transaction: z.object({
      id: z.string().min(1),
      kind: z.enum(['expense', 'income']),
      amountMinor: z.number().int().positive(),
      currency: z.string().length(3),
      category: z.string().min(1),
      date: z.string(),
      note: z.string().optional(),
    }),
  }),
]);
export type LastAction = z.infer<typeof lastActionSchema>;

export interface Memory {
  lastLogged?: LastLogged | null;
  lastQuery?: LastQuery | null;
  pendingDelete?: PendingDelete | null;
  pendingBudgetDelete?: PendingBudgetDelete | null;
  lastAction?: LastAction | null;
}

const parse = <T>(event: LexEvent, name: ContextName, schema: z.ZodType<T, unknown>): T | null => {
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
    pendingBudgetDelete: parse(event, ContextName.pendingBudgetDelete, pendingBudgetDeleteSchema),
    lastAction: parse(event, ContextName.lastAction, lastActionSchema),
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
    pendingBudgetDelete: ContextName.pendingBudgetDelete,
    lastAction: ContextName.lastAction,
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
