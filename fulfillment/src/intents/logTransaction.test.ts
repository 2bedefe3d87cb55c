import { StoreUnavailableError } from '../ports/LedgerRepository';
import type { LedgerStores } from '../ports/LedgerStores';
import { fixedClock } from '../ports/Clock';
import { InMemoryLedgerRepository } from '../store/InMemoryLedgerRepository';
import { createCodeHook } from '../codeHook';
import { buildEvent, buttonsOf, DirectConversation, textOf } from '../../test/support/lexEvents';

// Sunday 2026-11-22, noon in New York.
const clock = fixedClock('2026-11-22T17:00:00Z');

function setup() {
  const repo = new InMemoryLedgerRepository({ clock });
  const hook = createCodeHook({ repo, clock, logError: () => {} });
  return { repo, hook, chat: new DirectConversation(hook) };
}

describe('LogExpense', () => {
  it('logs at once when amount and category are known, with an Undo button', async () => {
    const { repo, chat } = setup();
    const reply = await chat.send({ intent: 'LogExpense', slots: { Amount: '12.5', Category: 'Food' } });
    expect(reply.sessionState.dialogAction.type).toBe('Close');
    expect(reply.sessionState.intent?.state).toBe('Fulfilled');
    expect(textOf(reply)).toContain('Logged $12.50 for Food today.');
    expect(buttonsOf(reply)).toContainEqual({ text: 'Undo', value: 'undo' });
    const [txn] = await repo.listRecent('user-1', 5);
    expect(txn).toMatchObject({ amountMinor: 1250, category: 'Food', date: '2026-11-22', kind: 'expense' });
  });

  it('writes once when the same invocation is retried', async () => {
    const { repo, hook } = setup();
    const event = buildEvent({ intent: 'LogExpense', slots: { Amount: '5', Category: 'Transport' } });
    const first = await hook(event);
    const second = await hook(structuredClone(event));
    expect(textOf(second)).toBe(textOf(first));
    expect(await repo.listRecent('user-1', 10)).toHaveLength(1);
  });

  it('without a request id, still writes once per identical retried event', async () => {
    const { repo, hook } = setup();
    const event = buildEvent({
      intent: 'LogExpense',
      slots: { Amount: '5', Category: 'Transport' },
      requestId: null,
    });
    await hook(event);
    await hook(structuredClone(event));
    expect(await repo.listRecent('user-1', 10)).toHaveLength(1);
  });

  it('asks only for the amount when the category is known', async () => {
    const { repo, chat } = setup();
    const reply = await chat.send({ intent: 'LogExpense', slots: { Category: 'Food' } });
    expect(reply.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Amount' });
    expect(textOf(reply)).toBe('How much did you spend on Food?');
    expect(await repo.listRecent('user-1', 1)).toHaveLength(0);
  });

  it('asks for the category with buttons when only the amount is known', async () => {
    const { chat } = setup();
    const reply = await chat.send({ intent: 'LogExpense', slots: { Amount: '20' } });
    expect(reply.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Category' });
    expect(buttonsOf(reply).map((b) => b.value)).toEqual(expect.arrayContaining(['Food', 'Groceries']));
  });

  it.each([
    ['0', 'more than zero'],
    ['-5', 'cannot be negative'],
    ['2000000000000', 'too large'],
    ['twelve-ish', 'not an amount I understand'],
  ])('re-asks for a bad amount %s and writes nothing', async (amount, problem) => {
    const { repo, chat } = setup();
    const reply = await chat.send({ intent: 'LogExpense', slots: { Amount: amount, Category: 'Food' } });
    expect(reply.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Amount' });
    expect(textOf(reply)).toContain(problem);
    expect(reply.sessionState.intent?.slots?.Amount).toBeNull();
    expect(await repo.listRecent('user-1', 1)).toHaveLength(0);
  });

  it('offers the closest categories for an unknown one', async () => {
    const { repo, chat } = setup();
    const reply = await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '9', Category: { original: 'transprt', resolved: [] } },
    });
    expect(reply.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Category' });
    expect(textOf(reply)).toContain('"transprt"');
    expect(buttonsOf(reply)[0]).toEqual({ text: 'Transport', value: 'Transport' });
    expect(buttonsOf(reply).length).toBeLessThanOrEqual(5);
    expect(await repo.listRecent('user-1', 1)).toHaveLength(0);
  });

  it('asks what it was for when the NLU found no category, and keeps the amount', async () => {
    const { repo, chat } = setup();
    const plain = await chat.send({ intent: 'LogExpense', slots: { Amount: '12' } });
    expect(plain.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Category' });
    expect(textOf(plain)).toBe('What was it for?');
    expect(plain.sessionState.intent?.slots?.['Amount']?.value?.interpretedValue).toBe('12');
    expect(await repo.listRecent('user-1', 1)).toHaveLength(0);
  });

  it('reads a weekday as the last one that has passed', async () => {
    const { repo, chat } = setup();
    const reply = await chat.send({
      intent: 'LogExpense',
      // Lex's AMAZON.Date leans forward: it would say the coming Friday.
      slots: { Amount: '30', Category: 'Food', Date: { interpreted: '2026-11-27', original: 'friday' } },
    });
    expect(textOf(reply)).toContain('Logged $30.00 for Food on Friday, Nov 20.');
    expect((await repo.listRecent('user-1', 1))[0]?.date).toBe('2026-11-20');
  });

  it('reads "friday" said on a Friday as today', async () => {
    const friday = fixedClock('2026-11-20T17:00:00Z');
    const repo = new InMemoryLedgerRepository({ clock: friday });
    const chat = new DirectConversation(createCodeHook({ repo, clock: friday }));
    const reply = await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '30', Category: 'Food', Date: { interpreted: '2026-11-20', original: 'friday' } },
    });
    expect(textOf(reply)).toContain('for Food today');
  });

  it('asks before keeping a date after today: yes keeps it as expected then, no asks for the day', async () => {
    const { repo, chat } = setup();
    const slots = {
      Amount: '30',
      Category: 'Food',
      Date: { interpreted: '2026-11-25', original: 'nov 25' },
    };
    const reply = await chat.send({ intent: 'LogExpense', slots });
    expect(reply.sessionState.dialogAction).toMatchObject({ type: 'ConfirmIntent' });
    expect(textOf(reply)).toBe(
      "Wednesday, Nov 25 hasn't happened yet. Keep $30.00 for Food as expected on Wednesday, Nov 25? It comes off your balance on that day.",
    );
    expect(await repo.listRecent('user-1', 1)).toHaveLength(0);
    const no = await chat.send({ intent: 'LogExpense', slots, confirmationState: 'Denied' });
    expect(no.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Date' });
    expect(await repo.listRecent('user-1', 1)).toHaveLength(0);
    const yes = await chat.send({ intent: 'LogExpense', slots, confirmationState: 'Confirmed' });
    expect(textOf(yes)).toContain('Noted: $30.00 for Food, expected on Wednesday, Nov 25.');
    expect(await repo.listRecent('user-1', 5)).toHaveLength(0);
    expect(await repo.recurring.listRecurringRules('user-1')).toMatchObject([
      { nextDue: '2026-11-25', amountMinor: 3000 },
    ]);
  });

  it('asks again for a day that does not exist ("feb 30") and logs nothing', async () => {
    const { repo, chat } = setup();
    const reply = await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '30', Category: 'Food', Date: { interpreted: '', original: 'feb 30' } },
    });
    expect(reply.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Date' });
    expect(textOf(reply)).toContain('"feb 30" isn\'t a day I can find on the calendar');
    expect(await repo.listRecent('user-1', 1)).toHaveLength(0);
  });

  it('keeps the note', async () => {
    const { repo, chat } = setup();
    const reply = await chat.send({
      intent: 'LogExpense',
      slots: { Amount: '45', Category: 'Gifts', Note: "for mom's birthday" },
    });
    expect(textOf(reply)).toContain("(for mom's birthday)");
    expect((await repo.listRecent('user-1', 1))[0]?.note).toBe("for mom's birthday");
  });

  it('undo removes the transaction just logged and says what it was', async () => {
    const { repo, chat } = setup();
    await chat.send({ intent: 'LogExpense', slots: { Amount: '3', Category: 'Food' } });
    await chat.send({ intent: 'LogExpense', slots: { Amount: '12.5', Category: 'Transport' } });
    const reply = await chat.send({ intent: 'Undo' });
    expect(textOf(reply)).toContain('removed $12.50 for Transport today');
    const left = await repo.listRecent('user-1', 5);
    expect(left.map((t) => t.category)).toEqual(['Food']);
    // A second undo offers the entry logged before, and only removes it on yes.
    const again = await chat.send({ intent: 'Undo' });
    expect(again.sessionState.dialogAction.type).toBe('ConfirmIntent');
    expect(textOf(again)).toBe('Before that you logged $3.00 for Food today. Remove that one too?');
    expect(await repo.listRecent('user-1', 5)).toHaveLength(1);
    const no = await chat.send({
      intent: 'DeleteTransaction',
      transcript: 'no',
      confirmationState: 'Denied',
    });
    expect(textOf(no)).toBe('OK, I kept $3.00 for Food today.');
    const third = await chat.send({ intent: 'Undo' });
    expect(third.sessionState.dialogAction.type).toBe('ConfirmIntent');
    const yes = await chat.send({
      intent: 'DeleteTransaction',
      transcript: 'yes',
      confirmationState: 'Confirmed',
    });
    expect(textOf(yes)).toBe('Deleted $3.00 for Food today.');
    expect(await repo.listRecent('user-1', 5)).toHaveLength(0);
    const nothing = await chat.send({ intent: 'Undo' });
    expect(textOf(nothing)).toContain('nothing to undo');
  });

  it('says it could not save when the store fails, and writes nothing partial', async () => {
    const repo = new InMemoryLedgerRepository({ clock });
    const failing: LedgerStores = Object.assign(Object.create(repo) as LedgerStores, {
      logTransaction: () => Promise.reject(new StoreUnavailableError('DynamoDB is down')),
    });
    const chat = new DirectConversation(createCodeHook({ repo: failing, clock, logError: () => {} }));
    const reply = await chat.send({ intent: 'LogExpense', slots: { Amount: '5', Category: 'Food' } });
    expect(reply.sessionState.intent?.state).toBe('Failed');
    expect(textOf(reply)).toBe("I couldn't save that — please try again.");
    expect(await repo.listRecent('user-1', 1)).toHaveLength(0);
  });
});

