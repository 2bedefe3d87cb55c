/**
 * The two ways `npm run nlu:eval` gets a recognition for a line: the real Lex V2 runtime client against
 * a running runtime (what users get), or the NLU in-process (to iterate before a runtime exists).
 */
import { LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { budgetBuddyBot, LOCALE_ID, LOCAL_BOT_ALIAS_ID, LOCAL_BOT_ID } from '@budgetbuddy/bot';
import type { IdentityKeys } from '@budgetbuddy/fulfillment/code-hook';
import { recognizeTextInput } from '@budgetbuddy/fulfillment/proxy';
import { createNlu } from '@budgetbuddy/bot/nlu';
import type { Recognition } from './scoring';

export type Recognize = (text: string, timeZone: string, index: number) => Promise<Recognition>;

export const EVAL_USER_ID = 'nlu-eval';

/**
 * Recognitions from a running Lex runtime. With `identityKeys` (a stack started in-process) each turn's
 * user id is signed as the proxy signs it, so the code hook acts on it; without them (a runtime started
 * elsewhere) only what the NLU understood counts.
 */
export function lexRecognizer(
  endpoint: string,
  identityKeys?: () => Promise<IdentityKeys>,
): { recognize: Recognize; close: () => void } {
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
      new RecognizeTextCommand(
        recognizeTextInput({
          bot: { botId: LOCAL_BOT_ID, botAliasId: LOCAL_BOT_ALIAS_ID, localeId: LOCALE_ID },
          // A session per line: nothing one line leaves open colours the next.
          sessionId: `nlu-eval-${run}-${index}`,
          text,
          userId: EVAL_USER_ID,
          ...(identityKeys ? { keys: await identityKeys() } : {}),
          timeZone,
        }),
      ),
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
