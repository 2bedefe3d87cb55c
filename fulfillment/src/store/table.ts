/**
 * The single table's definition, shared by the CDK stack (infra) and `ensureTable` (local runs and
 * tests), so the deployed table and the local one cannot drift apart.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PK, SK } from './keys';

export const TABLE_NAME_DEFAULT = 'BudgetBuddy';

/** Items with this attribute (epoch seconds) are removed by DynamoDB's TTL: only idempotency records. */
export const TTL_ATTRIBUTE = 'expiresAt';

/**
 * The sparse index of active recurring rules by next due day (recurringRules.ts): partition `dueShard`,
 * sort `dueDay`. Only rule items that will post carry both attributes, so the index holds nothing else.
 */
export const DUE_INDEX = 'DueIndex';
export const DUE_SHARD_ATTRIBUTE = 'dueShard';
export const DUE_DAY_ATTRIBUTE = 'dueDay';

const dueIndex = {
  IndexName: DUE_INDEX,
  KeySchema: [
    { AttributeName: DUE_SHARD_ATTRIBUTE, KeyType: 'HASH' },
    { AttributeName: DUE_DAY_ATTRIBUTE, KeyType: 'RANGE' },
  ],
  // The job posts from the rule itself: projecting it all saves a read per due rule.
  Projection: { ProjectionType: 'ALL' },
} as const;

export const tableDefinition = {
  partitionKey: { name: PK, type: 'S' },
  sortKey: { name: SK, type: 'S' },
  keySchema: [
    { AttributeName: PK, KeyType: 'HASH' },
    { AttributeName: SK, KeyType: 'RANGE' },
  ],
  attributeDefinitions: [
    { AttributeName: PK, AttributeType: 'S' },
    { AttributeName: SK, AttributeType: 'S' },
    { AttributeName: DUE_SHARD_ATTRIBUTE, AttributeType: 'S' },
    { AttributeName: DUE_DAY_ATTRIBUTE, AttributeType: 'S' },
  ],
  /**
   * Only the due index: every other access pattern is a GetItem or Query on the user's partition (see
   * docs/data-model.md); the scheduled job alone reads across users, through this index.
   */
  globalSecondaryIndexes: [dueIndex],
  timeToLiveAttribute: TTL_ATTRIBUTE,
  billingMode: 'PAY_PER_REQUEST',
} as const;

/** Creates the table if it is missing, waits until it is ACTIVE, and makes sure TTL is on. Safe to repeat. */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string = TABLE_NAME_DEFAULT,
): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          KeySchema: [...tableDefinition.keySchema],
          AttributeDefinitions: [...tableDefinition.attributeDefinitions],
          GlobalSecondaryIndexes: [...tableDefinition.globalSecondaryIndexes].map(copyIndex),
          BillingMode: tableDefinition.billingMode,
        }),
      );
    } catch (createErr) {
      // Another process created it between our describe and create: that is what we wanted.
      if (!(createErr instanceof Error && createErr.name === 'ResourceInUseException')) throw createErr;
    }
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
  await ensureIndexes(client, tableName);
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status !== 'ENABLED' && status !== 'ENABLING') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    );
  }
}

const copyIndex = (index: typeof dueIndex) => ({
  IndexName: index.IndexName,
  KeySchema: index.KeySchema.map((k) => ({ ...k })),
  Projection: { ...index.Projection },
});

/**
 * A table made before the due index existed (a `./.data` from an older version) gets it added, and the
 * call waits until it is ACTIVE, so the first job run can Query it.
 */
async function ensureIndexes(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const existing = Table?.GlobalSecondaryIndexes ?? [];
    const missing = tableDefinition.globalSecondaryIndexes.filter(
      (want) => !existing.some((have) => have.IndexName === want.IndexName),
    );
    if (missing.length > 0) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [...tableDefinition.attributeDefinitions],
          GlobalSecondaryIndexUpdates: missing.map((index) => ({ Create: copyIndex(index) })),
        }),
      );
      continue;
    }
    if (existing.every((index) => index.IndexStatus === undefined || index.IndexStatus === 'ACTIVE')) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The index of table ${tableName} did not become active.`);
}
