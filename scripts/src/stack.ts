/**
 * The whole BudgetBuddy stack on loopback, in one process (plus DynamoDB Local's JVM): DynamoDB Local,
 * the table, a Secrets Manager stand-in holding the bot config, the Lex V2 runtime (real NLU and the real
 * code hook over a DynamoLedgerRepository), and one HTTP server with the chat API and the chat-web build.
 * The one composition root: `npm start`, the seed script, the benchmarks, the end-to-end tests and the
 * scripted conversations (conversationHarness.ts) all start it through here.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { budgetBuddyBot, LOCAL_BOT_ALIAS_ID, LOCAL_BOT_ID, LOCALE_ID } from '@budgetbuddy/bot';
import type { CodeHook } from '@budgetbuddy/bot/lex';
import { createModelsApiRoutes, startLexServer } from '@budgetbuddy/bot/runtime';
import { createNlu } from '@budgetbuddy/bot/nlu';
import {
  createCodeHook,
  requireSignedIdentity,
  secretIdentityKeys,
  sessionAttributesSigned,
  type BudgetNotifier,
  type IdentityKeys,
} from '@budgetbuddy/fulfillment/code-hook';
import { systemClock, type Clock, type LedgerStores } from '@budgetbuddy/fulfillment/ledger';
import {
  consoleLogger,
  createProxyApp,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  silentLogger,
  secretBotConfig,
  dynamoRateLimiter,
  createLexClient,
  identifyLocalUser,
  type ReceiptUploads,
} from '@budgetbuddy/fulfillment/proxy';
import { postDueOccurrences, type PostDueReport } from '@budgetbuddy/fulfillment/recurring';
import { DynamoLedgerRepository, ensureTable, TABLE_NAME_DEFAULT } from '@budgetbuddy/fulfillment/store';
import { DUMMY_CREDENTIALS, localDynamoClient, startDynamoLocal } from './dynamoLocal';
import { localStandInSigning } from './localSigning';
import { createPaddleOcr } from './receipts/paddleOcr';
import { startLocalSecrets } from './secretsLocal';
import { WEB_DIST } from './webBuild';
import { createWebApp, listen } from './webServer';

export const LOCAL_BOT_SECRET_ID = 'budgetbuddy/local/bot-config';
/** The key the proxy signs user ids with; a fresh random one each start, served like the AWS secret. */
export const LOCAL_IDENTITY_SECRET_ID = 'budgetbuddy/local/identity-key';

export interface StackOptions {
  /** Chat (web + API) port; 0 or omitted = a free port. */
  port?: number;
  /** Lex runtime port; 0 or omitted = a free port. */
  lexPort?: number;
  host?: string;
  /** DynamoDB keeps its files under dataDir/dynamodb; undefined = in memory. */
  dataDir?: string;
  clock?: Clock;
  webDist?: string;
  quiet?: boolean;
  /** Per-user turns per minute (load tests and benchmarks raise it). */
  rateLimitPerMinute?: number;
  /** Test seam: wraps the real code hook, e.g. to make it fail the way a broken Lambda does. */
  wrapCodeHook?: (hook: CodeHook) => CodeHook;
  /** Test seam: wraps the store the code hook writes to (the stack's own `repo` stays unwrapped). */
  wrapRepo?: (repo: LedgerStores) => LedgerStores;
  /** The code hook logs its unexpected failures (default); a test that causes them on purpose turns it off. */
  logCodeHookErrors?: boolean;
  /**
   * Where budget alerts go besides the chat. `npm start` has none (nothing is e-mailed offline, as
   * before); tests pass a recording one to see that the person's e-mail setting is honoured.
   */
  notifier?: BudgetNotifier;
  /** JVM profile for DynamoDB Local (see DynamoLocalOptions.jvm): 'quick' (default) or 'full'. */
  jvm?: 'quick' | 'full';
  /**
   * A DynamoDB Local already running (jest's shared one, scripts/src/sharedDynamo.ts) in place of a JVM
   * of this stack's own: the stack then keeps its ledger in a table of its own there, dropped at stop,
   * so stacks sharing the emulator never see each other's data. Not with `dataDir` (restarts need their
   * own files).
   */
  dynamoEndpoint?: string;
  /**
   * How often the recurring-payments job runs (it also runs once at start-up, before startStack
   * returns); 0 = only at start-up. Default 10 minutes: deployed it runs daily, but a laptop may have
   * slept through midnight.
   */
  recurringEveryMs?: number;
  /**
   * The deployed receipt path (presigned S3 upload, Textract) in place of the direct POST: tests pass
   * S3 and Textract stood in at the SDK boundary (receipts/sdkBoundaryReceiptUploads.ts). Default none:
   * locally the browser posts the photo to /api/receipts and PaddleOCR reads it.
   */
  receiptUploads?: ReceiptUploads;
}

