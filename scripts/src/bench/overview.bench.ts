/**
 * The overview and the recurring job on DynamoDB Local (issue 12 point 7): GET /api/overview's work
 * (buildOverview) for a user with 10 and with 100,000 entries — the same bounded reads, so 100k must
 * stay within 3× of 10 — and one run of the scheduled job posting 1,000 due occurrences.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addDaysTo, fixedClock, type LedgerStores } from '@budgetbuddy/fulfillment/ledger';
import { DynamoLedgerRepository, ensureTable } from '@budgetbuddy/fulfillment/store';
import { buildOverview } from '@budgetbuddy/fulfillment/overview';
import { postDueOccurrences } from '@budgetbuddy/fulfillment/recurring';
import { localDynamoClient, startDynamoLocal } from '../dynamoLocal';
import { seedHistory } from './ledger.bench';

export const title = 'overview and recurring job (DynamoDB Local)';

const TABLE = 'OverviewBench';
const TODAY = '2026-11-24';
const MONTHLY_ON_24TH = 'DTSTART:20261124T000000Z\nRRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=24';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 1000) / 1000;
};

async function timeMedian(iterations: number, op: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 10; i++) await op();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await op();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** What the panel shows besides entries: a budget, a goal and two recurring bills. */
async function furnish(repo: LedgerStores, user: string): Promise<void> {
  await repo.putBudget(user, {
    category: 'Groceries',
    period: 'Monthly',
    limitMinor: 40_000,
    currency: 'USD',
    requestId: randomUUID(),
  });
  await repo.goals.putGoal(user, { name: 'trip to japan', targetMinor: 200_000, currency: 'USD' });
  for (const name of ['rent', 'netflix'])
    await repo.recurring.addRecurringRule(user, {
      name,
      kind: 'expense',
      amountMinor: 1_599,
      currency: 'USD',
      category: 'Subscriptions',
      recurrence: MONTHLY_ON_24TH,
      nextDue: '2026-12-24',
      requestId: randomUUID(),
    });
}

export async function run(): Promise<Record<string, number>> {
  const local = await startDynamoLocal({ jvm: 'full' });
  const client = localDynamoClient(local.endpoint);
  try {
    await ensureTable(client, TABLE);
    const clock = fixedClock(`${TODAY}T12:00:00Z`);
    const repo = new DynamoLedgerRepository({ client, tableName: TABLE, clock });

    const small = 'bench-ov-small';
    await furnish(repo, small);
    for (let i = 0; i < 10; i++)
      await repo.logTransaction(small, {
        kind: 'expense',
        amountMinor: 500 + i,
        currency: 'USD',
        category: 'Groceries',
        date: addDaysTo(TODAY, -i),
        source: 'seed',
        requestId: randomUUID(),
      });
    const large = 'bench-ov-large';
    await seedHistory(DynamoDBDocumentClient.from(client), large, 100_000, TABLE);
    await furnish(repo, large);

    const overview10 = await timeMedian(100, () => buildOverview(repo, clock, small, 'UTC'));
    const overview100k = await timeMedian(100, () => buildOverview(repo, clock, large, 'UTC'));

    // 1,000 rules due today (one per user, as the job meets them), posted by one run.
    for (let i = 0; i < 1_000; i++)
      await repo.recurring.addRecurringRule(`bench-rec-${i}`, {
        name: 'gym',
        kind: 'expense',
        amountMinor: 4_000,
        currency: 'USD',
        category: 'Health',
        recurrence: MONTHLY_ON_24TH,
        nextDue: TODAY,
        requestId: randomUUID(),
      });
    const started = performance.now();
    const report = await postDueOccurrences({ repo, clock });
    const postMs = performance.now() - started;
    if (report.posted !== 1_000)
      throw new Error(`posted ${report.posted} of 1,000 (${report.failed} failed)`);

    return {
      overview_ms_10: overview10,
      overview_ms_100k: overview100k,
      recurring_post_ms_1k: Math.round(postMs),
    };
  } finally {
    client.destroy();
    await local.stop();
  }
}
