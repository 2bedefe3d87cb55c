/**
 * The single table's definition, shared by the CDK stack (infra) and `ensureTable` (local runs and
 * tests), so the deployed table and the local one cannot drift apart.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PK, SK } from './keys';

export const TABLE_NAME_DEFAULT = 'BudgetBuddy';

/** Items with this attribute (epoch seconds) are removed by DynamoDB's TTL: only idempotency records. */
export const TTL_ATTRIBUTE = 'expiresAt';

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
  ],
  /** None: every access pattern is a GetItem or Query on the user's partition (see docs/data-model.md). */
  globalSecondaryIndexes: [],
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
          BillingMode: tableDefinition.billingMode,
        }),
      );
    } catch (createErr) {
      // Another process created it between our describe and create: that is what we wanted.
      if (!(createErr instanceof Error && createErr.name === 'ResourceInUseException')) throw createErr;
    }
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
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
