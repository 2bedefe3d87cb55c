/**
 * Rollup arithmetic shared by the stores: the signed change one transaction makes to the totals of each
 * period it falls in, and the empty totals of a period nobody has spent in yet.
 */
import { periodKeysFor } from '../domain/ledger/periods';
import type { PeriodKey, PeriodTotals, TagTotals, Transaction } from '../domain/ledger';

export interface RollupDelta {
  period: PeriodKey;
  currency: string;
  kind: Transaction['kind'];
  category: string;
  /** The entry's tags: each gets the same signed amount in the rollup (issue 12 point 4). */
  tags: readonly string[];
  /** Signed: positive when logging, negative when deleting. */
  amountMinor: number;
  count: 1 | -1;
}

/** One delta per period (week, month, year) the transaction counts towards. */
export function rollupDeltas(txn: Transaction, direction: 1 | -1): RollupDelta[] {
  return periodKeysFor(txn.date).map((period) => ({
    period,
    currency: txn.currency,
    kind: txn.kind,
    category: txn.category,
    tags: txn.tags ?? [],
    amountMinor: direction * txn.amountMinor,
    count: direction,
  }));
}

export function emptyTotals(period: PeriodKey, currency: string): PeriodTotals {
  return {
    period: { granularity: period.granularity, key: period.key },
    currency,
    expenseTotalMinor: 0,
    incomeTotalMinor: 0,
    expenseByCategory: {},
    incomeByCategory: {},
    transactionCount: 0,
  };
}

export function emptyTagTotals(period: PeriodKey, currency: string): TagTotals {
  return {
    period: { granularity: period.granularity, key: period.key },
    currency,
    expenseByTag: {},
    incomeByTag: {},
  };
}

/** Drops categories whose total went back to zero, so a delete leaves totals exactly as they were. */
export function withoutZeroCategories(totals: PeriodTotals): PeriodTotals {
  const nonZero = (m: Record<string, number>) =>
    Object.fromEntries(Object.entries(m).filter(([, v]) => v !== 0));
  return {
    ...totals,
    expenseByCategory: nonZero(totals.expenseByCategory),
    incomeByCategory: nonZero(totals.incomeByCategory),
  };
}

/** Drops tags whose total went back to zero (an untagged or deleted entry leaves no trace). */
export function withoutZeroTags(totals: TagTotals): TagTotals {
  const nonZero = (m: Record<string, number>) =>
    Object.fromEntries(Object.entries(m).filter(([, v]) => v !== 0));
  return { ...totals, expenseByTag: nonZero(totals.expenseByTag), incomeByTag: nonZero(totals.incomeByTag) };
}

/** Newest first: by date, then creation time, then id (a total order, so pages never shuffle). */
export function newestFirst(a: Transaction, b: Transaction): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export const DEFAULT_RANGE_LIMIT = 1000;
export const MAX_RANGE_LIMIT = 5000;

export function rangeLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_RANGE_LIMIT;
  return Math.max(0, Math.min(Math.floor(limit), MAX_RANGE_LIMIT));
}

/** Refuses an empty user id: it would file data in a partition shared by every caller that lost its identity. */
export function assertUserId(userId: string): string {
  if (userId.trim() === '') throw new Error('A user id is required to touch the ledger.');
  return userId;
}

/** Every delta of one rollup item together: a TransactWriteItems may touch each item only once. */
export interface RollupItemDelta {
  period: PeriodKey;
  currency: string;
  expenseTotalMinor: number;
  incomeTotalMinor: number;
  /** Keyed by kind and category ("expense" / "Food"). */
  categories: { kind: Transaction['kind']; category: string; amountMinor: number }[];
  /** Keyed by kind and tag, like categories. */
  tags: { kind: Transaction['kind']; tag: string; amountMinor: number }[];
  count: number;
}

/** The rollup changes of replacing `before` by `after`, one per rollup item, zero changes dropped. */
export function editDeltas(before: Transaction, after: Transaction): RollupItemDelta[] {
  const items = new Map<string, RollupItemDelta>();
  for (const d of [...rollupDeltas(before, -1), ...rollupDeltas(after, 1)]) {
    const id = `${d.period.granularity}#${d.period.key}#${d.currency}`;
    const item = items.get(id) ?? {
      period: d.period,
      currency: d.currency,
      expenseTotalMinor: 0,
      incomeTotalMinor: 0,
      categories: [],
      tags: [],
      count: 0,
    };
    if (d.kind === 'expense') item.expenseTotalMinor += d.amountMinor;
    else item.incomeTotalMinor += d.amountMinor;
    const same = item.categories.find((c) => c.kind === d.kind && c.category === d.category);
    if (same) same.amountMinor += d.amountMinor;
    else item.categories.push({ kind: d.kind, category: d.category, amountMinor: d.amountMinor });
    for (const tag of d.tags) {
      const sameTag = item.tags.find((t) => t.kind === d.kind && t.tag === tag);
      if (sameTag) sameTag.amountMinor += d.amountMinor;
      else item.tags.push({ kind: d.kind, tag, amountMinor: d.amountMinor });
    }
    item.count += d.count;
    items.set(id, item);
  }
  return [...items.values()]
    .map((i) => ({
      ...i,
      categories: i.categories.filter((c) => c.amountMinor !== 0),
      tags: i.tags.filter((t) => t.amountMinor !== 0),
    }))
    .filter((i) => i.categories.length > 0 || i.tags.length > 0 || i.count !== 0);
}
