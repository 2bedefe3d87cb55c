/**
 * Wire conformance: the unmodified AWS SDK Lex V2 runtime client, over its default HTTP/2 handler and
 * over HTTP/1.1, plus plain fetch, against the local server on a free port.
 */
import {
  ConflictException,
  DeleteSessionCommand,
  DependencyFailedException,
  GetSessionCommand,
  InternalServerException,
  LexRuntimeV2Client,
  PutSessionCommand,
  RecognizeTextCommand,
  ResourceNotFoundException,
  ValidationException,
} from '@aws-sdk/client-lex-runtime-v2';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import http2 from 'node:http2';
import net from 'node:net';
import { lexEventSchema } from '../lex/schemas';
import type { Nlu } from '../dialog/types';
import { decodeLexHeader } from './headerCodec';
import type { HttpRequest } from './httpHandler';
import { startLexServer, type LexServer } from './server';
import { RecordingCodeHook, delegate } from './testing/RecordingCodeHook';
import { TEST_TTL_SECONDS, testBot, testNlu } from './testing/testBot';
import { SettableClock } from '../testing';

const IDS = { botId: 'BBLOCALBOT', botAliasId: 'TSTALIASID', localeId: 'en_US' };

/** The scripted NLU, except that one phrase makes it crash like an unexpected bug would. */
const crashingNlu: Nlu = {
  ...testNlu,
  interpret: (text, ctx) => {
    if (text === 'crash the runtime') throw new Error('unexpected');
    return testNlu.interpret(text, ctx);
  },
};

let server: LexServer;
const hook = new RecordingCodeHook();
const clock = new SettableClock('2026-11-24T12:00:00Z', { advancePerReadMs: 0 });
const extraCalls: HttpRequest[] = [];