describe('failures after the write', () => {
  it('a failed budget check after logging still confirms the log, so nobody retries into a duplicate', async () => {
    const repo = new InMemoryLedgerRepository({ clock });
    const flaky: LedgerStores = Object.assign(Object.create(repo) as LedgerStores, {
      listBudgets: () => Promise.reject(new StoreUnavailableError('read timed out')),
    });
    const chat = new DirectConversation(createCodeHook({ repo: flaky, clock, logError: () => {} }));
    const reply = await chat.send({ intent: 'LogExpense', slots: { Amount: '5', Category: 'Food' } });
    expect(reply.sessionState.intent?.state).toBe('Fulfilled');
    expect(textOf(reply)).toContain('Logged $5.00 for Food today.');
    expect(textOf(reply)).toContain("couldn't check your budgets");
    expect(await repo.listRecent('user-1', 5)).toHaveLength(1);
  });

  it('a failed read says it could not look it up, not that it could not save', async () => {
    const repo = new InMemoryLedgerRepository({ clock });
    const down: LedgerStores = Object.assign(Object.create(repo) as LedgerStores, {
      listRecent: () => Promise.reject(new StoreUnavailableError('down')),
    });
    const chat = new DirectConversation(createCodeHook({ repo: down, clock, logError: () => {} }));
    const reply = await chat.send({ intent: 'ListTransactions' });
    expect(reply.sessionState.intent?.state).toBe('Failed');
    expect(textOf(reply)).toContain("I couldn't look that up just now");
  });
});