export interface Stack {
  chatUrl: string;
  lexUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  repo: LedgerStores;
  /** The Secrets Manager stand-in serving LOCAL_BOT_SECRET_ID. */
  secretsEndpoint: string;
  /** The key the proxy signs user ids with: a client that talks to Lex directly signs like the proxy. */
  identityKeys: () => Promise<IdentityKeys>;
  /** Runs the recurring-payments job now (as the timer does); a run already under way is awaited instead. */
  postRecurring(): Promise<PostDueReport>;
  stop(): Promise<void>;
}

/** Ten minutes: a due payment shows up soon after midnight, at the cost of one small Query per shard. */
export const RECURRING_EVERY_MS_DEFAULT = 10 * 60 * 1000;

const REGION = 'us-east-1';

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const host = opts.host ?? '127.0.0.1';
  const bot = budgetBuddyBot;
  const clock = opts.clock ?? systemClock;
  if (opts.dynamoEndpoint !== undefined && opts.dataDir !== undefined)
    throw new Error('startStack: a shared dynamoEndpoint keeps no data directory');
  const shared = opts.dynamoEndpoint;
  const tableName = shared ? `${TABLE_NAME_DEFAULT}-${randomBytes(6).toString('hex')}` : TABLE_NAME_DEFAULT;
  const logger = opts.quiet ? silentLogger : consoleLogger;
  const stoppers: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    while (stoppers.length > 0) {
      const stop = stoppers.pop()!;
      await stop().catch((err: unknown) => logger.error('stack: stop failed', { detail: String(err) }));
    }
  };

  try {
    // The two slow starts (JVM, NLU training) overlap.
    const [dynamo, nlu] = await Promise.all([
      shared
        ? Promise.resolve({ endpoint: shared })
        : startDynamoLocal({
            host,
            ...(opts.dataDir !== undefined ? { dataDir: join(opts.dataDir, 'dynamodb') } : {}),
            ...(opts.jvm ? { jvm: opts.jvm } : {}),
          }).then((d) => {
            stoppers.push(() => d.stop());
            return d;
          }),
      createNlu(bot, LOCALE_ID),
    ]);

    const dynamoClient = localDynamoClient(dynamo.endpoint);
    stoppers.push(async () => dynamoClient.destroy());
    if (shared)
      stoppers.push(async () => {
        await dynamoClient.send(new DeleteTableCommand({ TableName: tableName }));
      });
    await ensureTable(dynamoClient, tableName);
    const repo = new DynamoLedgerRepository({ client: dynamoClient, tableName, clock });

    const secrets = await startLocalSecrets({
      host,
      secrets: {
        [LOCAL_BOT_SECRET_ID]: JSON.stringify({
          botId: LOCAL_BOT_ID,
          botAliasId: LOCAL_BOT_ALIAS_ID,
          localeId: LOCALE_ID,
        }),
        [LOCAL_IDENTITY_SECRET_ID]: JSON.stringify({ identityKey: randomBytes(32).toString('base64url') }),
      },
    });
    stoppers.push(() => secrets.close());
    const secretsClient = new SecretsManagerClient({
      endpoint: secrets.endpoint,
      region: REGION,
      credentials: DUMMY_CREDENTIALS,
      maxAttempts: 1,
    });
    stoppers.push(async () => secretsClient.destroy());
    const identityKeys = secretIdentityKeys({ client: secretsClient, secretId: LOCAL_IDENTITY_SECRET_ID });

    // As deployed: the code hook only believes a user id the proxy signed.
    const codeHook = requireSignedIdentity(
      createCodeHook({
        repo: opts.wrapRepo ? opts.wrapRepo(repo) : repo,
        clock,
        ...(opts.notifier ? { notifier: opts.notifier } : {}),
        ...(opts.logCodeHookErrors === false ? { logError: () => undefined } : {}),
      }),
      identityKeys,
    );
    const lexServer = await startLexServer({
      host,
      port: opts.lexPort ?? 0,
      definition: bot,
      nlu,
      codeHook: opts.wrapCodeHook ? opts.wrapCodeHook(codeHook) : codeHook,
      clock,
      extraRoutes: createModelsApiRoutes({ definition: bot }),
      // Anyone on this machine can reach the runtime: `bb:` attributes are taken only with the proxy's signature.
      protectedAttributes: {
        prefix: 'bb:',
        verify: async (sessionId, attributes) =>
          sessionAttributesSigned(await identityKeys(), sessionId, attributes),
      },
    });
    stoppers.push(() => lexServer.close());

    // One client each for the life of the stack: the Lex client keeps its HTTP/2 session open.
    const lex = createLexClient({
      endpoint: lexServer.url,
      region: REGION,
      credentials: DUMMY_CREDENTIALS,
      maxAttempts: 1,
      // The local runtime checks no signature: the SDK need not compute one per turn.
      ...localStandInSigning,
    });
    stoppers.push(async () => lex.destroy());

    const receiptOcr = createPaddleOcr();
    stoppers.push(() => receiptOcr.close());
    const proxy = createProxyApp({
      lex,
      botConfig: secretBotConfig({ client: secretsClient, secretId: LOCAL_BOT_SECRET_ID }),
      identify: identifyLocalUser,
      identityKeys,
      // As deployed: the per-user limit lives in the table, not in this process.
      rateLimiter: dynamoRateLimiter({
        client: dynamoClient,
        tableName,
        perMinute: opts.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
        onError: (err) => logger.error('rate limit unavailable', { detail: String(err) }),
      }),
      logger,
      ledger: repo,
      clock,
      receiptOcr,
      ...(opts.receiptUploads ? { receiptUploads: opts.receiptUploads } : {}),
      // An import's budget crossings go where the chat's and the recurring job's do.
      ...(opts.notifier ? { notifier: opts.notifier } : {}),
      health: async () => {
        const [lexUp] = await Promise.all([
          fetch(`${lexServer.url}/`, { signal: AbortSignal.timeout(2000) }).then(
            () => true,
            () => false,
          ),
          dynamoClient.send(new DescribeTableCommand({ TableName: tableName })),
        ]);
        return lexUp;
      },
    });

    const webDist = opts.webDist ?? WEB_DIST;
    if (!existsSync(join(webDist, 'index.html')) && !opts.quiet) {
      logger.error('chat-web build not found; only the API is served', { webDist });
    }
    const web = await listen(createWebApp({ proxy, webDist }), host, opts.port ?? 0);
    stoppers.push(() => web.close());

    // The scheduled job, as EventBridge runs it deployed: the same function on the same store.
    let running: Promise<PostDueReport> | null = null;
    const postRecurring = (): Promise<PostDueReport> => {
      running ??= postDueOccurrences({
        repo,
        clock,
        ...(opts.notifier ? { notifier: opts.notifier } : {}),
        logError: (message, detail) => logger.error(message, detail),
      }).finally(() => {
        running = null;
      });
      return running;
    };
    const runQuietly = () =>
      postRecurring().then(
        (report) => {
          if (report.posted > 0) logger.info('recurring payments posted', { ...report });
        },
        (err: unknown) => logger.error('recurring payments: the job failed', { detail: String(err) }),
      );
    // Once at start-up (a laptop that slept catches up here), then on a timer.
    await runQuietly();
    const every = opts.recurringEveryMs ?? RECURRING_EVERY_MS_DEFAULT;
    if (every > 0) {
      const timer = setInterval(() => void runQuietly(), every);
      timer.unref();
      stoppers.push(async () => {
        clearInterval(timer);
        await running?.catch(() => undefined);
      });
    }

    return {
      chatUrl: web.url,
      lexUrl: lexServer.url,
      dynamoEndpoint: dynamo.endpoint,
      tableName,
      repo,
      secretsEndpoint: secrets.endpoint,
      identityKeys,
      postRecurring,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
