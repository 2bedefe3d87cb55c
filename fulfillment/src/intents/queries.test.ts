import { spendingChartSchema } from '../chatApi/reply';
import type { LedgerRepository } from '../ports/LedgerRepository';
import type { TransactionKind } from '../domain/ledger';
import { InMemoryLedgerRepository } from '../store/InMemoryLedgerRepository';
import { createCodeHook } from '../codeHook';
import { buttonsOf, DirectConversation, payloadsOf, textOf } from '../../test/support/lexEvents';
import { SettableClock } from '@budgetbuddy/bot/testing';

// Sunday 2026-11-22 in New York; each reading a millisecond later, so seeding order is creation order.
const clock = new SettableClock('2026-11-22T17:00:00Z');
let seq = 0;

async function log(
  repo: LedgerRepository,
  date: string,
  amount: number,
  category: string,
  note?: string,
  kind: TransactionKind = 'expense',
) {
  await repo.logTransaction('user-1', {
    kind,
    amountMinor: amount * 100,
    currency: 'USD',
    category,
    date,
    ...(note ? { note } : {}),
    source: 'seed',
    requestId: `seed-${++seq}`,
  });
}

async function setup() {
  const repo = new InMemoryLedgerRepository({ clock });
  await repo.putProfile('user-1', { currency: 'USD', timeZone: 'America/New_York', customCategories: [] });
  await log(repo, '2026-09-10', 40, 'Food');
  await log(repo, '2026-10-03', 100, 'Food');
  await log(repo, '2026-10-20', 60, 'Transport');
  await log(repo, '2026-11-02', 80, 'Food', 'pizza night');
  await log(repo, '2026-11-16', 30, 'Transport');
  await log(repo, '2026-11-21', 4.5, 'Food', 'coffee');
  await log(repo, '2026-11-21', 2000, 'Salary', undefined, 'income');
  return { repo, chat: new DirectConversation(createCodeHook({ repo, clock })) };
}

describe('QuerySpending', () => {
  it('answers a category over a named month with the change and a chart', async () => {
    const { chat } = await setup();
    const reply = await chat.send({
      intent: 'QuerySpending',
      transcript: 'how much did I spend on food last month?',
      slots: {
        Category: { interpreted: 'Food', original: 'food' },
        Date: { interpreted: '2026-10-01', original: 'last month' },
      },
    });
    expect(textOf(reply)).toContain(
      "You spent $100.00 on Food last month. That's $60.00 (150%) more than in September ($40.00).",
    );
    const [chart] = payloadsOf(reply);
    const parsed = spendingChartSchema.parse(chart);
    expect(parsed.data).toEqual([
      { label: 'Food', value: 100, formatted: '$100.00' },
      { label: 'Transport', value: 60, formatted: '$60.00' },
    ]);
    expect(textOf(reply)).toContain('All spending last month: Food $100.00, Transport $60.00.');
  });

  it('defaults to this month and counts only expenses', async () => {
    const { chat } = await setup();
    const reply = await chat.send({ intent: 'QuerySpending', transcript: 'how much have I spent?' });
    expect(textOf(reply)).toContain('You spent $114.50 this month.');
  });

  it('follows up on the remembered question: "and in October?", then "what about transport?"', async () => {
    const { chat } = await setup();
    await chat.send({
      intent: 'QuerySpending',
      transcript: 'how much did I spend on food this month',
      slots: { Category: 'Food', Date: { interpreted: '2026-11-01', original: 'this month' } },
    });
    const october = await chat.send({
      intent: 'QuerySpending',
      transcript: 'and in October?',
      slots: { Date: { interpreted: '2026-10-01', original: 'October' } },
    });
    // The category is kept from before, so the total of everything is said too, in case it was meant.
    expect(textOf(october)).toContain('You spent $100.00 on Food in October ($160.00 on everything).');
    const transport = await chat.send({
      intent: 'QuerySpending',
      transcript: 'what about transport?',
      slots: { Category: { interpreted: 'Transport', original: 'transport' } },
    });
    expect(textOf(transport)).toContain('You spent $60.00 on Transport in October.');
  });

  it('a question with neither category nor time is a fresh one, not a follow-up', async () => {
    const { chat } = await setup();
    await chat.send({
      intent: 'QuerySpending',
      slots: { Category: 'Food', Date: { interpreted: '2026-10-01', original: 'last month' } },
    });
    const fresh = await chat.send({ intent: 'QuerySpending' });
    expect(textOf(fresh)).toContain('You spent $114.50 this month.');
    const cold = await chat.send({ intent: 'FallbackIntent', transcript: 'and in October?' });
    expect(textOf(cold)).toContain("Sorry, I didn't get that");
  });

  it('turns "last 30 days" and "since monday" into ranges', async () => {
    const { chat } = await setup();
    const days = await chat.send({
      intent: 'QuerySpending',
      slots: { Date: { interpreted: '2026-10-23', original: 'in the last 30 days' } },
    });
    expect(textOf(days)).toContain(
      "You spent $114.50 in the last 30 days. That's $45.50 (28%) less than in the 30 days before ($160.00).",
    );
    const since = await chat.send({
      intent: 'QuerySpending',
      transcript: 'how much have I spent since monday',
      slots: { Date: { interpreted: '2026-11-23', original: 'since monday' } },
    });
    expect(textOf(since)).toContain('You spent $34.50 since Monday, Nov 16.');
  });
});

