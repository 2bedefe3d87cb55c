import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoLocal } from '@budgetbuddy/scripts/src/dynamoLocal';
import type { DynamoLocal } from '@budgetbuddy/scripts/src/dynamoLocal';
import { StoreUnavailableError } from '../ports/LedgerRepository';
import { DynamoLedgerRepository } from './DynamoLedgerRepository';
import { runLedgerRepositoryContract } from './ledgerRepositoryContract';
import { ensureTable } from './table';

jest.setTimeout(120_000);

let local: DynamoLocal | undefined;
const clients: DynamoDBClient[] = [];

const clientFor = (endpoint: string) => {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  clients.push(client);
  return client;
};

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await local?.stop();
});

runLedgerRepositoryContract('DynamoLedgerRepository on DynamoDB Local', async (clock) => {
  local = await startDynamoLocal();
  const client = clientFor(local.endpoint);
  await ensureTable(client, 'LedgerContract');
  return { repo: new DynamoLedgerRepository({ client, tableName: 'LedgerContract', clock }) };
});

describe('DynamoLedgerRepository failures', () => {
  it('reports a missing table as StoreUnavailableError, not an SDK error', async () => {
    if (!local) throw new Error('DynamoDB Local did not start');
    const repo = new DynamoLedgerRepository({ client: clientFor(local.endpoint), tableName: 'NoSuchTable' });
    await expect(repo.listRecent('u1', 5)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(
      repo.logTransaction('u1', {
        kind: 'expense',
        amountMinor: 100,
        currency: 'USD',
        category: 'Food',
        date: '2026-11-24',
        source: 'chat',
        requestId: 'r1',
      }),
    ).rejects.toThrow(/Could not save the transaction/);
  });
});
