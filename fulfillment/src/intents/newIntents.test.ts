/**
 * The intents issues 10 and 11 add, through the code hook with the slots the NLU fills: editing by
 * description, undo of every kind of change, settings, budget removal, insights, small talk, dropped
 * drafts. The in-memory store passes the same contract suite as the DynamoDB one.
 */
import { InMemoryLedgerRepository } from '../store/InMemoryLedgerRepository';
import type { NewTransaction } from '../domain/ledger';
import { createCodeHook } from '../codeHook';
import { buttonsOf, DirectConversation, textOf } from '../../test/support/lexEvents';
import { SettableClock } from '@budgetbuddy/bot/testing';

// Sunday 2026-11-22, noon in New York.
const clock = new SettableClock('2026-11-22T17:00:00Z');
let seq = 0;

function setup() {
  const repo = new InMemoryLedgerRepository({ clock });
  const chat = new DirectConversation(createCodeHook({ repo, clock, logError: () => {} }));
  const seed = (over: Partial<NewTransaction>) =>
    repo.logTransaction('user-1', {
      kind: 'expense',
      amountMinor: 1000,
      currency: 'USD',
      category: 'Food',
      date: '2026-11-20',
      source: 'seed',
      requestId: `seed-${++seq}`,
      ...over,
    });
  const rows = () => repo.listRecent('user-1', 50);
  return { repo, chat, seed, rows };
}

describe('EditTransaction', () => {
  it('"change the costco one to 55" changes that entry in place; one entry remains', async () => {
    const { chat, rows } = setup();
    await chat.send({ intent: 'LogExpense', slots: { Amount: '45', Category: 'Groceries', Note: 'costco' } });
    await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '4', Category: { interpreted: 'Food', original: 'coffee' } },
    });
    const [, costco] = await rows();
    const reply = await chat.send({
      intent: 'EditTransaction',
      slots: { Entry: 'the costco', Amount: '55' },
    });
    expect(textOf(reply)).toBe('Fixed: $55.00 for Groceries today (costco) — it was $45.00.');
    expect(await rows()).toMatchObject([
      { note: 'coffee', amountMinor: 400 },
      { id: costco!.id, note: 'costco', amountMinor: 5500 },
    ]);
  });

  it('a description that matches nothing changes nothing and says so', async () => {
    const { chat, rows, seed } = setup();
    await seed({ note: 'lunch' });
    const reply = await chat.send({ intent: 'EditTransaction', slots: { Entry: 'the laptop', Amount: '5' } });
    expect(textOf(reply)).toContain('I couldn\'t find an entry like "the laptop"');
    expect(textOf(reply)).toContain('Nothing was changed.');
    expect(await rows()).toMatchObject([{ amountMinor: 1000, note: 'lunch' }]);
  });

  it('several matches: asks which with buttons, and changes only the one picked', async () => {
    const { chat, rows, seed } = setup();
    await seed({ note: 'uber', category: 'Transport', amountMinor: 1200, date: '2026-11-19' });
    await seed({ note: 'uber', category: 'Transport', amountMinor: 900, date: '2026-11-21' });
    const ask = await chat.send({ intent: 'EditTransaction', slots: { Entry: 'uber', Amount: '15' } });
    expect(ask.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Entry' });
    expect(textOf(ask)).toBe('I found 2 entries like "uber". Which one should I change?');
    const buttons = buttonsOf(ask);
    expect(buttons.map((b) => b.text)).toEqual(['$9.00 uber yesterday', '$12.00 uber on Thursday, Nov 19']);
    const picked = await chat.send({
      intent: 'EditTransaction',
      slots: { Entry: buttons[1]!.value, Amount: '15' },
    });
    expect(textOf(picked)).toBe('Fixed: $15.00 for Transport on Thursday, Nov 19 (uber) — it was $12.00.');
    expect((await rows()).map((t) => t.amountMinor)).toEqual([900, 1500]);
  });

  it('learns from a category correction: "costco" is Groceries for this person from then on', async () => {
    const { chat, rows, repo } = setup();
    await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '45', Category: 'Shopping', Note: 'costco' },
    });
    expect((await rows())[0]).toMatchObject({ category: 'Shopping', note: 'costco' });
    const moved = await chat.send({
      intent: 'EditTransaction',
      slots: { Entry: 'the costco one', Category: 'Groceries' },
    });
    expect(textOf(moved)).toContain('Fixed: $45.00 for Groceries today (costco) — it was Shopping.');
    expect(textOf(moved)).toContain('I\'ll file "costco" under Groceries from now on.');
    const later = await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '80', Category: 'Shopping', Note: 'costco' },
    });
    expect(textOf(later)).toContain('Logged $80.00 for Groceries today (costco).');
    // Without a category from the NLU at all, the learned one is used rather than asking.
    const bare = await chat.send({ intent: 'LogExpense', slots: { Amount: '20', Note: 'costco' } });
    expect(textOf(bare)).toContain('Logged $20.00 for Groceries today (costco).');
    // Another person's "costco" is not affected.
    expect(await repo.recallCategories('user-2', 'expense', ['costco'])).toEqual([]);
  });

  it('right after a budget, an amount alone changes the budget, and undo puts it back', async () => {
    const { chat, rows, repo } = setup();
    await chat.send({ intent: 'SetBudget', slots: { Amount: '200', Category: 'Food' } });
    const fixed = await chat.send({ intent: 'EditTransaction', slots: { Amount: '250' } });
    expect(textOf(fixed)).toBe('Updated: your monthly Food budget is now $250.00 — it was $200.00.');
    expect(await rows()).toHaveLength(0);
    expect((await repo.getBudget('user-1', 'Food', 'Monthly'))?.limitMinor).toBe(25000);
    const undo = await chat.send({ intent: 'Undo' });
    expect(textOf(undo)).toBe('Undone: your monthly Food budget is back to $200.00.');
    expect((await repo.getBudget('user-1', 'Food', 'Monthly'))?.limitMinor).toBe(20000);
  });

  it('moves the date and refuses a day that does not exist, changing nothing', async () => {
    const { chat, rows } = setup();
    await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '4', Category: { interpreted: 'Food', original: 'coffee' } },
    });
    const bad = await chat.send({
      intent: 'EditTransaction',
      slots: { Entry: 'the coffee', Date: { original: 'feb 30', interpreted: '' } },
    });
    expect(bad.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Date' });
    expect((await rows())[0]?.date).toBe('2026-11-22');
    const moved = await chat.send({
      intent: 'EditTransaction',
      slots: { Entry: 'the coffee', Date: { original: 'yesterday', interpreted: '2026-11-21' } },
    });
    expect(textOf(moved)).toBe('Fixed: $4.00 for Food yesterday (coffee) — it was today.');
    expect(await rows()).toMatchObject([{ date: '2026-11-21', amountMinor: 400 }]);
  });
});

