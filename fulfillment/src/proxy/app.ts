/**
 * The chat API (POST /api/chat, GET /api/health) as one Hono app: the Lambda handler
 * (handlers/proxy.ts) and the local server (scripts/src/stack.ts) both serve it and differ only in the
 * injected dependencies — which Lex endpoint, where the bot config comes from, and who the user is.
 *
 * The user id comes only from `identify` (verified identity). The proxy sends Lex nothing the browser
 * controls except the trimmed text and, after validation, the time zone.
 */
import { RecognizeTextCommand, type LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { IntentName } from '@budgetbuddy/bot';
import { splitItems } from '@budgetbuddy/bot/nlu';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { registerMoneyRoutes } from '../import/routes';
import { registerOverviewRoute } from '../overview/routes';
import type { ReceiptOcr } from '../receipts/ReceiptOcr';
import type { ReceiptUploads } from '../receipts/s3Uploads';
import { registerReceiptRoutes } from '../receipts/routes';
import { systemClock, type Clock } from '../ports/Clock';
import type { LedgerStores } from '../ports/LedgerStores';
import type { BudgetNotifier } from '../ports/BudgetNotifier';
import type { IdentityKeys } from '../lex/identitySignature';
import type { BotConfig } from './botConfig';
import type { ChatReply } from '../chatApi/reply';
import { MAX_BODY_BYTES } from '../chatApi/limits';
import { chatRequestSchema } from './contract';
import { BOT_UNAVAILABLE_MESSAGE, ErrorCode, errorResponse, tooLarge } from './errors';
import type { AsyncRateLimiter } from './dynamoRateLimiter';
import { createRateLimiter } from './rateLimiter';
import { recognizeTextInput } from './recognizeText';
import { combineReplies, toChatReply } from './replyMapper';
import { requestIdFor, sessionIdFor } from './sessionIds';
import { resolveTimeZone } from './timeZone';

export interface ProxyLogger {
  info(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

export const consoleLogger: ProxyLogger = {
  info: (message, detail) => console.log(JSON.stringify({ level: 'info', message, ...detail })),
  error: (message, detail) => console.error(JSON.stringify({ level: 'error', message, ...detail })),
};

export const silentLogger: ProxyLogger = { info: () => {}, error: () => {} };

/** Enough for someone typing fast or clicking buttons; a script firing turns in a loop runs out. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 60;

export interface ProxyDeps {
  lex: LexRuntimeV2Client;
  botConfig: () => Promise<BotConfig>;
  /** The verified user id for this request, or null when there is none (401). */
  identify: (c: Context) => string | null;
  /** The key the proxy signs the user id with (the code hook refuses unsigned turns). */
  identityKeys: () => Promise<IdentityKeys>;
  rateLimit?: { perMinute: number };
  /**
   * The shared per-user limit (DynamoDB, see dynamoRateLimiter.ts). Without one, each process keeps its
   * own in-memory buckets of `rateLimit.perMinute`: right for one process, not for many Lambda instances.
   */
  rateLimiter?: AsyncRateLimiter;
  logger?: ProxyLogger;
  /** Dependency check behind GET /api/health (locally: Lex and DynamoDB answer); absent = always up. */
  health?: () => Promise<boolean>;
  /** Milliseconds clock for the rate limiter (tests). */
  now?: () => number;
  /** The ledger, for bank import and CSV export (issue 13); without it those routes are absent. */
  ledger?: LedgerStores;
  clock?: Clock;
  /** Reads receipt photos (POST /api/receipts); without it (or the ledger) the route is absent. */
  receiptOcr?: ReceiptOcr;
  /** Deployed: presigned S3 uploads read by Textract (POST /api/receipts/uploads, /analyze). */
  receiptUploads?: ReceiptUploads;
  /**
   * Where the budget e-mail of an import that crosses a budget goes (deployed: SES, as from the chat
   * and the recurring job); none by default. The in-app notification is kept either way.
   */
  notifier?: BudgetNotifier;
}

/** The intents a part of a split message is expected to close with. */
const LOGGING_INTENTS: ReadonlySet<string> = new Set([IntentName.LogExpense, IntentName.LogIncome]);

const NOT_JSON = 'Send the message as JSON (Content-Type: application/json).';
const BAD_JSON = 'The request body is not valid JSON. Send a JSON object like {"text": "spent 12 on lunch"}.';
const NOT_OBJECT = 'Send a JSON object with a "text" string.';
const NO_USER = 'Please sign in to chat with BudgetBuddy.';

function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = value.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json';
}

export function createProxyApp(deps: ProxyDeps): Hono {
  const logger = deps.logger ?? consoleLogger;
  const limiter: AsyncRateLimiter | ReturnType<typeof createRateLimiter> =
    deps.rateLimiter ??
    createRateLimiter(deps.rateLimit?.perMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE, deps.now ?? Date.now);
  const app = new Hono();
  // The splitter's regular expressions compile on first use (≈ 50–100 ms): pay that at start-up.
  splitItems('coffee 4 and muffin three fifty on nov 3', new Date(), 'UTC');

  app.use(
    '/api/*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      xFrameOptions: 'DENY',
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/api/health', async (c) => {
    const up = deps.health ? await deps.health().catch(() => false) : true;
    return up ? c.json({ status: 'ok' }) : c.json({ status: 'unavailable' }, 503);
  });

  app.post(
    '/api/chat',
    (c, next) => {
      if (!isJsonContentType(c.req.header('content-type'))) {
        return Promise.resolve(errorResponse(c, 415, ErrorCode.unsupportedMediaType, NOT_JSON));
      }
      return next();
    },
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge }),
    async (c) => {
      const userId = deps.identify(c);
      if (userId === null) return errorResponse(c, 401, ErrorCode.unauthenticated, NO_USER);

      let raw: unknown;
      try {
        raw = JSON.parse(await c.req.text());
      } catch {
        return errorResponse(c, 400, ErrorCode.invalidJson, BAD_JSON);
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        return errorResponse(c, 400, ErrorCode.invalidRequest, NOT_OBJECT);
      }
      const parsed = chatRequestSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') ?? '';
        const message =
          field === 'clientMessageId'
            ? 'clientMessageId must be 8–64 letters, digits, "-" or "_".'
            : field === 'timeZone'
              ? 'timeZone must be an IANA time zone name such as "Europe/Paris".'
              : (issue?.message ?? NOT_OBJECT);
        return errorResponse(c, 400, ErrorCode.invalidRequest, message);
      }

      const wait = await limiter.take(userId);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return errorResponse(
          c,
          429,
          ErrorCode.rateLimited,
          `That is a lot of messages in a short time. Please wait ${wait} s and try again.`,
        );
      }

      const { text, clientMessageId, timeZone } = parsed.data;
      try {
        const [bot, keys] = await Promise.all([deps.botConfig(), deps.identityKeys()]);
        const sessionId = sessionIdFor(keys, userId);
        const zone = resolveTimeZone(timeZone);
        // One id for the whole message (one undo takes back all its entries); each part its own
        // idempotency key derived from it, so a retry with the same clientMessageId logs no part twice.
        const messageId = requestIdFor(keys, userId, clientMessageId);
        // The same day as the code hook's: "the 15th of last month" must name one month in both.
        const parts = splitItems(text, (deps.clock ?? systemClock).now(), zone);
        const replies: ChatReply[] = [];
        let sent = 0;
        for (const [i, part] of parts.entries()) {
          const out = await deps.lex.send(
            new RecognizeTextCommand(
              recognizeTextInput({
                bot,
                sessionId,
                text: part.text,
                userId,
                keys,
                timeZone: zone,
                requestId: parts.length === 1 ? messageId : `${messageId}.${i + 1}`,
                messageId,
                part: { index: i + 1, of: parts.length },
              }),
            ),
          );
          const reply = toChatReply(out);
          replies.push(reply);
          sent = i + 1;
          // A part that asks something (a category, a confirmation) or was not logged stops the
          // message: the rest are not sent under an open question, and the reply names them.
          if (parts.length > 1 && !(reply.dialogState === 'Close' && LOGGING_INTENTS.has(reply.intent ?? '')))
            break;
        }
        return c.json(
          combineReplies(
            replies,
            parts.slice(sent).map((p) => p.text),
          ),
        );
      } catch (err) {
        logger.error('chat turn failed', {
          error: err instanceof Error ? err.name : 'unknown',
          detail: err instanceof Error ? err.message : String(err),
          status: (err as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode,
        });
        return errorResponse(c, 502, ErrorCode.botUnavailable, BOT_UNAVAILABLE_MESSAGE);
      }
    },
  );

  if (deps.ledger) {
    registerOverviewRoute(app, {
      ledger: deps.ledger,
      clock: deps.clock ?? systemClock,
      identify: deps.identify,
      logError: (message, detail) => logger.error(message, detail),
    });
    registerMoneyRoutes(app, {
      ledger: deps.ledger,
      clock: deps.clock ?? systemClock,
      identify: deps.identify,
      logError: (message, detail) => logger.error(message, detail),
      ...(deps.notifier ? { notifier: deps.notifier } : {}),
    });
    if (deps.receiptOcr || deps.receiptUploads) {
      registerReceiptRoutes(app, {
        lex: deps.lex,
        botConfig: deps.botConfig,
        identityKeys: deps.identityKeys,
        identify: deps.identify,
        ...(deps.receiptOcr ? { ocr: deps.receiptOcr } : {}),
        ...(deps.receiptUploads ? { uploads: deps.receiptUploads } : {}),
        ledger: deps.ledger,
        clock: deps.clock ?? systemClock,
        logError: (message, detail) => logger.error(message, detail),
      });
    }
  }

  app.all('/api/*', (c) =>
    errorResponse(c, 404, ErrorCode.notFound, `There is no ${c.req.method} ${c.req.path} in the chat API.`),
  );

  app.onError((err, c) => {
    logger.error('unexpected proxy error', { error: err.name, detail: err.message });
    return errorResponse(c, 500, ErrorCode.internal, 'Something went wrong on our side. Please try again.');
  });

  return app;
}
