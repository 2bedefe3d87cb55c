/** Logging spending and income through the real Lex client, runtime, NLU, code hook and DynamoDB Local. */
import { dialogType, intentName, replyButtons, replyPayloads, replyText } from '../support/replies';
import { useConversationHarness } from '../support/conversation';

// Sunday 2026-11-22, noon in New York.
const SUNDAY_NOON = '2026-11-22T17:00:00Z';

const { clock, h } = useConversationHarness(SUNDAY_NOON, { resetClock: true });

const recent = (user: string) => h.repo.listRecent(user, 50);

test('logs a complete expense at once, with an Undo button', async () => {
  const reply = await h.say('log-1', 'spent 12.50 on lunch');
  expect(intentName(reply)).toBe('LogExpense');
  expect(dialogType(reply)).toBe('Close');
  expect(replyText(reply)).toBe('Logged $12.50 for Food today.');
  expect(replyButtons(reply)).toContainEqual({ text: 'Undo', value: 'undo' });
  expect(await recent('log-1')).toMatchObject([{ amountMinor: 1250, category: 'Food', date: '2026-11-22' }]);
  const list = await h.say('log-1', 'list my transactions');
  expect(replyText(list).split('\n')).toEqual([
    'Your last transaction:',
    '• Sun, Nov 22: $12.50 Food — lunch',
  ]);
});

test('a retried message (same request id) logs once and answers the same', async () => {
  const first = await h.say('log-retry', 'spent 7.25 on lunch', { requestId: 'retry-1' });
  const again = await h.say('log-retry', 'spent 7.25 on lunch', { requestId: 'retry-1' });
  expect(replyText(again)).toBe(replyText(first));
  expect(await recent('log-retry')).toHaveLength(1);
  await h.say('log-retry', 'spent 7.25 on lunch', { requestId: 'retry-2' });
  expect(await recent('log-retry')).toHaveLength(2);
});

test('asks only for the category, offers buttons, then logs with the button value', async () => {
  const ask = await h.say('log-2', 'spent 20');
  expect(dialogType(ask)).toBe('ElicitSlot');
  expect(replyText(ask)).toBe('What was it for?');
  const groceries = replyButtons(ask).find((b) => b.text === 'Groceries');
  expect(groceries).toBeDefined();
  expect(await recent('log-2')).toHaveLength(0);
  const done = await h.say('log-2', groceries!.value);
  expect(replyText(done)).toBe('Logged $20.00 for Groceries today.');
  expect(await recent('log-2')).toHaveLength(1);
});

test('asks only for the amount when the category is known', async () => {
  const ask = await h.say('log-3', 'log an expense for groceries');
  expect(dialogType(ask)).toBe('ElicitSlot');
  expect(ask.sessionState?.dialogAction?.slotToElicit).toBe('Amount');
  const done = await h.say('log-3', '42.10');
  expect(replyText(done)).toBe('Logged $42.10 for Groceries today.');
});

test('re-asks for a zero amount, then accepts the correction', async () => {
  const ask = await h.say('log-4', 'spent 0 on lunch');
  expect(dialogType(ask)).toBe('ElicitSlot');
  expect(replyText(ask)).toContain('The amount must be more than zero.');
  expect(await recent('log-4')).toHaveLength(0);
  const done = await h.say('log-4', '9.99');
  expect(replyText(done)).toBe('Logged $9.99 for Food today.');
});

test('refuses negative and absurd amounts and writes nothing', async () => {
  const negative = await h.say('log-5', 'spent -5 on food');
  expect(replyText(negative)).toContain('cannot be negative');
  const absurd = await h.say('log-5b', 'spent 2000000000000 on food');
  expect(replyText(absurd)).toContain('too large');
  expect(await recent('log-5')).toHaveLength(0);
  expect(await recent('log-5b')).toHaveLength(0);
  // The bot is still asking for the amount: a sensible one logs the expense.
  expect(dialogType(absurd)).toBe('ElicitSlot');
  const fixed = await h.say('log-5b', '20');
  expect(replyText(fixed)).toBe('Logged $20.00 for Food today.');
});

