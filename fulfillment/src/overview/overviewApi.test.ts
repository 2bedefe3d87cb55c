/**
 * GET /api/overview over real HTTP: the proxy app served by Node, the ledger on DynamoDB Local. The
 * reply is checked against the schema chat-web validates with, and its reads are counted.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { listen, type RunningServer, dynamoLocalForTest, type TestDynamo } from '@budgetbuddy/scripts/local';
import { fixedClock } from '../ports/Clock';
import { createProxyApp, silentLogger } from '../proxy/app';
import { overviewSchema } from '../chatApi/overview';
import { DynamoLedgerRepository } from '../store/DynamoLedgerRepository';
import { ensureTable } from '../store/table';

jest.setTimeout(120_000);

let dynamo: TestDynamo;
let client: DynamoDBClient;
let repo: DynamoLedgerRepository;
let server: RunningServer;
/** DynamoDB commands sent, by name: the overview's reads must not grow with the history. */
const sent: string[] = [];

beforeAll(async () => {
  dynamo = await dynamoLocalForTest();
  client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  client.middlewareStack.add(
    (next, context) => (args) => {
      sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  await ensureTable(client, 'OverviewApi');
  const clock = fixedClock('2026-12-03T12:00:00.000Z');
  repo = new DynamoLedgerRepository({ client, tableName: 'OverviewApi', clock });
  const app = createProxyApp({
    lex: new LexRuntimeV2Client({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    }),
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
  client?.destroy();
  await dynamo?.stop();
});

const overview = async (user: string | null) => {
  const res = await fetch(`${server.url}/api/overview`, {
    headers: user ? { 'x-bb-local-user': user } : {},
  });
  return { status: res.status, body: (await res.json()) as unknown };
};

async function spend(user: string, count: number, amountMinor: number, category = 'Food') {
  await repo.logTransactions(
    user,
    Array.from({ length: count }, (_, i) => ({
      kind: 'expense' as const,
      amountMinor,
      currency: 'USD',
      category,
      date: '2026-12-02',
      source: 'seed' as const,
      requestId: `${user}-${category}-${i}-${amountMinor}`,
    })),
  );
}

describe('GET /api/overview', () => {
  it('shows budgets with spent, limit and percentage for the current period, and goals with progress', async () => {
    const user = 'overview-alice';
    await repo.putProfile(user, { currency: 'USD', timeZone: 'Europe/Paris', customCategories: [] });
    await repo.putBudget(user, {
      category: 'Food',
      period: 'Monthly',
      limitMinor: 40_000,
      currency: 'USD',
      requestId: 'b1',
    });
    await repo.putBudget(user, {
      category: 'Transport',
      period: 'Weekly',
      limitMinor: 5_000,
      currency: 'USD',
      requestId: 'b2',
    });
    await repo.putBudget(user, {
      category: null,
      period: 'Monthly',
      limitMinor: 50_000,
      currency: 'USD',
      requestId: 'b3',
    });
    await spend(user, 4, 8_500); // 340 of 400 on food: 85 %
    await spend(user, 1, 6_000, 'Transport'); // 60 of 50: over
    await repo.goals.putGoal(user, {
      name: 'trip to japan',
      targetMinor: 200_000,
      currency: 'USD',
      targetDate: '2027-06-30',
    });
    await repo.goals.contributeToGoal(user, {
      goalKey: 'japan trip',
      amountMinor: 30_000,
      currency: 'USD',
      requestId: 'g1',
    });

    const { status, body } = await overview(user);
    expect(status).toBe(200);
    const parsed = overviewSchema.parse(body);
    expect(parsed).toMatchObject({
      currency: 'USD',
      today: '2026-12-03',
      balances: [],
      upcomingBills: [],
      alerts: [],
    });
    expect(
      parsed.budgets.map((b) => [b.name, b.spent.formatted, b.limit.formatted, b.percent, b.level]),
    ).toEqual([
      ['December Food budget', '$340.00', '$400.00', 85, 'warning'],
      ['weekly Transport budget', '$60.00', '$50.00', 120, 'over'],
      ['December overall budget', '$400.00', '$500.00', 80, 'warning'],
    ]);
    expect(parsed.budgets[1]).toMatchObject({
      from: '2026-11-30',
      to: '2026-12-06',
      left: { minor: -1_000 },
    });
    expect(parsed.goals).toEqual([
      {
        key: 'japan trip',
        name: 'trip to japan',
        target: { minor: 200_000, formatted: '$2,000.00' },
        saved: { minor: 30_000, formatted: '$300.00' },
        left: { minor: 170_000, formatted: '$1,700.00' },
        percent: 15,
        reached: false,
        targetDate: '2027-06-30',
        perMonth: { minor: 24_286, formatted: '$242.86' },
        overdue: false,
      },
    ]);
  });

  it('costs the same number of reads with 10 entries or 600, and never scans', async () => {
    const small = 'overview-small';
    const big = 'overview-big';
    for (const user of [small, big]) {
      await repo.putBudget(user, {
        category: 'Food',
        period: 'Monthly',
        limitMinor: 40_000,
        currency: 'USD',
        requestId: `${user}-b`,
      });
      await repo.goals.putGoal(user, { name: 'car', targetMinor: 500_000, currency: 'USD' });
    }
    await spend(small, 10, 100);
    await spend(big, 600, 100);
    sent.length = 0;
    await overview(small);
    const smallReads = [...sent];
    sent.length = 0;
    const { body } = await overview(big);
    expect(sent).toEqual(smallReads);
    // Profile, budgets, goals, recurring rules, notifications, accounts, one rollup, and the month's
    // tag totals (items of their own since they outgrew the rollup item: one Query).
    expect(sent.length).toBeLessThanOrEqual(8);
    expect(sent).not.toContain('ScanCommand');
    expect(overviewSchema.parse(body).budgets[0]?.spent.formatted).toBe('$600.00');
  });

  it('answers someone new with empty lists, and someone unknown with 401', async () => {
    const { status, body } = await overview('overview-nobody');
    expect(status).toBe(200);
    expect(overviewSchema.parse(body)).toMatchObject({ budgets: [], goals: [], balances: [] });
    const anonymous = await overview(null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });

  it("never shows one user's budgets or goals to another", async () => {
    await repo.goals.putGoal('overview-carol', { name: 'wedding', targetMinor: 100_000, currency: 'USD' });
    const { body } = await overview('overview-dave');
    expect(overviewSchema.parse(body).goals).toEqual([]);
  });
});
