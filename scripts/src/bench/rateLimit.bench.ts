/**
 * The shared per-user turn limit's cost on DynamoDB Local (loopback): one check per turn for users who
 * each talk now and then, so every check is a round trip. Kept here rather than in
 * dynamoRateLimiter.test.ts, where a p50 assertion failed on a loaded machine; the test asserts the
 * behaviour (limit held, no turn uncounted, at most one request per turn).
 */
import { dynamoRateLimiter } from '@budgetbuddy/fulfillment/proxy';
import { ensureTable } from '@budgetbuddy/fulfillment/store';
import { localDynamoClient, startDynamoLocal } from '../dynamoLocal';

export const title = 'rate limit check (DynamoDB Local)';

const TABLE = 'RateLimitBench';

export async function run(): Promise<Record<string, number>> {
  const local = await startDynamoLocal();
  const client = localDynamoClient(local.endpoint, 3);
  try {
    await ensureTable(client, TABLE);
    const limiter = dynamoRateLimiter({ client, tableName: TABLE, perMinute: 100_000 });
    for (let i = 0; i < 20; i++) await limiter.take('warm-up');
    const times: number[] = [];
    // A fresh user each turn: no lease to spend, so each check is one UpdateItem.
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await limiter.take(`user-${i}`);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const round = (ms: number | undefined) => Math.round((ms ?? 0) * 100) / 100;
    return { rate_limit_check_p50_ms: round(times[100]), rate_limit_check_p99_ms: round(times[198]) };
  } finally {
    client.destroy();
    await local.stop();
  }
}
