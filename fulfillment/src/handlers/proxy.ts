/**
 * The chat proxy Lambda (API Gateway HTTP API v2 → Hono app). The user is the `sub` claim that API
 * Gateway's Cognito JWT authorizer verified; nothing in the request body or headers can override it.
 * SDK clients live outside the handler so warm invocations reuse their connections and the cached secret.
 */
import type { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { TextractClient } from '@aws-sdk/client-textract';
import type { Context } from 'hono';
import { handle } from 'hono/aws-lambda';
import { z } from 'zod';
import { secretIdentityKeys } from '../lex/identitySignature';
import { createProxyApp, DEFAULT_RATE_LIMIT_PER_MINUTE } from '../proxy/app';
import { dynamoRateLimiter } from '../proxy/dynamoRateLimiter';
import { createDynamoClientFromEnv } from '../store/createStoreFromEnv';
import { secretBotConfig } from '../proxy/botConfig';
import { createLexClient } from '../proxy/lexClient';
import { createStoreFromEnv } from '../store/createStoreFromEnv';
import { s3ReceiptUploads } from '../receipts/s3Uploads';
import { notifierFromEnv } from '../notify/notifierFromEnv';

const envSchema = z.object({
  BOT_SECRET_ID: z.string().min(1, 'BOT_SECRET_ID (the bot config secret) must be set'),
  IDENTITY_KEY_SECRET_ID: z.string().min(1, 'IDENTITY_KEY_SECRET_ID (the identity signing key) must be set'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().optional(),
  /** The ledger table, where the per-user turn counters live (shared by every warm instance). */
  TABLE_NAME: z.string().min(3).max(255).optional(),
  /** The bucket receipt photos are uploaded to (presigned POST) and Textract reads them from. */
  RECEIPT_BUCKET: z.string().min(3).max(63).optional(),
});

const jwtClaimsSchema = z.object({
  requestContext: z.object({
    authorizer: z.object({ jwt: z.object({ claims: z.object({ sub: z.string().min(1).max(128) }) }) }),
  }),
});

/** hono/aws-lambda puts the API Gateway request context in `c.env`; it is checked, not trusted blindly. */
export function identifyJwtSubject(c: Context): string | null {
  const bindings: unknown = c.env;
  const parsed = jwtClaimsSchema.safeParse(bindings);
  return parsed.success ? parsed.data.requestContext.authorizer.jwt.claims.sub : null;
}

export function createLambdaProxyApp(
  env: NodeJS.ProcessEnv = process.env,
  clients: {
    lex?: LexRuntimeV2Client;
    secrets?: SecretsManagerClient;
    s3?: S3Client;
    textract?: TextractClient;
  } = {},
) {
  const config = envSchema.parse(env);
  const secrets = clients.secrets ?? new SecretsManagerClient({});
  return createProxyApp({
    lex: clients.lex ?? createLexClient(),
    botConfig: secretBotConfig({ client: secrets, secretId: config.BOT_SECRET_ID }),
    identityKeys: secretIdentityKeys({ client: secrets, secretId: config.IDENTITY_KEY_SECRET_ID }),
    identify: identifyJwtSubject,
    // Bank import and export read and write the ledger directly (TABLE_NAME, as for the code hook);
    // an import that crosses a budget is e-mailed as a chat turn is (same settings, notifierFromEnv).
    ...(env.TABLE_NAME ? { ledger: createStoreFromEnv(env), notifier: notifierFromEnv(env) } : {}),
    // Receipt photos go browser → S3 (presigned POST) → Textract: never through API Gateway or Lambda.
    ...(env.TABLE_NAME && config.RECEIPT_BUCKET
      ? {
          receiptUploads: s3ReceiptUploads({
            s3: clients.s3 ?? new S3Client({}),
            textract: clients.textract ?? new TextractClient({}),
            bucket: config.RECEIPT_BUCKET,
          }),
        }
      : {}),
    ...(config.RATE_LIMIT_PER_MINUTE ? { rateLimit: { perMinute: config.RATE_LIMIT_PER_MINUTE } } : {}),
    ...(config.TABLE_NAME
      ? {
          rateLimiter: dynamoRateLimiter({
            client: createDynamoClientFromEnv(env),
            tableName: config.TABLE_NAME,
            perMinute: config.RATE_LIMIT_PER_MINUTE ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
            onError: (err) =>
              console.error(
                JSON.stringify({ level: 'error', message: 'rate limit unavailable', detail: String(err) }),
              ),
          }),
        }
      : {}),
  });
}

let app: ReturnType<typeof createLambdaProxyApp> | undefined;

/** Built on first use so a bad environment fails the invocation with a logged reason, not the import. */
export const handler: ReturnType<typeof handle> = (event, lambdaContext) => {
  app ??= createLambdaProxyApp();
  return handle(app)(event, lambdaContext);
};
