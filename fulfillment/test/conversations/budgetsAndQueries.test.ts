/** Budgets, warnings and questions about spending, end to end through the real Lex client. */
import { spendingChartSchema } from '../../src/chatApi/reply';
import { dialogType, intentName, replyButtons, replyPayloads, replyText } from '../support/replies';
import { seedExpenses, useConversationHarness } from '../support/conversation';

// Sunday 2026-11-22, noon in New York: 9 days of November left, counting today.

const { h } = useConversationHarness('2026-11-22T17:00:00Z');

describe('budgets', () => {
  test('sets a monthly category budget', async () => {
    const reply = await h.say('bud-1', 'set my grocery budget to 400');
    expect(intentName(reply)).toBe('SetBudget');
    expect(replyText(reply)).toBe(
      'Done: your monthly Groceries budget is $400.00 a month. Nothing spent against it yet.',
    );
    expect(await h.repo.getBudget('bud-1', 'Groceries', 'Monthly')).toMatchObject({ limitMinor: 40000 });
    const spent = await h.say('bud-1', 'spent 82 on groceries');
    expect(replyText(spent)).toBe(
      'Logged $82.00 for Groceries today.\n20% of your November Groceries budget used ($82.00 of $400.00).',
    );
  });

  test('setting the same budget again says it is already set', async () => {
    await h.say('bud-2', 'set my food budget to 300');
    const again = await h.say('bud-2', 'set my food budget to 300');
    expect(dialogType(again)).toBe('Close');
    expect(replyText(again)).toContain('already $300.00 a month');
  });

  test('replacing a different budget asks first and replaces on yes', async () => {
    await h.say('bud-3', 'set my food budget to 100');
    const ask = await h.say('bud-3', 'set my food budget to 150');
    expect(dialogType(ask)).toBe('ConfirmIntent');
    expect(replyText(ask)).toBe(
      'You already have a monthly Food budget of $100.00. Replace it with $150.00?',
    );
    expect(replyButtons(ask).map((b) => b.value)).toEqual(['yes', 'no']);
    const yes = await h.say('bud-3', 'yes');
    expect(replyText(yes)).toContain('Updated: your monthly Food budget is $150.00 a month.');
    expect((await h.repo.getBudget('bud-3', 'Food', 'Monthly'))?.limitMinor).toBe(15000);
  });

  test('saying no to a replacement keeps the old budget', async () => {
    await h.say('bud-4', 'set my food budget to 100');
    await h.say('bud-4', 'set my food budget to 200');
    const no = await h.say('bud-4', 'no');
    expect(replyText(no)).toBe('OK, I kept your monthly Food budget at $100.00 a month.');
    expect((await h.repo.getBudget('bud-4', 'Food', 'Monthly'))?.limitMinor).toBe(10000);
  });

  test('a budget with no category is the overall one, and the period is honoured', async () => {
    const reply = await h.say('bud-5', 'set a weekly budget of 150');
    expect(replyText(reply)).toContain('your weekly overall budget is $150.00 a week');
    expect(await h.repo.getBudget('bud-5', null, 'Weekly')).toMatchObject({ limitMinor: 15000 });
    const yearly = await h.say('bud-5', 'set my yearly travel budget to 3000');
    expect(replyText(yearly)).toContain('your yearly Travel budget is $3,000.00 a year');
    await h.say('bud-5', 'spent 120 on a hotel');
    const check = await h.say('bud-5', 'show my budgets');
    expect(replyText(check).split('\n')).toEqual([
      '2026 Travel budget: $120.00 of $3,000.00 spent (4%) — $2,880.00 left, 40 days left, about $72.00 a day.',
      'Weekly overall budget: $120.00 of $150.00 spent (80%) — $30.00 left, 1 day left, about $30.00 a day.',
    ]);
  });

  test('a budget asks for the amount when it is missing', async () => {
    const ask = await h.say('bud-6', 'set a budget');
    expect(dialogType(ask)).toBe('ElicitSlot');
    expect(ask.sessionState?.dialogAction?.slotToElicit).toBe('Amount');
    const done = await h.say('bud-6', '900');
    expect(replyText(done)).toContain('your monthly overall budget is $900.00 a month');
  });

  test('checking budgets with none set says how, with a button', async () => {
    const reply = await h.say('bud-7', 'show my budgets');
    expect(intentName(reply)).toBe('CheckBudget');
    expect(replyText(reply)).toContain("You don't have any budgets yet");
    expect(replyButtons(reply)).toContainEqual({ text: 'Set a budget', value: 'set a budget' });
    // The button starts the dialog: it asks for the amount, and no category means the overall budget.
    const ask = await h.say('bud-7', 'set a budget');
    expect(ask.sessionState?.dialogAction?.slotToElicit).toBe('Amount');
    const done = await h.say('bud-7', '1200');
    expect(replyText(done)).toContain('your monthly overall budget is $1,200.00 a month');
  });

  test('checking a budget reports spent, left, percent, days left and a daily allowance', async () => {
    await seedExpenses(h.repo, 'bud-8', [['2026-11-03', 130, 'Food']]);
    await h.say('bud-8', 'set my food budget to 400');
    const reply = await h.say('bud-8', 'how is my food budget?');
    expect(replyText(reply)).toBe(
      'November Food budget: $130.00 of $400.00 spent (32%) — $270.00 left, 9 days left, about $30.00 a day.',
    );
  });

  test('warns on the turn an expense crosses 80% and then 100% of a budget', async () => {
    await h.say('bud-9', 'set my food budget to 100');
    const calm = await h.say('bud-9', 'spent 50 on food');
    expect(replyText(calm)).toContain('50% of your November Food budget used ($50.00 of $100.00).');
    const warn = await h.say('bud-9', 'spent 35 on food');
    expect(replyText(warn)).toContain(
      "⚠️ Heads up: you've used 85% of your November Food budget ($85.00 of $100.00).",
    );
    const over = await h.say('bud-9', 'spent 20 on food');
    expect(replyText(over)).toContain(
      "⚠️ You're over your November Food budget by $5.00 ($105.00 of $100.00).",
    );
    const after = await h.say('bud-9', 'spent 1 on food');
    expect(replyText(after)).not.toContain('⚠️');
  });

  test('warns when an expense crosses 80% of the overall budget', async () => {
    await h.say('bud-10', 'set my overall budget to 500');
    await h.say('bud-10', 'spent 300 on travel');
    const reply = await h.say('bud-10', 'spent 120 on shopping');
    expect(replyText(reply)).toContain(
      "⚠️ Heads up: you've used 84% of your November overall budget ($420.00 of $500.00).",
    );
  });
});