describe('Undo takes back the last change, whatever it was', () => {
  it('a currency change', async () => {
    const { chat, repo } = setup();
    await chat.send({ intent: 'LogExpense', slots: { Amount: '4', Category: 'Food' } });
    const set = await chat.send({
      intent: 'SetCurrency',
      slots: { Currency: { interpreted: 'EUR', original: 'euros' } },
    });
    expect(textOf(set)).toContain("Done — from now on I'll use EUR");
    const undo = await chat.send({ intent: 'Undo' });
    expect(textOf(undo)).toBe("Undone: I'm back to USD.");
    expect((await repo.getProfile('user-1'))?.currency).toBe('USD');
    // The expense logged before the change is untouched; a further undo only offers it, with a yes/no.
    expect(await repo.listRecent('user-1', 5)).toHaveLength(1);
    const again = await chat.send({ intent: 'Undo' });
    expect(again.sessionState.dialogAction.type).toBe('ConfirmIntent');
    expect(await repo.listRecent('user-1', 5)).toHaveLength(1);
  });

  it('a time-zone change, which the browser does not override meanwhile', async () => {
    const { chat, repo } = setup();
    await chat.send({ intent: 'Greeting' });
    const set = await chat.send({
      intent: 'SetTimeZone',
      slots: { TimeZone: { interpreted: 'Europe/London', original: 'london' } },
    });
    expect(textOf(set)).toContain("Done — I'll use Europe/London");
    await chat.send({ intent: 'Greeting' });
    expect((await repo.getProfile('user-1'))?.timeZone).toBe('Europe/London');
    const undo = await chat.send({ intent: 'Undo' });
    expect(textOf(undo)).toBe('Undone: your time zone is back to America/New_York.');
    expect((await repo.getProfile('user-1'))?.timeZone).toBe('America/New_York');
  });

  it('an invalid currency or zone is asked again and nothing changes', async () => {
    const { chat, repo } = setup();
    const cur = await chat.send({
      intent: 'SetCurrency',
      slots: { Currency: { interpreted: 'XYZ', original: 'xyz' } },
    });
    expect(cur.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Currency' });
    const tz = await chat.send({
      intent: 'SetTimeZone',
      slots: { TimeZone: { interpreted: 'Mars/Base', original: 'mars' } },
    });
    expect(tz.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'TimeZone' });
    expect(await repo.getProfile('user-1')).toMatchObject({ currency: 'USD', timeZone: 'America/New_York' });
  });

  it('a delete: the entry comes back', async () => {
    const { chat, rows } = setup();
    await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '12', Category: { interpreted: 'Food', original: 'lunch' } },
    });
    await chat.send({ intent: 'DeleteTransaction', slots: { Entry: 'the lunch' } });
    await chat.send({ intent: 'DeleteTransaction', confirmationState: 'Confirmed' });
    expect(await rows()).toHaveLength(0);
    const undo = await chat.send({ intent: 'Undo' });
    expect(textOf(undo)).toBe('Undone: I put back $12.00 for Food today (lunch).');
    expect(await rows()).toMatchObject([{ amountMinor: 1200, note: 'lunch' }]);
  });

  it('all the entries of one message split into parts, and only those', async () => {
    const { chat, rows } = setup();
    await chat.send({ intent: 'LogExpense', slots: { Amount: '7', Category: 'Transport' } });
    await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '4', Category: 'Food', Note: 'coffee' },
      messageId: 'm1',
    });
    await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '3.5', Category: 'Food', Note: 'muffin' },
      messageId: 'm1',
    });
    const undo = await chat.send({ intent: 'Undo' });
    expect(textOf(undo)).toBe(
      'Undone: I removed $4.00 for Food today (coffee) and $3.50 for Food today (muffin).',
    );
    expect(await rows()).toMatchObject([{ amountMinor: 700, category: 'Transport' }]);
  });

  it('a budget removal: the budget is back', async () => {
    const { chat, repo } = setup();
    await chat.send({ intent: 'SetBudget', slots: { Amount: '300', Category: 'Food' } });
    const ask = await chat.send({ intent: 'DeleteBudget', slots: { Category: 'Food' } });
    expect(textOf(ask)).toBe(
      'Remove your monthly Food budget of $300.00? Your transactions stay as they are.',
    );
    await chat.send({ intent: 'DeleteBudget', slots: { Category: 'Food' }, confirmationState: 'Confirmed' });
    expect(await repo.listBudgets('user-1')).toHaveLength(0);
    await chat.send({ intent: 'Undo' });
    expect(await repo.listBudgets('user-1')).toMatchObject([{ category: 'Food', limitMinor: 30000 }]);
  });
});

