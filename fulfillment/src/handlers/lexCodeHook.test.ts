import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { lexResponseSchema, type LexResponse } from '@budgetbuddy/bot/src/lex/schemas';
import { buildEvent, textOf } from '../../test/support/lexEvents';

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
const savedEnv = { ...process.env };

beforeAll(async () => {
  process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${await closedPort()}`;
  process.env.TABLE_NAME = 'BudgetBuddyHandlerTest';
  ({ handler } = await import('./lexCodeHook'));
});
afterAll(() => {
  process.env = savedEnv;
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
      buildEvent({ intent: 'LogExpense', slots: { Amount: '5', Category: 'Food' } }),
    );
    expect(reply.sessionState.intent?.state).toBe('Failed');
    expect(textOf(reply)).toBe("I couldn't save that — please try again.");
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  }, 20_000);
});
