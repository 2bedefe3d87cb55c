/**
 * The two ways `npm run nlu:eval` gets a recognition for a line: the real Lex V2 runtime client against
 * a running runtime (what users get), or the NLU in-process (to iterate before a runtime exists).
 */
import { LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { budgetBuddyBot } from '@budgetbuddy/bot';
import {
  LOCALE_ID,
  LOCAL_BOT_ALIAS_ID,
  LOCAL_BOT_ID,
  TIME_ZONE_ATTRIBUTE,
  USER_ID_ATTRIBUTE,
} from '@budgetbuddy/bot';
import { createNlu } from '@budgetbuddy/bot/nlu';
import type { Recognition } from './scoring';

export type Recognize = (text: string, timeZone: string, index: number) => Promise<Recognition>;

export const EVAL_USER_ID = 'nlu-eval';

export function lexRecognizer(endpoint: string): { recognize: Recognize; close: () => void } {
  const client = new LexRuntimeV2Client({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const run = Date.now().toString(36);
  const recognize: Recognize = async (text, timeZone, index) => {
    const started = performance.now();
    const reply = await client.send(
      new RecognizeTextCommand({
        botId: LOCAL_BOT_ID,
        botAliasId: LOCAL_BOT_ALIAS_ID,
        localeId: LOCALE_ID,
        sessionId: `nlu-eval-${run}-${index}`,
        text,
        requestAttributes: { [TIME_ZONE_ATTRIBUTE]: timeZone },
        sessionState: { sessionAttributes: { [USER_ID_ATTRIBUTE]: EVAL_USER_ID } },
      }),
    );
    const latencyMs = performance.now() - started;
    const intent = reply.sessionState?.intent ?? reply.interpretations?.[0]?.intent;
    const slots: Record<string, string | null> = {};
    for (const [name, slot] of Object.entries(intent?.slots ?? {})) {
      slots[name] = slot?.value?.interpretedValue ?? null;
    }
    return { intent: intent?.name ?? null, slots, latencyMs };
  };
  return { recognize, close: () => client.destroy() };
}

export async function inProcessRecognizer(): Promise<Recognize> {
  const nlu = await createNlu(budgetBuddyBot, LOCALE_ID);
  return async (text, timeZone) => {
    const started = performance.now();
    const [top] = nlu.interpret(text, { timeZone, now: new Date() });
    const latencyMs = performance.now() - started;
    const slots: Record<string, string | null> = {};
    for (const [name, value] of Object.entries(top?.slots ?? {}))
      slots[name] = value?.interpretedValue ?? null;
    return { intent: top?.intentName ?? null, slots, latencyMs };
  };
}