describe('DeleteBudget and SetBudget', () => {
  it('refuses when there is no such budget, and keeps it on no', async () => {
    const { chat, repo } = setup();
    const none = await chat.send({ intent: 'DeleteBudget', slots: { Category: 'Food' } });
    expect(textOf(none)).toBe("You don't have any budgets to remove.");
    await chat.send({
      intent: 'SetBudget',
      slots: { Amount: '50', Category: 'Transport', Period: 'Weekly' },
    });
    const other = await chat.send({ intent: 'DeleteBudget', slots: { Category: 'Food' } });
    expect(textOf(other)).toBe("You don't have a Food budget, so nothing was removed.");
    await chat.send({ intent: 'DeleteBudget', slots: { Category: 'Transport' } });
    const no = await chat.send({
      intent: 'DeleteBudget',
      slots: { Category: 'Transport' },
      confirmationState: 'Denied',
    });
    expect(textOf(no)).toBe('OK, I kept your weekly Transport budget.');
    expect(await repo.listBudgets('user-1')).toHaveLength(1);
  });

  it('a daily budget is said plainly to be unsupported and offered as monthly; yes sets that', async () => {
    const { chat, repo } = setup();
    const slots = {
      Amount: '20',
      Category: { interpreted: 'Food', original: 'lunch' },
      Period: { interpreted: 'Daily', original: 'a day' },
    };
    const offer = await chat.send({ intent: 'SetBudget', slots });
    expect(offer.sessionState.dialogAction.type).toBe('ConfirmIntent');
    expect(textOf(offer)).toBe(
      "I keep budgets per week, month or year, not per day. $20.00 a day is $600.00 over this month's 30 days. Set a monthly Food budget of $600.00?",
    );
    expect(await repo.listBudgets('user-1')).toHaveLength(0);
    // The runtime sends back the intent as offered: monthly, with the monthly amount.
    const offered = offer.sessionState.intent?.slots ?? {};
    expect(offered['Period']?.value?.interpretedValue).toBe('Monthly');
    expect(offered['Amount']?.value?.interpretedValue).toBe('600.00');
    const yes = await chat.send({
      intent: 'SetBudget',
      slots: { Amount: '600.00', Category: 'Food', Period: 'Monthly' },
      confirmationState: 'Confirmed',
    });
    expect(textOf(yes)).toContain('your monthly Food budget is $600.00 a month');
    expect(await repo.listBudgets('user-1')).toMatchObject([
      { category: 'Food', period: 'Monthly', limitMinor: 60000 },
    ]);
  });

  it('"set my salary budget to 100" is refused, never an overall budget', async () => {
    const { chat, repo } = setup();
    const reply = await chat.send({
      intent: 'SetBudget',
      slots: { Amount: '100', Category: { original: 'salary', interpreted: 'salary', resolved: [] } },
    });
    expect(reply.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Category' });
    expect(textOf(reply)).toContain("Salary is money coming in, so it can't have a spending budget.");
    expect(await repo.listBudgets('user-1')).toHaveLength(0);
  });
});

describe('open questions', () => {
  it('a new request while a category is asked drops the draft, says so, and answers the request', async () => {
    const { chat, rows } = setup();
    const ask = await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '9', Category: { original: 'gizmo', resolved: [] } },
    });
    expect(ask.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Category' });
    const other = await chat.send({ intent: 'QuerySpending' });
    expect(textOf(other)).toMatch(
      /^I dropped the \$9\.00 gizmo — tell me its category to log it\.\nYou spent nothing this month\./,
    );
    expect(await rows()).toHaveLength(0);
    // The draft is gone: the next question is answered without the note.
    const again = await chat.send({ intent: 'QuerySpending' });
    expect(textOf(again)).not.toContain('dropped');
  });

  it('a new expense while a category is asked is logged on its own; the draft is not', async () => {
    const { chat, rows } = setup();
    await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '9', Category: { original: 'gizmo', resolved: [] } },
    });
    const spotify = await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '10.99', Category: { interpreted: 'Subscriptions', original: 'spotify' } },
    });
    expect(textOf(spotify)).toContain('I dropped the $9.00 gizmo — tell me its category to log it.');
    expect(textOf(spotify)).toContain('Logged $10.99 for Subscriptions today.');
    expect(await rows()).toMatchObject([{ amountMinor: 1099, category: 'Subscriptions' }]);
  });

  it('"actually it was transport" while a category is asked answers the question, not an edit', async () => {
    const { chat, rows } = setup();
    await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '4', Category: { interpreted: 'Food', original: 'coffee' } },
    });
    const ask = await chat.send({ intent: 'LogExpense', slots: { Amount: '30' } });
    expect(ask.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Category' });
    const answer = await chat.send({ intent: 'EditTransaction', slots: { Category: 'Transport' } });
    expect(textOf(answer)).toBe('Logged $30.00 for Transport today.');
    expect(answer.sessionState.intent?.name).toBe('LogExpense');
    expect((await rows()).map((t) => [t.amountMinor, t.category])).toEqual([
      [3000, 'Transport'],
      [400, 'Food'],
    ]);
  });

  it('the note survives when the category is picked from the buttons', async () => {
    const { chat, rows } = setup();
    const ask = await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '9', Category: { original: 'gizmo', resolved: [] } },
    });
    const kept = ask.sessionState.intent?.slots ?? {};
    const picked = await chat.send({
      intent: 'LogExpense',
      slots: {
        Amount: '9',
        Note: kept['Note']!.value!.originalValue!,
        Category: { interpreted: 'Shopping', original: 'Shopping' },
      },
    });
    expect(textOf(picked)).toContain('Logged $9.00 for Shopping today (gizmo).');
    expect(await rows()).toMatchObject([{ note: 'gizmo', category: 'Shopping' }]);
  });
});

