/**
 * Opens a running stack's DynamoDB Local from outside the stack (found through its data directory),
 * to count what is really stored and to run the consistency check, the way an operator would.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LedgerRepository } from '@budgetbuddy/fulfillment/ledger';
import { DynamoLedgerRepository, TABLE_NAME_DEFAULT } from '@budgetbuddy/fulfillment/store';
import { checkConsistency } from '../../checkConsistency';
import { localDynamoClient } from '../../dynamoLocal';
import { findDynamoLocal } from './dynamoProcess';

export interface StoreInspection {
  endpoint: string;
  repo: LedgerRepository;
  checkConsistency(): ReturnType<typeof checkConsistency>;
  close(): Promise<void>;
}

export function inspectEndpoint(endpoint: string, tableName = TABLE_NAME_DEFAULT): StoreInspection {
  const client: DynamoDBClient = localDynamoClient(endpoint, 1);
  return {
    endpoint,
    repo: new DynamoLedgerRepository({ client, tableName }),
    checkConsistency: () => checkConsistency(client, tableName),
    close: async () => client.destroy(),
  };
}

/** The store of the stack whose DynamoDB Local keeps its files in `dataDir`. */
export async function inspectStore(
  dataDir: string,
  tableName = TABLE_NAME_DEFAULT,
): Promise<StoreInspection> {
  const proc = findDynamoLocal(dataDir);
  if (!proc) throw new Error(`no DynamoDB Local is serving ${dataDir}`);
  return inspectEndpoint(`http://127.0.0.1:${proc.port}`, tableName);
}
