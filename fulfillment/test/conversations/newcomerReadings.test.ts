/**
 * What a newcomer said on `npm start` and the bot misread (nlufree brief), end to end through the real
 * Lex client: what gets written, and what a later turn can find by the words said first.
 */
import { intentName, replyText } from '../support/replies';
import { storedBalances, useConversationHarness } from '../support/conversation';

// Thursday 2026-12-03, noon in New York.
const NOON = '2026-12-03T17:00:00Z';

const { h } = useConversationHarness(NOON, { resetClock: true });

const recent = (user: string) => h.repo.listRecent(user, 50);

describe('a shop said after "at" is kept with the entry', () => {
  test('"coffee 4 at costco yesterday" keeps costco, so "change the costco one to 5.50" edits it', async () => {
    await h.say('shop-1', 'coffee 4 at costco yesterday');
    expect(await recent('shop-1')).toMatchObject([
      { amountMinor: 400, category: 'Food', date: '2026-12-02', note: 'coffee at costco' },
    ]);
    const fixed = await h.say('shop-1', 'change the costco one to 5.50');
    expect(intentName(fixed)).toBe('EditTransaction');
    expect(replyText(fixed)).toContain('$5.50');
    expect(await recent('shop-1')).toMatchObject([{ amountMinor: 550, note: 'coffee at costco' }]);
  });

  test('"gas 40 at shell on my visa" keeps the shop in the note and the card as the account', async () => {
    await h.say('shop-2', 'add my visa card');
    await h.say('shop-2', 'gas 40 at shell on my visa');
    const [entry] = await recent('shop-2');
    expect(entry).toMatchObject({
      amountMinor: 4000,
      category: 'Transport',
      note: 'gas at shell',
      account: 'visa',
    });
  });
});

describe('a misspelt account word moves money between the accounts meant', () => {
  test('"move 20 from chekcing to cash" moves it from Checking; "I have 500 in my savngs" opens Savings', async () => {
    await h.say('typo-1', 'I have 2,500 in my checking account');
    await h.say('typo-1', 'add a cash wallet with 100');
    const moved = await h.say('typo-1', 'move 20 from chekcing to cash');
    expect(intentName(moved)).toBe('TransferMoney');
    expect(await storedBalances(h.repo, 'typo-1')).toEqual({ checking: 248_000, cash: 12_000 });
    await h.say('typo-1', 'I have 500 in my savngs');
    expect(await storedBalances(h.repo, 'typo-1')).toEqual({
      checking: 248_000,
      cash: 12_000,
      savings: 50_000,
    });
  });
});

describe('money moved to a goal goes toward it, and sets no new target', () => {
  test('"move 100 to my savings goal" adds to the one goal; its target stays', async () => {
    await h.say('goal-1', 'I want to save 2,000 for a trip to japan by june');
    const moved = await h.say('goal-1', 'move 100 to my savings goal');
    expect(intentName(moved)).toBe('AddToGoal');
    const [goal] = await h.repo.goals.listGoals('goal-1');
    expect(goal).toMatchObject({ savedMinor: 10_000, targetMinor: 200_000 });
  });

  test('"add 25 to my vacation fund" adds to the vacation goal', async () => {
    await h.say('goal-2', 'I want to save 1,000 for a vacation');
    await h.say('goal-2', 'save 500 for a new bike');
    const added = await h.say('goal-2', 'add 25 to my vacation fund');
    expect(intentName(added)).toBe('AddToGoal');
    const goals = await h.repo.goals.listGoals('goal-2');
    expect(goals.map((g) => [g.name, g.savedMinor])).toEqual(
      expect.arrayContaining([
        ['vacation', 2_500],
        ['new bike', 0],
      ]),
    );
  });
});

describe('an account opened under a name of its own keeps the name and the kind said', () => {
  test('"open a savings account called rainy day", "add a credit card called visa", "create a checking account named joint"', async () => {
    await h.say('named-1', 'open a savings account called rainy day with 200');
    await h.say('named-1', 'add a credit card called visa');
    await h.say('named-1', 'create a checking account named joint');
    const accounts = await h.repo.accounts.listAccounts('named-1');
    expect(accounts.map((a) => [a.name, a.type, a.openingMinor]).sort()).toEqual([
      ['Joint', 'checking', 0],
      ['Rainy Day', 'savings', 20_000],
      ['Visa', 'credit', 0],
    ]);
  });
});
