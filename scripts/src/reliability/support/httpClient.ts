/**
 * A small HTTP/1.1 client over one keep-alive agent, so thousands of fuzz requests reuse a handful of
 * sockets instead of exhausting ephemeral ports. It returns every status (no throwing on 4xx/5xx):
 * the tests are about what the server answers.
 */
import { Agent, request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { ChatReply } from '@budgetbuddy/fulfillment/chat-api';

export const LOCAL_USER_HEADER = 'x-bb-local-user';

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
  elapsedMs: number;
}

export interface RequestOptions {
  method?: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
  timeoutMs?: number;
}

export interface ChatOptions {
  user?: string;
  clientMessageId?: string;
  timeZone?: string;
  /** Extra body fields (hostile or otherwise) merged into the JSON object. */
  extra?: Record<string, unknown>;
  /** Query string appended to /api/chat, e.g. "userId=alice". */
  query?: string;
  /** Client-side timeout (default 15 s). */
  timeoutMs?: number;
}

export class HttpClient {
  private readonly agent: Agent;
  private readonly base: URL;

  constructor(baseUrl: string, maxSockets = 16) {
    this.base = new URL(baseUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  request(path: string, options: RequestOptions = {}): Promise<HttpResult> {
    const started = performance.now();
    const body = options.body;
    const headers: OutgoingHttpHeaders = { ...options.headers };
    if (body !== undefined && headers['content-length'] === undefined) {
      headers['content-length'] = Buffer.byteLength(body);
    }
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.base.hostname,
          port: this.base.port,
          path,
          method: options.method ?? (body === undefined ? 'GET' : 'POST'),
          headers,
          agent: this.agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text,
              json: parseJson(text),
              elapsedMs: performance.now() - started,
            });
          });
        },
      );
      req.setTimeout(options.timeoutMs ?? 15_000, () => req.destroy(new Error(`timeout on ${path}`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** POST /api/chat as a local user; `text` may be any JSON value, to send wrong types on purpose. */
  chat(text: unknown, options: ChatOptions = {}): Promise<HttpResult> {
    const payload: Record<string, unknown> = { ...options.extra, text };
    if (options.clientMessageId !== undefined) payload['clientMessageId'] = options.clientMessageId;
    if (options.timeZone !== undefined) payload['timeZone'] = options.timeZone;
    return this.request(`/api/chat${options.query ? `?${options.query}` : ''}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.user === undefined ? {} : { [LOCAL_USER_HEADER]: options.user }),
      },
      body: JSON.stringify(payload),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
  }

  health(): Promise<HttpResult> {
    return this.request('/api/health', { timeoutMs: 5_000 });
  }

  close(): void {
    this.agent.destroy();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The plain text a person would read in a reply (text messages, card titles, chart captions). */
export function replyText(result: HttpResult): string {
  const reply = result.json as Partial<ChatReply> | undefined;
  if (result.status !== 200 || !reply || !Array.isArray(reply.messages)) {
    const error = (result.json as { error?: { message?: unknown } } | undefined)?.error;
    return typeof error?.message === 'string' ? error.message : result.text;
  }
  return reply.messages
    .map((m) => {
      if (m.type === 'text') return m.text;
      if (m.type === 'card') return [m.title, m.subtitle ?? '', ...m.buttons.map((b) => b.text)].join(' ');
      if (m.type === 'chart')
        return `${m.text} ${m.chart.data.map((d) => `${d.label} ${d.formatted}`).join(' ')}`;
      return '';
    })
    .join('\n');
}

/** Polls GET /api/health until it answers 200, or throws after `timeoutMs`. */
export async function waitForHealth(client: HttpClient, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await client.health();
      if (res.status === 200) return;
      last = `status ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`stack not healthy after ${timeoutMs} ms (${last})`);
}

/**
 * One chat turn that must get an answer, the way a person would get it: a 502/503 ("could not answer
 * just now — please try again", e.g. the proxy's 10 s Lex timeout on a loaded machine) is retried with
 * the SAME clientMessageId, so a write the first attempt did make is answered from its idempotency
 * record and never logged twice. For set-up and after-restart turns, not for what a test measures.
 */
export async function chatAnswered(
  client: HttpClient,
  text: string,
  options: ChatOptions & { clientMessageId: string },
  deadlineMs = 60_000,
): Promise<HttpResult> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const res = await client.chat(text, options);
    if ((res.status !== 502 && res.status !== 503) || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 500));
  }
}
