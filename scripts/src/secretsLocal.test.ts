import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { secretBotConfig } from '@budgetbuddy/fulfillment/proxy';
import { DUMMY_CREDENTIALS } from './dynamoLocal';
import { startLocalSecrets, type LocalSecretsServer } from './secretsLocal';

const ID = 'budgetbuddy/test/bot-config';
const secrets: Record<string, string> = {
  [ID]: JSON.stringify({ botId: 'BBLOCALBOT', botAliasId: 'TSTALIASID', localeId: 'en_US' }),
};
let server: LocalSecretsServer;
let client: SecretsManagerClient;

beforeAll(async () => {
  server = await startLocalSecrets({ secrets });
  client = new SecretsManagerClient({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: DUMMY_CREDENTIALS,
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await server.close();
});

test('an unmodified SDK client reads the secret, and an unknown one is ResourceNotFoundException', async () => {
  const out = await client.send(new GetSecretValueCommand({ SecretId: ID }));
  expect(JSON.parse(out.SecretString ?? '')).toMatchObject({ botId: 'BBLOCALBOT' });
  await expect(client.send(new GetSecretValueCommand({ SecretId: 'nope' }))).rejects.toBeInstanceOf(
    ResourceNotFoundException,
  );
});

test('the bot config is cached for its TTL, then read again', async () => {
  let now = 0;
  const config = secretBotConfig({ client, secretId: ID, ttlMs: 60_000, now: () => now });
  expect((await config()).botAliasId).toBe('TSTALIASID');

  const original = secrets[ID]!;
  secrets[ID] = JSON.stringify({ botId: 'BBLOCALBOT', botAliasId: 'NEWALIAS01', localeId: 'en_US' });
  try {
    now = 59_000;
    expect((await config()).botAliasId).toBe('TSTALIASID');
    now = 61_000;
    expect((await config()).botAliasId).toBe('NEWALIAS01');
  } finally {
    secrets[ID] = original;
  }
});

test('a secret that is not a valid bot config is refused, not used', async () => {
  secrets['bad'] = JSON.stringify({ botId: 'lowercase!' });
  const config = secretBotConfig({ client, secretId: 'bad' });
  await expect(config()).rejects.toThrow(/botId/);
});
