/**
 * Maps Lex V2 runtime REST requests (restJson1) onto LexRuntime and its results and errors back onto
 * HTTP, transport-agnostic so HTTP/1.1 and HTTP/2 share it.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { encodeLexHeader } from './headerCodec';
import { AccessDeniedException, InternalServerException, LexApiError, ValidationException } from './errors';
import type { LexRuntime } from './LexRuntime';
import { putSessionBodySchema, recognizeTextBodySchema, type SessionPath } from './wireTypes';

export interface HttpRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpReply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** Answers requests the runtime does not own (e.g. the Lex Models API read side), or null. */
export type ExtraRoutes = (req: HttpRequest) => Promise<HttpReply | null>;

/**
 * Session attributes only a trusted caller may set (e.g. `bb:userId`, which names whose ledger a turn
 * touches). In AWS only callers with IAM rights on the alias reach Lex; locally anyone on the machine
 * can, so they are taken from a request only with proof (e.g. the proxy's signature) that `verify`
 * accepts. Without it they are dropped, not refused: the turn still runs (its NLU reading comes back, as
 * tools such as `npm run nlu:eval` need), and the code hook, seeing no user, touches no one's data.
 */
export interface ProtectedSessionAttributes {
  prefix: string;
  verify(sessionId: string, attributes: Record<string, string>): Promise<boolean>;
}

export interface LexHttpOptions {
  extraRoutes?: ExtraRoutes;
  protectedAttributes?: ProtectedSessionAttributes;
}

const SESSION_PATH =
  /^\/bots\/([^/]+)\/botAliases\/([^/]+)\/botLocales\/([^/]+)\/sessions\/([^/]+)(\/text)?\/?$/;

export function createLexHttpHandler(
  runtime: LexRuntime,
  options: LexHttpOptions = {},
): (req: HttpRequest) => Promise<HttpReply> {
  const { extraRoutes, protectedAttributes } = options;
  return async (req) => {
    const requestId = randomUUID();
    try {
      // No CORS: a web page has no business calling the runtime, so a preflight is refused and no
      // response carries Access-Control-* headers.
      if (req.method === 'OPTIONS') {
        throw new AccessDeniedException('Cross-origin requests are not accepted');
      }
      const reply = await route(runtime, req, requestId, protectedAttributes);
      if (reply) return withRequestId(reply, requestId);
      const extra = extraRoutes ? await extraRoutes(req) : null;
      if (extra) return extra;
      return errorReply(
        404,
        'UnknownOperationException',
        `No operation at ${req.method} ${req.path}`,
        requestId,
      );
    } catch (err) {
      if (err instanceof LexApiError) return errorReply(err.status, err.errorType, err.message, requestId);
      console.error('lex runtime: unexpected error', err);
      const internal = new InternalServerException('The local Lex runtime failed; see its log');
      return errorReply(internal.status, internal.errorType, internal.message, requestId);
    }
  };
}

async function route(
  runtime: LexRuntime,
  req: HttpRequest,
  requestId: string,
  protectedAttributes: ProtectedSessionAttributes | undefined,
): Promise<HttpReply | null> {
  const match = SESSION_PATH.exec(req.path);
  if (!match) return null;
  const [, botId = '', botAliasId = '', localeId = '', sessionId = '', text] = match;
  const path: SessionPath = {
    botId: decode(botId),
    botAliasId: decode(botAliasId),
    localeId: decode(localeId),
    sessionId: decode(sessionId),
  };
  if (text) {
    if (req.method !== 'POST') return null;
    const body = parseBody(req, recognizeTextBodySchema);
    if (body.sessionState?.sessionAttributes) {
      body.sessionState.sessionAttributes = await withoutUnproven(
        protectedAttributes,
        path.sessionId,
        body.sessionState.sessionAttributes,
      );
    }
    return json(await runtime.recognizeText({ ...path, ...body, requestId }));
  }
  switch (req.method) {
    case 'GET':
      return json(runtime.getSession(path));
    case 'DELETE':
      return json(runtime.deleteSession(path));
    case 'POST': {
      const body = parseBody(req, putSessionBodySchema);
      if (body.sessionState.sessionAttributes) {
        body.sessionState.sessionAttributes = await withoutUnproven(
          protectedAttributes,
          path.sessionId,
          body.sessionState.sessionAttributes,
        );
      }
      const contentType = header(req, 'responsecontenttype');
      const out = await runtime.putSession({
        ...path,
        ...body,
        requestId,
        ...(contentType ? { responseContentType: contentType } : {}),
      });
      const headers: Record<string, string> = {
        'content-type': out.contentType,
        'x-amz-lex-session-state': encodeLexHeader(out.sessionState),
        'x-amz-lex-session-id': out.sessionId,
      };
      if (out.messages.length > 0) headers['x-amz-lex-messages'] = encodeLexHeader(out.messages);
      if (Object.keys(out.requestAttributes).length > 0) {
        headers['x-amz-lex-request-attributes'] = encodeLexHeader(out.requestAttributes);
      }
      return { status: 200, headers, body: '' };
    }
    default:
      return null;
  }
}

/** The attributes as sent, minus the protected ones when they come without valid proof. */
async function withoutUnproven(
  guard: ProtectedSessionAttributes | undefined,
  sessionId: string,
  attributes: Record<string, string>,
): Promise<Record<string, string>> {
  if (!guard) return attributes;
  const names = Object.keys(attributes);
  if (!names.some((name) => name.startsWith(guard.prefix))) return attributes;
  if (await guard.verify(sessionId, attributes)) return attributes;
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => !name.startsWith(guard.prefix)));
}

/**
 * The SDK always sends `application/json`. Anything else is refused before parsing: a form or
 * `text/plain` POST is what a web page can send without a preflight.
 */
function isJson(req: HttpRequest): boolean {
  const type = header(req, 'content-type')?.split(';', 1)[0]?.trim().toLowerCase();
  return type === 'application/json';
}

function parseBody<T extends z.ZodType>(req: HttpRequest, schema: T): z.infer<T> {
  if (!isJson(req)) throw new UnsupportedMediaType();
  let raw: unknown;
  try {
    raw = JSON.parse(req.body);
  } catch {
    throw new ValidationException('Request body is not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new ValidationException(`Invalid request body: ${where}${issue?.message ?? 'unknown problem'}`);
  }
  return parsed.data;
}

class UnsupportedMediaType extends LexApiError {
  override name = 'UnsupportedMediaType';
  constructor() {
    super(415, 'ValidationException', 'Send the request body as JSON (Content-Type: application/json)');
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ValidationException(`Malformed path segment ${segment}`);
  }
}

function header(req: HttpRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function json(value: unknown): HttpReply {
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

function withRequestId(reply: HttpReply, requestId: string): HttpReply {
  return { ...reply, headers: { ...reply.headers, 'x-amzn-requestid': requestId } };
}

export function errorReply(status: number, errorType: string, message: string, requestId: string): HttpReply {
  return {
    status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': errorType,
      'x-amzn-requestid': requestId,
    },
    body: JSON.stringify({ message }),
  };
}
