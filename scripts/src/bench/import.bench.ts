/**
 * Bank import throughput (issue 13): a 10,000-row card export through the real HTTP routes — preview
 * (parse, categories, duplicate check, pending import saved) then commit (every row logged with its
 * rollups and idempotency key) — on DynamoDB Local. `import_rows_per_s` is rows / (preview + commit).
 */
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { fixedClock } from '@budgetbuddy/fulfillment/ledger';
import { createProxyApp, silentLogger } from '@budgetbuddy/fulfillment/proxy';
import { DynamoLedgerRepository, ensureTable } from '@budgetbuddy/fulfillment/store';
import { localDynamoClient, startDynamoLocal } from '../dynamoLocal';
import { listen } from '../webServer';

export const title = 'bank import (HTTP, DynamoDB Local)';

const ROWS = 10_000;
const MERCHANTS = [
  'STARBUCKS STORE 123',
  'WHOLE FOODS MARKET',
  'UBER *TRIP',
  'NETFLIX.COM',
  'SHELL OIL 5744',
];

/** A Chase-card-like export: purchases negative, spread over a year, each line distinct. */
export function benchCsv(rows: number): string {
  const lines = ['Transaction Date,Post Date,Description,Category,Type,Amount,Memo'];
  for (let i = 0; i < rows; i++) {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const cents = (100 + (i % 9000)) / 100;
    lines.push(
      `${month}/${day}/2026,${month}/${day}/2026,"${MERCHANTS[i % 5]} #${i}",Shopping,Sale,-${cents.toFixed(2)},`,
    );
  }
  return lines.join('\n') + '\n';
}

export async function run(): Promise<Record<string, number>> {
  const local = await startDynamoLocal({ jvm: 'full' });
  const client = localDynamoClient(local.endpoint);
  const lex = new LexRuntimeV2Client({
    endpoint: 'http://127.0.0.1:9',
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  try {
    await ensureTable(client, 'ImportBench');
    const clock = fixedClock('2026-12-01T12:00:00Z');
    const repo = new DynamoLedgerRepository({ client, tableName: 'ImportBench', clock });
    const app = createProxyApp({
      lex,
      botConfig: async () => ({ botId: 'B', botAliasId: 'A', localeId: 'en_US' }),
      identityKeys: async () => ({ current: 'local-test-identity-key-0123456789abcdef' }),
      identify: () => 'bench-import',
      logger: silentLogger,
      ledger: repo,
      clock,
    });
    const server = await listen(app, '127.0.0.1', 0);
    try {
      const csv = benchCsv(ROWS);
      const started = performance.now();
      const preview = await fetch(`${server.url}/api/import`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: csv,
      });
      const { importId, new: fresh } = (await preview.json()) as { importId: string; new: number };
      const previewMs = performance.now() - started;
      // Each call writes for at most its time budget, as it would behind API Gateway; the client loops.
      let imported = 0;
      for (let remaining = 1; remaining > 0;) {
        const commit = await fetch(`${server.url}/api/import/${importId}/commit`, { method: 'POST' });
        const body = (await commit.json()) as { imported: number; remaining: number };
        imported += body.imported;
        remaining = body.remaining;
      }
      const totalMs = performance.now() - started;
      if (fresh !== ROWS || imported !== ROWS) {
        throw new Error(`expected ${ROWS} rows imported, previewed ${fresh} and imported ${imported}`);
      }
      return {
        import_rows_per_s: Math.round((ROWS / totalMs) * 1000),
        import_preview_ms: Math.round(previewMs),
        import_commit_ms: Math.round(totalMs - previewMs),
      };
    } finally {
      await server.close();
    }
  } finally {
    lex.destroy();
    client.destroy();
    await local.stop();
  }
}
