/**
 * DynamoDB item shapes (Db*) and their mapping to domain records. Items read back are parsed with zod:
 * a malformed item is reported as a store fault rather than leaking half-typed data into the domain.
 */
import { z } from 'zod';
import {
  budgetSchema,
  transactionSchema,
  userProfileSchema,
  type Budget,
  type PeriodKey,
  type PeriodTotals,
  type Transaction,
  type TagTotals,
  type UserProfile,
} from '../domain/ledger';
import { EXPENSE_CATEGORY_ATTR_PREFIX, INCOME_CATEGORY_ATTR_PREFIX } from './keys';
import { emptyTagTotals, emptyTotals, withoutZeroCategories } from './totals';

export const ITEM_TYPE = {
  transaction: 'TXN',
  transactionPointer: 'TXID',
  rollup: 'ROLLUP',
  budget: 'BUDGET',
  profile: 'PROFILE',
  idempotency: 'IDEMP',
  learned: 'LEARN',
  alert: 'ALERT',
  notification: 'NOTE',
  tagTotal: 'TAGTOT',
} as const;

/** One tag's total in one period (keys.ts TAG_TOTAL_PREFIX). */
export const tagTotalSchema = z.object({
  kind: z.enum(['expense', 'income']),
  tag: z.string(),
  amountMinor: z.number().int(),
});

/** The tag totals of one period from its TAGTOT items (zeros left out). */
export function tagTotalsFromItems(
  items: Record<string, unknown>[],
  period: PeriodKey,
  currency: string,
): TagTotals {
  const totals = emptyTagTotals(period, currency);
  for (const item of items) {
    const t = tagTotalSchema.parse(item);
    if (t.amountMinor === 0) continue;
    (t.kind === 'expense' ? totals.expenseByTag : totals.incomeByTag)[t.tag] = t.amountMinor;
  }
  return totals;
}

export interface DbTransaction extends Transaction {
  PK: string;
  SK: string;
  type: typeof ITEM_TYPE.transaction;
  /** Lower-cased category, for case-insensitive filtering. */
  categoryKey: string;
}

export interface DbTransactionPointer {
  PK: string;
  SK: string;
  type: typeof ITEM_TYPE.transactionPointer;
  txnSk: string;
}

export interface DbIdempotency {
  PK: string;
  SK: string;
  type: typeof ITEM_TYPE.idempotency;
  transaction: Transaction;
  /** Epoch seconds; DynamoDB's TTL (table.ts TTL_ATTRIBUTE) removes the record after this. */
  expiresAt: number;
}

export function transactionFromItem(item: Record<string, unknown>): Transaction {
  const parsed = transactionSchema.parse(item);
  const txn: Transaction = {
    id: parsed.id,
    kind: parsed.kind,
    amountMinor: parsed.amountMinor,
    currency: parsed.currency,
    category: parsed.category,
    date: parsed.date,
    source: parsed.source,
    createdAt: parsed.createdAt,
    updatedAt: parsed.updatedAt,
  };
  if (parsed.note !== undefined) txn.note = parsed.note;
  if (parsed.account !== undefined) txn.account = parsed.account;
  if (parsed.jars !== undefined) txn.jars = parsed.jars;
  if (parsed.tags !== undefined && parsed.tags.length > 0) txn.tags = parsed.tags;
  return txn;
}

export const pointerSchema = z.object({ txnSk: z.string() });

const counter = z.number().default(0);
const rollupSchema = z.looseObject({
  expenseTotalMinor: counter,
  incomeTotalMinor: counter,
  transactionCount: counter,
});

/** Totals from a rollup item (or empty totals when the period has no item yet). */
export function totalsFromItem(
  item: Record<string, unknown> | undefined,
  period: PeriodKey,
  currency: string,
): PeriodTotals {
  if (!item) return emptyTotals(period, currency);
  const parsed = rollupSchema.parse(item);
  const totals = emptyTotals(period, currency);
  totals.expenseTotalMinor = parsed.expenseTotalMinor;
  totals.incomeTotalMinor = parsed.incomeTotalMinor;
  totals.transactionCount = parsed.transactionCount;
  for (const [attr, value] of Object.entries(item)) {
    if (typeof value !== 'number') continue;
    if (attr.startsWith(EXPENSE_CATEGORY_ATTR_PREFIX)) {
      totals.expenseByCategory[attr.slice(EXPENSE_CATEGORY_ATTR_PREFIX.length)] = value;
    } else if (attr.startsWith(INCOME_CATEGORY_ATTR_PREFIX)) {
      totals.incomeByCategory[attr.slice(INCOME_CATEGORY_ATTR_PREFIX.length)] = value;
    }
  }
  return withoutZeroCategories(totals);
}

export function budgetFromItem(item: Record<string, unknown>): Budget {
  const b = budgetSchema.parse(item);
  return {
    category: b.category,
    period: b.period,
    limitMinor: b.limitMinor,
    currency: b.currency,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
  };
}

// Profiles written before custom categories existed have none.
const profileSchema = userProfileSchema.extend({ customCategories: z.array(z.string()).default([]) });

export function profileFromItem(item: Record<string, unknown>): UserProfile {
  const p = profileSchema.parse(item);
  return {
    currency: p.currency,
    timeZone: p.timeZone,
    customCategories: p.customCategories,
    ...(p.customIncomeCategories?.length ? { customIncomeCategories: p.customIncomeCategories } : {}),
    ...(p.timeZoneChosen ? { timeZoneChosen: true } : {}),
    ...(p.taughtCategories ? { taughtCategories: true } : {}),
    ...(p.emailAlerts ? { emailAlerts: p.emailAlerts } : {}),
    ...(p.defaultAccount ? { defaultAccount: p.defaultAccount } : {}),
    ...(p.jarSplit ? { jarSplit: p.jarSplit } : {}),
    ...(p.categoryMoves && Object.keys(p.categoryMoves).length > 0 ? { categoryMoves: p.categoryMoves } : {}),
  };
}

export const idempotencyRecordSchema = z.object({ transaction: z.record(z.string(), z.unknown()) });
