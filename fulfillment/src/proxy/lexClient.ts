/**
 * The proxy's Lex V2 runtime client, the same in the Lambda and in `npm start`.
 *
 * The SDK's default for this client is HTTP/2 with `disableConcurrentStreams: true`, which opens a new
 * connection (TCP + HTTP/2 handshake, and TLS in AWS) for every RecognizeText — it is meant for the
 * streaming StartConversation. The proxy only sends RecognizeText, so it keeps one HTTP/2 session and
 * multiplexes the turns of every user over it.
 *
 * `cacheMiddleware`: the SDK otherwise resolves the client's middleware stack again on every send (up to
 * a millisecond of a chat turn, by the SDK's own account). Nothing adds middleware to this client after
 * it is made. (The ledger's DynamoDB client cannot have it: lib-dynamodb's document client refuses it.)
 */
import { LexRuntimeV2Client, type LexRuntimeV2ClientConfig } from '@aws-sdk/client-lex-runtime-v2';
import { NodeHttp2Handler } from '@smithy/node-http-handler';

export function createLexClient(config: LexRuntimeV2ClientConfig = {}): LexRuntimeV2Client {
  return new LexRuntimeV2Client({
    cacheMiddleware: true,
    ...config,
    requestHandler: new NodeHttp2Handler({ disableConcurrentStreams: false, requestTimeout: 10_000 }),
  });
}
