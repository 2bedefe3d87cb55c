/**
 * The Lex runtime restarts while a person is mid-dialog. While it is down they get a readable
 * "try again"; once it is back on the same port the running proxy (not restarted) reconnects, the next
 * message gets an ordinary reply in a fresh conversation, and writes work again.
 *
 * The stack is composed from its parts here, because the test must close and reopen the Lex server
 * alone; the parts are the ones scripts/src/stack.ts wires (the ledger is the in-memory one: this test
 * is about the Lex connection, not storage).
 */
import type { AddressInfo } from 'node:net';
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { budgetBuddyBot, LOCAL_BOT_ALIAS_ID, LOCAL_BOT_ID, LOCALE_ID } from '@budgetbuddy/bot';
import { createNlu } from '@budgetbuddy/bot/nlu';
import { startLexServer, type LexServer } from '@budgetbuddy/bot/runtime';
import { createCodeHook } from '@budgetbuddy/fulfillment/code-hook';
import { fixedClock } from '@budgetbuddy/fulfillment/ledger';
import { createProxyApp, silentLogger, identifyLocalUser } from '@budgetbuddy/fulfillment/proxy';
import { InMemoryLedgerRepository } from '@budgetbuddy/fulfillment/store';
import { serve, type ServerType } from '@hono/node-server';
import { DUMMY_CREDENTIALS } from '../dynamoLocal';
import { freePort } from './support/freePort';
import { HttpClient, replyText } from './support/httpClient';
import { loggedAmountMinor } from './support/replyClaims';

const USER = 'restart-user';
const clock = fixedClock('2026-11-24T15:00:00Z');
const repo = new InMemoryLedgerRepository({ clock });

let startLex: () => Promise<LexServer>;
let lex: LexServer | undefined;
let lexClient: LexRuntimeV2Client;
let proxy: ServerType;
let client: HttpClient;

beforeAll(async () => {
  const nlu = await createNlu(budgetBuddyBot, LOCALE_ID);
  const codeHook = createCodeHook({ repo, clock, logError: () => {} });
  const lexPort = await freePort();
  // Each start is a new runtime: its sessions are gone, as after a process restart.
  startLex = () => startLexServer({ port: lexPort, definition: budgetBuddyBot, nlu, codeHook, clock });
  lex = await startLex();
  lexClient = new LexRuntimeV2Client({
    endpoint: lex.url,
    region: 'us-east-1',
    credentials: DUMMY_CREDENTIALS,
    maxAttempts: 1, // as in scripts/src/stack.ts: no silent retry hides a dead connection
  });
  const app = createProxyApp({
    lex: lexClient,
    botConfig: async () => ({ botId: LOCAL_BOT_ID, botAliasId: LOCAL_BOT_ALIAS_ID, localeId: LOCALE_ID }),
    identify: identifyLocalUser,
    identityKeys: async () => ({ current: 'restart-test-identity-key-0123456789abcdef' }),
    rateLimit: { perMinute: 10_000 },
    logger: silentLogger,
  });
  const port = await freePort();
  await new Promise<void>((resolve) => {
    proxy = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve());
  });
  client = new HttpClient(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, 2);
}, 60_000);

afterAll(async () => {
  client?.close();
  await new Promise((resolve) => proxy?.close(resolve));
  lexClient?.destroy();
  await lex?.close();
});

test('a Lex restart mid-dialog: readable "try again" while down, a fresh conversation after, no proxy restart', async () => {
  const asked = await client.chat('log an expense', { user: USER });
  expect(asked.status).toBe(200);
  expect(replyText(asked)).toMatch(/how much/i);

  await lex!.close();
  lex = undefined;
  const whileDown = await client.chat('12', { user: USER });
  expect(whileDown.status).toBe(502);
  expect((whileDown.json as { error: { message: string } }).error.message).toMatch(/try again/i);

  lex = await startLex();
  // The answer to the forgotten question: not a crash, an ordinary reply of a new conversation.
  const answer = await client.chat('12', { user: USER });
  expect(answer.status).toBe(200);
  expect(replyText(answer).trim()).not.toBe('');
  expect(replyText(answer)).not.toMatch(/^Logged/m);

  const fresh = await client.chat('spent 12.34 on lunch', { user: USER });
  expect(fresh.status).toBe(200);
  expect(loggedAmountMinor(replyText(fresh))).toBe(1234);
  expect((await repo.listRecent(USER, 10)).map((t) => t.amountMinor)).toEqual([1234]);
}, 30_000);
