import { useCallback, useEffect, useRef, useState } from 'react';
import type { Overview } from '@budgetbuddy/fulfillment/chat-api';
import { fetchOverview } from '../api/overviewClient';
import type { AuthSession } from '../auth/AuthSession';

export type OverviewState =
  | { status: 'loading'; overview: Overview | null }
  | { status: 'ready'; overview: Overview }
  | { status: 'failed'; overview: Overview | null; message: string };

/**
 * The overview beside the chat, read again whenever `version` changes (a turn that changed data) and
 * on `reload`. The last good overview stays on screen while a new one loads.
 */
export function useOverview(session: AuthSession, apiBase: string, version: number, enabled = true) {
  const [state, setState] = useState<OverviewState>({ status: 'loading', overview: null });
  const latest = useRef(0);

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
    setState((s) =>
      result.ok
        ? { status: 'ready', overview: result.overview }
        : { status: 'failed', overview: s.overview, message: result.message },
    );
  }, [apiBase, session]);

  useEffect(() => {
    if (enabled) void load();
  }, [load, version, enabled]);

  return { state, reload: load };
}
