/**
 * The local Lex V2 runtime endpoint. One port speaks both HTTP/1.1 (browsers, curl) and cleartext
 * HTTP/2 with prior knowledge (the Node AWS SDK's default handler): each connection's first bytes are
 * inspected and the socket handed to the matching Node server.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import type { BotDefinition } from '../definition/types';
import type { Clock, Nlu } from '../dialog/types';
import type { CodeHook } from '../lex/schemas';
import {
  createLexHttpHandler,
  errorReply,
  type ExtraRoutes,
  type HttpReply,
  type ProtectedSessionAttributes,
} from './httpHandler';
import { LexRuntime } from './LexRuntime';

export interface LexServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  definition: BotDefinition;
  nlu: Nlu;
  codeHook: CodeHook;
  clock?: Clock;
  botId?: string;
  botAliasId?: string;
  codeHookTimeoutMs?: number;
  extraRoutes?: ExtraRoutes;
  /** Session attributes a request may set only with proof (see ProtectedSessionAttributes). */
  protectedAttributes?: ProtectedSessionAttributes;
  /** Serve an existing runtime instead of building one from the options above. */
  runtime?: LexRuntime;
}

export interface LexServer {
  url: string;
  port: number;
  runtime: LexRuntime;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
/** Every HTTP/2 connection starts with this preface; no HTTP/1.x request line can. */
const H2_PREFACE_START = Buffer.from('PRI ');

type AnyRequest = http.IncomingMessage | http2.Http2ServerRequest;
type AnyResponse = http.ServerResponse | http2.Http2ServerResponse;

export async function startLexServer(opts: LexServerOptions): Promise<LexServer> {
  const runtime =
    opts.runtime ??
    new LexRuntime({
      definition: opts.definition,
      nlu: opts.nlu,
      codeHook: opts.codeHook,
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.botId ? { botId: opts.botId } : {}),
      ...(opts.botAliasId ? { botAliasId: opts.botAliasId } : {}),
      ...(opts.codeHookTimeoutMs !== undefined ? { codeHookTimeoutMs: opts.codeHookTimeoutMs } : {}),
    });
  const handle = createLexHttpHandler(runtime, {
    ...(opts.extraRoutes ? { extraRoutes: opts.extraRoutes } : {}),
    ...(opts.protectedAttributes ? { protectedAttributes: opts.protectedAttributes } : {}),
  });
  const host = opts.host ?? '127.0.0.1';
  const allowedHosts = new Set([...LOOPBACK_NAMES, host.toLowerCase()]);
  const onRequest = (req: AnyRequest, res: AnyResponse): void => {
    if (!allowedHosts.has(hostName(req))) {
      // DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 still sends
      // `Host: evil.example`; only requests addressed to this machine by a local name are served.
      send(res, errorReply(403, 'AccessDeniedException', 'Unknown Host header', randomUUID()));
      return;
    }
    void serve(handle, req, res);
  };
  const h1 = http.createServer({ keepAliveTimeout: 5_000 }, onRequest);
  const h2 = http2.createServer({}, onRequest);
  const sockets = new Set<net.Socket>();

  const server = net.createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    dispatchByProtocol(socket, h1, h2);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('Lex server has no TCP address');
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    runtime,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      h1.closeAllConnections();
      await closed;
    },
  };
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/** The host name a request was addressed to (HTTP/2 :authority or HTTP/1.1 Host), without port, lower case. */
function hostName(req: AnyRequest): string {
  const authority = req.headers[':authority'] ?? req.headers.host;
  const value = (Array.isArray(authority) ? authority[0] : authority)?.trim().toLowerCase() ?? '';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1]!;
  return value.replace(/:\d+$/, '');
}

/** Reads enough of the first bytes to tell HTTP/2 from HTTP/1.x, then hands the connection over. */
function dispatchByProtocol(socket: net.Socket, h1: http.Server, h2: http2.Http2Server): void {
  let head: Buffer = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
    if (head.length < H2_PREFACE_START.length && H2_PREFACE_START.subarray(0, head.length).equals(head))
      return;
    socket.off('data', onData);
    socket.pause();
    // Both servers take bytes already read from a socket that was unshifted back: http2 replays the
    // socket's buffer into its native session; http reads it once the socket flows again.
    socket.unshift(head);
    if (head.subarray(0, H2_PREFACE_START.length).equals(H2_PREFACE_START)) {
      h2.emit('connection', socket);
    } else {
      h1.emit('connection', socket);
      socket.resume();
    }
  };
  socket.on('data', onData);
}

async function serve(
  handle: ReturnType<typeof createLexHttpHandler>,
  req: AnyRequest,
  res: AnyResponse,
): Promise<void> {
  let reply: HttpReply;
  try {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    reply =
      body === null
        ? errorReply(400, 'ValidationException', `Request body exceeds ${MAX_BODY_BYTES} bytes`, randomUUID())
        : await handle({
            method: req.method ?? 'GET',
            path: url.pathname,
            query: url.searchParams,
            headers: req.headers,
            body,
          });
  } catch (err) {
    console.error('lex runtime: request failed', err);
    reply = errorReply(500, 'InternalServerException', 'The local Lex runtime failed', randomUUID());
  }
  send(res, reply);
}

/** The body as text, or null once it passes the size bound (the rest is not read). */
function readBody(req: AnyRequest): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: AnyResponse, reply: HttpReply): void {
  const headers: Record<string, string | number> = {
    ...reply.headers,
    'content-length': Buffer.byteLength(reply.body),
  };
  res.writeHead(reply.status, headers).end(reply.body);
}
