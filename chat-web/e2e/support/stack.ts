import { startStack as startFullStack, type Stack } from '@budgetbuddy/scripts/stack';

export type { Stack };

/** The whole local stack on free ports with in-memory DynamoDB, tuned for a quick test start. */
export function startStack(): Promise<Stack> {
  return startFullStack({ port: 0, lexPort: 0, quiet: true, jvm: 'quick', rateLimitPerMinute: 1000 });
}
