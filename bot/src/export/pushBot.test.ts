/**
 * bot:push at the SDK boundary: the real LexModelsV2Client with a request handler that records every
 * request and answers with the recorded shapes in fixtures/lexModelsPush.recorded.ts.
 */
import { LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import type {
  DescribeIntentResponse,
  DescribeSlotResponse,
  DescribeSlotTypeResponse,
} from '@aws-sdk/client-lex-models-v2';
import { budgetBuddyBot } from '../definition/bot';
import { RECORDED, RECORDED_NOT_FOUND } from './fixtures/lexModelsPush.recorded';
import { fromLexModel, type LexModelSnapshot } from './lexModel';
import { BotPushError, pushBot } from './pushBot';

interface Recorded {
  op: string;
  method: string;
  path: string;
  params: Record<string, string>;
  body: Record<string, unknown>;
  response: Record<string, unknown> | null;
}
type Override = (
  op: string,
  call: number,
  params: Record<string, string>,
) => { status: number; body: unknown; headers?: Record<string, string> } | undefined;

const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:fulfillment';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/lex-bot';

/** Answers like Lex, from the recorded shapes; hands out fresh ids and remembers everything sent. */
class RecordingLexModels {
  readonly requests: Recorded[] = [];
  private nextId = 0;
  private calls = new Map<string, number>();
  constructor(private readonly override: Override = () => undefined) {}

  readonly handler = {
    handle: async (request: { method: string; path: string; body?: unknown }) => {
      const { op, params } = this.route(request.method, request.path);
      const call = (this.calls.get(op) ?? 0) + 1;
      this.calls.set(op, call);
      const body = decodeBody(request.body);
      const custom = this.override(op, call, params);
      const recorded = RECORDED[op];
      const response =
        custom?.body !== undefined
          ? (custom.body as Record<string, unknown>)
          : recorded?.response
            ? this.fill(recorded.response, { ...params, botName: String(body.botName ?? '') })
            : null;
      this.requests.push({ op, method: request.method, path: request.path, params, body, response });
      const status = custom?.status ?? recorded?.status ?? 200;
      return {
        response: {
          statusCode: status,
          headers: { 'content-type': 'application/json', ...custom?.headers },
          body: new TextEncoder().encode(response === null ? '' : JSON.stringify(response)),
        },
      };
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
    destroy: () => undefined,
  };

  sent(op: string): Recorded[] {
    return this.requests.filter((r) => r.op === op);
  }

  private route(method: string, path: string): { op: string; params: Record<string, string> } {
    for (const [op, exchange] of Object.entries(RECORDED)) {
      if (exchange.method !== method) continue;
      const names: string[] = [];
      const pattern = exchange.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      const m = new RegExp(`^${pattern}$`).exec(path);
      if (m)
        return {
          op,
          params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')])),
        };
    }
    throw new Error(`no recorded exchange for ${method} ${path}`);
  }

  private fill(template: Record<string, unknown>, params: Record<string, string>): Record<string, unknown> {
    const json = JSON.stringify(template).replace(/"\{(\w+)\}"/g, (_, name: string) => {
      if (name === 'newId') return JSON.stringify(`ID${String(++this.nextId).padStart(8, '0')}`);
      return JSON.stringify(name === 'botId' && !params.botId ? 'NEWBOTID01' : (params[name] ?? ''));
    });
    return JSON.parse(json) as Record<string, unknown>;
  }
}

function decodeBody(body: unknown): Record<string, unknown> {
  const text =
    body instanceof Uint8Array ? new TextDecoder().decode(body) : typeof body === 'string' ? body : '';
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function clientFor(fake: RecordingLexModels): LexModelsV2Client {
  return new LexModelsV2Client({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: fake.handler,
    maxAttempts: 1,
  });
}

const fastPolling = { pollIntervalMs: 1, sleep: () => Promise.resolve() };
const newLocaleThenBuilding: Override = (op, call) => {
  if (op === 'DescribeBotLocale' && call === 1)
    return { ...RECORDED_NOT_FOUND, body: RECORDED_NOT_FOUND.body };
  // A new locale is Creating at first, then (recorded) ready; after the build request it is Building.
  if (op === 'DescribeBotLocale' && call === 2) return { status: 200, body: { botLocaleStatus: 'Creating' } };
  if (op === 'DescribeBotLocale' && call === 4) return { status: 200, body: { botLocaleStatus: 'Building' } };
  return undefined;
};

describe('pushBot', () => {
  it('creates the bot, writes exactly the definition into DRAFT, builds, versions and aliases it', async () => {
    const fake = new RecordingLexModels(newLocaleThenBuilding);
    const result = await pushBot(clientFor(fake), budgetBuddyBot, {
      roleArn: ROLE_ARN,
      aliasName: 'live',
      lambdaArn: LAMBDA_ARN,
      ...fastPolling,
    });
    expect(result).toEqual({
      botId: 'NEWBOTID01',
      botVersion: '1',
      botAliasId: expect.stringMatching(/^ID/),
    });

    const order = fake.requests.map((r) => r.op).filter((op, i, all) => op !== all[i - 1]);
    expect(order.slice(0, 3)).toEqual(['ListBots', 'CreateBot', 'DescribeBot']);
    expect(order.slice(-7)).toEqual([
      'BuildBotLocale',
      'DescribeBotLocale',
      'CreateBotVersion',
      'DescribeBotVersion',
      'ListBotAliases',
      'CreateBotAlias',
      'DescribeBotAlias',
    ]);
    // Nothing is added to the new locale while Lex still reports it as Creating.
    const ready = fake.requests.findIndex(
      (r) => r.op === 'DescribeBotLocale' && r.response?.botLocaleStatus === 'Built',
    );
    const creating = fake.requests.findIndex(
      (r) => r.op === 'DescribeBotLocale' && r.response?.botLocaleStatus === 'Creating',
    );
    const firstEdit = fake.requests.findIndex((r) => r.op === 'CreateSlotType' || r.op === 'CreateIntent');
    expect(creating).toBeGreaterThan(fake.requests.findIndex((r) => r.op === 'CreateBotLocale'));
    expect(ready).toBeGreaterThan(creating);
    expect(firstEdit).toBeGreaterThan(ready);
    expect(fake.sent('DescribeBotLocale').at(-1)?.response).toMatchObject({ botLocaleStatus: 'Built' });
    expect(fake.sent('CreateBot')[0]?.body).toMatchObject({
      botName: budgetBuddyBot.name,
      roleArn: ROLE_ARN,
      dataPrivacy: { childDirected: false },
    });
    expect(fake.sent('CreateBotAlias')[0]?.body).toMatchObject({
      botAliasName: 'live',
      botVersion: '1',
      botAliasLocaleSettings: {
        en_US: {
          enabled: true,
          codeHookSpecification: {
            lambdaCodeHook: { lambdaARN: LAMBDA_ARN, codeHookInterfaceVersion: '1.0' },
          },
        },
      },
    });

    // What was sent, read back the way bot:pull reads a bot, is the definition itself.
    expect(fromLexModel(snapshotFromRequests(fake))).toStrictEqual(budgetBuddyBot);
  });

  it('updates an existing bot in place: replaces custom intents and slot types, moves the alias', async () => {
    const fake = new RecordingLexModels((op) => {
      if (op === 'ListBots')
        return {
          status: 200,
          body: { botSummaries: [{ botId: 'OLDBOTID01', botName: budgetBuddyBot.name }] },
        };
      if (op === 'ListIntents')
        return {
          status: 200,
          body: {
            intentSummaries: [
              {
                intentId: 'FALLBCKINT',
                intentName: 'FallbackIntent',
                parentIntentSignature: 'AMAZON.FallbackIntent',
              },
              { intentId: 'OLDINTENT1', intentName: 'Obsolete' },
            ],
          },
        };
      if (op === 'ListSlotTypes')
        return { status: 200, body: { slotTypeSummaries: [{ slotTypeId: 'OLDTYPE001' }] } };
      if (op === 'ListBotAliases')
        return {
          status: 200,
          body: { botAliasSummaries: [{ botAliasId: 'ALIAS00001', botAliasName: 'live' }] },
        };
      return undefined;
    });
    const result = await pushBot(clientFor(fake), budgetBuddyBot, {
      roleArn: ROLE_ARN,
      aliasName: 'live',
      ...fastPolling,
    });
    expect(result).toMatchObject({ botId: 'OLDBOTID01', botAliasId: 'ALIAS00001' });
    expect(fake.sent('CreateBot')).toHaveLength(0);
    expect(fake.sent('UpdateBot')[0]?.params.botId).toBe('OLDBOTID01');
    expect(fake.sent('DeleteIntent').map((r) => r.params.intentId)).toEqual(['OLDINTENT1']);
    expect(fake.sent('DeleteSlotType').map((r) => r.params.slotTypeId)).toEqual(['OLDTYPE001']);
    expect(fake.sent('UpdateBotLocale')).toHaveLength(1);
    expect(fake.sent('UpdateBotAlias')[0]?.body).toMatchObject({ botVersion: '1' });
    expect(fake.sent('UpdateBotAlias')[0]?.body.botAliasLocaleSettings).toEqual({ en_US: { enabled: true } });
  });

  it('publishes only a fully built locale and waits for the new version to appear', async () => {
    const fake = new RecordingLexModels((op, call) => {
      // Call 1: the locale exists; 2 and 3: before and after the update; 4–5: the build in progress.
      if (op === 'DescribeBotLocale' && call === 4)
        return { status: 200, body: { botLocaleStatus: 'Building' } };
      if (op === 'DescribeBotLocale' && call === 5)
        return { status: 200, body: { botLocaleStatus: 'ReadyExpressTesting' } };
      if (op === 'DescribeBotVersion' && call === 1) return RECORDED_NOT_FOUND;
      if (op === 'DescribeBotVersion' && call === 2) return { status: 200, body: { botStatus: 'Creating' } };
      return undefined;
    });
    const result = await pushBot(clientFor(fake), budgetBuddyBot, {
      roleArn: ROLE_ARN,
      aliasName: 'dev',
      botName: 'BudgetBuddyDev',
      ...fastPolling,
    });
    expect(result.botVersion).toBe('1');
    expect(fake.sent('ListBots')[0]?.body).toMatchObject({
      filters: [{ name: 'BotName', values: ['BudgetBuddyDev'], operator: 'EQ' }],
    });
    expect(fake.sent('CreateBot')[0]?.body).toMatchObject({ botName: 'BudgetBuddyDev' });
    const statuses = fake.sent('DescribeBotLocale').map((r) => r.response?.botLocaleStatus);
    expect(statuses.slice(3)).toEqual(['Building', 'ReadyExpressTesting', 'Built']);
    const versionAt = fake.requests.findIndex((r) => r.op === 'CreateBotVersion');
    const builtAt = fake.requests.findLastIndex((r) => r.op === 'DescribeBotLocale');
    expect(versionAt).toBeGreaterThan(builtAt);
    expect(fake.sent('DescribeBotVersion')).toHaveLength(3);
    expect(fake.sent('CreateBotAlias')[0]?.body).toMatchObject({ botAliasName: 'dev', botVersion: '1' });
  });

  it('stops with the build failure reasons and publishes nothing when the locale does not build', async () => {
    const fake = new RecordingLexModels((op, call) => {
      if (op === 'DescribeBotLocale' && call > 1) {
        return {
          status: 200,
          body: { botLocaleStatus: 'Failed', failureReasons: ['Slot Amount is not used in any utterance.'] },
        };
      }
      return undefined;
    });
    const push = pushBot(clientFor(fake), budgetBuddyBot, {
      roleArn: ROLE_ARN,
      aliasName: 'live',
      ...fastPolling,
    });
    await expect(push).rejects.toBeInstanceOf(BotPushError);
    await expect(push).rejects.toThrow(
      'building locale en_US failed: Slot Amount is not used in any utterance.',
    );
    expect(fake.sent('CreateBotVersion')).toHaveLength(0);
  });
});

/** Rebuilds the model the push created from its requests and the ids the fake handed back. */
function snapshotFromRequests(fake: RecordingLexModels): LexModelSnapshot {
  const bot = fake.sent('CreateBot')[0]?.body ?? {};
  const locale = fake.sent('CreateBotLocale')[0]?.body ?? {};
  const slotTypes = fake
    .sent('CreateSlotType')
    .map((r) => ({ ...r.body, slotTypeId: r.response?.slotTypeId }) as DescribeSlotTypeResponse);
  const slotsByIntent = new Map<string, DescribeSlotResponse[]>();
  for (const r of fake.sent('CreateSlot')) {
    const list = slotsByIntent.get(r.params.intentId ?? '') ?? [];
    list.push({ ...r.body, slotId: r.response?.slotId } as DescribeSlotResponse);
    slotsByIntent.set(r.params.intentId ?? '', list);
  }
  const intents = fake.sent('UpdateIntent').map((r) => ({
    intent: { ...r.body, intentId: r.params.intentId } as DescribeIntentResponse,
    slots: slotsByIntent.get(r.params.intentId ?? '') ?? [],
  }));
  return {
    bot: {
      botName: bot.botName as string,
      description: bot.description as string,
      idleSessionTTLInSeconds: bot.idleSessionTTLInSeconds as number,
    },
    locales: [
      {
        locale: { ...locale, localeId: fake.sent('DescribeBotLocale')[0]?.params.localeId },
        slotTypes,
        intents,
      },
    ],
  };
}
