/**
 * What a demanding user tries once the basics work, end to end through the real Lex client: their own
 * currency, budgets over the limit and removed, "how am I doing", questions about income, describing the
 * entry to delete, follow-ups in other words, small talk, and "today" on both sides of midnight.
 */
import { spendingChartSchema } from '../../src/chatApi/reply';
import { dialogType, intentName, replyButtons, replyPayloads, replyText } from '../support/replies';
import { seedExpenses, useConversationHarness } from '../support/conversation';

// Sunday 2026-11-22, noon in New York: 9 days of November left, counting today.
const SUNDAY_NOON = '2026-11-22T17:00:00Z';

const { clock, h } = useConversationHarness(SUNDAY_NOON, { resetClock: true });

const recent = (user: string) => h.repo.listRecent(user, 50);

describe('currency', () => {
  test('switching to EUR: amounts are read and shown in euros, with a way back', async () => {
    const set = await h.say('cur-1', 'set my currency to EUR');
    expect(replyText(set)).toBe("Done — from now on I'll use EUR: amounts look like €12.50.");
    expect(replyButtons(set)).toContainEqual({ text: 'Back to USD', value: 'set my currency to USD' });
    const logged = await h.say('cur-1', 'spent 12.50 on lunch');
    expect(replyText(logged)).toBe('Logged €12.50 for Food today.');
    expect(await recent('cur-1')).toMatchObject([{ currency: 'EUR', amountMinor: 1250 }]);
    const total = await h.say('cur-1', 'how much did I spend this month');
    expect(replyText(total)).toContain('You spent €12.50 this month.');
  });

  test('lower-case codes and "back to" work too', async () => {
    const eur = await h.say('cur-4', 'set my currency to eur');
    expect(replyText(eur)).toContain("I'll use EUR");
    const back = await h.say('cur-4', 'back to usd');
    expect(replyText(back)).toContain("I'll use USD");
    expect((await h.repo.getProfile('cur-4'))?.currency).toBe('USD');
  });

  test('an amount in another currency is not booked as if it were ours', async () => {
    const ask = await h.say('cur-2', 'spent 5 euros on coffee');
    expect(dialogType(ask)).toBe('ElicitSlot');
    expect(replyText(ask)).toBe(
      'I keep your money in USD, so I can\'t log EUR yet. How much was it in USD? (To switch, say "set my currency to EUR".)',
    );
    expect(await recent('cur-2')).toHaveLength(0);
    const fixed = await h.say('cur-2', '5.40');
    expect(replyText(fixed)).toBe('Logged $5.40 for Food today.');
  });

  test('switching to VND after logging in USD says old entries stay in USD; VND has no decimals', async () => {
    await h.say('cur-3', 'spent 10 on lunch', { timeZone: 'Asia/Ho_Chi_Minh' });
    const which = await h.say('cur-3', 'what currency am I using?', { timeZone: 'Asia/Ho_Chi_Minh' });
    expect(replyText(which)).toContain('I keep your money in USD');
    const set = await h.say('cur-3', 'switch to VND', { timeZone: 'Asia/Ho_Chi_Minh' });
    expect(replyText(set)).toContain("I'll use VND");
    expect(replyText(set)).toContain('What you logged and budgeted in USD stays in USD');
    const budget = await h.say('cur-3', 'set my food budget to 2000000', { timeZone: 'Asia/Ho_Chi_Minh' });
    expect(replyText(budget)).toBe(
      'Done: your monthly Food budget is ₫2,000,000 a month. Nothing spent against it yet.',
    );
    const lunch = await h.say('cur-3', 'spent 45000 on lunch', { timeZone: 'Asia/Ho_Chi_Minh' });
    expect(replyText(lunch)).toBe(
      'Logged ₫45,000 for Food today.\n2% of your November Food budget used (₫45,000 of ₫2,000,000).',
    );
    const budgets = await h.say('cur-3', 'how is my food budget', { timeZone: 'Asia/Ho_Chi_Minh' });
    expect(replyText(budgets)).toContain('₫45,000 of ₫2,000,000 spent (2%) — ₫1,955,000 left');
  });
});

