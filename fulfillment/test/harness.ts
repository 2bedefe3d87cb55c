/**
 * The whole conversational stack in one process, as `npm start` wires it, for scripted conversations:
 * DynamoDB Local (in memory unless dataDir is given) → DynamoLedgerRepository → the code hook → the
 * local Lex V2 runtime trained from the real bot definition → the REAL LexRuntimeV2Client over HTTP.
 * Each user gets their own Lex session; every turn sends what the proxy sends (user id, time zone,
 * request id).
 */
import { randomUUID, createHash } from 'node:crypto';
import {
  LexRuntimeV2Client,
  RecognizeTextCommand,
  type RecognizeTextCommandOutput,
} from '@aws-sdk/client-lex-runtime-v2';
import { budgetBuddyBot } from '@budgetbuddy/bot';
import {
  LOCAL_BOT_ALIAS_ID,
  LOCAL_BOT_ID,
  LOCALE_ID,
  MESSAGE_ID_ATTRIBUTE,
  REQUEST_ID_ATTRIBUTE,
  TIME_ZONE_ATTRIBUTE,
  USER_ID_ATTRIBUTE,
} from '@budgetbuddy/bot';
import { createNlu } from '@budgetbuddy/bot/nlu';
import { startLexServer } from '@budgetbuddy/bot/runtime';
import { DUMMY_CREDENTIALS, localDynamoClient, startDynamoLocal } from '@budgetbuddy/scripts/local';
import { createCodeHook } from '../src/codeHook';
import { systemClock, type Clock } from '../src/ports/Clock';
import type { LedgerRepository } from '../src/ports/LedgerRepository';
import { DynamoLedgerRepository } from '../src/store/DynamoLedgerRepository';
import { UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { ensureTable, TTL_ATTRIBUTE } from '../src/store/table';

export const DEFAULT_TIME_ZONE = 'America/New_York';

export interface SayOptions {
  timeZone?: string;
  /** Resend a turn as the proxy does on Retry: the same request id must not log twice. */
  requestId?: string;
  /** The proxy's id for the parts of one message it split into several turns. */
  messageId?: string;
}

export interface ConversationHarness {
  say(userId: string, text: string, opts?: SayOptions): Promise<RecognizeTextCommandOutput>;
  repo: LedgerRepository;
  /** The Lex endpoint, for tests that talk to it directly. */
  lexUrl: string;
  close(): Promise<void>;
}

/** Lex session ids allow [0-9a-zA-Z._:-]{2,100}; user ids may hold anything. */
export function sessionIdFor(userId: string): string {
  return `u-${createHash('sha256').update(userId).digest('hex').slice(0, 40)}`;
}

export interface HarnessOptions {
  clock?: Clock;
  dataDir?: string;
  /** Wraps the store the code hook uses (the test's own `repo` stays unwrapped), e.g. to make it fail. */
  wrapRepo?: (repo: LedgerRepository) => LedgerRepository;
}

export async function startConversationHarness(opts: HarnessOptions = {}): Promise<ConversationHarness> {
  const clock = opts.clock ?? systemClock;
  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    // The JVM and the NLU training are the slow parts; they do not depend on each other.
    const [dynamo, nlu] = await Promise.all([
      startDynamoLocal(opts.dataDir ? { dataDir: opts.dataDir } : {}).then((d) => {
        cleanups.push(() => d.stop());
        return d;
      }),
      createNlu(budgetBuddyBot, LOCALE_ID),
    ]);
    const dynamoClient = localDynamoClient(dynamo.endpoint, 1);
    cleanups.push(async () => dynamoClient.destroy());
    const tableName = `BudgetBuddyTest${randomUUID().slice(0, 8)}`;
    await ensureTable(dynamoClient, tableName);
    // The scripted clock stands in the past, so records it stamps with a TTL (idempotency keys, 7 days)
    // are already expired by the real calendar; DynamoDB Local's TTL sweeper would then delete them at
    // random moments and make "a retry logs once" flaky. Conversations here never need expiry.
    if (opts.clock) {
      await dynamoClient.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: false },
        }),
      );
    }
    const repo = new DynamoLedgerRepository({ client: dynamoClient, tableName, clock });

    const server = await startLexServer({
      definition: budgetBuddyBot,
      nlu,
      codeHook: createCodeHook({
        repo: opts.wrapRepo ? opts.wrapRepo(repo) : repo,
        clock,
        ...(opts.wrapRepo ? { logError: () => undefined } : {}),
      }),
      clock,
      port: 0,
    });
    cleanups.push(() => server.close());

    const lex = new LexRuntimeV2Client({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: DUMMY_CREDENTIALS,
      maxAttempts: 1,
    });
    cleanups.push(async () => lex.destroy());

    const say = (userId: string, text: string, sayOpts: SayOptions = {}) =>
      lex.send(
        new RecognizeTextCommand({
          botId: LOCAL_BOT_ID,
          botAliasId: LOCAL_BOT_ALIAS_ID,
          localeId: LOCALE_ID,
          sessionId: sessionIdFor(userId),
          text,
          sessionState: { sessionAttributes: { [USER_ID_ATTRIBUTE]: userId } },
          requestAttributes: {
            [TIME_ZONE_ATTRIBUTE]: sayOpts.timeZone ?? DEFAULT_TIME_ZONE,
            [REQUEST_ID_ATTRIBUTE]: sayOpts.requestId ?? randomUUID(),
            ...(sayOpts.messageId ? { [MESSAGE_ID_ATTRIBUTE]: sayOpts.messageId } : {}),
          },
        }),
      );
    return { say, repo, lexUrl: server.url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
