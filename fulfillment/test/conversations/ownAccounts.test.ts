/**
 * The person's own account names by chat (issue 12, understanding gaps 1-3), end to end through the
 * shipped bot: the real Lex SDK client, the local Lex runtime and its NLU, the code hook and DynamoDB
 * Local. A name they gave is theirs everywhere; a name they lack is asked about and moves nothing.
 */
import { storedBalances, useConversationHarness } from '../support/conversation';
import { dialogType, intentName, replyText } from '../support/replies';

jest.setTimeout(90_000);

const { h } = useConversationHarness('2026-12-03T17:00:00Z');

const balances = (user: string) => storedBalances(h.repo, user);

describe('accounts the person names', () => {
  test('adds Chase, spends from it, asks its balance and moves money out of it', async () => {
    const user = 'own-acct-1';
    const added = await h.say(user, 'add an account called Chase with 500');
    expect(intentName(added)).toBe('AddAccount');
    expect(replyText(added)).toContain('Added your Chase account with $500.00.');
    await h.say(user, 'add a cash wallet with 20');

    const gas = await h.say(user, 'paid 30 for gas with my chase account');
    expect(intentName(gas)).toBe('LogExpense');
    expect(replyText(gas)).toContain('from Chase');
    expect(await balances(user)).toEqual({ chase: 47_000, cash: 2_000 });

    const balance = await h.say(user, 'how much is in chase');
    expect(intentName(balance)).toBe('QueryBalance');
    expect(replyText(balance)).toContain('Chase: $470.00');

    const moved = await h.say(user, 'moved 50 from chase to cash');
    expect(intentName(moved)).toBe('TransferMoney');
    expect(replyText(moved)).toContain('Moved $50.00 from Chase to Cash.');
    expect(await balances(user)).toEqual({ chase: 42_000, cash: 7_000 });
  });

  test('a name they do not have writes to no account: it is asked about', async () => {
    const user = 'own-acct-2';
    await h.say(user, 'add a cash wallet with 100');
    const spent = await h.say(user, 'paid 30 for gas with my chase account');
    expect(dialogType(spent)).toBe('ElicitSlot');
    expect(replyText(spent)).toContain("You don't have a chase account yet.");
    expect(await h.repo.listRecent(user, 5)).toHaveLength(0);

    const moved = await h.say(user, 'moved 50 from chase to cash');
    expect(replyText(moved)).toContain("You don't have a chase account.");
    expect(await balances(user)).toEqual({ cash: 10_000 });
  });

  test('asked which account, the name they gave is the answer', async () => {
    const user = 'own-acct-5';
    await h.say(user, 'add an account called Chase with 500');
    const asked = await h.say(user, 'spent 12 on lunch with my visa');
    expect(dialogType(asked)).toBe('ElicitSlot');
    const answered = await h.say(user, 'chase');
    expect(intentName(answered)).toBe('LogExpense');
    expect(replyText(answered)).toContain('from Chase');
    expect(await balances(user)).toEqual({ chase: 48_800 });
  });

  test('both sides of a transfer fill ("move 250 from savings to checking")', async () => {
    const user = 'own-acct-3';
    await h.say(user, 'I have 1000 in my savings account');
    await h.say(user, 'I have 100 in my checking account');
    const moved = await h.say(user, 'move 250 from savings to checking');
    expect(replyText(moved)).toContain('Moved $250.00 from Savings to Checking.');
    expect(await balances(user)).toEqual({ savings: 75_000, checking: 35_000 });
  });

  test('money taken out of savings for a goal is put toward it', async () => {
    const user = 'own-acct-4';
    await h.say(user, 'I have 1000 in my savings account');
    await h.say(user, 'I want to save 2000 for the japan trip by june');
    const put = await h.say(user, 'took 100 out of savings for the japan trip');
    expect(intentName(put)).toBe('AddToGoal');
    expect(replyText(put)).toContain('from Savings');
    expect(await balances(user)).toEqual({ savings: 90_000 });
  });
});
