/**
 * The chat API over real HTTP against the real local stack: DynamoDB Local (in memory), the local Lex
 * runtime with the real NLU and code hook, the Secrets Manager stand-in, and the proxy. The Lambda
 * adapter is driven with an API Gateway HTTP API v2 event against the same Lex runtime.
 */
import http from 'node:http';
import { LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { LOCAL_BOT_ALIAS_ID, LOCAL_BOT_ID, LOCALE_ID } from '@budgetbuddy/bot';
import { UNKNOWN_USER } from '@budgetbuddy/fulfillment/code-hook';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { fixedClock } from '@budgetbuddy/fulfillment/ledger';
import { createLambdaProxyApp, BOT_UNAVAILABLE_MESSAGE } from '@budgetbuddy/fulfillment/proxy';
import type { ChatReply } from '@budgetbuddy/fulfillment/chat-api';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { DUMMY_CREDENTIALS } from './dynamoLocal';
import { LOCAL_BOT_SECRET_ID, LOCAL_IDENTITY_SECRET_ID, startStack, type Stack } from './stack';
import { sharedDynamoOption } from './sharedDynamo';

const LAMBDA_ENV = { BOT_SECRET_ID: LOCAL_BOT_SECRET_ID, IDENTITY_KEY_SECRET_ID: LOCAL_IDENTITY_SECRET_ID };

const RATE_LIMIT = 20;
let stack: Stack;
let codeHookFails = false;

beforeAll(async () => {
  stack = await startStack({
    ...sharedDynamoOption(),
    port: 0,
    lexPort: 0,
    quiet: true,
    rateLimitPerMinute: RATE_LIMIT,
    clock: fixedClock('2026-11-24T15:00:00Z'),
    wrapCodeHook: (hook) => async (event) => {
      if (codeHookFails) throw new Error('simulated Lambda crash');
      return hook(event);
    },
  });
}, 90_000);

afterAll(async () => {
  await stack?.stop();
});

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function post(
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Answer> {
  const res = await fetch(`${stack.chatUrl}/api/chat`, { method: 'POST', headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

const chat = (user: string, payload: Record<string, unknown>) =>
  post(JSON.stringify(payload), { 'content-type': 'application/json', 'x-bb-local-user': user });

const replyText = (body: unknown) =>
  (body as ChatReply).messages
    .map((m) => (m.type === 'card' ? m.title : m.type === 'download' ? m.label : m.text))
    .join('\n');

const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;

describe('POST /api/chat', () => {
  test('a turn logs an expense for the local user and answers in plain text', async () => {
    const res = await chat('logger-user', { text: 'spent 12.50 on lunch', timeZone: 'Europe/Paris' });
    expect(res.status).toBe(200);
    expect(replyText(res.body)).toMatch(/12\.50/);
    expect((res.body as ChatReply).intent).toBe('LogExpense');
    const saved = await stack.repo.listRecent('logger-user', 10);
    expect(saved.map((t) => [t.amountMinor, t.category])).toEqual([[1250, 'Food']]);
  });

  test('without the local header the user is local-user', async () => {
    const res = await post(JSON.stringify({ text: 'spent 3 on coffee' }));
    expect(res.status).toBe(200);
    expect((await stack.repo.listRecent('local-user', 10)).map((t) => t.amountMinor)).toEqual([300]);
  });

  test('a query answers with a chart message that carries its text twin', async () => {
    await chat('chart-user', { text: 'spent 20 on groceries' });
    const res = await chat('chart-user', { text: 'how much did I spend this month?' });
    expect(res.status).toBe(200);
    const chart = (res.body as ChatReply).messages.find((m) => m.type === 'chart');
    expect(chart).toMatchObject({ type: 'chart', chart: { type: 'spendingChart' } });
    expect(chart && chart.type === 'chart' ? chart.text : '').toMatch(/Groceries/);
  });

  test.each([
    ['empty text', JSON.stringify({ text: '' }), /Type a message/],
    ['whitespace text', JSON.stringify({ text: '   \n ' }), /Type a message/],
    ['1,025 characters', JSON.stringify({ text: 'a'.repeat(1025) }), /at most 1024/],
    ['missing text', JSON.stringify({ message: 'hi' }), /"text" string/],
    ['text as a number', JSON.stringify({ text: 42 }), /"text" string/],
    ['a JSON array', JSON.stringify(['spent 5']), /"text" string/],
    ['malformed JSON', '{"text": "spent 5 on', /not valid JSON/],
    ['a bad clientMessageId', JSON.stringify({ text: 'hi', clientMessageId: 'a b' }), /clientMessageId/],
  ])('400 for %s, and nothing is logged', async (_label, body, message) => {
    const user = `bad-${Math.random().toString(36).slice(2, 10)}`;
    const res = await post(body, { 'content-type': 'application/json', 'x-bb-local-user': user });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).message).toMatch(message);
    expect(await stack.repo.listRecent(user, 10)).toEqual([]);
  });

  test('415 for a body that is not sent as JSON', async () => {
    const plain = await post('spent 5 on lunch', { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    const form = await post('text=spent+5', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(errorOf(form.body).code).toBe('unsupported_media_type');
  });

  test('413 for a 20 KB body, whether or not it declares its length', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(20 * 1024) });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(errorOf(declared.body).code).toBe('payload_too_large');

    const url = new URL(`${stack.chatUrl}/api/chat`);
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST' },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.setHeader('content-type', 'application/json');
      req.setHeader('transfer-encoding', 'chunked');
      for (let i = 0; i < 20; i++) req.write('x'.repeat(1024));
      req.end();
    });
    expect(streamed).toBe(413);
  });

  test('401 for a local user header that is not a valid name', async () => {
    for (const user of ['', 'has space', 'x'.repeat(65), 'semi;colon']) {
      const res = await chat(user, { text: 'spent 1 on tea' });
      expect(res.status).toBe(401);
      expect(errorOf(res.body).code).toBe('unauthenticated');
    }
  });

  test('user id and session state sent by the client are ignored', async () => {
    const res = await chat('mallory', {
      text: 'spent 9 on snacks',
      userId: 'victim',
      sessionId: 'victim',
      sessionState: { sessionAttributes: { 'bb:userId': 'victim' } },
      requestAttributes: { 'bb:userId': 'victim' },
    });
    expect(res.status).toBe(200);
    expect(await stack.repo.listRecent('victim', 10)).toEqual([]);
    expect((await stack.repo.listRecent('mallory', 10)).map((t) => t.amountMinor)).toEqual([900]);
  });

  test('two local users do not see each other', async () => {
    await chat('alice', { text: 'spent 77.70 on dinner' });
    const bob = await chat('bob', { text: 'how much did I spend on food this month?' });
    expect(bob.status).toBe(200);
    expect(replyText(bob.body)).not.toMatch(/77\.70/);
    expect(await stack.repo.listRecent('bob', 10)).toEqual([]);
  });

  test('the same clientMessageId sent twice logs once', async () => {
    const payload = { text: 'spent 4.20 on bus', clientMessageId: 'retry-me-123' };
    expect((await chat('retrier', payload)).status).toBe(200);
    expect((await chat('retrier', payload)).status).toBe(200);
    expect((await stack.repo.listRecent('retrier', 10)).map((t) => t.amountMinor)).toEqual([420]);
  });

  test('429 with Retry-After once a user sends more than the limit, other users unaffected', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    // The limit counts turns per clock minute (in DynamoDB): start well inside one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
    for (let i = 0; i <= RATE_LIMIT; i++) {
      const res = await chat('script-user', { text: 'hello' });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.slice(0, RATE_LIMIT).every((s) => s === 200)).toBe(true);
    expect(statuses[RATE_LIMIT]).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect((await chat('calm-user', { text: 'hello' })).status).toBe(200);
  }, 40_000);

  test('502 with the user-facing sentence when the code hook fails, then recovers', async () => {
    codeHookFails = true;
    try {
      const res = await chat('unlucky', { text: 'spent 8 on lunch' });
      expect(res.status).toBe(502);
      expect(errorOf(res.body)).toEqual({ code: 'bot_unavailable', message: BOT_UNAVAILABLE_MESSAGE });
    } finally {
      codeHookFails = false;
    }
    expect((await chat('unlucky', { text: 'spent 8 on lunch' })).status).toBe(200);
  });

  test('security headers and no caching on API answers', async () => {
    const res = await chat('headers-user', { text: 'hello' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('the local Lex runtime, called directly by someone else on the machine', () => {
  it('takes no user id the proxy did not sign, and names nobody without one', async () => {
    const lex = new LexRuntimeV2Client({
      endpoint: stack.lexUrl,
      region: 'us-east-1',
      credentials: DUMMY_CREDENTIALS,
      maxAttempts: 1,
    });
    const turn = { botId: LOCAL_BOT_ID, botAliasId: LOCAL_BOT_ALIAS_ID, localeId: LOCALE_ID };
    try {
      const user = 'somebody';
      await chat(user, { text: 'spent 7 on lunch' });
      const before = await stack.repo.listRecent(user, 50);
      const forged = await lex.send(
        new RecognizeTextCommand({
          ...turn,
          sessionId: 'intruder-1',
          text: 'spent 900 on rent',
          sessionState: { sessionAttributes: { 'bb:userId': user } },
        }),
      );
      // The NLU's reading still comes back; the unsigned user id was dropped, so nothing is saved.
      expect(forged.interpretations?.[0]?.intent?.name).toBe('LogExpense');
      expect(forged.messages?.map((m) => m.content)).toContain(UNKNOWN_USER);
      const anonymous = await lex.send(
        new RecognizeTextCommand({ ...turn, sessionId: 'intruder-2', text: 'spent 900 on rent' }),
      );
      expect(anonymous.messages?.map((m) => m.content)).toContain(UNKNOWN_USER);
      expect(await stack.repo.listRecent(user, 50)).toEqual(before);
    } finally {
      lex.destroy();
    }
  });
});

describe('GET /api/health and the web app', () => {
  test('health answers ok while the stack is up', async () => {
    const res = await fetch(`${stack.chatUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('config.json tells the app to use local identity', async () => {
    const res = await fetch(`${stack.chatUrl}/config.json`);
    expect(await res.json()).toEqual({ apiBase: '', auth: { mode: 'local' } });
  });

  test('unknown API paths are JSON 404s, not the app shell', async () => {
    const res = await fetch(`${stack.chatUrl}/api/nope`);
    expect(res.status).toBe(404);
    expect(errorOf(await res.json()).code).toBe('not_found');
  });
});

describe('Lambda adapter (API Gateway HTTP API v2 with a Cognito JWT authorizer)', () => {
  const clients = () => ({
    lex: new LexRuntimeV2Client({
      endpoint: stack.lexUrl,
      region: 'us-east-1',
      credentials: DUMMY_CREDENTIALS,
      maxAttempts: 1,
    }),
    secrets: new SecretsManagerClient({
      endpoint: stack.secretsEndpoint,
      region: 'us-east-1',
      credentials: DUMMY_CREDENTIALS,
      maxAttempts: 1,
    }),
  });

  /** API Gateway HTTP API payload format 2.0, as recorded from a Cognito JWT authorizer route. */
  type HttpApiEvent = Extract<LambdaEvent, { routeKey: string }>;

  function apiGatewayEvent(
    body: string,
    headers: Record<string, string>,
    claims?: Record<string, string>,
  ): HttpApiEvent {
    return {
      version: '2.0',
      routeKey: 'POST /api/chat',
      rawPath: '/api/chat',
      rawQueryString: '',
      headers: { 'content-length': String(Buffer.byteLength(body)), ...headers },
      requestContext: {
        accountId: '123456789012',
        apiId: 'abcdef1234',
        authentication: null,
        authorizer: claims ? { jwt: { claims, scopes: null } } : {},
        domainName: 'abcdef1234.execute-api.us-east-1.amazonaws.com',
        domainPrefix: 'abcdef1234',
        http: {
          method: 'POST',
          path: '/api/chat',
          protocol: 'HTTP/1.1',
          sourceIp: '203.0.113.7',
          userAgent: 'Mozilla/5.0',
        },
        requestId: 'Jg2pXhCeoAMEVXw=',
        routeKey: 'POST /api/chat',
        stage: '$default',
        time: '24/Nov/2026:15:00:00 +0000',
        timeEpoch: 1795532400000,
      },
      body,
      isBase64Encoded: false,
    };
  }

  test('the user is the JWT sub; the local header is not honoured', async () => {
    const c = clients();
    try {
      const handler = handle(createLambdaProxyApp(LAMBDA_ENV, c));
      const sub = '7c1e2f9a-1b2c-4d5e-8f90-a1b2c3d4e5f6';
      const event = apiGatewayEvent(
        JSON.stringify({ text: 'spent 15 on taxi', userId: 'someone-else' }),
        { 'content-type': 'application/json', 'x-bb-local-user': 'header-user' },
        { sub, iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example', token_use: 'access' },
      );
      const result = await handler(event);
      expect(result.statusCode).toBe(200);
      expect(replyText(JSON.parse(result.body))).toMatch(/15/);
      expect((await stack.repo.listRecent(sub, 10)).map((t) => t.amountMinor)).toEqual([1500]);
      expect(await stack.repo.listRecent('header-user', 10)).toEqual([]);
      expect(await stack.repo.listRecent('someone-else', 10)).toEqual([]);
    } finally {
      c.lex.destroy();
      c.secrets.destroy();
    }
  });

  test('401 without JWT claims, even with the local header', async () => {
    const c = clients();
    try {
      const handler = handle(createLambdaProxyApp(LAMBDA_ENV, c));
      const event = apiGatewayEvent(JSON.stringify({ text: 'spent 15 on taxi' }), {
        'content-type': 'application/json',
        'x-bb-local-user': 'header-user',
      });
      const result = await handler(event);
      expect(result.statusCode).toBe(401);
      expect(await stack.repo.listRecent('header-user', 10)).toEqual([]);
    } finally {
      c.lex.destroy();
      c.secrets.destroy();
    }
  });

  test('an unknown bot secret is a 502 with the user-facing sentence, not a crash', async () => {
    const c = clients();
    try {
      const handler = handle(createLambdaProxyApp({ ...LAMBDA_ENV, BOT_SECRET_ID: 'no/such/secret' }, c));
      const event = apiGatewayEvent(
        JSON.stringify({ text: 'hello' }),
        { 'content-type': 'application/json' },
        { sub: 'someone' },
      );
      const result = await handler(event);
      expect(result.statusCode).toBe(502);
      expect(JSON.parse(result.body).error.message).toBe(BOT_UNAVAILABLE_MESSAGE);
    } finally {
      c.lex.destroy();
      c.secrets.destroy();
    }
  });
});
