import { InMemoryLedgerRepository } from '../store/InMemoryLedgerRepository';
import { StoreUnavailableError } from '../ports/LedgerRepository';
import { createCodeHook } from '../codeHook';
import { afterLogging, MAX_EARLIER_LOGS } from '../lex/memory';
import { buttonsOf, DirectConversation, textOf } from '../../test/support/lexEvents';
import { SettableClock } from '@budgetbuddy/bot/testing';
import { categoryInText } from './support/categoryWords';
import { amountsIn, currencyIn, fitsCurrency, namesDay } from './support/moneyWords';
import { readLogDate } from './support/logDate';

const profile = { currency: 'USD', timeZone: 'America/New_York', customCategories: ['Pets'] };

describe('money and days in free text', () => {
  it.each([
    ['15', ['15']],
    ['$7', ['7']],
    ['1,200 for rent', ['1200']],
    ['12.50', ['12.50']],
    ['45k', ['45000']],
    ['15 not 12.50', ['15', '12.50']],
    ['the 3rd', []],
    ['15 on nov 3', ['15']],
    ['2 days ago', []],
    ['20 yesterday', ['20']],
  ])('amounts in "%s" are %j', (text, amounts) => {
    expect(amountsIn(text)).toEqual(amounts);
  });

  it('knows when words name a day', () => {
    expect(namesDay('it was yesterday')).toBe(true);
    expect(namesDay('on friday')).toBe(true);
    expect(namesDay('tomorrow')).toBe(true);
    expect(namesDay('15 dollars')).toBe(false);
  });

  it.each([
    ['5 euros', 'EUR'],
    ['€5', 'EUR'],
    ['45000 vnd', 'VND'],
    ['set my currency to GBP', 'GBP'],
    ['vietnamese dong', 'VND'],
    ['$5', 'USD'],
    ['5 bucks', 'USD'],
    ['15', null],
    ['all of it for the try', null],
  ])('the currency in "%s" is %s', (text, code) => {
    expect(currencyIn(text)).toBe(code);
  });

  it('a dollar sign fits any dollar currency, a euro sign does not fit USD', () => {
    expect(fitsCurrency('USD', 'CAD')).toBe(true);
    expect(fitsCurrency('EUR', 'USD')).toBe(false);
    expect(fitsCurrency('VND', 'VND')).toBe(true);
  });
});

describe('categories in free text', () => {
  it.each([
    ['what about uber?', 'Transport'],
    ['uber eats last night', 'Food'],
    ['no it was groceries', 'Groceries'],
    ['coffees', 'Food'],
    ['for the pets', 'Pets'],
    ['the weather', null],
  ])('"%s" names %s', (text, category) => {
    expect(categoryInText(text, 'expense', profile)?.category ?? null).toBe(category);
  });

  it('reads income words as income categories', () => {
    expect(categoryInText('it was my paycheck', 'income', profile)?.category).toBe('Salary');
  });
});

describe('the day of an entry', () => {
  // Sunday.
  const today = '2026-11-22';
  const said = (original: string, interpreted?: string) => ({ original, interpreted, resolved: [] });

  it('holds back "next friday" and "tomorrow" as days to come, with the day they name', () => {
    expect(readLogDate(said('next friday', '2026-11-27'), today)).toMatchObject({
      ok: false,
      reason: 'future',
      date: '2026-11-27',
    });
    expect(readLogDate(said('tomorrow', '2026-11-23'), today)).toMatchObject({
      ok: false,
      reason: 'future',
      date: '2026-11-23',
    });
  });

  it('a day the NLU found no date for ("feb 30") is asked about, never replaced', () => {
    expect(readLogDate(said('feb 30'), today)).toMatchObject({
      ok: false,
      reason: 'unreadable',
      said: 'feb 30',
    });
    expect(readLogDate({ original: 'feb 30', interpreted: '', resolved: [] }, today)).toMatchObject({
      ok: false,
      reason: 'unreadable',
    });
  });

  it('a month and day still to come this year is held back, one long past means last year', () => {
    expect(readLogDate(said('dec 3', '2026-12-03'), today)).toMatchObject({ ok: false, reason: 'future' });
    expect(readLogDate(said('on dec 3', '2026-12-03'), '2027-01-10')).toEqual({
      ok: true,
      date: '2026-12-03',
    });
    expect(readLogDate(said('march 3', '2026-03-03'), today)).toEqual({ ok: true, date: '2026-03-03' });
  });

  it('reads past weekdays from the words before Lex', () => {
    expect(readLogDate(said('friday', '2026-11-27'), today)).toEqual({ ok: true, date: '2026-11-20' });
    expect(readLogDate(said('3 days ago', '2026-11-19'), today)).toEqual({ ok: true, date: '2026-11-19' });
    expect(readLogDate(null, today)).toEqual({ ok: true, date: today });
  });
});

