/**
 * DynamoDB goes away mid-conversation: the person is told plainly that nothing was saved and to retry,
 * and once the database is back on the same files and port, what was saved before is there, the failed
 * expense is not, the rollups still agree, and the same running stack serves writes again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '@budgetbuddy/fulfillment/ledger';
import { startDynamoLocal, type DynamoLocal } from '../dynamoLocal';
import { startStack } from '../stack';
import { findDynamoLocal, stopDynamoLocal } from './support/dynamoProcess';
import { freePort } from './support/freePort';
import { HttpClient, replyText } from './support/httpClient';
import { ledgerUserId } from './support/localUser';
import { loggedAmountMinor, saysNotSavedRetry } from './support/replyClaims';
import { inspectEndpoint } from './support/storeInspection';

type Stack = Awaited<ReturnType<typeof startStack>>;

const USER = 'outage-user';
let dataDir: string;
let stack: Stack | undefined;
let restarted: DynamoLocal | undefined;
let client: HttpClient | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bb-outage-'));
  stack = await startStack({
    port: await freePort(),
    lexPort: await freePort(),
    dataDir,
    quiet: true,
    clock: fixedClock('2026-11-24T15:00:00Z'),
  });
  client = new HttpClient(stack.chatUrl, 2);
}, 60_000);

afterAll(async () => {
  client?.close();
  await stack?.stop();
  await restarted?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('DynamoDB stopped mid-conversation: "not saved, retry", then recovery with nothing lost or half-written', async () => {
  const http = client!;
  const first = await http.chat('spent 11.11 on lunch', { user: USER });
  expect(loggedAmountMinor(replyText(first))).toBe(1111);

  const dynamo = findDynamoLocal(dataDir);
  expect(dynamo).not.toBeNull();
  await stopDynamoLocal(dynamo!, 'SIGKILL');

  // The failure is logged for the operator (and kept out of the test output).
  const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
  const failed = await http.chat('spent 12 on lunch', { user: USER });
  expect(logged.mock.calls.flat().join(' ')).toMatch(/StoreUnavailableError/);
  logged.mockRestore();
  const said = replyText(failed);
  expect([200, 502, 503]).toContain(failed.status);
  expect(said).not.toMatch(/^Logged/m);
  expect(saysNotSavedRetry(said)).toBe(true);

  // Back on the same files and port: the stack's own client reconnects by itself.
  restarted = await startDynamoLocal({ dataDir: join(dataDir, 'dynamodb'), port: dynamo!.port });
  const store = inspectEndpoint(restarted.endpoint, stack!.tableName);
  try {
    const amounts = (await store.repo.listRecent(ledgerUserId(USER), 100)).map((t) => t.amountMinor);
    expect(amounts).toEqual([1111]);
    expect((await store.checkConsistency()).differences).toEqual([]);

    // The person retries, as told, and it works without restarting anything else.
    const retried = await http.chat('spent 12 on lunch', { user: USER });
    expect(loggedAmountMinor(replyText(retried))).toBe(1200);
    const after = (await store.repo.listRecent(ledgerUserId(USER), 100)).map((t) => t.amountMinor);
    expect(after.sort((a, b) => a - b)).toEqual([1111, 1200]);
    expect((await store.checkConsistency()).differences).toEqual([]);
  } finally {
    await store.close();
  }
}, 60_000);
