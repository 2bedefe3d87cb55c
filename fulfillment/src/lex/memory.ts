/**
 * Conversation memory between turns. The proxy resends session attributes on every turn (which wipes
 * anything we put there), so memory lives in Lex active contexts, which persist while a request omits
 * them. Each piece has its own context so it expires on its own.
 */
import { z } from 'zod';
import type { LexActiveContext, LexEvent } from '@budgetbuddy/bot/lex';
import { budgetPeriodSchema, transactionKindSchema, type TransactionKind } from '../domain/ledger';
import { activeContexts, readContext } from './eventReader';

const TTL = { timeToLiveInSeconds: 600, turnsToLive: 10 } as const;

/** Lex context names allow letters and single underscores only. */
export const ContextName = {
  lastLogged: 'bbLastLogged',
  lastQuery: 'bbLastQuery',
  pendingDelete: 'bbPendingDelete',
  pendingBudgetDelete: 'bbPendingBudgetDelete',
  lastAction: 'bbLastAction',
  draft: 'bbDraft',
  pendingEdit: 'bbPendingEdit',
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
  period: budgetPeriodSchema,
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

const transactionSnapshotSchema = z.object({
  id: z.string().min(1),
  kind: transactionKindSchema,
  amountMinor: z.number().int().positive(),
  currency: z.string().length(3),
  category: z.string().min(1),
  date: z.string(),
  note: z.string().optional(),
  /** The account it was in, and the jars it filled (issue 12 point 1): a restored entry goes back there. */
  account: z.string().optional(),
  jars: z
    .array(z.object({ account: z.string(), percent: z.number().int() }))
    .max(10)
    .optional(),
  tags: z.array(z.string()).max(10).optional(),
});
export type TransactionSnapshot = z.infer<typeof transactionSnapshotSchema>;

/**
 * A request the bot was still asking about (a missing category or amount). When the next turn is a
 * different request, the draft is dropped and the reply says so, in these words.
 */
const draftSchema = z.object({
  intent: z.string().min(1),
  /** "the $9.00 gizmo": how the reply names what was dropped. */
  described: z.string().min(1).max(200),
  /** What is still missing, for "tell me its category to log it". */
  missing: z.string().min(1).max(40),
  /** The slot values the draft held (original words): a turn that holds others is a new request. */
  slots: z.record(z.string(), z.string()),
  /** The same slots' interpreted values, so the draft can be finished from another intent's answer. */
  values: z.record(z.string(), z.string()).default({}),
  /** The range asked about with "Which day last month?": the answer is a day read inside it. */
  dateRange: z.object({ from: z.iso.date(), to: z.iso.date(), label: z.string().min(1).max(80) }).optional(),
});
export type Draft = z.infer<typeof draftSchema>;

/** "change the costco one" matched several entries: the ones offered, each with the label of its button. */
const pendingEditSchema = z.object({
  candidates: z.array(z.object({ id: z.string().min(1), label: z.string().min(1) })).max(5),
});
export type PendingEdit = z.infer<typeof pendingEditSchema>;

/** A savings goal as "undo" puts it back (a delete, a change of target). */
const goalSnapshotSchema = z.object({
  key: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  targetMinor: z.number().int(),
  savedMinor: z.number().int(),
  currency: z.string().length(3),
  targetDate: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  reachedAt: z.string().optional(),
  /** What it held from each account (account key → minor units). */
  fromAccounts: z.record(z.string().min(1).max(200), z.number().int()).optional(),
});
/** Money a removed goal gave back to one account: undo takes it again. */
const returnedMoneySchema = z.object({ account: z.string().min(1).max(200), amountMinor: z.number().int() });
/** A recurring rule as "undo" puts it back (a cancel, a replacement): the whole rule, id included. */
const ruleSnapshotSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: transactionKindSchema,
  amountMinor: z.number().int().positive(),
  currency: z.string().length(3),
  category: z.string().min(1),
  recurrence: z.string().min(1).max(500),
  status: z.enum(['active', 'paused']),
  nextDue: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const moneySchema = z.object({ limitMinor: z.number().int().positive(), currency: z.string().length(3) });
/**
 * The last change "undo" should take back when it was not a new entry: a budget set, replaced or
 * removed (with what it was before, null when there was none), or an entry deleted (with what it was).
 */
const lastActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('log'),
    /** The entries of the last message: one undo takes all of them back. */
    ids: z.array(z.string().min(1)).max(20).optional(),
    /** The proxy's id of that message (bb:messageId), so its further parts join the same group. */
    messageId: z.string().min(1).optional(),
  }),
  /** An entry changed: undo puts it back as it was. */
  z.object({ type: z.literal('edit'), transaction: transactionSnapshotSchema }),
  /** A profile setting changed: undo sets it back. */
  z.object({
    type: z.literal('setting'),
    field: z.enum(['currency', 'timeZone', 'emailAlerts']),
    previous: z.string().min(1),
  }),
  z.object({
    type: z.literal('budget'),
    category: z.string().min(1).nullable(),
    period: budgetPeriodSchema,
    previous: moneySchema.nullable(),
  }),
  z.object({ type: z.literal('delete'), transaction: transactionSnapshotSchema }),
  /** Money moved between accounts (issue 12 point 1): undo moves it back. */
  z.object({ type: z.literal('transfer'), id: z.string().min(1) }),
  /** A savings goal set (previous null: it is new, undo removes it) or its target changed (undo puts it back). */
  z.object({ type: z.literal('goalSet'), key: z.string().min(1), previous: goalSnapshotSchema.nullable() }),
  /** Money put toward a goal under this request id: undo takes it off again. */
  z.object({ type: z.literal('goalContribution'), requestId: z.string().min(1), name: z.string().min(1) }),
  /** A goal removed, its money given back to these accounts: undo puts it back and takes the money again. */
  z.object({
    type: z.literal('goalDelete'),
    goal: goalSnapshotSchema,
    returned: z.array(returnedMoneySchema).max(50).default([]),
  }),
  /** A recurring rule set up (undo removes it), maybe replacing one said before (undo puts that back). */
  z.object({
    type: z.literal('recurringSet'),
    ruleId: z.string().min(1),
    replaced: ruleSnapshotSchema.nullable(),
  }),
  /** A rule paused or resumed: undo sets it back to this status and next day. */
  z.object({
    type: z.literal('recurringStatus'),
    ruleId: z.string().min(1),
    previous: z.object({ status: z.enum(['active', 'paused']), nextDue: z.string().nullable() }),
  }),
  /** A rule cancelled: undo puts it back. */
  z.object({ type: z.literal('recurringCancel'), rule: ruleSnapshotSchema }),
]);
export type LastAction = z.infer<typeof lastActionSchema>;