describe('LogIncome', () => {
  it('logs income in income categories', async () => {
    const { repo, chat } = setup();
    const reply = await chat.send({ intent: 'LogIncome', slots: { Amount: '2000', Category: 'Salary' } });
    expect(textOf(reply)).toContain('Logged $2,000.00 of Salary income today.');
    expect((await repo.listRecent('user-1', 1))[0]).toMatchObject({ kind: 'income', category: 'Salary' });
  });

  it('does not accept an expense category as income', async () => {
    const { repo, chat } = setup();
    const reply = await chat.send({ intent: 'LogIncome', slots: { Amount: '20', Category: 'Food' } });
    expect(reply.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Category' });
    expect(await repo.listRecent('user-1', 1)).toHaveLength(0);
  });
});

describe('budget warnings after an expense', () => {
  it('warns on the turn spending crosses 80% and 100%, category and overall', async () => {
    const { repo, chat } = setup();
    await chat.send({ intent: 'SetBudget', slots: { Amount: '100', Category: 'Food' } });
    await chat.send({ intent: 'SetBudget', slots: { Amount: '500' } });

    const first = await chat.send({ intent: 'LogExpense', slots: { Amount: '50', Category: 'Food' } });
    expect(textOf(first)).toContain('50% of your November Food budget used ($50.00 of $100.00)');
    expect(textOf(first)).toContain('10% of your November overall budget used');

    const second = await chat.send({ intent: 'LogExpense', slots: { Amount: '35', Category: 'Food' } });
    expect(textOf(second)).toContain("Heads up: you've used 85% of your November Food budget");

    const third = await chat.send({ intent: 'LogExpense', slots: { Amount: '20', Category: 'Food' } });
    expect(textOf(third)).toContain("You're over your November Food budget by $5.00");
    expect(textOf(third)).not.toContain('Heads up');

    const fourth = await chat.send({ intent: 'LogExpense', slots: { Amount: '300', Category: 'Travel' } });
    expect(textOf(fourth)).toContain("Heads up: you've used 81% of your November overall budget");
    expect(textOf(fourth)).not.toContain('Food');
    expect(await repo.listRecent('user-1', 10)).toHaveLength(4);
  });
});
