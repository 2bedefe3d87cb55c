/**
 * Where the proxy finds the bot to talk to: a Secrets Manager secret holding
 * `{ botId, botAliasId, localeId }`, read with GetSecretValue and cached, so a warm Lambda (or the local
 * server) pays for it once every few minutes rather than on every turn. Locally the same call goes to
 * scripts/src/secretsLocal.ts.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';

export const botConfigSchema = z.object({
  botId: z.string().regex(/^[0-9A-Z]{10}$/, 'botId must be a 10-character Lex bot id'),
  botAliasId: z.string().regex(/^[0-9A-Z]{10}$/, 'botAliasId must be a 10-character Lex alias id'),
  localeId: z.string().min(2),
});
export type BotConfig = z.infer<typeof botConfigSchema>;

export const BOT_CONFIG_TTL_MS = 5 * 60 * 1000;

export interface SecretBotConfigOptions {
  client: SecretsManagerClient;
  secretId: string;
  ttlMs?: number;
  now?: () => number;
}

export function secretBotConfig(opts: SecretBotConfigOptions): () => Promise<BotConfig> {
  const ttlMs = opts.ttlMs ?? BOT_CONFIG_TTL_MS;
  const now = opts.now ?? Date.now;
  let cached: { value: BotConfig; expiresAt: number } | null = null;
  // Concurrent cold requests share one GetSecretValue call instead of each making their own.
  let inFlight: Promise<BotConfig> | null = null;

  const load = async (): Promise<BotConfig> => {
    const out = await opts.client.send(new GetSecretValueCommand({ SecretId: opts.secretId }));
    if (!out.SecretString) throw new Error(`Secret ${opts.secretId} has no string value`);
    const value = botConfigSchema.parse(JSON.parse(out.SecretString));
    cached = { value, expiresAt: now() + ttlMs };
    return value;
  };

  return () => {
    if (cached && cached.expiresAt > now()) return Promise.resolve(cached.value);
    inFlight ??= load().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
