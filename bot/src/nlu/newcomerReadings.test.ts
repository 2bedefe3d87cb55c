/**
 * What a newcomer said on `npm start` and the bot misread (nlufree brief): a shop after "at" kept in the
 * note, an account named with "called", a misspelt account word, money put toward a goal. Each reading
 * goes through the shipped bot definition, as the local Lex runtime reads it.
 */
import { IntentName } from '../definition/names';
import { listedAccountOf, misspeltAccountOf } from '../definition/slotTypes/AccountNameType';
import { slotValues as values, useReadings } from './readingsTestSupport';

const { top } = useReadings({ timeZone: 'America/New_York', now: new Date('2026-12-03T17:00:00Z') });

describe('a shop after "at" stays in the note, an account after a link does not', () => {
  it.each<[string, Record<string, string>]>([
    // "costco" alone names groceries; after "at" it says where the coffee was bought.
    [
      'coffee 4 at costco yesterday',
      { Amount: '4', Category: 'Food', Date: '2026-12-02', Note: 'coffee at costco' },
    ],
    [
      'lunch 12 at chipotle with cash',
      { Amount: '12', Category: 'Food', Note: 'lunch at chipotle', Account: 'Cash' },
    ],
    [
      'gas 40 at shell on my visa',
      { Amount: '40', Category: 'Transport', Note: 'gas at shell', Account: 'Visa' },
    ],
    ['coffee 4 with my visa', { Amount: '4', Category: 'Food', Account: 'Visa' }],
    ['spent 12 on lunch with cash', { Amount: '12', Category: 'Food', Account: 'Cash' }],
  ])('"%s" → LogExpense %j', (text, slots) => {
    const reading = top(text);
    expect(reading.intentName).toBe(IntentName.LogExpense);
    expect(values(reading)).toEqual(slots);
  });

  it('"change the costco one to 5.50" describes the entry by its shop', () => {
    const reading = top('change the costco one to 5.50');
    expect(reading.intentName).toBe(IntentName.EditTransaction);
    expect(values(reading)).toEqual({ Entry: 'costco', Amount: '5.5' });
  });
});

describe('a misspelt account word is read as the one account it is near', () => {
  it.each<[string, string, Record<string, string>]>([
    [
      'move 20 from chekcing to cash',
      IntentName.TransferMoney,
      { Amount: '20', FromAccount: 'Checking', ToAccount: 'Cash' },
    ],
    ['put 50 into savngs', IntentName.TransferMoney, { Amount: '50', ToAccount: 'Savings' }],
    ['I have 500 in my chekcing', IntentName.AddAccount, { Account: 'Checking', Amount: '500' }],
    ['how much is in my savngs', IntentName.QueryBalance, { Account: 'Savings' }],
  ])('"%s" → %s %j', (text, intent, slots) => {
    const reading = top(text);
    expect(reading.intentName).toBe(intent);
    expect(values(reading)).toEqual(slots);
  });

  it('the words said are kept, so the code hook reads the same kind Lex would pass it', () => {
    expect(top('move 20 from chekcing to cash').slots.FromAccount?.originalValue).toBe('from chekcing');
    expect(listedAccountOf('from chekcing')).toBe('Checking');
    expect(listedAccountOf('my savngs account')).toBe('Savings');
  });

  it.each(['chase', 'chse', 'cashh', 'savigns', 'wallmart'])(
    '"%s" is no misspelt kind: too short, too far, or near none alone',
    (word) => {
      expect(misspeltAccountOf(word)).toBeUndefined();
    },
  );
});

describe('money put toward a goal is a contribution, not a new target', () => {
  it.each<[string, Record<string, string>]>([
    // "savings goal" names the goal the money goes to; with no name the code hook picks or asks.
    ['move 100 to my savings goal', { Amount: '100' }],
    ['move 100 into my savings goal', { Amount: '100' }],
    ['put 50 toward the japan trip', { Amount: '50', Goal: 'japan trip' }],
    ['add 25 to my vacation fund', { Amount: '25', Goal: 'vacation' }],
    ['add 25 to my vacation goal pls', { Amount: '25', Goal: 'vacation' }],
  ])('"%s" → AddToGoal %j', (text, slots) => {
    const reading = top(text);
    expect(reading.intentName).toBe(IntentName.AddToGoal);
    expect(values(reading)).toEqual(slots);
  });

  it.each(['add a savings goal', 'create a savings goal for a car', 'set a savings goal of 2000 for japan'])(
    '"%s" still sets a goal',
    (text) => {
      expect(top(text).intentName).toBe(IntentName.SetGoal);
    },
  );
});

describe('an account opened under a name of its own', () => {
  it.each<[string, Record<string, string>]>([
    ['add a credit card called visa', { Account: 'Visa', AccountKind: 'Credit card' }],
    ['open a savings account called rainy day', { Account: 'rainy day', AccountKind: 'Savings' }],
    ['create a checking account named joint', { Account: 'joint', AccountKind: 'Checking' }],
    [
      'open a savings account called rainy day with 200',
      { Account: 'rainy day', AccountKind: 'Savings', Amount: '200' },
    ],
    ['add my visa credit card', { Account: 'Visa' }],
  ])('"%s" → AddAccount %j', (text, slots) => {
    const reading = top(text);
    expect(reading.intentName).toBe(IntentName.AddAccount);
    expect(values(reading)).toEqual(slots);
  });
});
