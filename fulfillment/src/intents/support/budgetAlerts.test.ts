/**
 * Budget lines after several expenses of one message, against DynamoDB Local: each expense counts
 * toward the budget period its own date falls in, not the first expense's.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoLocalForTest, type TestDynamo } from '@budgetbuddy/scripts/local';
import { fixedClock } from '../../ports/Clock';
import { formatMoney } from '../../domain/ledger/money';
import { DynamoLedgerRepository } from '../../store/DynamoLedgerRepository';
import { ensureTable } from '../../store/table';
import { expense, newUser } from '../../store/contractEntries';
import type { BudgetAlert } from '../../ports/BudgetNotifier';
import { budgetLinesAfterExpenses } from './budgetAlerts';

jest.setTimeout(120_000);

let local: TestDynamo | undefined;
let client: DynamoDBClient | undefined;
let repo: DynamoLedgerRepository;

beforeAll(async () => {
  local = await dynamoLocalForTest();
  client = new DynamoDBClient({
    endpoint: local.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  await ensureTable(client, 'BudgetAlerts');
  repo = new DynamoLedgerRepository({
    client,
    tableName: 'BudgetAlerts',
    clock: fixedClock('2026-12-01T15:00:00Z'),
  });
});

afterAll(async () => {
  client?.destroy();
  await local?.stop();
});

const money = (minor: number) => formatMoney(minor, 'USD');

describe('budgetLinesAfterExpenses', () => {
  it('judges each expense of one message against its own period across a month boundary', async () => {
    const userId = newUser();
    await repo.putBudget(userId, {
      category: 'Food',
      period: 'Monthly',
      limitMinor: 10000,
      currency: 'USD',
      requestId: 'b1',
    });
    // November already holds 70; the message adds 20 on Nov 30 (to 90: past 80%) and 15 on Dec 1.
    await repo.logTransaction(userId, expense({ amountMinor: 7000, date: '2026-11-10' }));
    const items = [
      expense({ amountMinor: 2000, date: '2026-11-30' }),
      expense({ amountMinor: 1500, date: '2026-12-01' }),
    ];
    for (const item of items) await repo.logTransaction(userId, item);
    const alerts: BudgetAlert[] = [];
    const lines = await budgetLinesAfterExpenses(
      repo,
      userId,
      items.map((i) => ({ category: i.category, date: i.date, amountMinor: i.amountMinor, currency: 'USD' })),
      '2026-12-01',
      money,
      (a) => alerts.push(a),
    );
    expect(lines).toEqual([
      "⚠️ Heads up: you've used 90% of your November Food budget ($90.00 of $100.00).",
      '15% of your December Food budget used ($15.00 of $100.00).',
    ]);
    expect(alerts.map((a) => [a.threshold, a.period.from])).toEqual([[80, '2026-11-01']]);
  });
});
