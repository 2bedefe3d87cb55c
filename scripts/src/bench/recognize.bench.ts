/**
 * The local Lex runtime's own overhead per turn: RecognizeText round trips through the AWS SDK (its
 * default HTTP/2 handler, as the proxy uses it) against the real NLU and a code hook that closes at
 * once, so neither DynamoDB nor fulfillment logic is in the figure.
 */
import { LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { budgetBuddyBot, LOCAL_BOT_ALIAS_ID, LOCAL_BOT_ID, LOCALE_ID } from '@budgetbuddy/bot';
import type { CodeHook } from '@budgetbuddy/bot/lex';
import { createNlu } from '@budgetbuddy/bot/nlu';
import { startLexServer } from '@budgetbuddy/bot/runtime';
import { recognizeTextInput } from '@budgetbuddy/fulfillment/proxy';

export const title = 'Lex runtime RecognizeText round trip';

const WARM_UP = 200;
const MEASURED = 2000;
const UTTERANCES = [
  'spent 12.50 on lunch',
  'how much did I spend on food last month?',
  'set my grocery budget to 400',
  'hello',
  'what is the weather on mars',
];

const closeAtOnce: CodeHook = async (event) => ({
  sessionState: {
    dialogAction: event.invocationSource === 'DialogCodeHook' ? { type: 'Delegate' } : { type: 'Close' },
    intent: {
      ...event.sessionState.intent,
      name: event.sessionState.intent?.name ?? 'FallbackIntent',
      state: 'Fulfilled',
    },
    sessionAttributes: event.sessionState.sessionAttributes ?? {},
  },
  ...(event.invocationSource === 'FulfillmentCodeHook'
    ? { messages: [{ contentType: 'PlainText' as const, content: 'Done.' }] }
    : {}),
});

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 1000) / 1000;
}

export async function run(): Promise<Record<string, number>> {
  const nlu = await createNlu(budgetBuddyBot, LOCALE_ID);
  const server = await startLexServer({ definition: budgetBuddyBot, nlu, codeHook: closeAtOnce });
  const client = new LexRuntimeV2Client({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    const timings: number[] = [];
    for (let i = 0; i < WARM_UP + MEASURED; i++) {
      const command = new RecognizeTextCommand(
        recognizeTextInput({
          bot: { botId: LOCAL_BOT_ID, botAliasId: LOCAL_BOT_ALIAS_ID, localeId: LOCALE_ID },
          sessionId: `bench-${i % 20}`,
          text: UTTERANCES[i % UTTERANCES.length] ?? 'hello',
          userId: 'bench-user',
        }),
      );
      const started = performance.now();
      await client.send(command);
      if (i >= WARM_UP) timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    return { recognize_p50_ms: percentile(timings, 50), recognize_p99_ms: percentile(timings, 99) };
  } finally {
    client.destroy();
    await server.close();
  }
}
