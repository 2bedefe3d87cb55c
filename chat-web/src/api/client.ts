import {
  chatErrorSchema,
  chatReplySchema,
  type ChatReply,
  type ChatRequest,
} from '@budgetbuddy/fulfillment/chat-api';

export type SendResult =
  | { ok: true; reply: ChatReply }
  | {
      ok: false;
      message: string;
      /** Worth trying again unchanged (network, 5xx, 429). */ retryable: boolean;
    };

const REQUEST_TIMEOUT_MS = 20_000;
const NETWORK_ERROR = "Couldn't reach BudgetBuddy. Check your connection, then retry.";
const SERVER_ERROR = 'BudgetBuddy had a problem answering. Please retry.';
const BUSY_ERROR = "You're sending messages too quickly. Wait a moment, then retry.";

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** POST /api/chat. Never throws: every failure becomes a sentence the UI can show. */
export async function sendChat(
  apiBase: string,
  request: ChatRequest,
  headers: Record<string, string>,
  fetchImpl: typeof fetch = fetch,
): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetchImpl(`${apiBase}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, message: NETWORK_ERROR, retryable: true };
  }
  const body = await readJson(response);
  if (response.ok) {
    const reply = chatReplySchema.safeParse(body);
    if (reply.success) return { ok: true, reply: reply.data };
  }

  const retryable = response.status === 429 || response.status >= 500 || response.ok;
  const error = chatErrorSchema.safeParse(body);
  if (error.success) return { ok: false, message: error.data.error.message, retryable };
  if (response.status === 429) return { ok: false, message: BUSY_ERROR, retryable };
  return { ok: false, message: SERVER_ERROR, retryable };
}
