/**
 * Accounts in the shipped bot (issue 12 point 1): what a person says about their accounts is read as
 * the account intent with its values, and everyday sentences with "have", "card", "cash", "savings"
 * or "jar" in them change nothing. Before the evidence rules, "I have 3 brothers" opened an account.
 */
import { IntentName, WRITE_INTENTS } from '../definition/names';
import { slotValues as values, useReadings } from './readingsTestSupport';

const { top } = useReadings({ timeZone: 'America/New_York', now: new Date('2026-12-03T17:00:00Z') });

describe('the issue’s account phrasings', () => {
  it.each<[string, string, Record<string, string>]>([
    ['I have 2,500 in my checking account', IntentName.AddAccount, { Account: 'Checking', Amount: '2500' }],
    ['add a cash wallet with 200', IntentName.AddAccount, { Account: 'Cash', Amount: '200' }],
    ['I owe 300 on my visa', IntentName.AddAccount, { Account: 'Visa', Amount: '300' }],
    [
      'spent 40 on groceries with cash',
      IntentName.LogExpense,
      { Amount: '40', Category: 'Groceries', Account: 'Cash' },
    ],
    [
      'paid 60 for gas on my visa',
      IntentName.LogExpense,
      { Amount: '60', Category: 'Transport', Account: 'Visa' },
    ],
    [
      'moved 100 from checking to cash',
      IntentName.TransferMoney,
      { Amount: '100', FromAccount: 'Checking', ToAccount: 'Cash' },
    ],
    ['transfer 500 to my savings account', IntentName.TransferMoney, { Amount: '500', ToAccount: 'Savings' }],
    ['what are my balances', IntentName.QueryBalance, {}],
    ['how much cash do I have', IntentName.QueryBalance, { Account: 'Cash' }],
    ['how much do I owe on my visa', IntentName.QueryBalance, { Account: 'Visa' }],
    [
      'split my salary into jars 55/10/10/10/10/5',
      IntentName.SetJarSplit,
      { Jar1: '55', Jar2: '10', Jar3: '10', Jar4: '10', Jar5: '10', Jar6: '5' },
    ],
    ['split my salary into jars', IntentName.SetJarSplit, {}],
    // A goal's pot is no account: "savings" after the goal's name is the goal's.
    ['just added 100 to my vacation savings', IntentName.AddToGoal, { Amount: '100', Goal: 'vacation' }],
  ])('"%s" → %s %j', (text, intent, slots) => {
    const reading = top(text);
    expect(reading.intentName).toBe(intent);
    expect(values(reading)).toEqual(expect.objectContaining(slots));
  });

  it('reads an account said with "from" as the entry\'s account, not as part of its note', () => {
    const reading = top('spent 40 on groceries from checking');
    expect(reading.intentName).toBe(IntentName.LogExpense);
    expect(values(reading)).toEqual({ Amount: '40', Category: 'Groceries', Account: 'Checking' });
  });

  it.each([
    ['bought a wallet for 20', 'Shopping'],
    ['paid 54 for a visa', 'Travel'],
    ['education 25 on the 7th', 'Education'],
    ['spent 29 on education on tuesday', 'Education'],
    ['spent 12 on wallet', 'Shopping'],
    ['earned 84 from cash back', 'Refund'],
    ['earned 238 from savings interest', 'Investment'],
  ])('"%s" names what the money was for (%s), not an account', (text, category) => {
    const slots = values(top(text));
    expect(slots['Category']).toBe(category);
    expect(slots['Account']).toBeUndefined();
  });

  it('does not take "the six jars" for a share', () => {
    expect(values(top('i want to use the six jars method'))).toEqual({});
  });
});

describe('the account money for a goal comes from (issue 12 point 3)', () => {
  it.each<[string, Record<string, string>]>([
    ['put 300 from savings toward the japan trip', { Amount: '300', Goal: 'japan trip', Account: 'Savings' }],
    ['move 100 from checking to my japan goal', { Amount: '100', Goal: 'japan', Account: 'Checking' }],
    // Said after the goal's name, the leaving word still makes it the source, not the goal's pot.
    [
      'put 300 toward the japan trip from my checking',
      { Amount: '300', Goal: 'japan trip', Account: 'Checking' },
    ],
    [
      'put 300 toward the japan trip out of savings',
      { Amount: '300', Goal: 'japan trip', Account: 'Savings' },
    ],
    ['add 50 from cash to my car fund', { Amount: '50', Goal: 'car', Account: 'Cash' }],
  ])('"%s" → AddToGoal %j', (text, slots) => {
    const reading = top(text);
    expect(reading.intentName).toBe(IntentName.AddToGoal);
    expect(values(reading)).toEqual(slots);
  });

  it.each([
    // Where the money goes is no source: the goal (or the pot) receives it.
    'put 300 toward the japan trip',
    'put 100 toward my savings goal',
    'put 100 in savings for the japan trip',
    'just added 100 to my vacation savings',
  ])('"%s" names no account the money leaves', (text) => {
    const reading = top(text);
    expect(reading.intentName).toBe(IntentName.AddToGoal);
    expect(values(reading)['Account']).toBeUndefined();
  });
});

describe('sentences that only look like accounts change nothing', () => {
  it.each([
    'I have 3 brothers',
    'I have a question',
    'I have 2 kids',
    'I have 2 credit cards',
    'I have 3 savings goals',
    'I have a visa appointment',
    'my wallet is lost',
    'I have a jar of pickles',
    'put 20 in the swear jar',
    'transfer money to my friend',
    'move the meeting to 3',
    'how do i open an online line of credit',
    'tell my bank that i am going to france',
    "I'm saving up for a vacation",
  ])('"%s" is no account write', (text) => {
    const intent = top(text).intentName;
    expect([IntentName.AddAccount, IntentName.TransferMoney, IntentName.SetJarSplit]).not.toContain(intent);
    if (text !== "I'm saving up for a vacation") expect(WRITE_INTENTS).not.toContain(intent);
  });
});
