import { fixedClock } from '../ports/Clock';
import { InMemoryLedgerRepository } from '../store/InMemoryLedgerRepository';
import { createCodeHook } from '../codeHook';
import { buttonsOf, DirectConversation, textOf } from '../../test/support/lexEvents';

// Sunday 2026-11-22 in New York: 9 days left in November, counting today.
const clock = fixedClock('2026-11-22T17:00:00Z');

function setup() {
  const repo = new InMemoryLedgerRepository({ clock });
  return { repo, chat: new DirectConversation(createCodeHook({ repo, clock })) };
}

describe('SetBudget', () => {
  it('creates a monthly budget when no period is said', async () => {
    const { repo, chat } = setup();
    const reply = await chat.send({ intent: 'SetBudget', slots: { Amount: '400', Category: 'Groceries' } });
    expect(textOf(reply)).toContain('your monthly Groceries budget is $400.00 a month');
    expect(await repo.getBudget('user-1', 'Groceries', 'Monthly')).toMatchObject({ limitMinor: 40000 });
  });

  it('sets the overall budget when no category is said, and honours the period', async () => {
    const { repo, chat } = setup();
    await chat.send({ intent: 'SetBudget', slots: { Amount: '150', Period: 'Weekly' } });
    expect(await repo.getBudget('user-1', null, 'Weekly')).toMatchObject({ limitMinor: 15000 });
  });

  it('says the same budget is already set', async () => {
    const { chat } = setup();
    await chat.send({ intent: 'SetBudget', slots: { Amount: '400', Category: 'Food' } });
    const reply = await chat.send({ intent: 'SetBudget', slots: { Amount: '400', Category: 'Food' } });
    expect(reply.sessionState.dialogAction.type).toBe('Close');
    expect(textOf(reply)).toContain('already $400.00');
  });

  it('asks before replacing a different budget, then replaces on yes', async () => {
    const { repo, chat } = setup();
    await chat.send({ intent: 'SetBudget', slots: { Amount: '300', Category: 'Food' } });
    const ask = await chat.send({ intent: 'SetBudget', slots: { Amount: '450', Category: 'Food' } });
    expect(ask.sessionState.dialogAction.type).toBe('ConfirmIntent');
    expect(textOf(ask)).toContain(
      'You already have a monthly Food budget of $300.00. Replace it with $450.00?',
    );
    expect(buttonsOf(ask).map((b) => b.value)).toEqual(['yes', 'no']);
    expect((await repo.getBudget('user-1', 'Food', 'Monthly'))?.limitMinor).toBe(30000);

    const yes = await chat.send({
      intent: 'SetBudget',
      slots: { Amount: '450', Category: 'Food' },
      confirmationState: 'Confirmed',
    });
    expect(textOf(yes)).toContain('Updated: your monthly Food budget is $450.00');
    expect((await repo.getBudget('user-1', 'Food', 'Monthly'))?.limitMinor).toBe(45000);
  });

  it('keeps the old budget on no', async () => {
    const { repo, chat } = setup();
    await chat.send({ intent: 'SetBudget', slots: { Amount: '300', Category: 'Food' } });
    const no = await chat.send({
      intent: 'SetBudget',
      slots: { Amount: '450', Category: 'Food' },
      confirmationState: 'Denied',
    });
    expect(textOf(no)).toContain('kept your monthly Food budget at $300.00');
    expect((await repo.getBudget('user-1', 'Food', 'Monthly'))?.limitMinor).toBe(30000);
  });

  it('re-asks for a zero amount', async () => {
    const { repo, chat } = setup();
    const reply = await chat.send({ intent: 'SetBudget', slots: { Amount: '0', Category: 'Food' } });
    expect(reply.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Amount' });
    expect(await repo.listBudgets('user-1')).toHaveLength(0);
  });
});

describe('CheckBudget', () => {
  it('says how to set a budget when there is none, with a button', async () => {
    const { chat } = setup();
    const reply = await chat.send({ intent: 'CheckBudget' });
    expect(textOf(reply)).toContain("You don't have any budgets yet");
    expect(buttonsOf(reply)).toContainEqual({ text: 'Set a budget', value: 'set a budget' });
  });

  it('narrows to the period asked about', async () => {
    const { chat } = setup();
    await chat.send({ intent: 'SetBudget', slots: { Amount: '400', Category: 'Food' } });
    const weekly = await chat.send({ intent: 'CheckBudget', slots: { Period: 'Weekly' } });
    // No weekly budget: say so, and show the budgets there are rather than nothing.
    expect(textOf(weekly).split('\n')).toEqual([
      "You don't have a weekly budget, so here's what you do have:",
      'November Food budget: $0.00 of $400.00 spent (0%) — $400.00 left, 9 days left, about $44.44 a day.',
    ]);
    const yearly = await chat.send({
      intent: 'CheckBudget',
      slots: { Period: 'Yearly', Category: 'Travel' },
    });
    expect(textOf(yearly)).toContain("You don't have a yearly Travel budget yet.");
    await chat.send({ intent: 'SetBudget', slots: { Amount: '100', Period: 'Weekly' } });
    const again = await chat.send({ intent: 'CheckBudget', slots: { Period: 'Weekly' } });
    expect(textOf(again)).toMatch(/^Weekly overall budget: \$0\.00 of \$100\.00 spent \(0%\)/);
    expect(textOf(again)).not.toContain('Food');
  });

  it('reports spent, left, percent, days left and a daily allowance', async () => {
    const { chat } = setup();
    await chat.send({ intent: 'SetBudget', slots: { Amount: '400', Category: 'Food' } });
    await chat.send({ intent: 'SetBudget', slots: { Amount: '1000' } });
    await chat.send({ intent: 'LogExpense', slots: { Amount: '130', Category: 'Food' } });
    await chat.send({ intent: 'LogExpense', slots: { Amount: '20', Category: 'Transport' } });

    const one = await chat.send({ intent: 'CheckBudget', slots: { Category: 'Food' } });
    expect(textOf(one)).toBe(
      'November Food budget: $130.00 of $400.00 spent (32%) — $270.00 left, 9 days left, about $30.00 a day.',
    );
    const all = await chat.send({ intent: 'CheckBudget' });
    expect(textOf(all).split('\n')).toEqual([
      'November Food budget: $130.00 of $400.00 spent (32%) — $270.00 left, 9 days left, about $30.00 a day.',
      'November overall budget: $150.00 of $1,000.00 spent (15%) — $850.00 left, 9 days left, about $94.44 a day.',
    ]);
  });
});