test('reads a weekday in the past tense as the last one that has passed', async () => {
  const reply = await h.say('log-6', 'paid 30 for coffee on friday');
  expect(replyText(reply)).toBe('Logged $30.00 for Food on Friday, Nov 20.');
  expect((await recent('log-6'))[0]?.date).toBe('2026-11-20');
  // Said on a Sunday, "sunday" is today and "last sunday" a week ago.
  const sunday = await h.say('log-6', 'spent 5 on lunch on sunday');
  expect(replyText(sunday)).toBe('Logged $5.00 for Food today.');
  const lastSunday = await h.say('log-6', 'spent 7 on lunch last sunday');
  expect(replyText(lastSunday)).toBe('Logged $7.00 for Food on Sunday, Nov 15.');
});

test('"next friday" is a day still to come: asked first, and "no" asks which day it was', async () => {
  const next = await h.say('log-6b', 'spent 30 on food next friday');
  expect(dialogType(next)).toBe('ConfirmIntent');
  expect(replyText(next)).toContain("Friday, Nov 27 hasn't happened yet. Keep $30.00 for Food as expected");
  expect(await recent('log-6b')).toHaveLength(0);
  const no = await h.say('log-6b', 'no');
  expect(dialogType(no)).toBe('ElicitSlot');
  expect(no.sessionState?.dialogAction?.slotToElicit).toBe('Date');
  const fixed = await h.say('log-6b', 'friday');
  expect(replyText(fixed)).toBe('Logged $30.00 for Food on Friday, Nov 20.');
  expect(await recent('log-6b')).toMatchObject([{ date: '2026-11-20', amountMinor: 3000 }]);
});

test('"on the 28th" said on the 24th is this month\'s, still to come: confirmed, never moved to last month', async () => {
  clock.set('2026-11-24T17:00:00Z');
  const ask = await h.say('log-28th', 'spent 40 on groceries on the 28th');
  expect(dialogType(ask)).toBe('ConfirmIntent');
  expect(replyText(ask)).toContain("Saturday, Nov 28 hasn't happened yet. Keep $40.00 for Groceries");
  expect(await recent('log-28th')).toHaveLength(0);
  const yes = await h.say('log-28th', 'yes');
  // Expected on the 28th, not spent yet: the scheduled job logs it that day (futureDated.test.ts).
  expect(replyText(yes)).toContain('Noted: $40.00 for Groceries, expected on Saturday, Nov 28');
  expect(await recent('log-28th')).toHaveLength(0);
  expect(await h.repo.recurring.listRecurringRules('log-28th')).toMatchObject([
    { nextDue: '2026-11-28', amountMinor: 4000, category: 'Groceries' },
  ]);
});

test('a date in the future is kept only after a yes, as expected on that day', async () => {
  const reply = await h.say('log-7', 'I spent 30 on food tomorrow');
  expect(dialogType(reply)).toBe('ConfirmIntent');
  expect(replyText(reply)).toContain("hasn't happened yet");
  expect(await recent('log-7')).toHaveLength(0);
  const yes = await h.say('log-7', 'yes');
  expect(replyText(yes)).toContain('Noted: $30.00 for Food, expected on Monday, Nov 23');
  expect(await recent('log-7')).toHaveLength(0);
  expect(await h.repo.recurring.listRecurringRules('log-7')).toMatchObject([
    { nextDue: '2026-11-23', amountMinor: 3000 },
  ]);
});

test('keeps the note', async () => {
  const reply = await h.say('log-8', "spent 45 on a gift for mom's birthday");
  expect(replyText(reply)).toContain('Logged $45.00 for Gifts today');
  expect((await recent('log-8'))[0]?.note).toContain("mom's birthday");
  const list = await h.say('log-8', 'list my transactions');
  expect(replyText(list)).toContain("$45.00 Gifts — gift for mom's birthday");
});

