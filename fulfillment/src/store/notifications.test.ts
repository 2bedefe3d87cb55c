/** In-app notifications in both stores (issue 12 point 5): one contract suite, two implementations. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoLocalForTest, type TestDynamo } from '@budgetbuddy/scripts/local';
import { DynamoLedgerRepository } from './DynamoLedgerRepository';
import { InMemoryLedgerRepository } from './InMemoryLedgerRepository';
import { runNotificationStoreContract } from './notificationStore.case.test';
import { ensureTable } from './table';

jest.setTimeout(120_000);

let local: TestDynamo | undefined;
let client: DynamoDBClient | undefined;

afterAll(async () => {
  client?.destroy();
  await local?.stop();
});

runNotificationStoreContract('DynamoDB Local', async (clock) => {
  local = await dynamoLocalForTest();
  client = new DynamoDBClient({
    endpoint: local.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  await ensureTable(client, 'Notifications');
  return new DynamoLedgerRepository({ client, tableName: 'Notifications', clock }).notifications;
});

runNotificationStoreContract(
  'in memory',
  async (clock) => new InMemoryLedgerRepository({ clock }).notifications,
);
