/**
 * Money put toward a savings goal leaves an account (issue 12 point 3), end to end: the real Lex SDK
 * client, the local Lex runtime and its NLU, the code hook and DynamoDB Local; the overview is fetched
 * from the proxy over HTTP. The account named, or the default one, goes down by what the goal gains,
 * in one write; it is neither spending nor income, and "undo" gives both back.
 */
import { dialogType, intentName, replyButtons, replyText } from '../support/replies';
import { fetchOverview, storedBalances, useConversationHarness } from '../support/conversation';

// Thursday 2026-12-03, noon in New York.

const { h } = useConversationHarness('2026-12-03T17:00:00Z');

const month = { granularity: 'month', key: '2026-12' } as const;
const balances = (user: string) => storedBalances(h.repo, user);
const saved = async (user: string) => (await h.repo.goals.listGoals(user)).map((g) => g.savedMinor);

async function overviewBalances(user: string): Promise<Record<string, string>> {
  const overview = await fetchOverview(h, user);
  return Object.fromEntries(overview.balances.map((b) => [b.name, b.balance.formatted]));
}

describe('money toward a goal comes out of an account', () => {
  test('from the account named: its balance and the goal move together, and totals stay', async () => {
    await h.say('ga-1', 'I have 2,500 in my checking account');
    await h.say('ga-1', 'I have 5,000 in my savings account');
    await h.say('ga-1', 'spent 30 on lunch');
    await h.say('ga-1', 'I want to save 2,000 for a trip to japan by june');
    const before = await h.repo.getPeriodTotals('ga-1', month, 'USD');

    const put = await h.say('ga-1', 'put 300 from savings toward the japan trip');
    expect(intentName(put)).toBe('AddToGoal');
    expect(dialogType(put)).toBe('Close');
    expect(replyText(put)).toContain(
      'Added $300.00 to trip to japan from Savings (neither spending nor income). Savings: $4,700.00.',
    );
    expect(await balances('ga-1')).toEqual({ checking: 247_000, savings: 470_000 });
    expect(await saved('ga-1')).toEqual([30_000]);

    const moved = await h.say('ga-1', 'move 100 from checking to my japan goal');
    expect(intentName(moved)).toBe('AddToGoal');
    expect(replyText(moved)).toContain('from Checking');
    expect(replyText(moved)).toContain('Checking: $2,370.00.');
    expect(await balances('ga-1')).toEqual({ checking: 237_000, savings: 470_000 });
    expect(await saved('ga-1')).toEqual([40_000]);

    // Neither spending nor income: the month's totals are what they were.
    expect(await h.repo.getPeriodTotals('ga-1', month, 'USD')).toEqual(before);
    expect(await overviewBalances('ga-1')).toEqual({ Checking: '$2,370.00', Savings: '$4,700.00' });
  });

  test('with no account said, from the default one (where unnamed entries go)', async () => {
    await h.say('ga-2', 'I have 2,500 in my checking account');
    await h.say('ga-2', 'I have 5,000 in my savings account');
    await h.say('ga-2', 'save 500 for a new bike');
    const put = await h.say('ga-2', 'put 100 toward the bike');
    expect(intentName(put)).toBe('AddToGoal');
    expect(replyText(put)).toContain('Added $100.00 to new bike from Checking');
    expect(await balances('ga-2')).toEqual({ checking: 240_000, savings: 500_000 });
    expect(await saved('ga-2')).toEqual([10_000]);
    expect(await overviewBalances('ga-2')).toMatchObject({ Checking: '$2,400.00' });
  });

  test('an account the person does not have is asked about, with theirs as buttons; nothing moves', async () => {
    await h.say('ga-3', 'I have 2,500 in my checking account');
    await h.say('ga-3', 'save 500 for a new bike');
    const put = await h.say('ga-3', 'put 100 from my visa toward the bike');
    expect(intentName(put)).toBe('AddToGoal');
    expect(dialogType(put)).toBe('ElicitSlot');
    expect(replyText(put)).toContain(
      "You don't have a visa account yet. Which account is the money coming from?",
    );
    expect(replyButtons(put).map((b) => b.text)).toContain('Checking');
    expect(await balances('ga-3')).toEqual({ checking: 250_000 });
    expect(await saved('ga-3')).toEqual([0]);

    const answer = await h.say('ga-3', 'checking');
    expect(intentName(answer)).toBe('AddToGoal');
    expect(dialogType(answer)).toBe('Close');
    expect(replyText(answer)).toContain('Added $100.00 to new bike from Checking');
    expect(await balances('ga-3')).toEqual({ checking: 240_000 });
    expect(await saved('ga-3')).toEqual([10_000]);
  });

  test('"undo" gives the money back to the account and takes it off the goal', async () => {
    await h.say('ga-4', 'I have 5,000 in my savings account');
    await h.say('ga-4', 'I want to save 2,000 for a trip to japan by june');
    await h.say('ga-4', 'put 300 from savings toward the japan trip');
    expect(await balances('ga-4')).toEqual({ savings: 470_000 });

    const undo = await h.say('ga-4', 'undo');
    expect(intentName(undo)).toBe('Undo');
    expect(replyText(undo)).toContain(
      'Undone: I took $300.00 back off trip to japan; $0.00 of $2,000.00 saved.',
    );
    expect(replyText(undo)).toContain('Back in Savings: $5,000.00.');
    expect(await balances('ga-4')).toEqual({ savings: 500_000 });
    expect(await saved('ga-4')).toEqual([0]);
    expect(await overviewBalances('ga-4')).toEqual({ Savings: '$5,000.00' });
  });

  test('someone who keeps no accounts puts money toward a goal as before: no balance moves', async () => {
    await h.say('ga-5', 'coffee 4');
    await h.say('ga-5', 'save 500 for a new bike');
    const before = await balances('ga-5');
    const put = await h.say('ga-5', 'put 100 toward the bike');
    expect(intentName(put)).toBe('AddToGoal');
    expect(replyText(put)).toContain('Added $100.00 to new bike.');
    expect(replyText(put)).not.toContain(' from ');
    expect(await balances('ga-5')).toEqual(before);
    expect(await saved('ga-5')).toEqual([10_000]);
    expect(await overviewBalances('ga-5')).toEqual({});
  });
});
