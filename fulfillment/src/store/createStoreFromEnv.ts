/**
 * Builds the DynamoDB ledger from environment variables. The Lambda and the local stack both call this;
 * only the environment differs (locally DYNAMODB_ENDPOINT points at DynamoDB Local).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { DynamoLedgerRepository } from './DynamoLedgerRepository';
import { TABLE_NAME_DEFAULT } from './table';

export const storeEnvSchema = z.object({
  TABLE_NAME: z.string().min(3).max(255).default(TABLE_NAME_DEFAULT),
  DYNAMODB_ENDPOINT: z
    .url({ message: 'DYNAMODB_ENDPOINT must be a URL such as http://127.0.0.1:8000' })
    .optional(),
  AWS_REGION: z.string().min(1).default('us-east-1'),
});

export type StoreEnv = z.infer<typeof storeEnvSchema>;

/** Parses the store's environment; throws with every problem listed if it is invalid. */
export function readStoreEnv(env: NodeJS.ProcessEnv = process.env): StoreEnv {
  const parsed = storeEnvSchema.safeParse({
    TABLE_NAME: env.TABLE_NAME || undefined,
    DYNAMODB_ENDPOINT: env.DYNAMODB_ENDPOINT || undefined,
    AWS_REGION: env.AWS_REGION || undefined,
  });
  if (!parsed.success) {
    throw new Error(
      `Invalid store configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** A DynamoDB client for the env: with an endpoint (DynamoDB Local) it uses dummy credentials. */
export function createDynamoClientFromEnv(env: NodeJS.ProcessEnv = process.env): DynamoDBClient {
  const config = readStoreEnv(env);
  return new DynamoDBClient({
    region: config.AWS_REGION,
    ...(config.DYNAMODB_ENDPOINT
      ? {
          endpoint: config.DYNAMODB_ENDPOINT,
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
}

export function createStoreFromEnv(env: NodeJS.ProcessEnv = process.env): DynamoLedgerRepository {
  const config = readStoreEnv(env);
  return new DynamoLedgerRepository({ client: createDynamoClientFromEnv(env), tableName: config.TABLE_NAME });
}