describe('budgets, the demanding way', () => {
  test('"how am I doing" gives the budgets; over 100% says by how much', async () => {
    await h.say('dem-1', 'set my food budget to 100');
    await h.say('dem-1', 'spent 85 on food');
    const over = await h.say('dem-1', 'spent 30 on food');
    expect(replyText(over)).toContain(
      "⚠️ You're over your November Food budget by $15.00 ($115.00 of $100.00).",
    );
    const doing = await h.say('dem-1', 'how am I doing');
    expect(replyText(doing)).toBe(
      'November Food budget: $115.00 of $100.00 spent (115%) — over by $15.00, 9 days to go.',
    );
  });

  test('"how am I doing" with no budgets shows this month\'s spending instead', async () => {
    await h.say('dem-2', 'spent 20 on lunch');
    const doing = await h.say('dem-2', 'how am I doing?');
    expect(replyText(doing)).toContain('You spent $20.00 this month.');
  });

  test('"what\'s left for food this week" with only a monthly budget shows that one and says so', async () => {
    await h.say('dem-3', 'set my food budget to 300');
    await h.say('dem-3', 'spent 30 on food');
    const left = await h.say('dem-3', "what's left for food this week");
    expect(replyText(left).split('\n')).toEqual([
      "You don't have a weekly Food budget, so here's what you do have:",
      'November Food budget: $30.00 of $300.00 spent (10%) — $270.00 left, 9 days left, about $30.00 a day.',
    ]);
    await h.say('dem-3', 'set a weekly food budget of 50');
    const weekly = await h.say('dem-3', "what's left for food this week");
    expect(replyText(weekly)).toBe(
      'Weekly Food budget: $30.00 of $50.00 spent (60%) — $20.00 left, 1 day left, about $20.00 a day.',
    );
  });

  test('"how much can I spend on food per day" answers from the budget', async () => {
    await h.say('dem-4', 'set my food budget to 400');
    await h.say('dem-4', 'spent 130 on food');
    const perDay = await h.say('dem-4', 'how much can I spend on food per day');
    expect(replyText(perDay)).toContain('$270.00 left, 9 days left, about $30.00 a day.');
  });

  test('removing a budget asks first; no keeps it, yes removes it and keeps the spending', async () => {
    await h.say('dem-5', 'set my food budget to 200');
    await h.say('dem-5', 'spent 20 on food');
    const ask = await h.say('dem-5', 'delete my food budget');
    expect(dialogType(ask)).toBe('ConfirmIntent');
    expect(replyText(ask)).toBe(
      'Remove your monthly Food budget of $200.00? Your transactions stay as they are.',
    );
    const no = await h.say('dem-5', 'no');
    expect(replyText(no)).toBe('OK, I kept your monthly Food budget.');
    expect(await h.repo.listBudgets('dem-5')).toHaveLength(1);
    await h.say('dem-5', 'remove the food budget');
    const yes = await h.say('dem-5', 'yes');
    expect(replyText(yes)).toBe('Removed your monthly Food budget.');
    expect(await h.repo.listBudgets('dem-5')).toHaveLength(0);
    expect(await recent('dem-5')).toHaveLength(1);
  });

  test('a budget for an unknown category asks which one, and then sets it', async () => {
    const ask = await h.say('dem-6', 'set a budget for xyzzy of 100');
    expect(dialogType(ask)).toBe('ElicitSlot');
    expect(replyText(ask)).toBe(
      'I don\'t have a category called "xyzzy". Which one should the budget be for?',
    );
    expect(await h.repo.listBudgets('dem-6')).toHaveLength(0);
    const done = await h.say('dem-6', 'entertainment');
    expect(replyText(done)).toContain('Done: your monthly Entertainment budget is $100.00 a month.');
  });

  test('a budget with the category but no amount asks for the amount', async () => {
    const ask = await h.say('dem-7', 'set a weekly food budget');
    expect(dialogType(ask)).toBe('ElicitSlot');
    expect(replyText(ask)).toBe('How much would you like your weekly Food budget to be?');
    const done = await h.say('dem-7', '75');
    expect(replyText(done)).toContain('your weekly Food budget is $75.00 a week');
  });
});

