/**
 * Scripted conversations against the stack `npm start` runs (startStack: DynamoDB Local → the code hook
 * behind its signed-identity check → the local Lex V2 runtime trained from the real bot definition),
 * spoken to with the REAL LexRuntimeV2Client. Each turn is the request the chat proxy sends
 * (recognizeTextInput): the user id signed with the stack's identity key, the time zone and a request id.
 */
import { randomUUID } from 'node:crypto';
import { UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import {
  LexRuntimeV2Client,
  RecognizeTextCommand,
  type RecognizeTextCommandOutput,
} from '@aws-sdk/client-lex-runtime-v2';
import { LOCAL_BOT_ALIAS_ID, LOCAL_BOT_ID, LOCALE_ID } from '@budgetbuddy/bot';
import type { BudgetNotifier, IdentityKeys } from '@budgetbuddy/fulfillment/code-hook';
import type { Clock, LedgerStores } from '@budgetbuddy/fulfillment/ledger';
import { recognizeTextInput, sessionIdFor } from '@budgetbuddy/fulfillment/proxy';
import { TTL_ATTRIBUTE } from '@budgetbuddy/fulfillment/store';
import { DUMMY_CREDENTIALS, localDynamoClient } from './dynamoLocal';
import { sharedDynamoEndpoint } from './sharedDynamo';
import { startStack, type Stack } from './stack';

export const DEFAULT_TIME_ZONE = 'America/New_York';

const LOCAL_BOT = { botId: LOCAL_BOT_ID, botAliasId: LOCAL_BOT_ALIAS_ID, localeId: LOCALE_ID };

export interface SayOptions {
  timeZone?: string;
  /** Resend a turn as the proxy does on Retry: the same request id must not log twice. */
  requestId?: string;
  /** The proxy's id for the parts of one message it split into several turns. */
  messageId?: string;
}

export interface ConversationHarness {
  say(userId: string, text: string, opts?: SayOptions): Promise<RecognizeTextCommandOutput>;
  repo: LedgerStores;
  /** The Lex endpoint, for tests that talk to it directly. */
  lexUrl: string;
  /** The chat app's base URL (the proxy: /api/overview, /api/alerts/read…; local identity header). */
  chatUrl: string;
  /** The key user ids are signed with, for a client that sends turns as the proxy does. */
  identityKeys: () => Promise<IdentityKeys>;
  /** Runs the recurring-payments job now, as `npm start`'s timer does. */
  postRecurring: Stack['postRecurring'];
  close(): Promise<void>;
}

export interface HarnessOptions {
  clock?: Clock;
  /** Wraps the store the code hook uses (the test's own `repo` stays unwrapped), e.g. to make it fail. */
  wrapRepo?: (repo: LedgerStores) => LedgerStores;
  /** Budget alerts besides the chat (none by default, as in `npm start`). */
  notifier?: BudgetNotifier;
}

export async function startConversationHarness(opts: HarnessOptions = {}): Promise<ConversationHarness> {
  const shared = sharedDynamoEndpoint();
  const stack = await startStack({
    quiet: true,
    // jest's run-wide emulator when there is one (a table of this harness's own there).
    ...(shared ? { dynamoEndpoint: shared } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.notifier ? { notifier: opts.notifier } : {}),
    // A test that breaks the store on purpose expects the failures it causes; they are not news.
    ...(opts.wrapRepo ? { wrapRepo: opts.wrapRepo, logCodeHookErrors: false } : {}),
  });
  const cleanups: (() => Promise<void>)[] = [() => stack.stop()];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    // The scripted clock stands in the past, so records it stamps with a TTL are already expired by the
    // real calendar; DynamoDB Local's TTL sweeper would then delete them at random moments and make
    // "a retry logs once" flaky. Conversations here never need expiry.
    if (opts.clock) {
      const dynamo = localDynamoClient(stack.dynamoEndpoint, 1);
      try {
        await dynamo.send(
          new UpdateTimeToLiveCommand({
            TableName: stack.tableName,
            TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: false },
          }),
        );
      } finally {
        dynamo.destroy();
      }
    }

    const lex = new LexRuntimeV2Client({
      endpoint: stack.lexUrl,
      region: 'us-east-1',
      credentials: DUMMY_CREDENTIALS,
      maxAttempts: 1,
    });
    cleanups.push(async () => lex.destroy());

    const say = async (userId: string, text: string, sayOpts: SayOptions = {}) => {
      const keys = await stack.identityKeys();
      return lex.send(
        new RecognizeTextCommand(
          recognizeTextInput({
            bot: LOCAL_BOT,
            sessionId: sessionIdFor(keys, userId),
            text,
            userId,
            keys,
            timeZone: sayOpts.timeZone ?? DEFAULT_TIME_ZONE,
            requestId: sayOpts.requestId ?? randomUUID(),
            ...(sayOpts.messageId ? { messageId: sayOpts.messageId } : {}),
          }),
        ),
      );
    };
    return {
      say,
      repo: stack.repo,
      lexUrl: stack.lexUrl,
      chatUrl: stack.chatUrl,
      identityKeys: stack.identityKeys,
      postRecurring: stack.postRecurring,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