describe('read-only answers', () => {
  it('QueryIncome totals income over the period, by source', async () => {
    const { chat, seed } = setup();
    await seed({ kind: 'income', category: 'Salary', amountMinor: 200000 });
    await seed({ kind: 'income', category: 'Freelance', amountMinor: 50000, date: '2026-11-02' });
    await seed({ kind: 'income', category: 'Salary', amountMinor: 180000, date: '2026-10-20' });
    const reply = await chat.send({ intent: 'QueryIncome' });
    expect(textOf(reply)).toContain(
      "You received $2,500.00 this month (Salary $2,000.00, Freelance $500.00). That's $700.00 (39%) more than in October ($1,800.00).",
    );
    const last = await chat.send({
      intent: 'QueryIncome',
      slots: { Date: { interpreted: '2026-10-01', original: 'last month' } },
    });
    expect(textOf(last)).toContain('You received $1,800.00 last month');
  });

  it('SpendingInsights: biggest, averages, by week, top notes, trend, more than usual', async () => {
    const { chat, seed } = setup();
    await seed({ amountMinor: 12000, category: 'Shopping', note: 'laptop bag', date: '2026-11-03' });
    await seed({ amountMinor: 4500, category: 'Groceries', note: 'costco', date: '2026-11-10' });
    await seed({ amountMinor: 3000, category: 'Groceries', note: 'costco', date: '2026-11-17' });
    await seed({ amountMinor: 1500, category: 'Food', note: 'lunch', date: '2026-11-20' });
    for (const [date, minor] of [
      ['2026-10-05', 6000],
      ['2026-09-05', 3000],
      ['2026-08-05', 3000],
    ] as const)
      await seed({ amountMinor: minor, category: 'Groceries', date });
    const ask = (Insight: string, extra = {}) =>
      chat.send({ intent: 'SpendingInsights', slots: { Insight, ...extra } });

    const biggest = textOf(await ask('Biggest', { Count: '2' }));
    expect(biggest).toBe(
      'Most went to Shopping: $120.00 of the $210.00 you spent this month (57%).\n' +
        'Your 2 biggest expenses this month:\n• $120.00 for Shopping on Tuesday, Nov 3 (laptop bag)\n• $45.00 for Groceries on Tuesday, Nov 10 (costco)',
    );
    expect(textOf(await ask('DailyAverage'))).toBe(
      'You spent $210.00 this month — about $9.55 a day over 22 days.',
    );
    expect(textOf(await ask('WeeklyAverage'))).toBe(
      'You spent $210.00 this month — about $66.82 a week over 22 days.',
    );
    expect(textOf(await ask('ByWeek'))).toBe(
      [
        'Your spending by week this month ($210.00 in all):',
        '• Week of Nov 2–Nov 8: $120.00',
        '• Week of Nov 9–Nov 15: $45.00',
        '• Week of Nov 16–Nov 22: $45.00',
      ].join('\n'),
    );
    expect(textOf(await ask('TopNotes'))).toBe(
      'Where your money went this month, by note or merchant:\n• laptop bag: $120.00\n• costco: $75.00\n• lunch: $15.00',
    );
    expect(textOf(await ask('Trend', { Count: '3' }))).toBe(
      'Your spending over the last 3 months (this month so far), trend up:\n• Sep 2026: $30.00\n• Oct 2026: $60.00\n• Nov 2026: $210.00',
    );
    expect(textOf(await ask('VersusUsual', { Category: 'Groceries' }))).toBe(
      "This month you've spent $75.00 on Groceries. That's more than usual: $35.00 (88%) above your average of $40.00 a month over the 3 months before.",
    );
    const which = await chat.send({ intent: 'SpendingInsights' });
    // No view named: the month's total, and the views on offer as buttons.
    expect(textOf(which)).toContain('You spent $210.00 this month.');
    expect(buttonsOf(which).map((b) => b.text)).toContain('Biggest expenses');
  });

  it.each([
    ['Thanks', "You're welcome!"],
    ['Bye', 'Bye for now!'],
    ['HowAreYou', "I'm doing well"],
    ['AreYouABot', "Yes, I'm BudgetBuddy, a bot"],
    ['Compliment', "Thank you, that's kind!"],
    ['Complaint', 'Sorry about that.'],
  ])('SmallTalk %s: a short answer and buttons back', async (Topic, start) => {
    const { chat, rows } = setup();
    const reply = await chat.send({ intent: 'SmallTalk', slots: { Topic } });
    expect(textOf(reply).startsWith(start)).toBe(true);
    expect(buttonsOf(reply).length).toBeGreaterThanOrEqual(3);
    expect(await rows()).toHaveLength(0);
  });

  it('Help lists every kind of request', async () => {
    const { chat } = setup();
    const text = textOf(await chat.send({ intent: 'Help' }));
    for (const part of ['Log spending', 'Fix an entry', 'Budgets', 'Insights', 'Income', 'Settings']) {
      expect(text).toContain(part);
    }
  });
});
