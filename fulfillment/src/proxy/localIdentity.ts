/**
 * The local stand-in for sign-in: `npm start` has no Cognito, so the local server (and only it) takes
 * the user from the X-BB-Local-User header, or `local-user` when the header is absent. The Lambda
 * handler never reads this header. See docs/chat-api.md.
 */
import type { Context } from 'hono';

export const LOCAL_USER_HEADER = 'X-BB-Local-User';
export const DEFAULT_LOCAL_USER = 'local-user';
const LOCAL_USER_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** null (401) for a header that is present but not a valid local user name. */
export function identifyLocalUser(c: Context): string | null {
  const header = c.req.header(LOCAL_USER_HEADER);
  if (header === undefined) return DEFAULT_LOCAL_USER;
  return LOCAL_USER_PATTERN.test(header) ? header : null;
}
