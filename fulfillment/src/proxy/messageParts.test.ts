/**
 * The request attributes the proxy sends for a message split into items, read at the SDK boundary
 * (the only place AWS is stood in for): every part carries the same bb:messageId, its bb:part, and an
 * idempotency key of its own that a retry repeats.
 */
import type { LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { MESSAGE_ID_ATTRIBUTE, MESSAGE_PART_ATTRIBUTE, REQUEST_ID_ATTRIBUTE } from '@budgetbuddy/bot';
import { createProxyApp, silentLogger } from './app';

function recordingLex(): { lex: LexRuntimeV2Client; sent: RecognizeTextCommand['input'][] } {
  const sent: RecognizeTextCommand['input'][] = [];
  const lex = {
    send: async (command: RecognizeTextCommand) => {
      sent.push(command.input);
      return {
        messages: [{ contentType: 'PlainText', content: `Logged ${command.input.text}.` }],
        sessionState: { intent: { name: 'LogExpense' }, dialogAction: { type: 'Close' } },
      };
    },
  } as unknown as LexRuntimeV2Client;
  return { lex, sent };
}

async function post(lex: LexRuntimeV2Client, text: string, clientMessageId?: string): Promise<unknown> {
  const app = createProxyApp({
    lex,
    botConfig: async () => ({ botId: 'B', botAliasId: 'A', localeId: 'en_US' }),
    identityKeys: async () => ({ current: 'local-test-identity-key-0123456789abcdef' }),
    identify: () => 'user-1',
    logger: silentLogger,
  });
  const res = await app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, ...(clientMessageId ? { clientMessageId } : {}) }),
  });
  return res.json();
}

test('each part is its own turn with the same message id and its own, stable idempotency key', async () => {
  const { lex, sent } = recordingLex();
  const reply = await post(lex, 'coffee 4 and muffin 3.50', 'msg-12345678');
  expect(sent.map((s) => s.text)).toEqual(['coffee 4', 'muffin 3.50']);
  const attrs = sent.map((s) => s.requestAttributes ?? {});
  expect(attrs.map((a) => a[MESSAGE_PART_ATTRIBUTE])).toEqual(['1/2', '2/2']);
  expect(new Set(attrs.map((a) => a[MESSAGE_ID_ATTRIBUTE])).size).toBe(1);
  expect(new Set(attrs.map((a) => a[REQUEST_ID_ATTRIBUTE])).size).toBe(2);
  expect(reply).toEqual({
    messages: [
      { type: 'text', text: 'Logged coffee 4.' },
      { type: 'text', text: 'Logged muffin 3.50.' },
    ],
    intent: 'LogExpense',
    dialogState: 'Close',
  });

  await post(lex, 'coffee 4 and muffin 3.50', 'msg-12345678');
  expect(sent.slice(2).map((s) => s.requestAttributes?.[REQUEST_ID_ATTRIBUTE])).toEqual(
    attrs.map((a) => a[REQUEST_ID_ATTRIBUTE]),
  );
});

test('a message that is one request goes as one turn, its message id equal to its request id', async () => {
  const { lex, sent } = recordingLex();
  await post(lex, '3 dollars and 25 cents on coffee');
  expect(sent).toHaveLength(1);
  const a = sent[0]?.requestAttributes ?? {};
  expect(a[MESSAGE_PART_ATTRIBUTE]).toBe('1/1');
  expect(a[MESSAGE_ID_ATTRIBUTE]).toBe(a[REQUEST_ID_ATTRIBUTE]);
});