describe('the log memory behind undo', () => {
  it('moves the previous entry back, never counts a retried one twice, and stays bounded', () => {
    let memory = afterLogging(null, 'a');
    expect(memory).toEqual({ transactionId: 'a', earlier: [] });
    memory = afterLogging(memory, 'b');
    expect(memory).toEqual({ transactionId: 'b', earlier: ['a'] });
    expect(afterLogging(memory, 'b')).toEqual(memory);
    for (const id of ['c', 'd', 'e', 'f', 'g', 'h']) memory = afterLogging(memory, id);
    expect(memory.earlier).toHaveLength(MAX_EARLIER_LOGS);
    expect(memory.earlier[0]).toBe('g');
  });
});

describe('corrections through the code hook', () => {
  const clock = new SettableClock('2026-11-22T17:00:00Z');
  const setup = () => {
    const repo = new InMemoryLedgerRepository({ clock });
    return { repo, chat: new DirectConversation(createCodeHook({ repo, clock, logError: () => {} })) };
  };

  it('EditTransaction changes the entry just logged in place; undo restores it as it was', async () => {
    const { repo, chat } = setup();
    await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '12.5', Category: { interpreted: 'Food', original: 'lunch' } },
    });
    const [logged] = await repo.listRecent('user-1', 5);
    const reply = await chat.send({ intent: 'EditTransaction', slots: { Amount: '15' } });
    expect(textOf(reply)).toBe('Fixed: $15.00 for Food today (lunch) — it was $12.50.');
    expect(buttonsOf(reply)).toContainEqual({ text: 'Undo', value: 'undo' });
    expect(await repo.listRecent('user-1', 5)).toMatchObject([
      { id: logged!.id, amountMinor: 1500, note: 'lunch' },
    ]);
    const undo = await chat.send({ intent: 'Undo' });
    expect(textOf(undo)).toContain("Undone: it's back to $12.50 for Food today (lunch).");
    const [restored] = await repo.listRecent('user-1', 5);
    expect({ ...restored, updatedAt: logged!.updatedAt }).toEqual(logged);
  });

  it('a correction that crosses a budget threshold warns like a new expense', async () => {
    const { chat } = setup();
    await chat.send({ intent: 'SetBudget', slots: { Amount: '100', Category: 'Food' } });
    await chat.send({ intent: 'LogExpense', slots: { Amount: '50', Category: 'Food' } });
    const reply = await chat.send({ intent: 'EditTransaction', slots: { Amount: '90' } });
    expect(textOf(reply)).toContain(
      "⚠️ Heads up: you've used 90% of your November Food budget ($90.00 of $100.00).",
    );
  });

  it('a failed write during a correction says it could not save and keeps the entry', async () => {
    const repo = new InMemoryLedgerRepository({ clock });
    let failing = false;
    const flaky = new Proxy(repo, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          failing && name === 'editTransaction'
            ? Promise.reject(new StoreUnavailableError('down'))
            : (value as (...a: unknown[]) => unknown).apply(target, args);
      },
    });
    const chat = new DirectConversation(createCodeHook({ repo: flaky, clock, logError: () => {} }));
    await chat.send({ intent: 'LogExpense', slots: { Amount: '10', Category: 'Food' } });
    failing = true;
    const reply = await chat.send({ intent: 'EditTransaction', slots: { Amount: '15' } });
    expect(textOf(reply)).toBe("I couldn't save that — please try again.");
    expect(reply.sessionState.intent?.state).toBe('Failed');
    expect(await repo.listRecent('user-1', 5)).toMatchObject([{ amountMinor: 1000 }]);
  });
});