describe('ListTransactions', () => {
  it('lists the last five by default, newest first, with date, amount, category and note', async () => {
    const { chat } = await setup();
    const reply = await chat.send({ intent: 'ListTransactions' });
    const lines = textOf(reply).split('\n');
    expect(lines[0]).toBe('Your last 5 transactions:');
    expect(lines.slice(1)).toHaveLength(5);
    expect(lines).toContain('• Sat, Nov 21: $4.50 Food — coffee');
    expect(lines).toContain('• Sat, Nov 21: +$2,000.00 Salary');
  });

  it('honours the count and a category', async () => {
    const { chat } = await setup();
    const two = await chat.send({ intent: 'ListTransactions', slots: { Count: '2' } });
    expect(textOf(two).split('\n')).toHaveLength(3);
    const food = await chat.send({ intent: 'ListTransactions', slots: { Category: 'Food', Count: '10' } });
    expect(textOf(food).split('\n').slice(1)).toEqual([
      '• Sat, Nov 21: $4.50 Food — coffee',
      '• Mon, Nov 2: $80.00 Food — pizza night',
      '• Sat, Oct 3: $100.00 Food',
      '• Thu, Sep 10: $40.00 Food',
    ]);
  });

  it('caps the count at 50 and says so', async () => {
    const { chat } = await setup();
    const reply = await chat.send({ intent: 'ListTransactions', slots: { Count: '500' } });
    expect(textOf(reply)).toContain('at most 50');
  });
});

describe('DeleteTransaction', () => {
  it('names the described transaction, asks, and deletes on yes', async () => {
    const { repo, chat } = await setup();
    const ask = await chat.send({
      intent: 'DeleteTransaction',
      transcript: 'delete the coffee from yesterday',
      slots: {
        Category: { interpreted: 'Food', original: 'coffee' },
        Date: { interpreted: '2026-11-21', original: 'yesterday' },
      },
    });
    expect(ask.sessionState.dialogAction.type).toBe('ConfirmIntent');
    expect(textOf(ask)).toBe('Delete $4.50 for Food yesterday (coffee)?');
    expect(buttonsOf(ask).map((b) => b.value)).toEqual(['yes', 'no']);
    const yes = await chat.send({
      intent: 'DeleteTransaction',
      transcript: 'yes',
      confirmationState: 'Confirmed',
    });
    expect(textOf(yes)).toBe('Deleted $4.50 for Food yesterday (coffee).');
    expect((await repo.listRecent('user-1', 50)).some((t) => t.note === 'coffee')).toBe(false);
  });

  it.each([
    [
      { Entry: 'the coffee', Date: { interpreted: '2026-11-21', original: 'yesterday' } },
      'Delete $4.50 for Food yesterday (coffee)?',
    ],
    [{ Entry: 'the pizza night' }, 'Delete $80.00 for Food on Monday, Nov 2 (pizza night)?'],
    [
      { Category: 'Transport', Date: { interpreted: '2026-10-01', original: 'last month' } },
      'Delete $60.00 for Transport on Tuesday, Oct 20?',
    ],
    [{}, 'Delete $2,000.00 of Salary income yesterday?'],
    [{ Entry: 'my last one' }, 'Delete $2,000.00 of Salary income yesterday?'],
  ])('finds the entry the slots describe: %j', async (slots, question) => {
    const { chat } = await setup();
    const ask = await chat.send({ intent: 'DeleteTransaction', slots });
    expect(textOf(ask)).toBe(question);
  });

  it.each([
    [
      { Entry: 'the yacht', Date: { interpreted: '2026-11-21', original: 'yesterday' } },
      'the yacht yesterday',
    ],
    // Only lunch-like entries exist: a dinner is never offered in their place.
    [{ Category: { interpreted: 'Food', original: 'dinner' } }, 'dinner'],
    [{ Entry: 'dinner' }, 'dinner'],
  ])('says nothing matched %j, and deletes nothing', async (slots, said) => {
    const { repo, chat } = await setup();
    const reply = await chat.send({ intent: 'DeleteTransaction', slots });
    expect(reply.sessionState.dialogAction.type).toBe('Close');
    expect(textOf(reply)).toContain(`I couldn't find an entry like "${said}", so nothing was deleted.`);
    expect(await repo.listRecent('user-1', 50)).toHaveLength(7);
  });

  it('keeps it on no and says so', async () => {
    const { repo, chat } = await setup();
    await chat.send({ intent: 'DeleteTransaction', transcript: 'delete my last transaction' });
    const no = await chat.send({
      intent: 'DeleteTransaction',
      transcript: 'no',
      confirmationState: 'Denied',
    });
    expect(textOf(no)).toContain('OK, I kept');
    expect(await repo.listRecent('user-1', 50)).toHaveLength(7);
  });

  it('says so when there is nothing to delete', async () => {
    const repo = new InMemoryLedgerRepository({ clock });
    const chat = new DirectConversation(createCodeHook({ repo, clock }));
    const reply = await chat.send({ intent: 'DeleteTransaction', transcript: 'delete my last expense' });
    expect(reply.sessionState.dialogAction.type).toBe('Close');
    expect(textOf(reply)).toContain('nothing to delete');
  });
});
