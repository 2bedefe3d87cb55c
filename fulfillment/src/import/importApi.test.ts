/**
 * Bank import and CSV export over real HTTP: the proxy app served by Node, the ledger on DynamoDB Local.
 * Six files written after real banks' exports (test/fixtures/bank) go through preview, commit,
 * re-commit, re-import and export, and the rollups the chat answers from are checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { listen, type RunningServer, dynamoLocalForTest, type TestDynamo } from '@budgetbuddy/scripts/local';
import { parse } from 'csv-parse/sync';
import { fixedClock } from '../ports/Clock';
import { createProxyApp, silentLogger } from '../proxy/app';
import { DynamoLedgerRepository } from '../store/DynamoLedgerRepository';
import { ensureTable } from '../store/table';
import { commitImport, previewImport } from './importService';

/** Pending imports and idempotency records expire by TTL in real time, so the clock is today's. */
const TEST_NOW = new Date().toISOString();

jest.setTimeout(120_000);

const FIXTURES = join(__dirname, '../../test/fixtures/bank');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

let dynamo: TestDynamo;
let client: DynamoDBClient;
let repo: DynamoLedgerRepository;
let server: RunningServer;
const lex = new LexRuntimeV2Client({
  endpoint: 'http://127.0.0.1:9',
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
});

beforeAll(async () => {
  dynamo = await dynamoLocalForTest();
  client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  await ensureTable(client, 'ImportApi');
  // The real time, not a fixed date: pending imports carry a TTL, and DynamoDB Local deletes items whose
  // TTL has passed, so a preview made "on Nov 30" would vanish between preview and a second commit.
  const clock = fixedClock(TEST_NOW);
  repo = new DynamoLedgerRepository({ client, tableName: 'ImportApi', clock });
  const app = createProxyApp({
    lex,
    botConfig: async () => ({ botId: 'B', botAliasId: 'A', localeId: 'en_US' }),
    identityKeys: async () => ({ current: 'local-test-identity-key-0123456789abcdef' }),
    identify: (c) => c.req.header('x-bb-local-user') ?? null,
    logger: silentLogger,
    ledger: repo,
    clock,
  });
  server = await listen(app, '127.0.0.1', 0);
});

afterAll(async () => {
  await server?.close();
  lex.destroy();
  client?.destroy();
  await dynamo?.stop();
});

interface Preview {
  importId: string;
  rows: number;
  new: number;
  duplicates: number;
  errors: { line: number; message: string }[];
  skipped: { line: number; message: string }[];
  preview: {
    line: number;
    date: string;
    kind: string;
    amount: string;
    currency: string;
    category: string;
    description: string;
    duplicate: boolean;
  }[];
  accounts: { key: string; name: string; type: string }[];
  account: string;
}

async function upload(user: string, body: Buffer | string, type = 'text/csv') {
  const res = await fetch(`${server.url}/api/import`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-bb-local-user': user },
    body,
  });
  return {
    status: res.status,
    body: (await res.json()) as Preview & { error?: { code: string; message: string } },
  };
}

async function commit(user: string, importId: string, body?: string) {
  const res = await fetch(`${server.url}/api/import/${importId}/commit`, {
    method: 'POST',
    headers: { 'x-bb-local-user': user, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body } : {}),
  });
  return {
    status: res.status,
    body: (await res.json()) as { imported: number; remaining: number; error?: { message: string } },
  };
}

const month = (key: string) => ({ granularity: 'month' as const, key });

