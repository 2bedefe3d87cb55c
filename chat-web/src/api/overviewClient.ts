import { overviewSchema, type Overview } from '@budgetbuddy/fulfillment/chat-api';
import { chatErrorSchema } from '@budgetbuddy/fulfillment/chat-api';

export type OverviewResult = { ok: true; overview: Overview } | { ok: false; message: string };

const REQUEST_TIMEOUT_MS = 15_000;
const UNREADABLE = "Your overview couldn't be loaded just now.";

function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** GET /api/overview, validated with the schema the server's tests check it against. Never throws. */
export async function fetchOverview(
  apiBase: string,
  headers: Record<string, string>,
  fetchImpl: typeof fetch = fetch,
): Promise<OverviewResult> {
  const zone = browserTimeZone();
  let response: Response;
  try {
    response = await fetchImpl(
      `${apiBase}/api/overview${zone ? `?timeZone=${encodeURIComponent(zone)}` : ''}`,
      { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
    );
  } catch {
    return { ok: false, message: UNREADABLE };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, message: UNREADABLE };
  }
  if (response.ok) {
    const parsed = overviewSchema.safeParse(body);
    return parsed.success ? { ok: true, overview: parsed.data } : { ok: false, message: UNREADABLE };
  }
  const error = chatErrorSchema.safeParse(body);
  return { ok: false, message: error.success ? error.data.error.message : UNREADABLE };
}
