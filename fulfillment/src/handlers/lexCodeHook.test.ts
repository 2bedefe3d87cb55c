import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { lexResponseSchema, type LexEvent, type LexResponse } from '@budgetbuddy/bot/lex';
import { startLocalSecrets, type LocalSecretsServer } from '@budgetbuddy/scripts/local';
import { buildEvent, textOf } from '../../test/support/lexEvents';
import { signedSessionAttributes } from '../lex/identitySignature';

/** A loopback port nobody listens on: the store behind it is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

let handler: (event: unknown) => Promise<LexResponse>;
let secrets: LocalSecretsServer;
const savedEnv = { ...process.env };
const KEYS = { current: 'k'.repeat(48) };

/** The event as the proxy's turn reaches it: user id and signature in the session attributes. */
function signed(event: LexEvent): LexEvent {
  const userId = event.sessionState.sessionAttributes?.['bb:userId'] ?? '';
  const attributes = signedSessionAttributes(KEYS, userId, event.sessionId);
  return { ...event, sessionState: { ...event.sessionState, sessionAttributes: attributes } };
}

beforeAll(async () => {
  secrets = await startLocalSecrets({
    secrets: { 'test/identity-key': JSON.stringify({ identityKey: KEYS.current }) },
  });
  process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${await closedPort()}`;
  process.env.TABLE_NAME = 'BudgetBuddyHandlerTest';
  process.env.IDENTITY_KEY_SECRET_ID = 'test/identity-key';
  // The AWS SDK's per-service endpoint variable: the Lambda's SecretsManagerClient({}) reaches the stand-in.
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = secrets.endpoint;
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  ({ handler } = await import('./lexCodeHook'));
});
afterAll(async () => {
  process.env = savedEnv;
  await secrets.close();
});

describe('Lambda handler', () => {
  it('refuses a real recorded Lex event that carries no verified user', async () => {
    const fixture = JSON.parse(
      readFileSync(join(__dirname, '../../../bot/src/lex/fixtures/BankingBot.json'), 'utf8'),
    ) as unknown;
    const reply = await handler(fixture);
    expect(lexResponseSchema.safeParse(reply).success).toBe(true);
    expect(reply.sessionState.intent).toMatchObject({ name: 'CheckBalance', state: 'Failed' });
    expect(textOf(reply)).toContain("can't tell who you are");
  });

  it('says it could not save when the store is unreachable', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await handler(
      signed(buildEvent({ intent: 'LogExpense', slots: { Amount: '5', Category: 'Food' } })),
    );
    expect(reply.sessionState.intent?.state).toBe('Failed');
    expect(textOf(reply)).toBe("I couldn't save that — please try again.");
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  }, 20_000);

  it('refuses a user id the proxy did not sign, or signed for another session or user', async () => {
    const forged = buildEvent({ intent: 'LogExpense', slots: { Amount: '5', Category: 'Food' } });
    const other = signed(buildEvent({ intent: 'LogExpense', userId: 'someone-else' }));
    const replayed: LexEvent = { ...signed(forged), sessionId: 'session-of-another-chat' };
    const swapped: LexEvent = {
      ...forged,
      sessionState: {
        ...forged.sessionState,
        sessionAttributes: {
          ...other.sessionState.sessionAttributes,
          'bb:userId': 'user-1',
        },
      },
    };
    for (const event of [forged, replayed, swapped]) {
      const reply = await handler(event);
      expect(reply.sessionState.intent?.state).toBe('Failed');
      // Refused before the store is touched: not "couldn't save", which would mean it tried.
      expect(textOf(reply)).toContain("can't tell who you are");
    }
  });
});
