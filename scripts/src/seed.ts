/**
 * `npm run seed`: three months of demo data for the local user (`local-user`), written through the
 * ledger repository so rollups and idempotency are the real ones. Running it twice adds nothing.
 *
 * Which DynamoDB: if `npm start` is running on the same DATA_DIR, it has left its endpoints in
 * DATA_DIR/stack.json and the seed writes to that DynamoDB Local (the data shows up in the open chat at
 * once). Otherwise the seed starts its own DynamoDB Local on DATA_DIR, writes, and stops it; the next
 * `npm start` finds the data there.
 */
import { resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DEFAULT_LOCAL_USER } from '@budgetbuddy/fulfillment/proxy';
import { DynamoLedgerRepository, ensureTable, TABLE_NAME_DEFAULT } from '@budgetbuddy/fulfillment/store';
import { z } from 'zod';
import { seedDemoLedger } from './demoLedger';
import { JavaMissingError, localDynamoClient, startDynamoLocal } from './dynamoLocal';
import { readRunningStack } from './runningStack';

const envSchema = z.object({
  DATA_DIR: z.string().min(1).default('./.data'),
  SEED_USER: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'SEED_USER must be a local user name ([A-Za-z0-9_-], up to 64)')
    .default(DEFAULT_LOCAL_USER),
  SEED_TIME_ZONE: z.string().default(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
});

async function answers(endpoint: string): Promise<boolean> {
  const client = localDynamoClient(endpoint, 1);
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

async function main(): Promise<void> {
  // The AWS SDK warns on every start that its 2027 releases will need Node 22; the local stack runs
  // on Node 20 (package.json engines), so that banner is only noise here. Set it to 'false' to see it.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    console.error(`Invalid settings:\n${z.prettifyError(parsed.error)}`);
    process.exit(2);
  }
  const env = parsed.data;
  const dataDir = resolve(env.DATA_DIR);
  const running = readRunningStack(dataDir);
  let endpoint: string;
  let stop = async () => {};
  if (running && (await answers(running.dynamoEndpoint))) {
    endpoint = running.dynamoEndpoint;
    console.log(`Seeding the running stack's DynamoDB (${endpoint}).`);
  } else {
    console.log(`Starting DynamoDB Local on ${dataDir} to seed it…`);
    const dynamo = await startDynamoLocal({ dataDir: resolve(dataDir, 'dynamodb') });
    endpoint = dynamo.endpoint;
    stop = () => dynamo.stop();
  }

  const client = localDynamoClient(endpoint);
  try {
    const tableName = running?.tableName ?? TABLE_NAME_DEFAULT;
    await ensureTable(client, tableName);
    const repo = new DynamoLedgerRepository({ client, tableName });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: env.SEED_TIME_ZONE }).format(new Date());
    const result = await seedDemoLedger(repo, env.SEED_USER, { today, timeZone: env.SEED_TIME_ZONE });
    console.log(
      `Seeded ${env.SEED_USER}: ${result.created} new transactions (${result.alreadyThere} were already there) and ` +
        'budgets for Food, Groceries, Entertainment, Transport and overall spending.',
    );
  } finally {
    client.destroy();
    await stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof JavaMissingError ? err.message : err);
  process.exit(1);
});