describe('POST /api/import and commit', () => {
  test('a Chase checking export: payments and transfers left out, a repeated line is a duplicate', async () => {
    const { status, body } = await upload('chase-user', fixture('chase-checking.csv'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ rows: 6, new: 5, duplicates: 1, errors: [] });
    expect(body.skipped.map((s) => s.line)).toEqual([4, 5]);
    expect(body.preview.map((p) => [p.date, p.kind, p.amount, p.category, p.duplicate])).toEqual([
      ['2026-11-24', 'expense', '5.75', 'Food', false],
      ['2026-11-22', 'expense', '87.12', 'Groceries', false],
      ['2026-11-15', 'income', '2500.00', 'Salary', false],
      ['2026-11-03', 'expense', '1850.00', 'Housing', false],
      ['2026-11-02', 'expense', '41.30', 'Other', false],
      ['2026-11-02', 'expense', '41.30', 'Other', true],
    ]);
    // Previewing stores nothing in the ledger.
    expect(await repo.listRecent('chase-user', 10)).toEqual([]);

    expect(await commit('chase-user', body.importId)).toEqual({
      status: 200,
      body: { imported: 5, remaining: 0 },
    });
    const totals = await repo.getPeriodTotals('chase-user', month('2026-11'), 'USD');
    expect(totals).toMatchObject({
      expenseTotalMinor: 575 + 8712 + 185000 + 4130,
      incomeTotalMinor: 250000,
      expenseByCategory: { Food: 575, Groceries: 8712, Housing: 185000, Other: 4130 },
      transactionCount: 5,
    });
    const saved = await repo.listRecent('chase-user', 10);
    expect(saved.every((t) => t.source === 'import')).toBe(true);
    expect(saved.map((t) => t.note)).toContain('RENT PAYMENT, LANDLORD LLC WEB ID: 1234');

    // Committing again, and importing the same file again, add nothing.
    expect(await commit('chase-user', body.importId)).toEqual({
      status: 200,
      body: { imported: 0, remaining: 0 },
    });
    const again = await upload('chase-user', fixture('chase-checking.csv'));
    expect(again.body).toMatchObject({ rows: 6, new: 0, duplicates: 6 });
    expect(await commit('chase-user', again.body.importId)).toEqual({
      status: 200,
      body: { imported: 0, remaining: 0 },
    });
    expect(await repo.listRecent('chase-user', 20)).toHaveLength(5);
  });

  test('an Amex export writes purchases positive: the payment is skipped, the credit is a refund', async () => {
    const { body } = await upload('amex-user', fixture('amex.csv'));
    expect(body).toMatchObject({ rows: 5, new: 5, duplicates: 0, errors: [] });
    expect(body.preview.map((p) => [p.kind, p.amount, p.category])).toEqual([
      ['expense', '23.47', 'Transport'],
      ['expense', '15.49', 'Subscriptions'],
      ['income', '19.99', 'Refund'],
      ['expense', '1204.60', 'Other'],
      ['expense', '12.08', 'Health'],
    ]);
    expect(body.preview[3]!.description).toBe('DELTA AIR LINES ATLANTA, GA');
    expect(body.skipped).toEqual([{ line: 4, message: expect.stringMatching(/paying off a card/) }]);
  });

  test('a Chase card export: sales negative, the Return is a refund, the Payment is skipped', async () => {
    const { body } = await upload('card-user', fixture('chase-card.csv'));
    expect(body.preview.map((p) => [p.date, p.kind, p.amount, p.category])).toEqual([
      ['2026-11-26', 'expense', '23.47', 'Groceries'],
      ['2026-11-25', 'expense', '6.45', 'Food'],
      ['2026-11-19', 'income', '24.99', 'Refund'],
      ['2026-11-14', 'expense', '11.99', 'Subscriptions'],
      ['2026-11-13', 'expense', '18.20', 'Transport'],
    ]);
    expect(body.skipped.map((s) => s.line)).toEqual([4]);
  });

  test('a UK statement with account lines above the header, Paid out / Paid in, £ and D MMM YYYY', async () => {
    const { status, body } = await upload('uk-user', fixture('uk-paid-out-paid-in.csv'));
    expect(status).toBe(200);
    expect(body.preview.map((p) => [p.date, p.kind, p.amount, p.currency, p.category])).toEqual([
      ['2026-11-24', 'expense', '23.40', 'GBP', 'Groceries'],
      ['2026-11-20', 'income', '2100.00', 'GBP', 'Salary'],
      ['2026-11-12', 'expense', '38.50', 'GBP', 'Utilities'],
      ['2026-11-09', 'expense', '6.95', 'GBP', 'Food'],
      ['2026-11-09', 'income', '49.99', 'GBP', 'Refund'],
    ]);
    expect(body.skipped).toEqual([{ line: 7, message: expect.stringMatching(/transfer between your own/) }]);
  });

  test('a UK bank with Debit/Credit Amount columns and DD/MM/YYYY: unreadable lines are named, the rest import', async () => {
    await repo.putProfile('gbp-user', { currency: 'GBP', timeZone: 'Europe/London', customCategories: [] });
    const { body } = await upload('gbp-user', fixture('uk-debit-credit.csv'));
    expect(body.preview.map((p) => [p.date, p.kind, p.amount, p.currency])).toEqual([
      ['2026-11-25', 'expense', '54.20', 'GBP'],
      ['2026-11-13', 'income', '400.00', 'GBP'],
      ['2026-11-02', 'expense', '25.00', 'GBP'],
    ]);
    expect(body.errors).toEqual([
      { line: 5, message: '"abc" is not an amount I can read.' },
      { line: 6, message: '"31/02/2026" is not a date I can read.' },
    ]);
    expect((await commit('gbp-user', body.importId)).body).toEqual({ imported: 3, remaining: 0 });
  });

  test('a German export: ";" separators, decimal commas, thousands points, a quoted ";" and an own-account transfer', async () => {
    const { body } = await upload('eu-user', fixture('eu-semicolon.csv'));
    expect(body.preview.map((p) => [p.date, p.kind, p.amount, p.currency, p.description])).toEqual([
      ['2026-11-24', 'expense', '45.67', 'EUR', 'REWE Markt GmbH'],
      ['2026-11-20', 'expense', '1234.56', 'EUR', 'Stadtwerke München'],
      ['2026-11-15', 'income', '2345.00', 'EUR', 'Arbeitgeber GmbH'],
      ['2026-11-03', 'expense', '89.90', 'EUR', 'Deutsche Bahn'],
    ]);
    expect(body.skipped.map((s) => s.line)).toEqual([5]);
    expect((await commit('eu-user', body.importId)).body).toEqual({ imported: 4, remaining: 0 });
    const totals = await repo.getPeriodTotals('eu-user', month('2026-11'), 'EUR');
    expect(totals.expenseTotalMinor).toBe(4567 + 123456 + 8990);
  });

  test('an entry already logged in the chat with the same date, amount and description is a duplicate', async () => {
    await repo.logTransaction('chat-first', {
      kind: 'expense',
      amountMinor: 2347,
      currency: 'USD',
      category: 'Groceries',
      date: '2026-11-26',
      note: 'TST* Green Leaf Market',
      source: 'chat',
      requestId: 'typed-1',
    });
    const { body } = await upload('chat-first', fixture('chase-card.csv'));
    expect(body).toMatchObject({ rows: 5, new: 4, duplicates: 1 });
    expect(body.preview[0]).toMatchObject({ amount: '23.47', duplicate: true });
    expect((await commit('chat-first', body.importId)).body).toEqual({ imported: 4, remaining: 0 });
  });

  test('a word the person taught in the chat ("put the shell one under transport") files imported rows too', async () => {
    const user = 'taught-user';
    await repo.putProfile(user, {
      currency: 'USD',
      timeZone: 'UTC',
      customCategories: [],
      taughtCategories: true,
    });
    await repo.rememberCategory(user, { word: 'shell', kind: 'expense', category: 'Transport' });
    await repo.rememberCategory(user, { word: 'starbucks', kind: 'expense', category: 'Gifts' });
    // A word learnt for income does not file spending.
    await repo.rememberCategory(user, { word: 'landlord', kind: 'income', category: 'Salary' });
    const { body } = await upload(user, fixture('chase-checking.csv'));
    expect(body.preview.map((p) => [p.description.split(' ')[0], p.category])).toEqual([
      ['STARBUCKS', 'Gifts'],
      ['WHOLE', 'Groceries'],
      ['ACME', 'Salary'],
      ['RENT', 'Housing'],
      ['SHELL', 'Transport'],
      ['SHELL', 'Transport'],
    ]);
    await commit(user, body.importId);
    const totals = await repo.getPeriodTotals(user, month('2026-11'), 'USD');
    expect(totals.expenseByCategory).toMatchObject({ Transport: 4130, Gifts: 575 });
  });

  test("one user cannot commit another's preview", async () => {
    const { body } = await upload('owner', fixture('amex.csv'));
    const res = await commit('intruder', body.importId);
    expect(res.status).toBe(404);
    expect(res.body.error?.message).toMatch(/expired or does not exist/);
    expect(await repo.listRecent('intruder', 5)).toEqual([]);
  });
});