test('logs income in income categories', async () => {
  const reply = await h.say('log-9', 'got paid 2000 salary');
  expect(replyText(reply)).toBe('Logged $2,000.00 of Salary income today.');
  expect(await recent('log-9')).toMatchObject([{ kind: 'income', category: 'Salary', amountMinor: 200000 }]);
  const more = await h.say('log-9', 'got 500');
  expect(dialogType(more)).toBe('ElicitSlot');
  expect(replyText(more)).toBe('What kind of income was it?');
  const freelance = await h.say('log-9', 'freelance');
  expect(replyText(freelance)).toBe('Logged $500.00 of Freelance income today.');
  const earned = await h.say('log-9', 'how much did I earn this month');
  expect(replyText(earned)).toContain(
    'You received $2,500.00 this month (Salary $2,000.00, Freelance $500.00).',
  );
});

test('undo removes the transaction just logged and says what it was', async () => {
  await h.say('log-10', 'spent 3 on coffee');
  const logged = await h.say('log-10', 'spent 12.50 on a taxi');
  const undo = replyButtons(logged).find((b) => b.text === 'Undo');
  const reply = await h.say('log-10', undo!.value);
  // The word the user said ("taxi") is kept as the note, so the entry can be told apart later.
  expect(replyText(reply)).toBe('Undone: I removed $12.50 for Transport today (taxi).');
  expect((await recent('log-10')).map((t) => t.amountMinor)).toEqual([300]);
});

test('undo with nothing just logged says so and removes nothing', async () => {
  await h.repo.logTransaction('log-11', {
    kind: 'expense',
    amountMinor: 500,
    currency: 'USD',
    category: 'Food',
    date: '2026-11-20',
    source: 'seed',
    requestId: 'seed-log-11',
  });
  const reply = await h.say('log-11', 'undo');
  expect(replyText(reply)).toContain("There's nothing to undo right now.");
  expect(await recent('log-11')).toHaveLength(1);
  // The older entry can still go, by asking for it.
  const ask = await h.say('log-11', 'delete my last transaction');
  expect(replyText(ask)).toBe('Delete $5.00 for Food on Friday, Nov 20?');
  const yes = await h.say('log-11', 'yes');
  expect(replyText(yes)).toBe('Deleted $5.00 for Food on Friday, Nov 20.');
  expect(await recent('log-11')).toHaveLength(0);
});

test('a delete that matches two entries says so, and naming the other one while asked deletes that one', async () => {
  await h.say('log-delete-two', 'spent 50 on groceries');
  await h.say('log-delete-two', 'spent 30 on groceries yesterday');
  const ask = await h.say('log-delete-two', 'delete the groceries');
  expect(replyText(ask)).toBe(
    'Delete $50.00 for Groceries today? (There is also $30.00 for Groceries yesterday: ' +
      'to delete that one instead, say which day, like "delete the groceries from yesterday".)',
  );
  expect(ask.messages?.map((m) => m.imageResponseCard?.title).filter(Boolean)).toEqual(['Delete it?']);
  const other = await h.say('log-delete-two', 'delete the groceries from yesterday');
  expect(dialogType(other)).toBe('ConfirmIntent');
  expect(replyText(other)).toBe('Delete $30.00 for Groceries yesterday?');
  const yes = await h.say('log-delete-two', 'yes');
  expect(replyText(yes)).toBe('Deleted $30.00 for Groceries yesterday.');
  expect(await recent('log-delete-two')).toMatchObject([{ amountMinor: 5000, date: '2026-11-22' }]);
});

test('a count of things beside the price is not the amount: "bought 3 shirts for 45" logs $45', async () => {
  const shirts = await h.say('log-counts', 'bought 3 shirts for 45');
  expect(replyText(shirts)).toMatch(/^Logged \$45\.00 for Shopping today/);
  const dinner = await h.say('log-counts', 'dinner for 2 was 60');
  expect(replyText(dinner)).toMatch(/^Logged \$60\.00 for Food today/);
  expect((await recent('log-counts')).map((t) => t.amountMinor).sort()).toEqual([4500, 6000]);
});

