import { lexResponseSchema } from '@budgetbuddy/bot/lex';
import { fixedClock } from './ports/Clock';
import { InMemoryLedgerRepository } from './store/InMemoryLedgerRepository';
import { createCodeHook } from './codeHook';
import { buildEvent, buttonsOf, DirectConversation, textOf } from '../test/support/lexEvents';

const clock = fixedClock('2026-11-22T17:00:00Z');

describe('createCodeHook', () => {
  it('refuses an event without a verified user id and writes nothing', async () => {
    const repo = new InMemoryLedgerRepository({ clock });
    const hook = createCodeHook({ repo, clock });
    const reply = await hook(
      buildEvent({ intent: 'LogExpense', slots: { Amount: '5', Category: 'Food' }, userId: null }),
    );
    expect(reply.sessionState.dialogAction.type).toBe('Close');
    expect(reply.sessionState.intent?.state).toBe('Failed');
    expect(textOf(reply)).toContain("can't tell who you are");
    expect(await repo.getProfile('')).toBeNull();
  });

  it('answers a malformed event with a sentence instead of throwing', async () => {
    const hook = createCodeHook({ repo: new InMemoryLedgerRepository({ clock }), clock, logError: () => {} });
    const reply = await hook({ sessionState: { intent: { name: 'LogExpense' } } } as never);
    expect(lexResponseSchema.safeParse(reply).success).toBe(true);
    expect(reply.sessionState.intent?.state).toBe('Failed');
    expect(textOf(reply)).toContain('nothing was saved');
  });

  it("stores the browser's time zone in the profile on first contact", async () => {
    const repo = new InMemoryLedgerRepository({ clock });
    const chat = new DirectConversation(createCodeHook({ repo, clock }), 'kiwi', 'Pacific/Auckland');
    await chat.send({ intent: 'Greeting', transcript: 'hi' });
    expect(await repo.getProfile('kiwi')).toEqual({
      currency: 'USD',
      timeZone: 'Pacific/Auckland',
      customCategories: [],
    });
  });

  it('dates a purchase in the user’s own time zone around midnight', async () => {
    // 23:30 on Nov 24 in Los Angeles is already 20:30 on Nov 25 in Auckland.
    const late = fixedClock('2026-11-25T07:30:00Z');
    const repo = new InMemoryLedgerRepository({ clock: late });
    const hook = createCodeHook({ repo, clock: late });
    await new DirectConversation(hook, 'la', 'America/Los_Angeles').send({
      intent: 'LogExpense',
      slots: { Amount: '8', Category: 'Food' },
    });
    await new DirectConversation(hook, 'akl', 'Pacific/Auckland').send({
      intent: 'LogExpense',
      slots: { Amount: '8', Category: 'Food' },
    });
    expect((await repo.listRecent('la', 1))[0]?.date).toBe('2026-11-24');
    expect((await repo.listRecent('akl', 1))[0]?.date).toBe('2026-11-25');
  });

  it('formats money in the profile currency, with no decimals for VND', async () => {
    const repo = new InMemoryLedgerRepository({ clock });
    await repo.putProfile('viet', { currency: 'VND', timeZone: 'Asia/Ho_Chi_Minh', customCategories: [] });
    const chat = new DirectConversation(createCodeHook({ repo, clock }), 'viet', 'Asia/Ho_Chi_Minh');
    const reply = await chat.send({ intent: 'LogExpense', slots: { Amount: '45000', Category: 'Food' } });
    expect(textOf(reply)).toContain('Logged ₫45,000 for Food today.');
    const decimals = await chat.send({ intent: 'LogExpense', slots: { Amount: '12.5', Category: 'Food' } });
    expect(textOf(decimals)).toContain('no decimal places');
  });

  it('the fallback helps with examples and buttons and never writes', async () => {
    const repo = new InMemoryLedgerRepository({ clock });
    const chat = new DirectConversation(createCodeHook({ repo, clock }));
    const reply = await chat.send({ intent: 'FallbackIntent', transcript: 'what is the weather on mars' });
    expect(reply.sessionState.dialogAction.type).toBe('Close');
    expect(textOf(reply)).toContain('spent 12.50 on lunch');
    expect(buttonsOf(reply).length).toBeGreaterThan(0);
    expect(await repo.listRecent('user-1', 1)).toHaveLength(0);
    expect(await repo.listBudgets('user-1')).toHaveLength(0);
  });

  it('answers Help and Greeting with example buttons the NLU understands', async () => {
    const chat = new DirectConversation(
      createCodeHook({ repo: new InMemoryLedgerRepository({ clock }), clock }),
    );
    for (const intent of ['Help', 'Greeting']) {
      const reply = await chat.send({ intent });
      const values = buttonsOf(reply).map((b) => b.value);
      expect(values).toContain('how much did I spend this month');
      expect(values.length).toBeLessThanOrEqual(5);
    }
  });

  it('keeps contexts it does not own and never drops the user id attribute', async () => {
    const repo = new InMemoryLedgerRepository({ clock });
    const hook = createCodeHook({ repo, clock });
    const foreign = {
      name: 'someOtherContext',
      timeToLive: { timeToLiveInSeconds: 60, turnsToLive: 2 },
      contextAttributes: {},
    };
    const reply = await hook(
      buildEvent({
        intent: 'LogExpense',
        slots: { Amount: '1', Category: 'Food' },
        activeContexts: [foreign],
      }),
    );
    expect(reply.sessionState.activeContexts?.map((c) => c.name)).toEqual([
      'someOtherContext',
      'bbLastLogged',
      'bbLastAction',
      'bbProfile',
    ]);
    expect(reply.sessionState.sessionAttributes?.['bb:userId']).toBe('user-1');
  });

  describe('the profile kept in the conversation', () => {
    const counting = () => {
      const repo = new InMemoryLedgerRepository({ clock });
      const reads = { count: 0 };
      const getProfile = repo.getProfile.bind(repo);
      repo.getProfile = (userId) => {
        reads.count += 1;
        return getProfile(userId);
      };
      return { repo, reads };
    };

    it('reads the profile from the table once per conversation, not on every turn', async () => {
      const { repo, reads } = counting();
      const chat = new DirectConversation(createCodeHook({ repo, clock }), 'regular');
      await chat.send({ intent: 'Greeting', transcript: 'hi' });
      await chat.send({ intent: 'LogExpense', slots: { Amount: '4', Category: 'Food' } });
      await chat.send({ intent: 'LogExpense', slots: { Amount: '6', Category: 'Food' } });
      expect(reads.count).toBe(1);
      expect((await repo.listRecent('regular', 5)).map((t) => t.amountMinor).sort()).toEqual([400, 600]);
    });

    it('follows a currency change made in the conversation at once', async () => {
      const { repo } = counting();
      const chat = new DirectConversation(createCodeHook({ repo, clock }), 'traveller');
      await chat.send({ intent: 'Greeting', transcript: 'hi' });
      await chat.send({
        intent: 'SetCurrency',
        slots: { Currency: { interpreted: 'EUR', original: 'euros' } },
      });
      expect((await repo.getProfile('traveller'))?.currency).toBe('EUR');
      const logged = await chat.send({ intent: 'LogExpense', slots: { Amount: '5', Category: 'Food' } });
      expect(textOf(logged)).toContain('€5.00');
      expect((await repo.listRecent('traveller', 1))[0]?.currency).toBe('EUR');
    });

    it("ignores a profile context that belongs to someone else and reads the user's own", async () => {
      const { repo, reads } = counting();
      await repo.putProfile('victim', {
        currency: 'VND',
        timeZone: 'Asia/Ho_Chi_Minh',
        customCategories: [],
      });
      const planted = {
        name: 'bbProfile',
        timeToLive: { timeToLiveInSeconds: 300, turnsToLive: 20 },
        contextAttributes: {
          value: JSON.stringify({
            userId: 'someone-else',
            profile: { currency: 'USD', timeZone: 'UTC', customCategories: [] },
          }),
        },
      };
      const reply = await createCodeHook({ repo, clock })(
        buildEvent({
          intent: 'LogExpense',
          slots: { Amount: '50000', Category: 'Food' },
          userId: 'victim',
          timeZone: 'Asia/Ho_Chi_Minh',
          activeContexts: [planted],
        }),
      );
      expect(reads.count).toBe(1);
      expect(textOf(reply)).toContain('₫50,000');
    });

    it('moves the time zone when the browser reports a new one, even with a copy in the conversation', async () => {
      const { repo } = counting();
      const hook = createCodeHook({ repo, clock });
      const home = new DirectConversation(hook, 'flyer', 'America/New_York');
      await home.send({ intent: 'Greeting', transcript: 'hi' });
      const reply = await hook(
        buildEvent({
          intent: 'Greeting',
          transcript: 'hi',
          userId: 'flyer',
          timeZone: 'Asia/Tokyo',
          activeContexts: (await home.send({ intent: 'Greeting', transcript: 'hi' })).sessionState
            .activeContexts!,
        }),
      );
      expect((await repo.getProfile('flyer'))?.timeZone).toBe('Asia/Tokyo');
      const kept = reply.sessionState.activeContexts?.find((c) => c.name === 'bbProfile');
      expect(kept?.contextAttributes.value).toContain('Asia/Tokyo');
    });
  });
});
