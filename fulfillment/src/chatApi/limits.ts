/** Limits of a chat request, enforced by the proxy and shown by the browser's composer. */
export const MAX_TEXT_LENGTH = 1024;
export const MAX_BODY_BYTES = 16 * 1024;