test('a 0-decimal currency: VND amounts and formatting', async () => {
  await h.repo.putProfile('log-vnd', { currency: 'VND', timeZone: 'Asia/Ho_Chi_Minh', customCategories: [] });
  const reply = await h.say('log-vnd', 'spent 45000 on lunch', { timeZone: 'Asia/Ho_Chi_Minh' });
  expect(replyText(reply)).toBe('Logged ₫45,000 for Food today.');
  expect(await recent('log-vnd')).toMatchObject([{ amountMinor: 45000, currency: 'VND' }]);
  const cents = await h.say('log-vnd', 'spent 12.5 on coffee', { timeZone: 'Asia/Ho_Chi_Minh' });
  expect(replyText(cents)).toContain('VND amounts have no decimal places.');
  const whole = await h.say('log-vnd', '30000', { timeZone: 'Asia/Ho_Chi_Minh' });
  expect(replyText(whole)).toBe('Logged ₫30,000 for Food today.');
  const total = await h.say('log-vnd', 'how much did I spend this month', { timeZone: 'Asia/Ho_Chi_Minh' });
  expect(replyText(total)).toContain('You spent ₫75,000 this month.');
  expect(replyPayloads(total)[0]).toMatchObject({
    currency: 'VND',
    total: { value: 75000, formatted: '₫75,000' },
  });
});

test('a euro amount written the European way ("1.234,56") logs exactly that, not a rounding question', async () => {
  await h.repo.putProfile('log-eur', { currency: 'EUR', timeZone: 'Europe/Berlin', customCategories: [] });
  const reply = await h.say('log-eur', 'spent 1.234,56 on a tv', { timeZone: 'Europe/Berlin' });
  expect(replyText(reply)).toBe('Logged €1,234.56 for Shopping today.');
  expect(await recent('log-eur')).toMatchObject([{ amountMinor: 123456, currency: 'EUR', note: 'tv' }]);
});

test('two time zones around midnight: each purchase lands on its own local date', async () => {
  // 23:30 on Nov 24 in Los Angeles is 20:30 on Nov 25 in Auckland.
  clock.set('2026-11-25T07:30:00Z');
  const la = await h.say('tz-la', 'spent 8 on a burrito', { timeZone: 'America/Los_Angeles' });
  const akl = await h.say('tz-akl', 'spent 8 on a burrito', { timeZone: 'Pacific/Auckland' });
  expect(replyText(la)).toContain('today');
  expect(replyText(akl)).toContain('today');
  expect((await recent('tz-la'))[0]?.date).toBe('2026-11-24');
  expect((await recent('tz-akl'))[0]?.date).toBe('2026-11-25');
  expect((await h.repo.getProfile('tz-akl'))?.timeZone).toBe('Pacific/Auckland');
  // Ten minutes later Los Angeles crosses midnight too.
  clock.set('2026-11-25T08:10:00Z');
  await h.say('tz-la', 'spent 2 on coffee', { timeZone: 'America/Los_Angeles' });
  expect((await recent('tz-la')).map((t) => t.date)).toEqual(['2026-11-25', '2026-11-24']);
});

test('the parts of one message (split by the proxy) are undone together, and only they', async () => {
  await h.say('log-12', 'spent 7 on a taxi');
  await h.say('log-12', 'spent 12.50 on lunch', { messageId: 'msg-1' });
  await h.say('log-12', 'spent 5 on coffee', { messageId: 'msg-1' });
  expect(await recent('log-12')).toHaveLength(3);
  const undo = await h.say('log-12', 'undo');
  expect(replyText(undo)).toBe(
    'Undone: I removed $12.50 for Food today (lunch) and $5.00 for Food today (coffee).',
  );
  expect(await recent('log-12')).toMatchObject([{ amountMinor: 700, category: 'Transport' }]);
});

test('a typo the NLU cannot place never stores a wrong row', async () => {
  await h.say('log-13', 'spnt 12 on lnch');
  const stored = await recent('log-13');
  // Either understood exactly, or nothing stored.
  expect(stored.every((t) => t.amountMinor === 1200 && t.category === 'Food')).toBe(true);
  expect(stored.length).toBeLessThanOrEqual(1);
});

