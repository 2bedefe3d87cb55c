/**
 * One DynamoDB Local for a whole jest run, shared by the suites that start the conversation harness
 * and by the store/API suites that only need tables: each of them used to start a JVM of its own
 * (~2.2 s of CPU and ~2.7 s before it answers on the shared 2-core machine, some 35 suites a run). Each
 * harness keeps its ledger in a table of its own there (startStack's `dynamoEndpoint`), and each store
 * suite names its own table, so suites running side by side never see each other's data.
 * Suites that stop, kill or restart DynamoDB Local (reliability/, recurringCatchUp) start their own.
 */
import { startDynamoLocal, type DynamoLocal } from './dynamoLocal';

/** Where the run's shared emulator answers; set by jest's globalSetup, read by the harness. */
export const SHARED_DYNAMO_ENV = 'BB_SHARED_DYNAMO_ENDPOINT';

const RUNNING = Symbol.for('budgetbuddy.sharedDynamo');
type Holder = { [RUNNING]?: DynamoLocal };

/** The shared emulator's endpoint when this run has one. */
export function sharedDynamoEndpoint(): string | undefined {
  return process.env[SHARED_DYNAMO_ENV] || undefined;
}

/** jest globalSetup: starts it once, however many projects ask (fulfillment and scripts both do). */
export async function startSharedDynamo(): Promise<void> {
  if (sharedDynamoEndpoint()) return;
  const local = await startDynamoLocal();
  (globalThis as Holder)[RUNNING] = local;
  process.env[SHARED_DYNAMO_ENV] = local.endpoint;
}

/** jest globalTeardown: stops it (once; later projects' teardowns find nothing to do). */
export async function stopSharedDynamo(): Promise<void> {
  const holder = globalThis as Holder;
  const local = holder[RUNNING];
  delete holder[RUNNING];
  if (!local) return;
  delete process.env[SHARED_DYNAMO_ENV];
  await local.stop();
}

/** An emulator a suite may use but must not stop, kill or inspect: its own tables only. */
export type TestDynamo = Pick<DynamoLocal, 'endpoint' | 'stop'>;

/**
 * For a suite that only needs tables of its own (each suite names its own): the run's shared emulator
 * when there is one (`stop` then leaves it running for the others), else a JVM of its own.
 */
export async function dynamoLocalForTest(): Promise<TestDynamo> {
  const endpoint = sharedDynamoEndpoint();
  if (endpoint) return { endpoint, stop: () => Promise.resolve() };
  return startDynamoLocal();
}

/** startStack options for a suite that may keep its ledger in the run's shared emulator. */
export function sharedDynamoOption(): { dynamoEndpoint?: string } {
  const endpoint = sharedDynamoEndpoint();
  return endpoint ? { dynamoEndpoint: endpoint } : {};
}
