/**
 * Removing a savings goal gives its money back (issue 12), end to end: the real Lex SDK client, the
 * local Lex runtime and its NLU, the code hook and DynamoDB Local; the overview is fetched from the
 * proxy over HTTP. Each account gets back what came from it, in the same write as the removal, and
 * "undo" puts the goal back and takes the money again.
 */
import { fetchOverview, storedBalances, useConversationHarness } from '../support/conversation';
import { dialogType, intentName, replyText } from '../support/replies';

jest.setTimeout(120_000);

// Thursday 2026-12-03, noon in New York.
const { h } = useConversationHarness('2026-12-03T17:00:00Z');

const balances = (user: string) => storedBalances(h.repo, user);
const goals = async (user: string) =>
  (await h.repo.goals.listGoals(user)).map((g) => [g.name, g.savedMinor] as const);

async function overview(user: string) {
  const o = await fetchOverview(h, user);
  return {
    balances: Object.fromEntries(o.balances.map((b) => [b.name, b.balance.formatted])),
    goals: o.goals.length,
  };
}

describe('removing a goal gives its money back', () => {
  test('to each account it came from, and undo takes it again', async () => {
    await h.say('gr-1', 'I have 2,500 in my checking account');
    await h.say('gr-1', 'I have 5,000 in my savings account');
    await h.say('gr-1', 'I want to save 2,000 for a trip to japan by june');
    await h.say('gr-1', 'put 300 from savings toward the japan trip');
    await h.say('gr-1', 'put 100 toward the japan trip'); // from the default account: Checking
    expect(await balances('gr-1')).toEqual({ checking: 240_000, savings: 470_000 });

    const ask = await h.say('gr-1', 'delete the japan goal');
    expect(intentName(ask)).toBe('DeleteGoal');
    expect(dialogType(ask)).toBe('ConfirmIntent');
    expect(replyText(ask)).toContain('$300.00 goes back to Savings and $100.00 to Checking.');
    expect(await balances('gr-1')).toEqual({ checking: 240_000, savings: 470_000 });

    const yes = await h.say('gr-1', 'yes');
    expect(dialogType(yes)).toBe('Close');
    expect(replyText(yes)).toContain(
      'Removed your trip to japan goal; $300.00 went back to Savings and $100.00 to Checking. ' +
        'Savings: $5,000.00; Checking: $2,500.00.',
    );
    expect(await balances('gr-1')).toEqual({ checking: 250_000, savings: 500_000 });
    expect(await goals('gr-1')).toEqual([]);
    expect(await overview('gr-1')).toEqual({
      balances: { Checking: '$2,500.00', Savings: '$5,000.00' },
      goals: 0,
    });

    const undo = await h.say('gr-1', 'undo');
    expect(intentName(undo)).toBe('Undo');
    expect(replyText(undo)).toContain(
      'Undone: your trip to japan goal is back, with $400.00 saved; ' +
        '$300.00 came out of Savings and $100.00 out of Checking again.',
    );
    expect(await balances('gr-1')).toEqual({ checking: 240_000, savings: 470_000 });
    expect(await goals('gr-1')).toEqual([['trip to japan', 40_000]]);
    expect(await overview('gr-1')).toEqual({
      balances: { Checking: '$2,400.00', Savings: '$4,700.00' },
      goals: 1,
    });

    // Removed again after the undo: the same money goes back once more, nothing twice.
    await h.say('gr-1', 'delete the japan goal');
    await h.say('gr-1', 'yes');
    expect(await balances('gr-1')).toEqual({ checking: 250_000, savings: 500_000 });
  });

  test('money given back by an undo is not counted toward the goal when it is removed', async () => {
    await h.say('gr-2', 'I have 5,000 in my savings account');
    await h.say('gr-2', 'save 500 for a new bike');
    await h.say('gr-2', 'put 200 from savings toward the bike');
    await h.say('gr-2', 'put 50 from savings toward the bike');
    await h.say('gr-2', 'undo');
    expect(await balances('gr-2')).toEqual({ savings: 480_000 });
    await h.say('gr-2', 'delete the bike goal');
    const yes = await h.say('gr-2', 'yes');
    expect(replyText(yes)).toContain('Removed your new bike goal; $200.00 went back to Savings.');
    expect(await balances('gr-2')).toEqual({ savings: 500_000 });
  });

  test('someone who keeps no accounts removes a goal as before: no balance moves', async () => {
    await h.say('gr-3', 'coffee 4');
    await h.say('gr-3', 'save 500 for a new bike');
    await h.say('gr-3', 'put 100 toward the bike');
    const before = await balances('gr-3');
    const ask = await h.say('gr-3', 'delete the bike goal');
    expect(replyText(ask)).not.toContain('goes back');
    const yes = await h.say('gr-3', 'yes');
    expect(replyText(yes)).toContain('Removed your new bike goal.');
    expect(await balances('gr-3')).toEqual(before);
    const undo = await h.say('gr-3', 'undo');
    expect(replyText(undo)).toContain('Undone: your new bike goal is back, with $100.00 saved.');
    expect(await balances('gr-3')).toEqual(before);
  });
});
