/**
 * The proxy's Lex V2 runtime client, the same in the Lambda and in `npm start`.
 *
 * HTTP/1.1 over keep-alive connections, not the SDK's default HTTP/2: RecognizeText is one small
 * request and one small reply, and measured on the local stack (scripts/src/bench/turnCalls.ts) the
 * HTTP/2 handler cost about 0.5–0.8 ms more CPU per turn than a keep-alive HTTP/1.1 socket — the
 * client's session and stream bookkeeping plus the server's. (The SDK's HTTP/2 default, with
 * `disableConcurrentStreams: true`, even opens a new connection per request; it is meant for the
 * streaming StartConversation, which the proxy never sends.) Each concurrent turn takes a socket from the
 * pool and gives it back; a Lambda instance, one turn at a time, keeps one.
 *
 * `cacheMiddleware`: the SDK otherwise resolves the client's middleware stack again on every send (up to
 * a millisecond of a chat turn, by the SDK's own account). Nothing adds middleware to this client after
 * it is made. (The ledger's DynamoDB client cannot have it: lib-dynamodb's document client refuses it.)
 */
import { Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { LexRuntimeV2Client, type LexRuntimeV2ClientConfig } from '@aws-sdk/client-lex-runtime-v2';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** Sockets kept per endpoint: more than the turns one process runs at once (20 users in the bench). */
const MAX_SOCKETS = 50;

export function createLexClient(config: LexRuntimeV2ClientConfig = {}): LexRuntimeV2Client {
  return new LexRuntimeV2Client({
    cacheMiddleware: true,
    ...config,
    requestHandler: new NodeHttpHandler({
      httpAgent: new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
      requestTimeout: 10_000,
    }),
  });
}