describe('date words that name a range ask which day: an entry is never put on a guessed day', () => {
  test('"spent 20 on food last month" asks which day; "the 15th" is last month\'s', async () => {
    const ask = await h.say('log-range-1', 'spent 20 on food last month');
    expect(dialogType(ask)).toBe('ElicitSlot');
    expect(ask.sessionState?.dialogAction?.slotToElicit).toBe('Date');
    expect(replyText(ask)).toBe('Which day last month was the $20.00 for Food? (for example "Oct 15")');
    expect(await recent('log-range-1')).toHaveLength(0);
    const done = await h.say('log-range-1', 'the 15th');
    expect(replyText(done)).toContain('Logged $20.00 for Food on Thursday, Oct 15.');
    expect(await recent('log-range-1')).toMatchObject([{ date: '2026-10-15', amountMinor: 2000 }]);
  });

  test('a range of a week or less offers its days that have come as buttons', async () => {
    const ask = await h.say('log-range-2', 'paid 30 for gas this week');
    expect(replyText(ask)).toContain('Which day this week was the $30.00 for Transport?');
    // Five at most (a Lex response card's limit): the five latest days.
    expect(replyButtons(ask).map((b) => b.text)).toEqual([
      'Wednesday, Nov 18',
      'Thursday, Nov 19',
      'Friday, Nov 20',
      'Saturday, Nov 21',
      'Today',
    ]);
    const friday = replyButtons(ask).find((b) => b.text === 'Friday, Nov 20')!;
    const done = await h.say('log-range-2', friday.value);
    expect(replyText(done)).toContain('Logged $30.00 for Transport on Friday, Nov 20.');
    expect(await recent('log-range-2')).toMatchObject([{ date: '2026-11-20', amountMinor: 3000 }]);
  });

  test('a weekday answer is that week\'s; "in October" then "Oct 3" logs on the day said', async () => {
    await h.say('log-range-3', 'spent 9 on lunch last week');
    const wednesday = await h.say('log-range-3', 'wednesday');
    expect(replyText(wednesday)).toContain('Logged $9.00 for Food on Wednesday, Nov 11.');
    const ask = await h.say('log-range-3', 'got paid 500 freelance in october');
    expect(replyText(ask)).toBe(
      'Which day in October was the $500.00 of Freelance income? (for example "Oct 15")',
    );
    const done = await h.say('log-range-3', 'oct 3');
    expect(replyText(done)).toContain('Logged $500.00 of Freelance income on Saturday, Oct 3.');
    expect(await recent('log-range-3')).toMatchObject([
      { date: '2026-11-11', amountMinor: 900 },
      { date: '2026-10-03', amountMinor: 50000, kind: 'income' },
    ]);
  });

  test('a question instead of the day drops the draft: nothing is stored', async () => {
    await h.say('log-range-4', 'spent 20 on food last month');
    const question = await h.say('log-range-4', 'how much did i spend last month');
    expect(replyText(question)).toContain('I dropped the $20.00 food — tell me which day it was to log it.');
    expect(await recent('log-range-4')).toHaveLength(0);
  });

  test('"the coffee was last week" asks which day and leaves the entry as it is', async () => {
    await h.say('log-range-5', 'spent 4 on coffee');
    const ask = await h.say('log-range-5', 'the coffee was last week');
    expect(intentName(ask)).toBe('EditTransaction');
    expect(replyText(ask)).toContain('Which day last week was it?');
    expect(replyButtons(ask).map((b) => b.text)).toContain('Friday, Nov 13');
    expect(await recent('log-range-5')).toMatchObject([{ date: '2026-11-22' }]);
    const friday = replyButtons(ask).find((b) => b.text === 'Friday, Nov 13')!;
    const done = await h.say('log-range-5', friday.value);
    expect(replyText(done)).toContain('Friday, Nov 13');
    expect(await recent('log-range-5')).toMatchObject([{ date: '2026-11-13', amountMinor: 400 }]);
  });
});
