/** GET /api/overview: the panel beside the chat. Same identity and error shape as /api/chat. */
import type { Context, Hono } from 'hono';
import type { Clock } from '../ports/Clock';
import type { LedgerRepository } from '../ports/LedgerRepository';
import { StoreUnavailableError } from '../ports/LedgerRepository';
import { ErrorCode, errorResponse } from '../proxy/errors';
import { resolveTimeZone } from '../proxy/timeZone';
import { buildOverview } from './buildOverview';

export interface OverviewRouteDeps {
  ledger: LedgerRepository;
  clock: Clock;
  identify: (c: Context) => string | null;
  logError: (message: string, detail: Record<string, unknown>) => void;
}

const NO_USER = 'Please sign in to see your overview.';
const STORE_DOWN = 'Your overview could not be loaded just now. Nothing was changed; please try again.';

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
}
