import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoLocalForTest, type TestDynamo } from '@budgetbuddy/scripts/local';
import { DynamoLedgerRepository } from './DynamoLedgerRepository';
import { InMemoryLedgerRepository } from './InMemoryLedgerRepository';
import { runRecurringRuleContract } from './recurringRuleStore.case.test';
import { DUE_INDEX, ensureTable } from './table';

jest.setTimeout(120_000);

let local: TestDynamo | undefined;
let client: DynamoDBClient | undefined;

afterAll(async () => {
  client?.destroy();
  await local?.stop();
});

runRecurringRuleContract('DynamoDB Local', async (clock) => {
  local = await dynamoLocalForTest();
  client = new DynamoDBClient({
    endpoint: local.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  await ensureTable(client, 'RecurringContract');
  return { repo: new DynamoLedgerRepository({ client, tableName: 'RecurringContract', clock }).recurring };
});

runRecurringRuleContract('in memory', async (clock) => ({
  repo: new InMemoryLedgerRepository({ clock }).recurring,
}));

describe('the due index', () => {
  it('is added to a table made before it existed, and is active when ensureTable returns', async () => {
    if (!client) throw new Error('DynamoDB Local did not start');
    const { CreateTableCommand } = await import('@aws-sdk/client-dynamodb');
    await client.send(
      new CreateTableCommand({
        TableName: 'OldLedger',
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'PK', AttributeType: 'S' },
          { AttributeName: 'SK', AttributeType: 'S' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await ensureTable(client, 'OldLedger');
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'OldLedger' }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.IndexStatus])).toEqual([
      [DUE_INDEX, 'ACTIVE'],
    ]);
  });
});
