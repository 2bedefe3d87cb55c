/**
 * `@budgetbuddy/fulfillment/proxy`: the chat proxy (the Hono app behind POST /api/chat) and the parts a
 * host wires into it: the Lex client, bot config, identity, rate limit and receipt OCR; plus the
 * Lambda's own wiring of it.
 */
export {
  consoleLogger,
  createProxyApp,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  silentLogger,
  type ProxyDeps,
  type ProxyLogger,
} from './app';
export { secretBotConfig, type BotConfig } from './botConfig';
export { dynamoRateLimiter } from './dynamoRateLimiter';
export { BOT_UNAVAILABLE_MESSAGE } from './errors';
export { createLexClient } from './lexClient';
export { DEFAULT_LOCAL_USER, identifyLocalUser, LOCAL_USER_HEADER } from './localIdentity';
export { recognizeTextInput, type RecognizeTextTurn } from './recognizeText';
export { sessionIdFor } from './sessionIds';
export type { ReceiptOcr } from '../receipts/ReceiptOcr';
export { readReceipt, type ReceiptReading } from '../receipts/readReceipt';
export {
  MAX_UPLOAD_BYTES,
  UPLOAD_PREFIX,
  s3ReceiptUploads,
  type ReceiptUploads,
} from '../receipts/s3Uploads';
export { createLambdaProxyApp } from '../handlers/proxy';
