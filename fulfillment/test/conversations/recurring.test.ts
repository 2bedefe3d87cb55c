/**
 * Recurring payments and income (issue 12 point 2), end to end through the real Lex client: set up by
 * chat, listed with next dates and monthly cost, due this week, cancelled, paused and resumed, and
 * posted by the scheduled job exactly once as ordinary entries.
 */
import { dialogType, intentName, replyButtons, replyText } from '../support/replies';
import { useConversationHarness } from '../support/conversation';

// Thursday 2026-12-03, 10:00 in New York.

const { clock, h } = useConversationHarness('2026-12-03T15:00:00Z', { resetClock: true });

const rules = (user: string) => h.repo.recurring.listRecurringRules(user);

describe('setting up recurring payments and income', () => {
  test('"my rent is 1,500 every month on the 1st" makes a monthly rule from the next 1st', async () => {
    const reply = await h.say('rec-1', 'my rent is 1,500 every month on the 1st');
    expect(intentName(reply)).toBe('SetRecurring');
    expect(dialogType(reply)).toBe('Close');
    expect(replyText(reply)).toContain('Rent, $1,500.00 every month on the 1st (Housing)');
    expect(replyText(reply)).toContain('The next one is Jan 1, 2027');
    const [rule] = await rules('rec-1');
    expect(rule).toMatchObject({
      kind: 'expense',
      amountMinor: 150_000,
      category: 'Housing',
      nextDue: '2027-01-01',
    });
    expect(rule?.recurrence).toContain('RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=1');
    // Nothing is logged today: the job logs each one on its day.
    expect(await h.repo.listRecent('rec-1', 5)).toEqual([]);
  });

  test('"netflix 15.99 every month" starts a month from today; "gym 40 every two weeks from friday" the coming friday', async () => {
    const netflix = await h.say('rec-2', 'netflix 15.99 every month');
    expect(replyText(netflix)).toContain('Netflix, $15.99 every month on the 3rd (Subscriptions)');
    expect(replyText(netflix)).toContain('The next one is Jan 3, 2027');
    const gym = await h.say('rec-2', 'gym 40 every two weeks from friday');
    expect(intentName(gym)).toBe('SetRecurring');
    expect(replyText(gym)).toContain('Gym, $40.00 every 2 weeks on Friday (Health)');
    expect(replyText(gym)).toContain("That's about $86.67 a month");
    expect((await rules('rec-2')).map((r) => [r.name, r.nextDue])).toEqual([
      ['netflix', '2027-01-03'],
      ['gym', '2026-12-04'],
    ]);
  });

  test('"salary 3,200 every month on the 25th" is recurring income', async () => {
    const reply = await h.say('rec-3', 'salary 3,200 every month on the 25th');
    expect(intentName(reply)).toBe('SetRecurringIncome');
    expect(replyText(reply)).toContain('Salary, $3,200.00 every month on the 25th (Salary, income)');
    expect((await rules('rec-3'))[0]).toMatchObject({ kind: 'income', nextDue: '2026-12-25' });
  });

  test('"salary 3,200 on the 25th" (issue 12\'s own words) sets up monthly income, logging nothing now', async () => {
    const made = await h.say('rec-7', 'salary 3,200 on the 25th');
    expect(intentName(made)).toBe('SetRecurringIncome');
    expect(replyText(made)).toContain('Salary, $3,200.00 every month on the 25th (Salary, income)');
    expect((await rules('rec-7'))[0]).toMatchObject({
      kind: 'income',
      amountMinor: 320_000,
      nextDue: '2026-12-25',
    });
    expect(await h.repo.listRecent('rec-7', 5)).toEqual([]);
  });

  test('"got my salary 3,200 on the 25th" (still ahead) is one income: it asks, and offers monthly instead', async () => {
    const ask = await h.say('rec-8', 'got my salary 3,200 on the 25th');
    expect(dialogType(ask)).toBe('ConfirmIntent');
    const offer = replyButtons(ask).find((b) => b.text === 'Every month on the 25th');
    expect(offer).toBeDefined();
    const made = await h.say('rec-8', offer!.value);
    expect(intentName(made)).toBe('SetRecurringIncome');
    expect((await rules('rec-8'))[0]).toMatchObject({ kind: 'income', nextDue: '2026-12-25' });
    expect(await h.repo.listRecent('rec-8', 5)).toEqual([]);
  });

  test('asks how often when no period or day is said, then saves', async () => {
    const ask = await h.say('rec-4', 'add a recurring payment');
    expect(dialogType(ask)).toBe('ElicitSlot');
    await h.say('rec-4', 'spotify');
    await h.say('rec-4', '10.99');
    const done = await h.say('rec-4', 'every month');
    expect(replyText(done)).toContain('$10.99 every month on the 3rd');
    expect(await rules('rec-4')).toHaveLength(1);
  });
});