describe('income questions', () => {
  test('how much was earned, this month and last', async () => {
    await h.say('inc-1', 'got paid 2000 salary');
    await h.say('inc-1', 'received 300 from freelance work');
    const month = await h.say('inc-1', "what's my income this month");
    expect(replyText(month)).toContain(
      'You received $2,300.00 this month (Salary $2,000.00, Freelance $300.00).',
    );
    const last = await h.say('inc-1', 'how much money did I make last month');
    expect(replyText(last)).toContain("You haven't logged any income last month.");
  });
});

describe('finding the entry to delete', () => {
  beforeAll(() =>
    seedExpenses(h.repo, 'find-1', [
      ['2026-11-21', 4.5, 'Food', 'coffee'],
      ['2026-11-21', 23, 'Transport', 'uber'],
      ['2026-11-22', 3.2, 'Food', 'coffee'],
      ['2026-11-22', 18, 'Food', 'lunch'],
    ]),
  );

  test('"delete the uber from yesterday": names it, asks, deletes on yes', async () => {
    const ask = await h.say('find-1', 'delete the uber from yesterday');
    expect(dialogType(ask)).toBe('ConfirmIntent');
    expect(replyText(ask)).toBe('Delete $23.00 for Transport yesterday (uber)?');
    const yes = await h.say('find-1', 'yes');
    expect(replyText(yes)).toBe('Deleted $23.00 for Transport yesterday (uber).');
  });

  test('"delete the coffee from yesterday" picks yesterday\'s coffee, not today\'s; no keeps it', async () => {
    const ask = await h.say('find-1', 'delete the coffee from yesterday');
    expect(replyText(ask)).toBe('Delete $4.50 for Food yesterday (coffee)?');
    const no = await h.say('find-1', 'no');
    expect(replyText(no)).toBe('OK, I kept $4.50 for Food yesterday (coffee).');
  });

  test('"list my last 3 coffee purchases" shows only the coffees', async () => {
    const list = await h.say('find-1', 'list my last 3 coffee purchases');
    expect(replyText(list).split('\n')).toEqual([
      'Your last 2 transactions (coffee):',
      '• Sun, Nov 22: $3.20 Food — coffee',
      '• Sat, Nov 21: $4.50 Food — coffee',
    ]);
  });

  test('"delete everything" and "delete the last 3" never delete in bulk', async () => {
    const all = await h.say('find-1', 'delete all my transactions');
    expect(replyText(all)).toContain("I don't delete everything at once");
    const three = await h.say('find-1', 'delete the last 3 transactions');
    expect(dialogType(three)).toBe('ConfirmIntent');
    expect(replyText(three)).toContain('I delete one entry at a time');
    await h.say('find-1', 'no');
    expect(await recent('find-1')).toHaveLength(3);
  });

  test('a description that matches nothing deletes nothing', async () => {
    const none = await h.say('find-1', 'delete the piano lessons from last week');
    expect(replyText(none)).toContain("I couldn't find an entry like");
    expect(replyText(none)).toContain('so nothing was deleted');
    expect(await recent('find-1')).toHaveLength(3);
  });
});

describe('follow-ups in other words', () => {
  beforeAll(() =>
    seedExpenses(h.repo, 'fol-1', [
      ['2026-10-03', 100, 'Food'],
      ['2026-10-20', 60, 'Transport', 'uber'],
      ['2026-11-02', 80, 'Food'],
      ['2026-11-16', 30, 'Transport'],
      ['2026-11-20', 12, 'Food', 'pizza'],
    ]),
  );

  test('"what about uber?" reads uber as Transport and keeps the remembered period', async () => {
    await h.say('fol-1', 'how much did I spend on food in October?');
    const uber = await h.say('fol-1', 'what about uber?');
    expect(replyText(uber)).toContain('You spent $60.00 on Transport in October.');
    const month = await h.say('fol-1', 'and this month?');
    expect(replyText(month)).toContain(
      "You spent $30.00 on Transport this month ($122.00 on everything). That's $30.00 (50%) less than in October ($60.00).",
    );
    const chart = spendingChartSchema.parse(replyPayloads(month)[0]);
    expect(chart.data.map((d) => d.label)).toEqual(['Food', 'Transport']);
  });

  test('"where did I spend the most?" leads with the biggest category, not the remembered one', async () => {
    await h.say('fol-1', 'how much did I spend on transport in October?');
    const most = await h.say('fol-1', 'where did I spend the most this month');
    expect(replyText(most)).toContain('Most went to Food: $92.00 of the $122.00 you spent this month (75%).');
  });

  test('a period with nothing spent says what the one before had', async () => {
    const yesterday = await h.say('fol-1', 'how much did I spend on food yesterday');
    expect(replyText(yesterday)).toContain(
      'You spent nothing on Food yesterday. On Friday, Nov 20 it was $12.00.',
    );
    const week = await h.say('fol-1', 'and last week?');
    expect(replyText(week)).toContain('You spent nothing on Food last week.');
  });
});