describe('the account the rows go to (issue 13: "the account asked for when accounts exist")', () => {
  const balances = async (user: string) =>
    Object.fromEntries((await repo.accounts.listAccounts(user)).map((a) => [a.key, a.balances.USD ?? 0]));

  test('someone with no accounts is offered none; the rows go to the default account, as typed entries do', async () => {
    const { body } = await upload('acct-none', fixture('amex.csv'));
    expect(body).toMatchObject({ accounts: [], account: 'main' });
    await commit('acct-none', body.importId);
    const saved = await repo.listRecent('acct-none', 10);
    expect(new Set(saved.map((t) => t.account))).toEqual(new Set(['main']));
    expect(await balances('acct-none')).toEqual({ main: -(2347 + 1549 + 120460 + 1208) + 1999 });
  });

  test('with accounts: the preview offers them (no jars), picks the default; the card chosen gets the rows and its balance', async () => {
    const user = 'acct-card';
    await repo.putProfile(user, {
      currency: 'USD',
      timeZone: 'UTC',
      customCategories: [],
      defaultAccount: 'checking',
    });
    await repo.accounts.addAccount(user, {
      name: 'Checking',
      type: 'checking',
      currency: 'USD',
      openingMinor: 100_000,
    });
    await repo.accounts.addAccount(user, { name: 'Visa', type: 'credit', currency: 'USD', openingMinor: 0 });
    await repo.accounts.addAccount(user, { name: 'Play', type: 'jar', currency: 'USD', openingMinor: 0 });
    const { body } = await upload(user, fixture('amex.csv'));
    expect(body).toMatchObject({
      account: 'checking',
      accounts: [
        { key: 'checking', name: 'Checking', type: 'checking' },
        { key: 'visa', name: 'Visa', type: 'credit' },
      ],
    });

    // An account the person does not have is refused with a sentence, and nothing is stored.
    const unknown = await commit(user, body.importId, JSON.stringify({ account: 'savings' }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error?.message).toMatch(/don't have that account/);
    const jar = await commit(user, body.importId, JSON.stringify({ account: 'play' }));
    expect(jar.status).toBe(422);
    for (const bad of ['{"account": 7}', '{"acct": "visa"}', 'visa']) {
      const res = await commit(user, body.importId, bad);
      expect([bad, res.status]).toEqual([bad, 400]);
      expect(res.body.error?.message).toMatch(/Send the commit as JSON/);
    }
    expect(await repo.listRecent(user, 10)).toEqual([]);

    expect(await commit(user, body.importId, JSON.stringify({ account: 'visa' }))).toEqual({
      status: 200,
      body: { imported: 5, remaining: 0 },
    });
    const saved = await repo.listRecent(user, 10);
    expect(new Set(saved.map((t) => t.account))).toEqual(new Set(['visa']));
    // The same balance path as the chat: purchases are owed on the card, the refund lowers it.
    expect(await balances(user)).toEqual({
      checking: 100_000,
      visa: -(2347 + 1549 + 120460 + 1208) + 1999,
      play: 0,
    });
  });

  test("imported income fills the jars by the person's split, as income typed in the chat does", async () => {
    const user = 'acct-jars';
    await repo.accounts.addAccount(user, { name: 'Play', type: 'jar', currency: 'USD', openingMinor: 0 });
    await repo.accounts.addAccount(user, { name: 'Give', type: 'jar', currency: 'USD', openingMinor: 0 });
    await repo.putProfile(user, {
      currency: 'USD',
      timeZone: 'UTC',
      customCategories: [],
      jarSplit: [
        { account: 'play', percent: 10 },
        { account: 'give', percent: 5 },
      ],
    });
    const { body } = await upload(user, fixture('chase-checking.csv'));
    await commit(user, body.importId);
    // The salary (2,500.00) is the file's only income; spending fills no jar.
    expect(await balances(user)).toEqual({
      main: 250_000 - 25_000 - 12_500 - (575 + 8712 + 185_000 + 4130),
      play: 25_000,
      give: 12_500,
    });
  });

  test('no choice sent: the rows go to the account the chat files unnamed entries under', async () => {
    const user = 'acct-default';
    await repo.putProfile(user, {
      currency: 'USD',
      timeZone: 'UTC',
      customCategories: [],
      defaultAccount: 'cash',
    });
    await repo.accounts.addAccount(user, {
      name: 'Cash',
      type: 'cash',
      currency: 'USD',
      openingMinor: 5_000,
    });
    const { body } = await upload(user, fixture('chase-checking.csv'));
    expect(body.account).toBe('cash');
    await commit(user, body.importId);
    expect(new Set((await repo.listRecent(user, 10)).map((t) => t.account))).toEqual(new Set(['cash']));
  });
});

describe('a commit that runs out of time', () => {
  test('stores what it can, says how many remain, and the next call carries on without doubles', async () => {
    const lines = ['Date,Description,Amount'];
    for (let i = 0; i < 600; i++)
      lines.push(`2026-11-${String(1 + (i % 28)).padStart(2, '0')},SHOP ${i},-1.${i % 10}0`);
    const deps = { ledger: repo, clock: fixedClock(TEST_NOW) };
    const preview = await previewImport(deps, 'slow-user', lines.join('\n'));
    expect(preview.new).toBe(600);
    const first = await commitImport(deps, 'slow-user', preview.importId, 0);
    expect(first).toEqual({ imported: 250, remaining: 350 });
    const second = await commitImport(deps, 'slow-user', preview.importId, 0);
    expect(second).toEqual({ imported: 250, remaining: 100 });
    expect(await commitImport(deps, 'slow-user', preview.importId)).toEqual({ imported: 100, remaining: 0 });
    expect(await commitImport(deps, 'slow-user', preview.importId)).toEqual({ imported: 0, remaining: 0 });
    const totals = await repo.getPeriodTotals('slow-user', month('2026-11'), 'USD');
    expect(totals.transactionCount).toBe(600);
  });
});

describe('a budget e-mail that fails during a commit', () => {
  test("is reported through the proxy's logger without the user id, and the rows stay stored", async () => {
    const user = 'alert-log-user';
    const today = TEST_NOW.slice(0, 10);
    await repo.putBudget(user, {
      category: null,
      period: 'Monthly',
      limitMinor: 10_000,
      currency: 'USD',
      requestId: 'alert-log-budget',
    });
    const logged: { message: string; detail: Record<string, unknown> }[] = [];
    const deps = {
      ledger: repo,
      clock: fixedClock(TEST_NOW),
      notifier: {
        budgetCrossed: async () => {
          throw new Error('SES is down');
        },
      },
      logError: (message: string, detail: Record<string, unknown>) => logged.push({ message, detail }),
    };
    const csv = ['Date,Description,Amount', `${today},TRADER JOES,-90.00`].join('\n');
    const preview = await previewImport(deps, user, csv);
    expect(await commitImport(deps, user, preview.importId)).toEqual({ imported: 1, remaining: 0 });
    expect(logged.map((l) => l.message)).toEqual(['Budget notification failed']);
    expect(JSON.stringify(logged)).not.toContain(user);
    expect((await repo.listRecent(user, 5)).map((t) => t.amountMinor)).toEqual([9_000]);
  });
});

describe('bad input gets a 4xx with a sentence, and nothing is stored', () => {
  test.each([
    ['an empty body', '', 'text/csv', 400, /empty/],
    ['a PDF', Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'), 'text/csv', 422, /not a CSV file/],
    ['a JSON body', '{"a":1}', 'application/json', 415, /not a CSV file/],
    [
      'a CSV without date or amount',
      'name,email\nSam,sam@example.com\n',
      'text/csv',
      422,
      /date column and an amount column/,
    ],
  ])('%s', async (_what, body, type, status, message) => {
    const res = await upload('bad-input', body as string, type);
    expect(res.status).toBe(status);
    expect(res.body.error?.message).toMatch(message);
    expect(await repo.listRecent('bad-input', 5)).toEqual([]);
  });

  test('a file over 5 MB', async () => {
    const big = 'Date,Description,Amount\n' + '11/01/2026,COFFEE,-1.00\n'.repeat(220_000);
    const res = await upload('bad-input', big);
    expect(res.status).toBe(413);
    expect(res.body.error?.message).toMatch(/at most 5 MB/);
  });

  test('an unknown import id', async () => {
    const res = await commit('bad-input', 'no-such-import');
    expect(res.status).toBe(404);
  });
});

describe('GET /api/export.csv', () => {
  test('every transaction, oldest first, with a header; notes quoted, formulas defused', async () => {
    await repo.logTransaction('exporter', {
      kind: 'expense',
      amountMinor: 1250,
      currency: 'USD',
      category: 'Food',
      date: '2026-11-02',
      note: 'lunch, with "Sam"',
      source: 'chat',
      requestId: 'e1',
    });
    await repo.logTransaction('exporter', {
      kind: 'income',
      amountMinor: 300000,
      currency: 'USD',
      category: 'Salary',
      date: '2026-11-01',
      note: '=HYPERLINK("http://x")',
      source: 'chat',
      requestId: 'e2',
    });
    const res = await fetch(`${server.url}/api/export.csv`, { headers: { 'x-bb-local-user': 'exporter' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`attachment; filename="budgetbuddy-${TEST_NOW.slice(0, 10)}\\.csv"`),
    );
    const rows = parse(await res.text()) as string[][];
    expect(rows).toEqual([
      ['date', 'kind', 'amount', 'currency', 'category', 'account', 'note', 'tags'],
      ['2026-11-01', 'income', '3000.00', 'USD', 'Salary', 'main', `'=HYPERLINK("http://x")`, ''],
      ['2026-11-02', 'expense', '12.50', 'USD', 'Food', 'main', 'lunch, with "Sam"', ''],
    ]);
  });

  test('?from=&to= keeps the days in between (both inclusive); either end may be left out', async () => {
    const exported = async (query: string) => {
      const res = await fetch(`${server.url}/api/export.csv${query}`, {
        headers: { 'x-bb-local-user': 'exporter' },
      });
      expect(res.status).toBe(200);
      return { rows: parse(await res.text()) as string[][], name: res.headers.get('content-disposition') };
    };
    const only = await exported('?from=2026-11-02&to=2026-11-02');
    expect(only.rows.map((r) => r[0])).toEqual(['date', '2026-11-02']);
    expect(only.name).toBe('attachment; filename="budgetbuddy-2026-11-02-to-2026-11-02.csv"');
    expect((await exported('?to=2026-11-01')).rows.map((r) => r[0])).toEqual(['date', '2026-11-01']);
    expect((await exported('?from=2026-11-01')).rows).toHaveLength(3);
    expect((await exported('?from=2026-12-01&to=2026-12-31')).rows).toEqual([
      ['date', 'kind', 'amount', 'currency', 'category', 'account', 'note', 'tags'],
    ]);
  });

  test.each([
    ['?from=2026-13-01', 'from', /"from" is not a day of the calendar/],
    ['?from=2026-02-30&to=2026-03-01', 'Feb 30', /"from" is not a day of the calendar/],
    ['?to=11/30/2026', 'month first', /"to" must be a date written YYYY-MM-DD/],
    ['?from=2026-11-30&to=2026-11-01', 'reversed', /ends before it starts/],
    ['?from=2026-11-01&kind=expense', 'unknown parameter', /only "from" and "to"/],
  ])('bad dates (%s, %s): 400 with a sentence, nothing exported', async (query, _why, message) => {
    const res = await fetch(`${server.url}/api/export.csv${query}`, {
      headers: { 'x-bb-local-user': 'exporter' },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('bad_range');
    expect(body.error.message).toMatch(message);
  });

  test('an exported file imports back as all duplicates', async () => {
    const res = await fetch(`${server.url}/api/export.csv`, { headers: { 'x-bb-local-user': 'chase-user' } });
    const again = await upload('chase-user', await res.text());
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ rows: 5, new: 0, duplicates: 5 });
  });

  test('without identity: 401', async () => {
    const res = await fetch(`${server.url}/api/export.csv`);
    expect(res.status).toBe(401);
  });
});