describe('listing, due this week, cancel, pause and resume', () => {
  beforeAll(async () => {
    for (const text of [
      'my rent is 1,500 every month on the 1st',
      'netflix 15.99 every month',
      'gym 40 every two weeks from friday',
      'salary 3,200 every month on the 25th',
    ])
      await h.say('rec-5', text);
  });

  test('"what are my recurring payments" lists each with its next date, and the monthly totals', async () => {
    const reply = await h.say('rec-5', 'what are my recurring payments');
    expect(intentName(reply)).toBe('ListRecurring');
    const text = replyText(reply);
    expect(text).toContain('bills $1,602.66 a month, income $3,200.00 a month');
    expect(text).toContain('• Rent: $1,500.00 every month on the 1st — next Jan 1, 2027');
    expect(text).toContain('• Gym: $40.00 every 2 weeks on Friday — next Friday, Dec 4');
    expect(text).toContain('• Salary: +$3,200.00 every month on the 25th — next Friday, Dec 25');
    expect(replyText(await h.say('rec-5', 'list my bills'))).toContain('• Netflix: $15.99');
  });

  test('"what bills are due this week" shows what falls between today and Sunday', async () => {
    const reply = await h.say('rec-5', 'what bills are due this week');
    expect(intentName(reply)).toBe('ListRecurring');
    expect(replyText(reply)).toBe('Due this week ($40.00 to pay):\n• Friday, Dec 4: Gym $40.00');
  });

  test('"pause the gym" stops it; "resume the gym" carries on from today', async () => {
    const pause = await h.say('rec-5', 'pause the gym');
    expect(intentName(pause)).toBe('PauseRecurring');
    expect(replyText(pause)).toContain('Paused Gym');
    expect((await rules('rec-5')).find((r) => r.name === 'gym')).toMatchObject({
      status: 'paused',
      nextDue: null,
    });
    expect(replyText(await h.say('rec-5', 'what bills are due this week'))).toBe('Nothing is due this week.');
    const resume = await h.say('rec-5', 'resume the gym');
    expect(replyText(resume)).toContain('Resumed Gym. The next one is Friday, Dec 4.');
  });

  test('"cancel netflix" removes it and nothing else', async () => {
    const reply = await h.say('rec-5', 'cancel netflix');
    expect(intentName(reply)).toBe('CancelRecurring');
    expect(replyText(reply)).toContain('Cancelled Netflix ($15.99 every month on the 3rd)');
    expect((await rules('rec-5')).map((r) => r.name)).toEqual(['rent', 'gym', 'salary']);
  });

  test('asks which one when the name matches none', async () => {
    const reply = await h.say('rec-5', 'cancel my spotify');
    expect(dialogType(reply)).toBe('ElicitSlot');
    expect(replyText(reply)).toContain(
      'I found no recurring payment called "spotify". Which one should I cancel?',
    );
  });
});

describe('the scheduled job', () => {
  test('posts each due occurrence once, as a normal entry that can be deleted like any other', async () => {
    await h.say('rec-6', 'gym 40 every two weeks from friday');
    clock.set('2026-12-04T15:00:00Z');
    const first = await h.postRecurring();
    expect(first.posted).toBeGreaterThanOrEqual(1);
    const again = await h.postRecurring();
    const entries = await h.repo.listRecent('rec-6', 10);
    expect(entries.map((t) => [t.date, t.amountMinor, t.category, t.note, t.source])).toEqual([
      ['2026-12-04', 4000, 'Health', 'gym', 'recurring'],
    ]);
    expect(again.posted).toBe(0);
    // It counts in the totals like a chat entry.
    const totals = await h.repo.getPeriodTotals('rec-6', { granularity: 'month', key: '2026-12' }, 'USD');
    expect(totals.expenseByCategory).toEqual({ Health: 4000 });
    const ask = await h.say('rec-6', 'delete the gym');
    expect(replyText(ask)).toContain('Delete $40.00 for Health');
    await h.say('rec-6', 'yes');
    expect(await h.repo.listRecent('rec-6', 10)).toEqual([]);
    // Deleted stays deleted: the rule has moved on to the next one.
    await h.postRecurring();
    expect(await h.repo.listRecent('rec-6', 10)).toEqual([]);
    expect((await rules('rec-6'))[0]?.nextDue).toBe('2026-12-18');
  });
});
