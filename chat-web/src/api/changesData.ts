import type { ChatReply } from '@budgetbuddy/fulfillment/chat-api';

/**
 * Whether a chat turn may have changed data, so the overview should be read again. ../shared/DESIGN.md's intent
 * naming rule says which intents only read (Query*, Check*, List*, Show*, Get*, and a few named ones);
 * every other intent may write, and it has written once its turn is closed (not while it still asks).
 */
const READ_PREFIX = /^(?:Query|Check|List|Show|Get)/;
const READ_NAMES = new Set(['Help', 'Greeting', 'SmallTalk', 'Cancel', 'SpendingInsights', 'FallbackIntent']);

export function changesData(reply: Pick<ChatReply, 'intent' | 'dialogState'>): boolean {
  const intent = reply.intent;
  if (!intent || READ_PREFIX.test(intent) || READ_NAMES.has(intent)) return false;
  return reply.dialogState === 'Close';
}
