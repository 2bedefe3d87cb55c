import * as z from 'zod/mini';

/** The shape of /config.json, written by the local stack or by the web container's entrypoint. */
const appConfigSchema = z.object({
  apiBase: z._default(z.string(), ''),
  auth: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('local') }),
    z.object({
      mode: z.literal('cognito'),
      authority: z.url(),
      clientId: z.string().check(z.minLength(1)),
      domain: z.url(),
      redirectUri: z.url(),
      logoutUri: z.url(),
    }),
  ]),
});

export type AppConfig = z.infer<typeof appConfigSchema>;
export type CognitoConfig = Extract<AppConfig['auth'], { mode: 'cognito' }>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export async function loadAppConfig(fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  let body: unknown;
  try {
    const response = await fetchImpl('/config.json', { cache: 'no-store' });
    if (!response.ok) throw new ConfigError(`/config.json answered ${response.status}.`);
    body = await response.json();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError('Could not load /config.json.');
  }
  const parsed = appConfigSchema.safeParse(body);
  if (!parsed.success) {
    throw new ConfigError(`/config.json is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