export interface Memory {
  lastLogged?: LastLogged | null;
  lastQuery?: LastQuery | null;
  pendingDelete?: PendingDelete | null;
  pendingBudgetDelete?: PendingBudgetDelete | null;
  lastAction?: LastAction | null;
  draft?: Draft | null;
  pendingEdit?: PendingEdit | null;
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
    draft: parse(event, ContextName.draft, draftSchema),
    pendingEdit: parse(event, ContextName.pendingEdit, pendingEditSchema),
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
    draft: ContextName.draft,
    pendingEdit: ContextName.pendingEdit,
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

/** What is kept of an entry so "undo" can put it back as it was. */
export function snapshotOf(t: {
  id: string;
  kind: TransactionKind;
  amountMinor: number;
  currency: string;
  category: string;
  date: string;
  note?: string;
  account?: string;
  jars?: { account: string; percent: number }[];
  tags?: string[];
}): TransactionSnapshot {
  return {
    id: t.id,
    kind: t.kind,
    amountMinor: t.amountMinor,
    currency: t.currency,
    category: t.category,
    date: t.date,
    // Lex caps a context value at 1,024 characters; a very long note comes back shortened.
    ...(t.note ? { note: t.note.slice(0, 300) } : {}),
    ...(t.account ? { account: t.account } : {}),
    ...(t.jars ? { jars: t.jars } : {}),
    ...(t.tags && t.tags.length > 0 ? { tags: t.tags } : {}),
  };
}
