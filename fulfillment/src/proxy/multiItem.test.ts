/**
 * Messages that log several items, through the whole stack: the proxy splits them (bot/src/nlu/
 * segments.ts) and sends each part to the local Lex runtime through the real SDK client; the real code
 * hook writes to the in-memory ledger. Each item must become its own row with its own date and note.
 */
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { budgetBuddyBot, LOCAL_BOT_ALIAS_ID, LOCAL_BOT_ID, LOCALE_ID } from '@budgetbuddy/bot';
import { createNlu } from '@budgetbuddy/bot/nlu';
import { startLexServer, type LexServer } from '@budgetbuddy/bot/runtime';
import type { Hono } from 'hono';
import { createCodeHook } from '../codeHook';
import { fixedClock } from '../ports/Clock';
import { InMemoryLedgerRepository } from '../store/InMemoryLedgerRepository';
import { createProxyApp, silentLogger } from './app';
import type { ChatReply } from '../chatApi/reply';
import { LOCAL_USER_HEADER } from './localIdentity';

const clock = fixedClock('2026-11-24T15:00:00Z');
const repo = new InMemoryLedgerRepository({ clock });
let lex: LexServer;
let lexClient: LexRuntimeV2Client;
let app: Hono;

beforeAll(async () => {
  const nlu = await createNlu(budgetBuddyBot, LOCALE_ID);
  const codeHook = createCodeHook({ repo, clock, logError: () => {} });
  lex = await startLexServer({ port: 0, definition: budgetBuddyBot, nlu, codeHook, clock });
  lexClient = new LexRuntimeV2Client({
    endpoint: lex.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  app = createProxyApp({
    lex: lexClient,
    botConfig: async () => ({ botId: LOCAL_BOT_ID, botAliasId: LOCAL_BOT_ALIAS_ID, localeId: LOCALE_ID }),
    identityKeys: async () => ({ current: 'local-test-identity-key-0123456789abcdef' }),
    identify: (c) => c.req.header(LOCAL_USER_HEADER) ?? null,
    rateLimit: { perMinute: 10_000 },
    logger: silentLogger,
    clock,
  });
}, 60_000);

afterAll(async () => {
  lexClient?.destroy();
  await lex?.close();
});

async function chat(user: string, text: string, clientMessageId?: string): Promise<ChatReply> {
  const res = await app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [LOCAL_USER_HEADER]: user },
    body: JSON.stringify({ text, timeZone: 'UTC', ...(clientMessageId ? { clientMessageId } : {}) }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as ChatReply;
}

const texts = (r: ChatReply): string => r.messages.map((m) => ('text' in m ? m.text : '')).join('\n');

async function rows(user: string): Promise<string[]> {
  const list = await repo.listRecent(user, 20);
  return list.map((t) => `${t.kind} ${t.amountMinor} ${t.category} ${t.date}`).sort();
}

test('"coffee 4 and lunch 12.50" logs two expenses, each with its own amount', async () => {
  const reply = await chat('multi-1', 'coffee 4 and lunch 12.50');
  expect(reply.dialogState).toBe('Close');
  expect(await rows('multi-1')).toEqual(['expense 1250 Food 2026-11-24', 'expense 400 Food 2026-11-24']);
  expect(reply.messages.length).toBeGreaterThanOrEqual(2);
}, 30_000);

test('a message of several items gets one set of buttons, after its lines: one Undo takes back them all', async () => {
  const reply = await chat('multi-1b', 'coffee 4 and muffin 3.50');
  expect(
    reply.messages.map((m) => (m.type === 'card' ? `[${m.title}]` : 'text' in m ? m.text : m.type)),
  ).toEqual(['Logged $4.00 for Food today.', 'Logged $3.50 for Food today.', '[Anything else?]']);
  const undo = await chat('multi-1b', 'undo');
  expect(texts(undo)).toMatch(/removed \$4\.00 .* and \$3\.50/);
  expect(await rows('multi-1b')).toEqual([]);
}, 30_000);

test('"20 on lunch yesterday and 15 on a taxi today": each item keeps its own date', async () => {
  await chat('multi-2', '20 on lunch yesterday and 15 on a taxi today');
  expect(await rows('multi-2')).toEqual([
    'expense 1500 Transport 2026-11-24',
    'expense 2000 Food 2026-11-23',
  ]);
}, 30_000);

test('"spent 10 on lunch and got paid 500 freelance" is one expense and one income', async () => {
  await chat('multi-3', 'spent 10 on lunch and got paid 500 freelance');
  expect(await rows('multi-3')).toEqual([
    'expense 1000 Food 2026-11-24',
    'income 50000 Freelance 2026-11-24',
  ]);
}, 30_000);

test('"paid 62 for dinner, my share is 31" is one expense of $31 (it was $62 of food and $31 of income)', async () => {
  const reply = await chat('multi-share', 'paid 62 for dinner, my share is 31');
  expect(texts(reply)).toMatch(/^Logged \$31\.00 for Food today/);
  expect(await rows('multi-share')).toEqual(['expense 3100 Food 2026-11-24']);
}, 30_000);

test('"3 dollars and 25 cents on coffee" is one amount', async () => {
  await chat('multi-4', '3 dollars and 25 cents on coffee');
  expect(await rows('multi-4')).toEqual(['expense 325 Food 2026-11-24']);
}, 30_000);

test('a retry of the same message (same clientMessageId) logs no part twice', async () => {
  await chat('multi-5', 'lunch 12 dinner 25', 'retry-message-1');
  await chat('multi-5', 'lunch 12 dinner 25', 'retry-message-1');
  expect(await rows('multi-5')).toEqual(['expense 1200 Food 2026-11-24', 'expense 2500 Food 2026-11-24']);
}, 30_000);

test('a part that asks a question stops the message, and the reply names what is not logged yet', async () => {
  const reply = await chat('multi-6', 'bought a gizmo for 9 and coffee 4');
  expect(reply.dialogState).toBe('ElicitSlot');
  expect(texts(reply)).toMatch(/haven't logged “coffee 4” yet/);
  expect(await rows('multi-6')).toEqual([]);
}, 30_000);

test('a part the bot does not understand stops the message too', async () => {
  const reply = await chat('multi-7', 'gizmo 9 and coffee 4, lunch 12');
  expect(texts(reply)).toMatch(/haven't logged “coffee 4” and “lunch 12” yet/);
  expect(await rows('multi-7')).toEqual([]);
}, 30_000);

test.each([
  ['lunch 20 on the 15th of last month', 'expense 2000 Food 2026-10-15'],
  ['lunch 20 on 3 nov', 'expense 2000 Food 2026-11-03'],
  ['lunch 20 on the 3rd of november', 'expense 2000 Food 2026-11-03'],
  ['lunch 5 bucks 50 on nov 3', 'expense 550 Food 2026-11-03'],
])(
  '"%s" is stored on the day said',
  async (text, row) => {
    const user = `dates-${text.replace(/\W+/g, '-')}`.slice(0, 60);
    await chat(user, text);
    expect(await rows(user)).toEqual([row]);
  },
  30_000,
);

test('"lunch 20 on feb 30" asks which day instead of logging another one', async () => {
  const reply = await chat('dates-feb-30', 'lunch 20 on feb 30');
  expect(reply.dialogState).toBe('ElicitSlot');
  expect(await rows('dates-feb-30')).toEqual([]);
}, 30_000);

test.each([
  ['lunch 5 bucks 50', 'expense 550 Food 2026-11-24'],
  ['coffee 12,50', 'expense 1250 Food 2026-11-24'],
  ['rent 1 234', 'expense 123400 Housing 2026-11-24'],
  ['laptop 2.5k', 'expense 250000 Shopping 2026-11-24'],
  ['a tenner for the cab', 'expense 1000 Transport 2026-11-24'],
  ['half a dollar for coffee', 'expense 50 Food 2026-11-24'],
  ['50 cents on coffee', 'expense 50 Food 2026-11-24'],
  ['🍕 15', 'expense 1500 Food 2026-11-24'],
  ['hoagie 9', 'expense 900 Food 2026-11-24'],
  ['mascara 12', 'expense 1200 Personal Care 2026-11-24'],
  ['spent twelve fifty on lunch', 'expense 1250 Food 2026-11-24'],
])(
  '"%s" stores exactly that amount',
  async (text, row) => {
    const user = `amounts-${Buffer.from(text).toString('hex')}`.slice(0, 60);
    await chat(user, text);
    expect(await rows(user)).toEqual([row]);
  },
  30_000,
);

test('the note keeps the words for the item: "bought a gift for mom for 45"', async () => {
  await chat('notes-1', 'bought a gift for mom for 45');
  const [entry] = await repo.listRecent('notes-1', 5);
  expect(entry).toMatchObject({ amountMinor: 4500, category: 'Gifts', note: 'gift for mom' });
}, 30_000);

test('"remove the netflix one" never logs a $1 expense', async () => {
  await chat('entry-one', 'netflix 15.99');
  await chat('entry-one', 'remove the netflix one');
  const amounts = (await repo.listRecent('entry-one', 5)).map((t) => t.amountMinor);
  expect(amounts).not.toContain(100);
}, 30_000);

test('one "undo" after a message of several items takes back all of them', async () => {
  await chat('multi-undo', 'spent 3 on parking');
  await chat('multi-undo', 'coffee 4 and lunch 12.50');
  expect(texts(await chat('multi-undo', 'undo'))).toMatch(/\$4\.00.*\$12\.50/);
  expect(await rows('multi-undo')).toEqual(['expense 300 Transport 2026-11-24']);
}, 30_000);
