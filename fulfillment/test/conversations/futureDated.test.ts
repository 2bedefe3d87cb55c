/**
 * Money for a day still to come (issue 12's leftovers): "got paid 500 on the 28th" said on the 3rd is
 * money that has not arrived. Once confirmed it is kept as expected — shown as such, in no balance, no
 * total and no answer to "how much do I have" — and the scheduled job posts it on its day, once.
 * A day already past ("rent 1200 on the 1st" said on the 3rd) is an ordinary entry at once.
 * End to end: the real Lex SDK client, the local Lex runtime, the code hook and DynamoDB Local.
 */
import { dialogType, replyText } from '../support/replies';
import { fetchOverview, storedBalances, useConversationHarness } from '../support/conversation';

// Thursday 2026-12-03, noon in New York.
const START = '2026-12-03T17:00:00Z';
const { clock, h } = useConversationHarness(START, { resetClock: true });

const month = { granularity: 'month', key: '2026-12' } as const;
const balances = (user: string) => storedBalances(h.repo, user);

describe('a future-dated income', () => {
  test('is expected, not in the balance, until its day; then the job posts it once', async () => {
    const u = 'future-income';
    await h.say(u, 'I have 2,500 in my checking account');
    const kind = await h.say(u, 'got paid 500 on the 28th');
    expect(replyText(kind)).toContain('What kind of income was it?');
    const ask = await h.say(u, 'salary');
    expect(dialogType(ask)).toBe('ConfirmIntent');
    expect(replyText(ask)).toContain("Monday, Dec 28 hasn't happened yet. Keep $500.00 of");
    expect(replyText(ask)).toContain('It counts in your balance on that day.');

    const yes = await h.say(u, 'yes');
    expect(replyText(yes)).toContain('expected on Monday, Dec 28');
    // The balance, the month's income and "how much do I have" are what actually came in.
    expect(await balances(u)).toEqual({ checking: 250_000 });
    expect(await h.repo.listRecent(u, 5)).toEqual([]);
    expect((await h.repo.getPeriodTotals(u, month, 'USD')).incomeTotalMinor).toBe(0);
    const have = await h.say(u, 'how much do I have');
    expect(replyText(have)).toContain('$2,500.00');
    expect(replyText(have)).not.toContain('$3,000.00');
    const overview = await fetchOverview(h, u);
    expect(overview.balances.map((b) => b.balance.formatted)).toEqual(['$2,500.00']);
    expect(overview.expectedIncome).toEqual([
      { name: 'Salary', date: '2026-12-28', amount: { minor: 50_000, formatted: '$500.00' } },
    ]);

    // The job runs before the day: nothing moves.
    clock.set('2026-12-27T17:00:00Z');
    await h.postRecurring();
    expect(await balances(u)).toEqual({ checking: 250_000 });

    // On the day it is posted once, however often the job runs, and is expected no longer.
    clock.set('2026-12-28T17:00:00Z');
    await h.postRecurring();
    await h.postRecurring();
    expect(await balances(u)).toEqual({ checking: 300_000 });
    expect(await h.repo.listRecent(u, 5)).toMatchObject([
      { kind: 'income', date: '2026-12-28', amountMinor: 50_000, account: 'checking' },
    ]);
    expect((await fetchOverview(h, u)).expectedIncome).toEqual([]);
    clock.set('2027-01-28T17:00:00Z');
    await h.postRecurring();
    expect(await h.repo.listRecent(u, 5)).toHaveLength(1);
  });

  test('"no" keeps nothing and asks which day it was; "undo" drops an expected one', async () => {
    const u = 'future-income-undo';
    await h.say(u, 'I have 100 in my checking account');
    await h.say(u, 'got paid 500 on the 28th');
    await h.say(u, 'salary');
    const no = await h.say(u, 'no');
    expect(dialogType(no)).toBe('ElicitSlot');
    expect((await h.repo.recurring.listRecurringRules(u)).length).toBe(0);
    await h.say(u, 'cancel');

    await h.say(u, 'got paid 500 on the 28th');
    await h.say(u, 'salary');
    await h.say(u, 'yes');
    expect((await h.repo.recurring.listRecurringRules(u)).length).toBe(1);
    const undo = await h.say(u, 'undo');
    expect(replyText(undo)).toContain('Undone: I dropped the $500.00 income expected on Dec 28');
    expect(await h.repo.recurring.listRecurringRules(u)).toEqual([]);
    clock.set('2026-12-28T17:00:00Z');
    await h.postRecurring();
    expect(await balances(u)).toEqual({ checking: 10_000 });
  });
});

describe('a future-dated expense', () => {
  test('"dentist 90 on the 20th" is an upcoming bill, paid from the balance on the 20th', async () => {
    const u = 'future-expense';
    await h.say(u, 'I have 1,000 in my checking account');
    const ask = await h.say(u, 'dentist 90 on the 20th');
    expect(dialogType(ask)).toBe('ConfirmIntent');
    expect(replyText(ask)).toContain('It comes off your balance on that day.');
    await h.say(u, 'yes');
    expect(await balances(u)).toEqual({ checking: 100_000 });
    expect((await h.repo.getPeriodTotals(u, month, 'USD')).expenseTotalMinor).toBe(0);

    const list = await h.say(u, 'list my recurring payments');
    expect(replyText(list)).toContain('$90.00 once, on Dec 20');

    clock.set('2026-12-15T17:00:00Z');
    expect((await fetchOverview(h, u)).upcomingBills).toMatchObject([
      { date: '2026-12-20', amount: { minor: 9000 } },
    ]);
    clock.set('2026-12-20T17:00:00Z');
    await h.postRecurring();
    expect(await balances(u)).toEqual({ checking: 91_000 });
    expect(await h.repo.listRecent(u, 5)).toMatchObject([
      { kind: 'expense', date: '2026-12-20', amountMinor: 9000, category: 'Health' },
    ]);
  });

  test('"rent 1200 on the 1st" said on the 3rd is past: logged at once, off the balance', async () => {
    const u = 'past-rent';
    await h.say(u, 'I have 2,000 in my checking account');
    const rent = await h.say(u, 'rent 1200 on the 1st');
    expect(replyText(rent)).toContain('Logged $1,200.00 for Housing on Tuesday, Dec 1');
    expect(await balances(u)).toEqual({ checking: 80_000 });
    expect(await h.repo.recurring.listRecurringRules(u)).toEqual([]);
  });
});
