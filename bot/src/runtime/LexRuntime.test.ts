/**
 * Lex V2 dialog semantics, driven in-process through LexRuntime with a scripted NLU and a recording
 * code hook (the Lambda's stand-in). The wire protocol is covered by server.test.ts.
 */
import { lexEventSchema, type LexEvent, type LexSessionState } from '../lex/schemas';
import type { Nlu, NluContext } from '../dialog/types';
import {
  ConflictException,
  DependencyFailedException,
  ResourceNotFoundException,
  ValidationException,
} from './errors';
import { LexRuntime } from './LexRuntime';
import type { RecognizeTextOutput } from './wireTypes';
import { RecordingCodeHook, delegate } from './testing/RecordingCodeHook';
import { TEST_TTL_SECONDS, testBot, testNlu } from './testing/testBot';
import { SettableClock } from '../testing';

const PATH = { botId: 'BBLOCALBOT', botAliasId: 'TSTALIASID', localeId: 'en_US', sessionId: 'user-1' };

function setup(opts: { nlu?: Nlu; codeHookTimeoutMs?: number } = {}) {
  const clock = new SettableClock('2026-11-24T12:00:00Z', { advancePerReadMs: 0 });
  const hook = new RecordingCodeHook();
  const runtime = new LexRuntime({
    definition: testBot,
    nlu: opts.nlu ?? testNlu,
    codeHook: hook.hook,
    clock,
    ...(opts.codeHookTimeoutMs ? { codeHookTimeoutMs: opts.codeHookTimeoutMs } : {}),
  });
  const say = (
    text: string,
    extra: { sessionState?: LexSessionState; requestAttributes?: Record<string, string> } = {},
  ): Promise<RecognizeTextOutput> => runtime.recognizeText({ ...PATH, text, ...extra });
  return { clock, hook, runtime, say };
}

const texts = (out: RecognizeTextOutput): string[] => out.messages.map((m) => m.content ?? '');
const lastEvent = (hook: RecordingCodeHook): LexEvent => {
  const event = hook.events.at(-1);
  if (!event) throw new Error('the code hook was not invoked');
  return event;
};

/** Every event the runtime produced must be one the real Lambda contract accepts. */
function expectValidEvents(hook: RecordingCodeHook): void {
  for (const event of hook.events) expect(lexEventSchema.safeParse(event).success).toBe(true);
}

