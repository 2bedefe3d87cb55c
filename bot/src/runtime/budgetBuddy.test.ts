/**
 * The runtime with the real bot definition and the trained NLU, over the SDK's default HTTP/2 client:
 * what `npm start` runs, minus the fulfillment Lambda (a recording code hook stands in for it).
 */
import { LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { budgetBuddyBot } from '../definition/bot';
import { LogExpense } from '../definition/intents/LogExpense';
import { LOCAL_BOT_ALIAS_ID, LOCAL_BOT_ID, LOCALE_ID } from '../definition/names';
import { lexEventSchema } from '../lex/schemas';
import { createNlu } from '../nlu';
import { startLexServer, type LexServer } from './server';
import { RecordingCodeHook } from './testing/RecordingCodeHook';
import { SettableClock } from '../testing';

let server: LexServer;
let client: LexRuntimeV2Client;
const hook = new RecordingCodeHook();

beforeAll(async () => {
  const nlu = await createNlu(budgetBuddyBot, LOCALE_ID);
  server = await startLexServer({
    definition: budgetBuddyBot,
    nlu,
    codeHook: hook.hook,
    clock: new SettableClock('2026-11-24T12:00:00Z', { advancePerReadMs: 0 }),
  });
  client = new LexRuntimeV2Client({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}, 30_000);

afterAll(async () => {
  client.destroy();
  await server.close();
});

beforeEach(() => hook.reset());

const say = (sessionId: string, text: string) =>
  client.send(
    new RecognizeTextCommand({
      botId: LOCAL_BOT_ID,
      botAliasId: LOCAL_BOT_ALIAS_ID,
      localeId: LOCALE_ID,
      sessionId,
      text,
    }),
  );

const promptOf = (slotName: string): string | undefined =>
  LogExpense.slots.find((s) => s.name === slotName)?.prompt.messageGroups[0]?.message;

describe('BudgetBuddy on the local runtime', () => {
  // The bot declares only the dialog hook on its intents: that one invocation validates, writes and
  // answers (README, "The code hook"), so a complete expense reaches it once, with every slot resolved.
  it('hands a complete expense to the dialog code hook with resolved slots', async () => {
    await say('bb-1', 'spent 12.50 on lunch');
    expect(hook.events.map((e) => e.invocationSource)).toEqual(['DialogCodeHook']);
    const [dialog] = hook.events;
    expect(dialog?.sessionState.intent?.name).toBe('LogExpense');
    expect(dialog?.sessionState.intent?.slots?.Amount?.value?.interpretedValue).toBe('12.5');
    expect(dialog?.sessionState.intent?.slots?.Category?.value?.interpretedValue).toBe('Food');
    for (const event of hook.events) expect(lexEventSchema.safeParse(event).success).toBe(true);
  });

  it('asks for what is missing and takes two slots from one answer', async () => {
    const ask = await say('bb-2', 'log an expense');
    expect(ask.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Amount' });
    expect(ask.messages?.[0]?.content).toBe(promptOf('Amount'));
    const done = await say('bb-2', '45 for groceries');
    expect(done.sessionState?.intent?.state).toBe('Fulfilled');
    const slots = hook.events.at(-1)?.sessionState.intent?.slots;
    expect(slots?.Amount?.value?.interpretedValue).toBe('45');
    expect(slots?.Category?.value?.interpretedValue).toBe('Groceries');
  });

  it('sends out-of-scope text to FallbackIntent', async () => {
    const out = await say('bb-3', 'what is the weather on mars');
    expect(out.sessionState?.intent?.name).toBe('FallbackIntent');
    expect(hook.events[0]?.invocationSource).toBe('FulfillmentCodeHook');
    expect(hook.events[0]?.interpretations[0]?.nluConfidence).toBeUndefined();
  });

  describe('while a question is open, a request of its own switches intent (issue 11)', () => {
    const categoryOf = (event: (typeof hook.events)[number] | undefined): string | undefined =>
      event?.sessionState.intent?.slots?.Category?.value?.interpretedValue;
    const amountOf = (event: (typeof hook.events)[number] | undefined): string | undefined =>
      event?.sessionState.intent?.slots?.Amount?.value?.interpretedValue;

    // The draft names no item: an item the bot has no category for ("a gizmo") fills Category with the
    // person's word, and it is fulfillment, not the runtime, that asks about it.
    it('takes a new amount with an item as a new expense, not as the category of the draft', async () => {
      const ask = await say('bb-switch-1', 'I spent 9');
      expect(ask.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Category' });
      const next = await say('bb-switch-1', 'spotify 10.99');
      expect(next.sessionState?.intent?.name).toBe('LogExpense');
      expect(next.sessionState?.intent?.state).toBe('Fulfilled');
      // The draft's 9 never gets the new item's category: only the new expense is complete.
      const complete = hook.events.filter((e) => categoryOf(e) !== undefined && amountOf(e) !== undefined);
      expect(complete.map((e) => [amountOf(e), categoryOf(e)])).toEqual([['10.99', 'Subscriptions']]);
    });

    it('answers a question asked instead of the category', async () => {
      await say('bb-switch-2', 'I spent 9');
      const next = await say('bb-switch-2', 'how much have i spent lately');
      expect(next.sessionState?.intent?.name).toBe('QuerySpending');
      expect(next.sessionState?.intent?.state).toBe('Fulfilled');
    });

    it("still takes a plain answer, alone or in the slot's own words, as the answer", async () => {
      for (const [session, answer] of [
        ['bb-switch-3', 'groceries'],
        ['bb-switch-4', 'it was for groceries'],
        ['bb-switch-5', 'put it under groceries'],
      ] as const) {
        hook.reset();
        await say(session, 'I spent 9');
        const done = await say(session, answer);
        expect({ answer, intent: done.sessionState?.intent?.name }).toEqual({ answer, intent: 'LogExpense' });
        const last = hook.events.at(-1);
        expect(amountOf(last)).toBe('9');
        expect(categoryOf(last)).toBe('Groceries');
      }
    });

    it('takes the same amount said again with the category as the answer', async () => {
      await say('bb-switch-6', 'I spent 9');
      const done = await say('bb-switch-6', '9 for groceries');
      expect(done.sessionState?.intent?.state).toBe('Fulfilled');
      expect(amountOf(hook.events.at(-1))).toBe('9');
      expect(categoryOf(hook.events.at(-1))).toBe('Groceries');
    });

    it('switches away from a confirmation when the reply is a new expense', async () => {
      hook.reply((event) => ({
        sessionState: {
          dialogAction: { type: 'ConfirmIntent' },
          intent: { ...event.sessionState.intent, name: 'LogExpense', state: 'InProgress' },
          sessionAttributes: {},
        },
        messages: [{ contentType: 'PlainText', content: 'Did you mean $9 for Shopping?' }],
      }));
      const ask = await say('bb-switch-7', 'bought a gizmo for 9');
      expect(ask.sessionState?.dialogAction?.type).toBe('ConfirmIntent');
      const next = await say('bb-switch-7', 'spotify 10.99');
      expect(next.sessionState?.intent?.state).toBe('Fulfilled');
      expect(amountOf(hook.events.at(-1))).toBe('10.99');
    });
  });
});
