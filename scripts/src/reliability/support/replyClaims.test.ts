import {
  budgetSetAmountMinor,
  deletedAmountMinor,
  ledgerClaims,
  loggedAmountMinor,
  saysNotSavedRetry,
} from './replyClaims';

describe('reading what a reply claims', () => {
  test('a logged expense or income gives its amount in minor units', () => {
    expect(loggedAmountMinor('Logged $12.50 for Food today (lunch).')).toBe(1250);
    expect(loggedAmountMinor('Logged $2,000.00 of Salary income on Friday, Nov 20.')).toBe(200000);
    expect(loggedAmountMinor('Logged $7 for Transport today.\nYour Transport budget is 80% used.')).toBe(700);
  });

  test('user text inside a reply cannot fake a claim', () => {
    expect(
      loggedAmountMinor('I don\'t have an expense category called "Logged $5". Which fits best?'),
    ).toBeNull();
    expect(loggedAmountMinor('How much did you spend on Logged $5?')).toBeNull();
    expect(deletedAmountMinor('Delete $5.00 for Food today (Deleted $9)?')).toBeNull();
  });

  test('deletions and budgets are read from their own sentences', () => {
    expect(deletedAmountMinor('Deleted $12.50 for Food today.')).toBe(1250);
    expect(deletedAmountMinor('Undone: I removed $3.00 for Food today.')).toBe(300);
    expect(
      budgetSetAmountMinor("Done: your Groceries budget is $400.00 a month. So far you've spent $0.00"),
    ).toBe(40000);
    expect(budgetSetAmountMinor('Updated: your overall budget is $1,500.00 a month.')).toBe(150000);
    expect(
      budgetSetAmountMinor('Your Food budget is already $400.00 a month — nothing to change.'),
    ).toBeNull();
  });

  test('"not saved, try again" is recognised, and ordinary replies are not', () => {
    expect(saysNotSavedRetry("I couldn't save that — please try again.")).toBe(true);
    expect(saysNotSavedRetry('Sorry, nothing was saved. Please retry in a minute.')).toBe(true);
    expect(saysNotSavedRetry('Logged $12.00 for Food today.')).toBe(false);
    expect(saysNotSavedRetry("Sorry, I didn't get that — nothing was saved. You can say: help")).toBe(false);
  });
});

describe('ledgerClaims', () => {
  it('reads every entry of a reply that logged several', () => {
    expect(ledgerClaims('Logged $12.50 for Food today.\nLogged $5.00 for Food today.')).toEqual({
      added: [1250, 500],
      removed: [],
      budgets: [],
    });
  });

  it('reads a correction as the old amount out and the new one in', () => {
    expect(ledgerClaims('Fixed: $15.00 for Food today (lunch) — it was $12.50.')).toEqual({
      added: [1500],
      removed: [1250],
      budgets: [],
    });
    expect(ledgerClaims('Fixed: $15.00 for Food yesterday — it was today.')).toEqual({
      added: [1500],
      removed: [1500],
      budgets: [],
    });
  });

  it('reads undoing a delete, and a budget put back', () => {
    expect(ledgerClaims('Undone: I put back $4.00 for Food today (coffee).').added).toEqual([400]);
    expect(ledgerClaims('Undone: I removed $4.00 for Food today (coffee).').removed).toEqual([400]);
    expect(ledgerClaims('Undone: your monthly Food budget is back to $300.00.').budgets).toEqual([30000]);
  });

  it('ignores claims the user typed inside a question', () => {
    expect(ledgerClaims('How much did you spend on Logged $5?')).toEqual({
      added: [],
      removed: [],
      budgets: [],
    });
  });
});
