import { useCallback, useEffect, useRef, useState } from 'react';
import type { Overview, OverviewAlert } from '@budgetbuddy/fulfillment/chat-api';
import { fetchOverview } from '../api/overviewClient';
import { markAlertsRead } from '../api/alertsClient';
import type { AuthSession } from '../auth/AuthSession';

export type OverviewState =
  | { status: 'loading'; overview: Overview | null }
  | { status: 'ready'; overview: Overview }
  | { status: 'failed'; overview: Overview | null; message: string };

/** Alerts already shown in this page stay listed (as read) below the new ones, up to this many. */
const MAX_ALERTS_SHOWN = 10;

/**
 * The alerts to show: the open ones the server sent (new), then those shown before in this page and
 * since marked read, so an alert does not vanish from under the person's eyes at the next refresh.
 */
function withEarlierAlerts(
  open: readonly OverviewAlert[],
  earlier: readonly OverviewAlert[],
): OverviewAlert[] {
  const ids = new Set(open.map((a) => a.id));
  return [...open, ...earlier.filter((a) => !ids.has(a.id)).map((a) => ({ ...a, read: true }))].slice(
    0,
    MAX_ALERTS_SHOWN,
  );
}

/**
 * The overview beside the chat, read again whenever `version` changes (a turn that changed data) and
 * on `reload`. The last good overview stays on screen while a new one loads. It is only loaded while
 * it is on screen (`enabled`), so the open alerts it brings are seen: they are marked read at once.
 */
export function useOverview(session: AuthSession, apiBase: string, version: number, enabled = true) {
  const [state, setState] = useState<OverviewState>({ status: 'loading', overview: null });
  const latest = useRef(0);
  const shownAlerts = useRef<OverviewAlert[]>([]);

  const load = useCallback(async () => {
    const request = ++latest.current;
    setState((s) => ({ status: 'loading', overview: s.overview }));
    let headers: Record<string, string>;
    try {
      headers = await session.requestHeaders();
    } catch (error) {
      if (request === latest.current) {
        setState((s) => ({
          status: 'failed',
          overview: s.overview,
          message: error instanceof Error ? error.message : String(error),
        }));
      }
      return;
    }
    const result = await fetchOverview(apiBase, headers);
    // An older answer arriving after a newer request must not overwrite it.
    if (request !== latest.current) return;
    if (!result.ok) {
      setState((s) => ({ status: 'failed', overview: s.overview, message: result.message }));
      return;
    }
    const alerts = withEarlierAlerts(result.overview.alerts, shownAlerts.current);
    shownAlerts.current = alerts;
    setState({ status: 'ready', overview: { ...result.overview, alerts } });
    const open = result.overview.alerts.filter((a) => !a.read).map((a) => a.id);
    if (open.length > 0) void markAlertsRead(apiBase, headers, open);
  }, [apiBase, session]);

  useEffect(() => {
    if (enabled) void load();
  }, [load, version, enabled]);

  return { state, reload: load };
}
