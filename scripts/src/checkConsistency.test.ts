import { DeleteItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoLedgerRepository,
  rollupSk,
  txnIdSk,
  userPk,
  ensureTable,
} from '@budgetbuddy/fulfillment/store';
import { checkConsistency } from './checkConsistency';
import { localDynamoClient } from './dynamoLocal';
import { dynamoLocalForTest, type TestDynamo } from './sharedDynamo';

jest.setTimeout(120_000);

const TABLE = 'ConsistencyCheck';
let local: TestDynamo;
let client: DynamoDBClient;
let repo: DynamoLedgerRepository;

beforeAll(async () => {
  local = await dynamoLocalForTest();
  client = localDynamoClient(local.endpoint, 1);
  await ensureTable(client, TABLE);
  repo = new DynamoLedgerRepository({ client, tableName: TABLE });
});

afterAll(async () => {
  client?.destroy();
  await local?.stop();
});

const expense = (requestId: string, amountMinor: number, category = 'Food', date = '2026-11-24') => ({
  kind: 'expense' as const,
  amountMinor,
  currency: 'USD',
  category,
  date,
  source: 'chat' as const,
  requestId,
});

describe('checkConsistency', () => {
  it('finds no differences after logs, a repeat and a delete, then reports a tampered rollup and a lost pointer', async () => {
    await repo.logTransaction('alice', expense('a1', 1250));
    await repo.logTransaction('alice', expense('a1', 1250));
    const { transaction } = await repo.logTransaction('alice', expense('a2', 800, 'Transport', '2026-12-31'));
    await repo.logTransaction('alice', { ...expense('a3', 300000, 'Salary'), kind: 'income' });
    await repo.deleteTransaction('alice', transaction.id);
    const kept = await repo.logTransaction('bob', expense('b1', 45000, 'Food', '2027-01-01'));
    await repo.putBudget('bob', {
      category: null,
      period: 'Monthly',
      limitMinor: 100,
      currency: 'USD',
      requestId: 'b2',
    });

    const clean = await checkConsistency(client, TABLE);
    expect(clean.usersChecked).toBe(2);
    // alice: W48, 2026-11, 2026, plus W53, 2026-12 kept at zero after the delete; bob: W53, 2027-01, 2027.
    expect(clean.rollupsChecked).toBe(8);
    expect(clean.differences).toEqual([]);

    await client.send(
      new UpdateItemCommand({
        TableName: TABLE,
        Key: {
          PK: { S: userPk('alice') },
          SK: { S: rollupSk({ granularity: 'month', key: '2026-11' }, 'USD') },
        },
        UpdateExpression: 'ADD expenseTotalMinor :five',
        ExpressionAttributeValues: { ':five': { N: '5' } },
      }),
    );
    await client.send(
      new DeleteItemCommand({
        TableName: TABLE,
        Key: { PK: { S: userPk('bob') }, SK: { S: txnIdSk(kept.transaction.id) } },
      }),
    );
    const dirty = await checkConsistency(client, TABLE);
    expect(dirty.differences).toEqual([
      'user alice ROLLUP#month#2026-11#USD: expenseTotalMinor is 1255 but the transactions add up to 1250',
      `user bob: transaction ${kept.transaction.id} has no matching TXID pointer`,
    ]);
  });
});
