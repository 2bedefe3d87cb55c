/**
 * Ledger hot paths on DynamoDB Local: the budget-status read the CheckBudget hook does (budget item +
 * the period's rollup item, in parallel) for a user with 10 and with 100,000 transactions — it should
 * cost the same, since neither read depends on history — and one logTransaction (a 6-item transaction).
 */
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  asMinorUnits,
  budgetStatus,
  addDaysTo,
  periodKeyOf,
  fixedClock,
  type LedgerRepository,
  type PeriodTotals,
  type Transaction,
} from '@budgetbuddy/fulfillment/ledger';
import {
  DynamoLedgerRepository,
  ITEM_TYPE,
  categoryAttr,
  rollupSk,
  txnSk,
  userPk,
  ensureTable,
  emptyTotals,
  rollupDeltas,
} from '@budgetbuddy/fulfillment/store';
import { localDynamoClient, startDynamoLocal } from '../dynamoLocal';

export const title = 'ledger (DynamoDB Local)';

const TABLE = 'LedgerBench';
const TODAY = '2026-11-24';
const CATEGORIES = ['Food', 'Groceries', 'Transport', 'Shopping', 'Utilities', 'Entertainment'];
const LARGE_HISTORY = 100_000;
const SEED_CONCURRENCY = 16;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value * 1000) / 1000;
};

async function timeMedian(iterations: number, op: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 10; i++) await op(-1 - i); // warm-up: JIT and connection pool
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await op(i);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** What the CheckBudget code hook reads and computes. */
async function readBudgetStatus(repo: LedgerRepository, userId: string): Promise<number> {
  const month = periodKeyOf('month', TODAY);
  const [budget, totals] = await Promise.all([
    repo.getBudget(userId, 'Groceries', 'Monthly'),
    repo.getPeriodTotals(userId, month, 'USD'),
  ]);
  if (!budget) throw new Error('bench budget missing');
  return budgetStatus(budget, totals, TODAY).spentMinor;
}

/** Writes `count` transaction items and their exact rollups straight to the table (BatchWriteItem). */
export async function seedHistory(
  doc: DynamoDBDocumentClient,
  userId: string,
  count: number,
  table = TABLE,
): Promise<void> {
  const pk = userPk(userId);
  const rollups = new Map<string, PeriodTotals>();
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const date = addDaysTo(TODAY, -(i % 1000));
    const createdAt = new Date(Date.UTC(2026, 10, 24) - i * 1000).toISOString();
    const txn: Transaction = {
      id: randomUUID(),
      kind: 'expense',
      amountMinor: asMinorUnits(100 + (i % 5000)),
      currency: 'USD',
      category: CATEGORIES[i % CATEGORIES.length] ?? 'Food',
      date,
      source: 'seed',
      createdAt,
      updatedAt: createdAt,
    };
    items.push({
      PK: pk,
      SK: txnSk(date, createdAt, txn.id),
      type: ITEM_TYPE.transaction,
      ...txn,
      categoryKey: txn.category.toLowerCase(),
    });
    for (const d of rollupDeltas(txn, 1)) {
      const sk = rollupSk(d.period, d.currency);
      const totals = rollups.get(sk) ?? emptyTotals(d.period, d.currency);
      totals.expenseTotalMinor += d.amountMinor;
      totals.expenseByCategory[d.category] = (totals.expenseByCategory[d.category] ?? 0) + d.amountMinor;
      totals.transactionCount += 1;
      rollups.set(sk, totals);
    }
  }
  for (const [sk, t] of rollups) {
    const byCategory = Object.fromEntries(
      Object.entries(t.expenseByCategory).map(([c, v]) => [categoryAttr('expense', c), v]),
    );
    items.push({
      PK: pk,
      SK: sk,
      type: ITEM_TYPE.rollup,
      granularity: t.period.granularity,
      periodKey: t.period.key,
      currency: t.currency,
      expenseTotalMinor: t.expenseTotalMinor,
      incomeTotalMinor: 0,
      transactionCount: t.transactionCount,
      ...byCategory,
    });
  }
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending = batches[next++]?.map((Item) => ({ PutRequest: { Item } })) ?? [];
      while (pending.length > 0) {
        const result = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (result.UnprocessedItems?.[table] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
}

export async function run(): Promise<Record<string, number>> {
  const local = await startDynamoLocal({ jvm: 'full' });
  const client = localDynamoClient(local.endpoint);
  try {
    await ensureTable(client, TABLE);
    const doc = DynamoDBDocumentClient.from(client);
    const repo = new DynamoLedgerRepository({
      client,
      tableName: TABLE,
      clock: fixedClock(`${TODAY}T12:00:00Z`),
    });
    const budget = { category: 'Groceries', period: 'Monthly' as const, limitMinor: 40000, currency: 'USD' };

    const small = 'bench-small';
    await repo.putBudget(small, { ...budget, requestId: randomUUID() });
    for (let i = 0; i < 10; i++) {
      await repo.logTransaction(small, {
        kind: 'expense',
        amountMinor: 500 + i,
        currency: 'USD',
        category: CATEGORIES[i % CATEGORIES.length] ?? 'Food',
        date: addDaysTo(TODAY, -i),
        source: 'seed',
        requestId: randomUUID(),
      });
    }

    const large = 'bench-large';
    const seedStarted = Date.now();
    await seedHistory(doc, large, LARGE_HISTORY);
    const seedMs = Date.now() - seedStarted;
    await repo.putBudget(large, { ...budget, requestId: randomUUID() });

    const statusSmall = await timeMedian(200, () => readBudgetStatus(repo, small));
    const statusLarge = await timeMedian(200, () => readBudgetStatus(repo, large));
    const logExpense = await timeMedian(100, () =>
      repo.logTransaction(large, {
        kind: 'expense',
        amountMinor: 1250,
        currency: 'USD',
        category: 'Food',
        date: TODAY,
        source: 'chat',
        requestId: randomUUID(),
      }),
    );
    return {
      budget_status_ms_10: statusSmall,
      budget_status_ms_100k: statusLarge,
      log_expense_ms: logExpense,
      ledger_seed_100k_s: Math.round(seedMs / 100) / 10,
    };
  } finally {
    client.destroy();
    await local.stop();
  }
}