beforeAll(async () => {
  server = await startLexServer({
    port: 0,
    definition: testBot,
    nlu: crashingNlu,
    codeHook: hook.hook,
    clock,
    extraRoutes: async (req) => {
      extraCalls.push(req);
      return req.path === '/bots'
        ? { status: 200, headers: { 'content-type': 'application/json' }, body: '{"botSummaries":[]}' }
        : null;
    },
  });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => hook.reset());

const transports = [
  ['HTTP/2 (SDK default handler)', () => ({})],
  ['HTTP/1.1 (NodeHttpHandler)', () => ({ requestHandler: new NodeHttpHandler() })],
] as const;

describe.each(transports)('Lex V2 runtime over %s', (_name, handler) => {
  let client: LexRuntimeV2Client;
  let n = 0;
  const nextSession = (): string => `sdk-${_name.slice(0, 4).replace(/\W/g, '')}-${++n}`;

  beforeAll(() => {
    client = new LexRuntimeV2Client({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
      ...handler(),
    });
  });
  afterAll(() => client.destroy());

  it('runs a multi-turn conversation: elicitation, retries, fallback, session attributes', async () => {
    const sessionId = nextSession();
    const say = (text: string) =>
      client.send(
        new RecognizeTextCommand({
          ...IDS,
          sessionId,
          text,
          sessionState: { sessionAttributes: { 'bb:userId': 'u-9' } },
          requestAttributes: { 'x-amz-lex:time-zone': 'Europe/Paris' },
        }),
      );
    const ask = await say('I spent something');
    expect(ask.messages).toEqual([{ contentType: 'PlainText', content: 'How much did you spend?' }]);
    expect(ask.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Amount' });
    expect(ask.sessionState?.intent?.slots).toEqual({ Amount: null, Category: null, Note: null });
    expect(ask.sessionId).toBe(sessionId);
    expect(ask.requestAttributes).toEqual({ 'x-amz-lex:time-zone': 'Europe/Paris' });
    expect(ask.interpretations?.[0]?.nluConfidence?.score).toBe(0.92);
    expect(ask.sessionState?.originatingRequestId).toBe(ask.$metadata.requestId);

    const answer = await say('12.5 for lunch');
    expect(answer.messages?.map((m) => m.content)).toEqual(['Logged 12.5 for Food.']);
    expect(answer.sessionState?.intent?.state).toBe('Fulfilled');
    expect(answer.sessionState?.sessionAttributes).toEqual({ 'bb:userId': 'u-9' });

    await say('I spent something');
    await say('no idea');
    await say('still no idea');
    const fallback = await say('really no idea');
    expect(fallback.sessionState?.intent?.name).toBe('FallbackIntent');
    expect(fallback.messages?.[0]?.content).toBe('Sorry, I can log expenses and set budgets.');

    for (const event of hook.events) {
      expect(lexEventSchema.safeParse(event).success).toBe(true);
      expect(event.sessionState.sessionAttributes).toEqual({ 'bb:userId': 'u-9' });
      expect(event.sessionId).toBe(sessionId);
    }
  });

  it('handles a denied confirmation and an intent switch', async () => {
    const sessionId = nextSession();
    const say = (text: string) => client.send(new RecognizeTextCommand({ ...IDS, sessionId, text }));
    expect((await say('set my food budget to 200')).sessionState?.dialogAction?.type).toBe('ConfirmIntent');
    const denied = await say('no');
    expect(denied.messages?.[0]?.content).toBe("Okay, I won't change your budget.");
    expect(denied.sessionState?.intent).toMatchObject({ state: 'Failed', confirmationState: 'Denied' });

    await say('I spent something');
    const switched = await say('hello there');
    expect(switched.sessionState?.intent?.name).toBe('Greeting');
  });

  it('gets, puts and deletes sessions', async () => {
    const sessionId = nextSession();
    const put = await client.send(
      new PutSessionCommand({
        ...IDS,
        sessionId,
        responseContentType: 'text/plain; charset=utf-8',
        sessionState: {
          dialogAction: { type: 'ElicitSlot', slotToElicit: 'Amount' },
          intent: { name: 'LogExpense', slots: {} },
          sessionAttributes: { 'bb:userId': 'u-3' },
        },
        messages: [{ contentType: 'PlainText', content: 'How much was it?' }],
        requestAttributes: { 'bb:requestId': 'r-7' },
      }),
    );
    expect(put.contentType).toBe('text/plain; charset=utf-8');
    expect(put.sessionId).toBe(sessionId);
    // Lex returns these header-bound fields as base64(gzip(JSON)); the SDK leaves decoding to us.
    expect(decodeLexHeader(put.sessionState ?? '')).toMatchObject({
      dialogAction: { type: 'ElicitSlot', slotToElicit: 'Amount' },
      intent: { name: 'LogExpense', slots: { Amount: null, Category: null, Note: null } },
      sessionAttributes: { 'bb:userId': 'u-3' },
    });
    expect(decodeLexHeader(put.messages ?? '')).toEqual([
      { contentType: 'PlainText', content: 'How much was it?' },
    ]);
    expect(decodeLexHeader(put.requestAttributes ?? '')).toEqual({ 'bb:requestId': 'r-7' });

    const got = await client.send(new GetSessionCommand({ ...IDS, sessionId }));
    expect(got.sessionId).toBe(sessionId);
    expect(got.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Amount' });
    expect(got.messages?.[0]?.content).toBe('How much was it?');

    const answered = await client.send(
      new RecognizeTextCommand({ ...IDS, sessionId, text: '30 on groceries' }),
    );
    expect(answered.messages?.[0]?.content).toBe('Logged 30 for Groceries.');

    const deleted = await client.send(new DeleteSessionCommand({ ...IDS, sessionId }));
    expect(deleted).toMatchObject({ ...IDS, sessionId });
    await expect(client.send(new GetSessionCommand({ ...IDS, sessionId }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('throws the SDK exception class Lex would', async () => {
    const sessionId = nextSession();
    const recognize = (over: Partial<typeof IDS & { sessionId: string; text: string }>) =>
      client.send(new RecognizeTextCommand({ ...IDS, sessionId, text: 'hello', ...over }));

    await expect(recognize({ botId: 'NOSUCHBOT1' })).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(recognize({ botAliasId: 'NOSUCHALIA' })).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(recognize({ localeId: 'de_DE' })).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(recognize({ text: '' })).rejects.toBeInstanceOf(ValidationException);
    await expect(recognize({ text: 'a'.repeat(1025) })).rejects.toBeInstanceOf(ValidationException);
    await expect(recognize({ sessionId: 'x' })).rejects.toBeInstanceOf(ValidationException);
    await expect(recognize({ sessionId: 'bad*id' })).rejects.toBeInstanceOf(ValidationException);
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const internal = await recognize({ text: 'crash the runtime' }).catch((e: unknown) => e);
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
    expect(internal).toBeInstanceOf(InternalServerException);
    expect((internal as InternalServerException).$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);

    hook.reply(() => {
      throw new Error('lambda exploded');
    });
    const failed = await recognize({ text: 'spent 5 on food' }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(DependencyFailedException);
    expect((failed as Error).message).toMatch(/lambda exploded/);
  });

  it('refuses a concurrent request on a busy session with ConflictException', async () => {
    const sessionId = nextSession();
    let release: () => void = () => undefined;
    hook.reply((e) => new Promise((resolve) => (release = () => resolve(delegate(e)))));
    const slow = client.send(new RecognizeTextCommand({ ...IDS, sessionId, text: 'spent 5 on food' }));
    while (hook.events.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(
      client.send(new RecognizeTextCommand({ ...IDS, sessionId, text: 'hello' })),
    ).rejects.toBeInstanceOf(ConflictException);
    release();
    expect((await slow).sessionState?.intent?.state).toBe('Fulfilled');
  });

  it('expires idle sessions', async () => {
    const sessionId = nextSession();
    await client.send(new RecognizeTextCommand({ ...IDS, sessionId, text: 'I spent something' }));
    clock.tick((TEST_TTL_SECONDS + 1) * 1000);
    await expect(client.send(new GetSessionCommand({ ...IDS, sessionId }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    const fresh = await client.send(new RecognizeTextCommand({ ...IDS, sessionId, text: '45' }));
    expect(fresh.sessionState?.intent?.name).toBe('FallbackIntent');
  });
});

describe('plain HTTP clients', () => {
  const base = () => `${server.url}/bots/BBLOCALBOT/botAliases/TSTALIASID/botLocales/en_US/sessions`;

  it('serves RecognizeText and GetSession to fetch (HTTP/1.1)', async () => {
    const res = await fetch(`${base()}/fetch-1/text`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hello' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as { messages: { content: string }[]; sessionId: string };
    expect(body.messages[0]?.content).toBe('Hi there!');
    expect(body.sessionId).toBe('fetch-1');
    const got = await fetch(`${base()}/fetch-1`);
    expect(((await got.json()) as { sessionId: string }).sessionId).toBe('fetch-1');
  });

  it('answers malformed requests with Lex error headers and bodies', async () => {
    const asJson = { 'content-type': 'application/json' };
    const bad = await fetch(`${base()}/fetch-2/text`, { method: 'POST', headers: asJson, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(bad.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await bad.json()).toEqual({ message: 'Request body is not valid JSON' });

    const wrongShape = await fetch(`${base()}/fetch-2/text`, {
      method: 'POST',
      headers: asJson,
      body: '{"text": 5}',
    });
    expect(wrongShape.status).toBe(400);

    const huge = await fetch(`${base()}/fetch-2/text`, {
      method: 'POST',
      headers: asJson,
      body: JSON.stringify({ text: 'x'.repeat(70 * 1024) }),
    });
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { message: string }).message).toMatch(/exceeds/);

    const missing = await fetch(
      `${server.url}/bots/OTHERBOT00/botAliases/TSTALIASID/botLocales/en_US/sessions/s1`,
    );
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
  });

  it('refuses what a web page could send: non-JSON bodies, CORS preflights, foreign Host names', async () => {
    // A page can POST text/plain or a form to any address without asking first.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const res = await fetch(`${base()}/page-1/text`, {
        method: 'POST',
        ...(type ? { headers: { 'content-type': type } } : {}),
        body: JSON.stringify({ text: 'hello' }),
      });
      expect(res.status).toBe(415);
      expect(res.headers.get('x-amzn-errortype')).toBe('ValidationException');
    }
    const put = await fetch(`${base()}/page-1`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ sessionState: { sessionAttributes: { 'bb:userId': 'someone' } } }),
    });
    expect(put.status).toBe(415);
    expect(hook.events).toHaveLength(0);

    const preflight = await fetch(`${base()}/page-1/text`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(403);
    expect([...preflight.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);

    // DNS rebinding: the page's own name, now resolving to 127.0.0.1, is what its requests carry.
    const viaName = async (host: string): Promise<string> => {
      const { port } = new URL(server.url);
      const socket = net.connect(Number(port), '127.0.0.1');
      const text = new Promise<string>((resolve, reject) => {
        let out = '';
        socket.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
        socket.on('end', () => resolve(out));
        socket.on('error', reject);
      });
      socket.write(
        `GET /bots/BBLOCALBOT/botAliases/TSTALIASID/botLocales/en_US/sessions/fetch-1 HTTP/1.1\r\n` +
          `Host: ${host}\r\nConnection: close\r\n\r\n`,
      );
      return text;
    };
    expect((await viaName('evil.example')).startsWith('HTTP/1.1 403')).toBe(true);
    expect((await viaName(`evil.example:${new URL(server.url).port}`)).startsWith('HTTP/1.1 403')).toBe(true);
    for (const local of ['127.0.0.1', `localhost:${new URL(server.url).port}`, '[::1]:80']) {
      expect((await viaName(local)).startsWith('HTTP/1.1 200')).toBe(true);
    }
  });

  it('offers unmatched requests to extraRoutes before answering 404', async () => {
    extraCalls.length = 0;
    const listed = await fetch(`${server.url}/bots?maxResults=5`);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ botSummaries: [] });
    expect(extraCalls[0]?.query.get('maxResults')).toBe('5');

    const unknown = await fetch(`${server.url}/nothing/here`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(extraCalls.map((c) => c.path)).toEqual(['/bots', '/nothing/here']);
  });

  it('tells HTTP/1.1 from HTTP/2 even when the first bytes arrive one at a time', async () => {
    const { port } = new URL(server.url);
    const body = JSON.stringify({ text: 'hello' });
    const request =
      `POST /bots/BBLOCALBOT/botAliases/TSTALIASID/botLocales/en_US/sessions/split-1/text HTTP/1.1\r\n` +
      `Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n` +
      `Connection: close\r\n\r\n${body}`;
    const socket = net.connect(Number(port), '127.0.0.1');
    const response = new Promise<string>((resolve, reject) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    // "P" could still be the start of the HTTP/2 preface ("PRI * HTTP/2.0"): the server must wait.
    socket.write('P');
    await new Promise((resolve) => setTimeout(resolve, 20));
    socket.write(request.slice(1));
    const text = await response;
    expect(text.startsWith('HTTP/1.1 200')).toBe(true);
    expect(text).toContain('Hi there!');
  });

  it('speaks HTTP/2 with prior knowledge on the same port', async () => {
    const session = http2.connect(server.url);
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = session.request({
          ':method': 'GET',
          ':path': '/bots/BBLOCALBOT/botAliases/TSTALIASID/botLocales/en_US/sessions/fetch-1',
        });
        req.on('response', (headers) => resolve(Number(headers[':status'])));
        req.on('error', reject);
        req.resume();
        req.end();
      });
      expect(status).toBe(200);
    } finally {
      session.close();
    }
  });
});

describe('protected session attributes', () => {
  let guarded: LexServer;
  const verified: string[] = [];

  beforeAll(async () => {
    guarded = await startLexServer({
      port: 0,
      definition: testBot,
      nlu: testNlu,
      codeHook: hook.hook,
      clock,
      protectedAttributes: {
        prefix: 'bb:',
        // Stands in for the proxy's HMAC: a proof bound to the session and the user id.
        verify: async (sessionId, attributes) => {
          verified.push(sessionId);
          return attributes['bb:proof'] === `${sessionId}/${attributes['bb:userId']}`;
        },
      },
    });
  });
  afterAll(async () => {
    await guarded.close();
  });

  it.each(transports)('an unmodified SDK client over %s sets them only with proof', async (name, handler) => {
    const client = new LexRuntimeV2Client({
      endpoint: guarded.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
      ...handler(),
    });
    const sessionId = `guard-${name.slice(0, 8).replace(/\W/g, '')}`;
    try {
      const say = (sessionAttributes?: Record<string, string>, text = 'hello') =>
        client.send(
          new RecognizeTextCommand({
            ...IDS,
            sessionId,
            text,
            ...(sessionAttributes ? { sessionState: { sessionAttributes } } : {}),
          }),
        );
      // Without proof the protected attributes are dropped: the turn runs, for nobody.
      const forgeries: Record<string, string>[] = [
        { 'bb:userId': 'victim' },
        { 'bb:userId': 'victim', 'bb:proof': `${sessionId}/someone-else` },
      ];
      for (const forged of forgeries) {
        await say({ ...forged, theme: 'dark' }, 'I spent something');
        const reply = await say({ ...forged, theme: 'dark' }, '12.5 for lunch');
        expect(reply.sessionState?.sessionAttributes).toEqual({ theme: 'dark' });
      }
      const put = await client.send(
        new PutSessionCommand({
          ...IDS,
          sessionId,
          sessionState: { sessionAttributes: { 'bb:userId': 'victim' } },
        }),
      );
      const putState = decodeLexHeader(put.sessionState ?? '') as {
        sessionAttributes?: Record<string, string>;
      };
      expect(putState.sessionAttributes ?? {}).toEqual({});
      // The code hook ran on those turns and never saw the forged user.
      const seen = hook.events.filter((e) => e.sessionId === sessionId);
      expect(seen.length).toBeGreaterThan(0);
      for (const event of seen) expect(event.sessionState.sessionAttributes?.['bb:userId']).toBeUndefined();

      const ok = await say({ 'bb:userId': 'me', 'bb:proof': `${sessionId}/me` });
      expect(ok.sessionState?.sessionAttributes?.['bb:userId']).toBe('me');
      // Attributes outside the protected prefix need no proof.
      const plain = await say({ theme: 'dark' });
      expect(plain.sessionState?.sessionAttributes).toEqual({ theme: 'dark' });
      expect(verified).toContain(sessionId);
    } finally {
      client.destroy();
    }
  });
});
