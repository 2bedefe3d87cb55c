import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { JavaMissingError, localDynamoClient, startDynamoLocal } from './dynamoLocal';
import { isLoopback, listeningSocketsOf } from './listeningSockets';

describe('startDynamoLocal', () => {
  it('starts on a free port, answers, keeps tables in the data directory across restarts, and stops', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bb-ddb-'));
    try {
      const started = Date.now();
      const first = await startDynamoLocal({ dataDir });
      const startupMs = Date.now() - started;
      expect(first.endpoint).toBe(`http://127.0.0.1:${first.port}`);
      const client = localDynamoClient(first.endpoint, 1);
      await client.send(
        new CreateTableCommand({
          TableName: 'Persisted',
          KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      client.destroy();
      await first.stop();
      await expect(fetch(first.endpoint)).rejects.toThrow();
      expect(readdirSync(dataDir).length).toBeGreaterThan(0);

      const second = await startDynamoLocal({ dataDir });
      const client2 = localDynamoClient(second.endpoint, 1);
      expect((await client2.send(new ListTablesCommand({}))).TableNames).toEqual(['Persisted']);
      client2.destroy();
      await second.stop();
      // Startup time matters for every test file that needs a store: keep an eye on it.
      console.log(`DynamoDB Local startup: ${startupMs} ms`);
      expect(startupMs).toBeLessThan(60_000);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('listens on loopback only, on every socket the JVM opens', async () => {
    const local = await startDynamoLocal();
    try {
      const sockets = listeningSocketsOf(local.pid);
      expect(sockets.map((s) => s.port)).toContain(local.port);
      // Every socket the JVM listens on, not just the one we asked for: none may face the network.
      expect(sockets.filter((s) => !isLoopback(s.address))).toEqual([]);
    } finally {
      await local.stop();
    }
  }, 120_000);

  it('says to install Java 17+ when java is not on the PATH', async () => {
    const path = process.env.PATH;
    const emptyDir = mkdtempSync(join(tmpdir(), 'bb-nojava-'));
    process.env.PATH = emptyDir;
    try {
      const attempt = startDynamoLocal();
      await expect(attempt).rejects.toBeInstanceOf(JavaMissingError);
      await expect(attempt).rejects.toThrow(/Install a Java 17\+ runtime/);
    } finally {
      process.env.PATH = path;
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
