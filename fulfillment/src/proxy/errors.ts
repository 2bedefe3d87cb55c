/** The error replies the chat API gives, each a plain sentence that says what to do next. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ChatError } from '../chatApi/reply';
import { MAX_BODY_BYTES } from '../chatApi/limits';

export const BOT_UNAVAILABLE_MESSAGE =
  'BudgetBuddy could not answer just now — your message was not lost, please try again.';

export const ErrorCode = {
  invalidRequest: 'invalid_request',
  invalidJson: 'invalid_json',
  unsupportedMediaType: 'unsupported_media_type',
  payloadTooLarge: 'payload_too_large',
  unauthenticated: 'unauthenticated',
  rateLimited: 'rate_limited',
  botUnavailable: 'bot_unavailable',
  notFound: 'not_found',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
): Response {
  const body: ChatError = { error: { code, message } };
  return c.json(body, status);
}

/**
 * The unread rest of an oversize body would otherwise sit in front of the next request on a kept-alive
 * connection, so the client is told to open a new one.
 */
export const tooLarge = (c: Context) => {
  c.header('Connection', 'close');
  return errorResponse(
    c,
    413,
    ErrorCode.payloadTooLarge,
    `That message is too big: requests can be at most ${MAX_BODY_BYTES / 1024} KB.`,
  );
};