describe('questions about spending', () => {
  const user = 'q-1';
  beforeAll(() =>
    seedExpenses(h.repo, user, [
      ['2026-09-10', 40, 'Food'],
      ['2026-10-03', 100, 'Food'],
      ['2026-10-20', 60, 'Transport'],
      ['2026-11-02', 80, 'Food', 'pizza night'],
      ['2026-11-16', 30, 'Transport', 'train pass'],
      ['2026-11-21', 4.5, 'Food', 'coffee'],
    ]),
  );

  test('a category over last month, with the change and a chart', async () => {
    const reply = await h.say(user, 'how much did I spend on food last month?');
    expect(intentName(reply)).toBe('QuerySpending');
    expect(replyText(reply)).toContain(
      "You spent $100.00 on Food last month. That's $60.00 (150%) more than in September ($40.00).",
    );
    const chart = spendingChartSchema.parse(replyPayloads(reply)[0]);
    expect(chart.data.map((d) => [d.label, d.value])).toEqual([
      ['Food', 100],
      ['Transport', 60],
    ]);
    expect(chart.total.formatted).toBe('$160.00');
  });

  test('defaults to this month; "last week" and "so far this year" are ranges too', async () => {
    const reply = await h.say(user, 'how much did I spend');
    expect(replyText(reply)).toContain('You spent $114.50 this month.');
    const lastWeek = await h.say(user, 'how much did I spend last week');
    expect(replyText(lastWeek)).toContain('You spent nothing last week.');
    const thisWeek = await h.say(user, 'how much did I spend this week');
    expect(replyText(thisWeek)).toContain('You spent $34.50 this week.');
    const year = await h.say(user, 'how much did I spend on food so far this year');
    expect(replyText(year)).toContain('You spent $224.50 on Food this year.');
  });

  test('"since monday" and "last 30 days" are ranges', async () => {
    const since = await h.say(user, 'how much have I spent since monday');
    // The Food of the question before is kept (it may be a follow-up), and the total of everything is said too.
    expect(replyText(since)).toContain(
      'You spent $4.50 on Food since Monday, Nov 16 ($34.50 on everything).',
    );
    const days = await h.say(user, 'how much did I spend in the last 30 days');
    expect(replyText(days)).toContain('in the last 30 days ($114.50 on everything).');
  });

  test('follow-ups keep the context: "and in October?", then "what about transport?"', async () => {
    await h.say(user, 'how much did I spend on food last month?');
    const october = await h.say(user, 'and in October?');
    expect(replyText(october)).toContain('You spent $100.00 on Food in October ($160.00 on everything).');
    const transport = await h.say(user, 'what about transport?');
    expect(replyText(transport)).toContain('You spent $60.00 on Transport in October.');
  });

  test('lists the last transactions, newest first', async () => {
    const reply = await h.say(user, 'list my transactions');
    expect(intentName(reply)).toBe('ListTransactions');
    expect(replyText(reply).split('\n')).toEqual([
      'Your last 5 transactions:',
      '• Sat, Nov 21: $4.50 Food — coffee',
      '• Mon, Nov 16: $30.00 Transport — train pass',
      '• Mon, Nov 2: $80.00 Food — pizza night',
      '• Tue, Oct 20: $60.00 Transport',
      '• Sat, Oct 3: $100.00 Food',
    ]);
    const capped = await h.say(user, 'show my last 60 transactions');
    expect(replyText(capped).split('\n')[0]).toBe('Your last 6 transactions: (I show at most 50 at a time.)');
    const october = await h.say(user, 'show transactions from last month');
    expect(replyText(october).split('\n')).toEqual([
      'Your last 2 transactions (last month):',
      '• Tue, Oct 20: $60.00 Transport',
      '• Sat, Oct 3: $100.00 Food',
    ]);
  });

  test('lists a given number, or one category', async () => {
    const two = await h.say(user, 'show my last 2 transactions');
    expect(replyText(two).split('\n')).toHaveLength(3);
    const food = await h.say(user, 'show my food transactions');
    expect(replyText(food)).not.toContain('Transport');
    expect(replyText(food)).toContain('pizza night');
  });
});