describe('LexRuntime dialog semantics', () => {
  it('runs the dialog hook and then the fulfillment hook for a complete utterance', async () => {
    const { hook, say } = setup();
    const out = await say('spent 12.50 on lunch');

    expect(texts(out)).toEqual(['Logged 12.50 for Food.']);
    expect(out.sessionState.dialogAction).toEqual({ type: 'Close' });
    expect(out.sessionState.intent?.state).toBe('Fulfilled');
    expect(hook.events.map((e) => e.invocationSource)).toEqual(['DialogCodeHook', 'FulfillmentCodeHook']);
    expectValidEvents(hook);

    const [dialog, fulfillment] = hook.events;
    expect(dialog?.interpretations[0]).toMatchObject({ intent: { name: 'LogExpense' }, nluConfidence: 0.92 });
    const fallback = dialog?.interpretations.find((i) => i.intent.name === 'FallbackIntent');
    expect(fallback).toBeDefined();
    expect(fallback?.nluConfidence).toBeUndefined();
    expect(dialog?.sessionState.intent?.slots).toEqual({
      Amount: {
        shape: 'Scalar',
        value: { originalValue: '12.50', interpretedValue: '12.50', resolvedValues: ['12.50'] },
      },
      Category: {
        shape: 'Scalar',
        value: { originalValue: 'lunch', interpretedValue: 'Food', resolvedValues: ['Food'] },
      },
      Note: null,
    });
    expect(dialog?.proposedNextState).toBeUndefined();
    expect(fulfillment?.sessionState.intent?.state).toBe('ReadyForFulfillment');
    expect(fulfillment?.bot).toEqual({
      id: 'BBLOCALBOT',
      name: 'TestBot',
      aliasId: 'TSTALIASID',
      aliasName: 'TestBotAlias',
      localeId: 'en_US',
      version: 'DRAFT',
    });
    expect(out.interpretations[0]?.nluConfidence).toEqual({ score: 0.92 });
  });

  it('elicits missing required slots in priority order and fills several from one answer', async () => {
    const { hook, say } = setup();
    const first = await say('I spent some money');
    expect(texts(first)).toEqual(['How much did you spend?']);
    expect(first.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Amount' });
    expect(lastEvent(hook).proposedNextState).toMatchObject({
      dialogAction: { type: 'ElicitSlot', slotToElicit: 'Amount' },
      prompt: { attempt: 'Initial' },
    });

    const second = await say('45 for groceries');
    expect(texts(second)).toEqual(['Logged 45 for Groceries.']);
    expect(second.interpretations[0]).toMatchObject({
      intent: { name: 'LogExpense' },
      nluConfidence: { score: 1 },
    });
    expectValidEvents(hook);
  });

  it('re-prompts the pending slot on answers it cannot use, then falls back', async () => {
    const { say } = setup();
    expect(texts(await say('I spent something'))).toEqual(['How much did you spend?']);
    const retry1 = await say('a banana');
    expect(texts(retry1)).toEqual(['How much did you spend?']);
    expect(retry1.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Amount' });
    expect(texts(await say('a banana'))).toEqual(['How much did you spend?']);
    const gaveUp = await say('a banana');
    expect(texts(gaveUp)).toEqual(['Sorry, I can log expenses and set budgets.']);
    expect(gaveUp.sessionState.intent?.name).toBe('FallbackIntent');
    expect(gaveUp.sessionState.dialogAction?.type).toBe('Close');
  });

  it('switches intent when a prompt is answered with a clearly different request', async () => {
    const { say } = setup();
    await say('I spent something');
    const out = await say('hello');
    expect(texts(out)).toEqual(['Hi there!']);
    expect(out.sessionState.intent).toMatchObject({ name: 'Greeting', state: 'Fulfilled' });
  });

  it('answers a denied confirmation with the declination response and fails the intent', async () => {
    const { say } = setup();
    const ask = await say('set my groceries budget to 400');
    expect(texts(ask)).toEqual(['Set that budget?']);
    expect(ask.sessionState.dialogAction).toEqual({ type: 'ConfirmIntent' });
    const out = await say('no');
    expect(texts(out)).toEqual(["Okay, I won't change your budget."]);
    expect(out.sessionState.intent).toMatchObject({
      name: 'SetBudget',
      state: 'Failed',
      confirmationState: 'Denied',
    });
  });

  it('re-asks a confirmation it does not understand, then falls back', async () => {
    const { say } = setup();
    await say('set my food budget to 300');
    expect(texts(await say('maybe later'))).toEqual(['Set that budget?']);
    const out = await say('maybe later');
    expect(out.sessionState.intent?.name).toBe('FallbackIntent');
  });

  it('fulfils a confirmed intent and activates its output context for its turns and seconds', async () => {
    const { say, clock } = setup();
    await say('set my food budget to 300');
    const done = await say('yes');
    expect(texts(done)).toEqual(['Great.', 'Budget saved.']);
    expect(done.sessionState.activeContexts).toEqual([
      { name: 'budgetSet', timeToLive: { timeToLiveInSeconds: 90, turnsToLive: 2 }, contextAttributes: {} },
    ]);
    // CheckBudget needs the context: available for exactly two turns.
    expect(texts(await say('how is my budget'))).toEqual(['Your budget is fine.']);
    expect(texts(await say('how is my budget'))).toEqual(['Your budget is fine.']);
    expect((await say('how is my budget')).sessionState.intent?.name).toBe('FallbackIntent');

    await say('set my food budget to 300');
    await say('yes');
    clock.tick(91_000);
    expect((await say('how is my budget')).sessionState.intent?.name).toBe('FallbackIntent');
  });

  it('carries session attributes between turns and applies the sessionState override rule', async () => {
    const { hook, say } = setup();
    const context = {
      name: 'lastTxn',
      timeToLive: { timeToLiveInSeconds: 600, turnsToLive: 5 },
      contextAttributes: { id: 't-1' },
    };
    hook.reply((e) => ({
      ...delegate(e),
      sessionState: { ...delegate(e).sessionState, activeContexts: [context] },
    }));
    await say('I spent something', { sessionState: { sessionAttributes: { 'bb:userId': 'u-1' } } });

    // The proxy sends only sessionAttributes: the pending slot and the contexts survive.
    const answered = await say('12 for lunch', {
      sessionState: { sessionAttributes: { 'bb:userId': 'u-1' } },
    });
    expect(texts(answered)).toEqual(['Logged 12 for Food.']);
    const dialogEvent = hook.events[1];
    expect(dialogEvent?.sessionState.sessionAttributes).toEqual({ 'bb:userId': 'u-1' });
    expect(dialogEvent?.sessionState.activeContexts).toEqual([
      { ...context, timeToLive: { timeToLiveInSeconds: 600, turnsToLive: 5 } },
    ]);

    // Omitted sessionState: everything stored is kept, contexts age by one turn.
    await say('spent 3 on taxi');
    expect(lastEvent(hook).sessionState.sessionAttributes).toEqual({ 'bb:userId': 'u-1' });
    expect(lastEvent(hook).sessionState.activeContexts?.[0]?.timeToLive.turnsToLive).toBe(4);

    // sessionAttributes replace wholesale; activeContexts [] clears.
    await say('spent 4 on taxi', { sessionState: { sessionAttributes: { other: 'x' }, activeContexts: [] } });
    expect(lastEvent(hook).sessionState.sessionAttributes).toEqual({ other: 'x' });
    expect(lastEvent(hook).sessionState.activeContexts).toEqual([]);
  });

  it('keeps request attributes per request only', async () => {
    const { hook, say } = setup();
    const out = await say('spent 5 on food', { requestAttributes: { 'bb:requestId': 'r-1' } });
    expect(out.requestAttributes).toEqual({ 'bb:requestId': 'r-1' });
    expect(lastEvent(hook).requestAttributes).toEqual({ 'bb:requestId': 'r-1' });
    await say('spent 6 on food');
    expect(lastEvent(hook).requestAttributes).toEqual({});
  });

  it('honours ElicitSlot and ConfirmIntent returned by the dialog hook', async () => {
    const { hook, say } = setup();
    hook.reply((e) => ({
      sessionState: {
        dialogAction: { type: 'ElicitSlot', slotToElicit: 'Note' },
        intent: e.sessionState.intent,
      },
      messages: [{ contentType: 'PlainText', content: 'Want to add a note?' }],
    }));
    const ask = await say('spent 20 on food');
    expect(texts(ask)).toEqual(['Want to add a note?']);
    expect(ask.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Note' });

    hook.reply((e) => ({
      sessionState: { dialogAction: { type: 'ConfirmIntent' }, intent: e.sessionState.intent },
      messages: [{ contentType: 'PlainText', content: 'Log 20 for Food with that note?' }],
    }));
    const confirm = await say('birthday cake');
    expect(texts(confirm)).toEqual(['Log 20 for Food with that note?']);
    expect(lastEvent(hook).sessionState.intent?.slots?.Note?.value?.interpretedValue).toBe('birthday cake');

    const done = await say('yes');
    expect(texts(done)).toEqual(['Logged 20 for Food.']);
    const afterConfirm = hook.events.at(-2);
    expect(afterConfirm?.invocationSource).toBe('DialogCodeHook');
    expect(afterConfirm?.sessionState.intent?.confirmationState).toBe('Confirmed');
    expectValidEvents(hook);
  });

  it('never fulfils an intent the user denied, even when the hook asked and then delegates', async () => {
    const { hook, say } = setup();
    hook.reply((e) => ({
      sessionState: { dialogAction: { type: 'ConfirmIntent' }, intent: e.sessionState.intent },
      messages: [{ contentType: 'PlainText', content: 'Really log 99 for Food?' }],
    }));
    expect(texts(await say('spent 99 on food'))).toEqual(['Really log 99 for Food?']);
    const out = await say('no');
    expect(out.sessionState.intent).toMatchObject({ state: 'Failed', confirmationState: 'Denied' });
    expect(hook.events.map((e) => e.invocationSource)).toEqual(['DialogCodeHook', 'DialogCodeHook']);
  });

  it('starts fresh after ElicitIntent from the hook', async () => {
    const { hook, say } = setup();
    hook.reply(() => ({
      sessionState: { dialogAction: { type: 'ElicitIntent' } },
      messages: [{ contentType: 'PlainText', content: 'What would you like to do?' }],
    }));
    const out = await say('spent 1 on food');
    expect(texts(out)).toEqual(['What would you like to do?']);
    expect(out.sessionState.dialogAction).toEqual({ type: 'ElicitIntent' });
    expect(texts(await say('hello'))).toEqual(['Hi there!']);
  });

  it('fails with DependencyFailedException when the hook throws, times out or answers badly', async () => {
    const { hook, say } = setup({ codeHookTimeoutMs: 50 });
    hook.reply(() => {
      throw new Error('boom');
    });
    await expect(say('spent 5 on food')).rejects.toBeInstanceOf(DependencyFailedException);

    hook.reply(() => new Promise((resolve) => setTimeout(() => resolve(delegate(lastEvent(hook))), 200)));
    await expect(say('spent 5 on food')).rejects.toThrow(/timed out/);

    hook.reply(() => ({
      sessionState: { dialogAction: { type: 'ElicitSlot' }, intent: { name: 'LogExpense' } },
    }));
    await expect(say('spent 5 on food')).rejects.toThrow(/slotToElicit/);

    hook.reply(() => ({
      sessionState: { dialogAction: { type: 'Close' }, intent: { name: 'NoSuchIntent' } },
    }));
    await expect(say('spent 5 on food')).rejects.toBeInstanceOf(DependencyFailedException);

    // A failed turn changes nothing: the next one works normally.
    expect(texts(await say('spent 5 on food'))).toEqual(['Logged 5 for Food.']);
  });

  it('forgets a session after the idle TTL', async () => {
    const { clock, runtime, say } = setup();
    await say('I spent something');
    clock.tick((TEST_TTL_SECONDS - 1) * 1000);
    expect(runtime.getSession(PATH).sessionState.dialogAction?.slotToElicit).toBe('Amount');
    clock.tick(TEST_TTL_SECONDS * 1000);
    expect(() => runtime.getSession(PATH)).toThrow(ResourceNotFoundException);
    // "45" alone no longer answers a prompt, so it is not understood.
    expect((await say('45')).sessionState.intent?.name).toBe('FallbackIntent');
  });

  it('passes the request time zone to the NLU, or UTC when it is not a real zone', async () => {
    const seen: NluContext[] = [];
    const spy: Nlu = {
      ...testNlu,
      interpret: (text, ctx) => {
        seen.push(ctx);
        return testNlu.interpret(text, ctx);
      },
    };
    const { say } = setup({ nlu: spy });
    await say('hello', { requestAttributes: { 'x-amz-lex:time-zone': 'Asia/Ho_Chi_Minh' } });
    await say('hello', { requestAttributes: { 'x-amz-lex:time-zone': 'Mars/Olympus_Mons' } });
    expect(seen.map((c) => c.timeZone)).toEqual(['Asia/Ho_Chi_Minh', 'UTC']);
    expect(seen[0]?.now.toISOString()).toBe('2026-11-24T12:00:00.000Z');
  });

  it('refuses a second concurrent request on one session', async () => {
    const { hook, say } = setup();
    let release: () => void = () => undefined;
    hook.reply((e) => new Promise((resolve) => (release = () => resolve(delegate(e)))));
    const slow = say('spent 5 on food');
    await expect(say('hello')).rejects.toBeInstanceOf(ConflictException);
    release();
    expect(texts(await slow)).toEqual(['Logged 5 for Food.']);
  });

  it('validates input like Lex', async () => {
    const { runtime, say } = setup();
    await expect(say('')).rejects.toBeInstanceOf(ValidationException);
    await expect(say('x'.repeat(1025))).rejects.toBeInstanceOf(ValidationException);
    await expect(say('é'.repeat(1024))).resolves.toBeDefined();
    await expect(runtime.recognizeText({ ...PATH, sessionId: 'a', text: 'hi' })).rejects.toBeInstanceOf(
      ValidationException,
    );
    await expect(runtime.recognizeText({ ...PATH, sessionId: 'bad/id', text: 'hi' })).rejects.toBeInstanceOf(
      ValidationException,
    );
    await expect(runtime.recognizeText({ ...PATH, botId: 'NOSUCHBOT1', text: 'hi' })).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    await expect(
      runtime.recognizeText({ ...PATH, botAliasId: 'OTHERALIAS', text: 'hi' }),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(runtime.recognizeText({ ...PATH, localeId: 'fr_FR', text: 'hi' })).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    await expect(say('hi', { sessionState: { intent: { name: 'NoSuchIntent' } } })).rejects.toBeInstanceOf(
      ValidationException,
    );
  });

  it('lets PutSession place the dialog on a slot prompt and delegate an intent', async () => {
    const { runtime, say } = setup();
    await runtime.putSession({
      ...PATH,
      sessionState: {
        dialogAction: { type: 'ElicitSlot', slotToElicit: 'Category' },
        intent: {
          name: 'LogExpense',
          slots: { Amount: { shape: 'Scalar', value: { interpretedValue: '9' } } },
        },
        sessionAttributes: { 'bb:userId': 'u-2' },
      },
      messages: [{ contentType: 'PlainText', content: 'What was the 9 for?' }],
    });
    expect(texts(await say('taxi'))).toEqual(['Logged 9 for Transport.']);

    const delegated = await runtime.putSession({
      ...PATH,
      sessionState: { dialogAction: { type: 'Delegate' }, intent: { name: 'SetBudget' } },
    });
    expect(delegated.messages).toEqual([{ contentType: 'PlainText', content: 'Which category?' }]);
    expect(delegated.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Category' });
  });
});
