/**
 * GET /api/overview: the panel beside the chat, and POST /api/alerts/read: the alerts it has shown are
 * seen. Same identity and error shape as /api/chat.
 */
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Clock } from '../ports/Clock';
import type { LedgerStores } from '../ports/LedgerStores';
import { StoreUnavailableError } from '../ports/LedgerRepository';
import { ErrorCode, errorResponse, tooLarge } from '../proxy/errors';
import { markAlertsReadSchema } from '../chatApi/overview';
import { MAX_BODY_BYTES } from '../chatApi/limits';
import { resolveTimeZone } from '../proxy/timeZone';
import { buildOverview } from './buildOverview';

export interface OverviewRouteDeps {
  ledger: LedgerStores;
  clock: Clock;
  identify: (c: Context) => string | null;
  logError: (message: string, detail: Record<string, unknown>) => void;
}

const NO_USER = 'Please sign in to see your overview.';
const STORE_DOWN = 'Your overview could not be loaded just now. Nothing was changed; please try again.';
const NOT_JSON = 'Send the alerts as JSON (Content-Type: application/json), like {"ids": ["…"]}.';
const BAD_IDS = 'Send {"ids": [...]} with the ids of 1 to 20 alerts, as the overview lists them.';
const READ_FAILED =
  'Your alerts could not be marked as read just now; they will show again. Please try later.';

const isJson = (value: string | undefined): boolean =>
  (value ?? '').split(';', 1)[0]!.trim().toLowerCase() === 'application/json';

export function registerOverviewRoute(app: Hono, deps: OverviewRouteDeps): void {
  app.get('/api/overview', async (c) => {
    const userId = deps.identify(c);
    if (userId === null) return errorResponse(c, 401, ErrorCode.unauthenticated, NO_USER);
    // Only for someone who never chatted (no profile yet): the browser's zone decides "today".
    const zone = c.req.query('timeZone');
    try {
      return c.json(
        await buildOverview(deps.ledger, deps.clock, userId, zone ? resolveTimeZone(zone) : null),
      );
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      deps.logError('overview failed', { error: err.message });
      return c.json({ error: { code: 'store_unavailable', message: STORE_DOWN } }, 503);
    }
  });

  app.post('/api/alerts/read', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge }), async (c) => {
    const userId = deps.identify(c);
    if (userId === null) return errorResponse(c, 401, ErrorCode.unauthenticated, NO_USER);
    if (!isJson(c.req.header('content-type')))
      return errorResponse(c, 415, ErrorCode.unsupportedMediaType, NOT_JSON);
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      return errorResponse(c, 400, ErrorCode.invalidJson, BAD_IDS);
    }
    const parsed = markAlertsReadSchema.safeParse(raw);
    if (!parsed.success) return errorResponse(c, 400, ErrorCode.invalidRequest, BAD_IDS);
    try {
      return c.json({ read: await deps.ledger.notifications.markNotificationsRead(userId, parsed.data.ids) });
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      deps.logError('marking alerts read failed', { error: err.message });
      return c.json({ error: { code: 'store_unavailable', message: READ_FAILED } }, 503);
    }
  });
}