describe('questions in words the NLU may not know', () => {
  test('"how much did I spend in 2026" gets the year\'s total, and a follow-up narrows it', async () => {
    await seedExpenses(h.repo, 'q-year', [
      ['2026-02-10', 40, 'Food'],
      ['2026-11-20', 60, 'Transport'],
      ['2025-12-31', 99, 'Food'],
    ]);
    const year = await h.say('q-year', 'how much did I spend in 2026');
    expect(replyText(year)).toContain('You spent $100.00 in 2026.');
    const food = await h.say('q-year', 'and on food?');
    expect(replyText(food)).toContain('You spent $40.00 on Food in 2026.');
  });
});

describe('small talk never dead-ends', () => {
  test('thanks, a stray yes, never mind and bye all get a friendly answer with buttons', async () => {
    await h.say('talk-1', 'spent 5 on coffee');
    const thanks = await h.say('talk-1', 'thanks');
    expect(replyText(thanks)).toContain("You're welcome!");
    const yes = await h.say('talk-1', 'yes');
    expect(replyText(yes)).toContain('nothing was saved');
    const never = await h.say('talk-1', 'never mind');
    expect(replyText(never)).toContain('nothing was changed');
    const bye = await h.say('talk-1', 'bye');
    expect(replyText(bye)).toContain('Bye for now!');
    for (const reply of [thanks, yes, never, bye]) expect(replyButtons(reply).length).toBeGreaterThan(0);
    expect(await recent('talk-1')).toHaveLength(1);
  });

  test('help, then a button, then a follow-up: every step is understood', async () => {
    const help = await h.say('talk-2', 'what can you do?');
    expect(intentName(help)).toBe('Help');
    expect(replyText(help)).toContain('no, make that 15');
    const spent = await h.say('talk-2', replyButtons(help)[0]!.value);
    expect(intentName(spent)).toBe('QuerySpending');
    expect(replyText(spent)).toContain('You spent nothing this month.');
  });
});

describe('"today" is the user\'s own date on both sides of midnight', () => {
  test('at the same instant, Tokyo (just after midnight) and Los Angeles (evening) see different days', async () => {
    // 2026-11-22T15:30Z is 00:30 on Nov 23 in Tokyo and 07:30 on Nov 22 in Los Angeles.
    clock.set('2026-11-22T15:30:00Z');
    await h.say('mid-tok', 'spent 1000 on sushi', { timeZone: 'Asia/Tokyo' });
    await h.say('mid-la', 'spent 10 on breakfast', { timeZone: 'America/Los_Angeles' });
    const tokyo = await h.say('mid-tok', 'how much did I spend yesterday', { timeZone: 'Asia/Tokyo' });
    expect(replyText(tokyo)).toContain('You spent nothing yesterday.');
    const tokyoToday = await h.say('mid-tok', 'how much did I spend today', { timeZone: 'Asia/Tokyo' });
    expect(replyText(tokyoToday)).toContain('You spent $1,000.00 today.');
    const la = await h.say('mid-la', 'list my transactions', { timeZone: 'America/Los_Angeles' });
    expect(replyText(la)).toContain('• Sun, Nov 22: $10.00 Food — breakfast');
    expect((await recent('mid-tok'))[0]?.date).toBe('2026-11-23');
  });
});
