import { markAlertsReadReplySchema } from '@budgetbuddy/fulfillment/chat-api';

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * POST /api/alerts/read: these alerts have been on screen. Never throws: an alert not marked read
 * only shows again next time, which is better than an error over something the person has just read.
 */
export async function markAlertsRead(
  apiBase: string,
  headers: Record<string, string>,
  ids: readonly string[],
  fetchImpl: typeof fetch = fetch,
): Promise<boolean> {
  if (ids.length === 0) return true;
  try {
    const response = await fetchImpl(`${apiBase}/api/alerts/read`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids: ids.slice(0, 20) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return response.ok && markAlertsReadReplySchema.safeParse(await response.json()).success;
  } catch {
    return false;
  }
}
