import { startStack as startFullStack, type Stack as FullStack } from '@budgetbuddy/scripts/stack';
import { DynamoLedgerRepository } from '@budgetbuddy/fulfillment/store';
import { systemClock } from '@budgetbuddy/fulfillment/ledger';
import { localDynamoClient } from '@budgetbuddy/scripts/local';
import { sharedStack } from './shared';

/** What a browser suite uses of the stack: the app's URL and the store, to check what was written. */
export type Stack = Pick<FullStack, 'chatUrl' | 'lexUrl' | 'dynamoEndpoint' | 'tableName' | 'repo' | 'stop'>;

/** The whole local stack on free ports with in-memory DynamoDB, tuned for a quick test start. */
export function startOwnStack(): Promise<FullStack> {
  return startFullStack({ port: 0, lexPort: 0, quiet: true, jvm: 'quick', rateLimitPerMinute: 1000 });
}

/**
 * The stack for one suite: in a jest run, the run's one stack (shared.ts), reached over its ports, with
 * a store client of the suite's own; `stop()` then closes only that client. Run alone, the suite starts
 * its own stack. Suites keep to their own user ids, so sharing the stack changes nothing they see.
 */
export async function startStack(): Promise<Stack> {
  const shared = sharedStack();
  if (!shared) return startOwnStack();
  const client = localDynamoClient(shared.dynamoEndpoint);
  const repo = new DynamoLedgerRepository({ client, tableName: shared.tableName, clock: systemClock });
  return {
    ...shared,
    repo,
    async stop() {
      client.destroy();
    },
  };
}
