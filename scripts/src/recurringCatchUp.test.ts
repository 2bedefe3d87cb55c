/**
 * The recurring-payments job across restarts of `npm start`'s stack (issue 12 point 2): a laptop that
 * slept through three due days posts all three at start-up, each once, and restarting again — or a
 * run that died between logging and moving the rule on — logs nothing twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LedgerStores, RecurringRuleStore } from '@budgetbuddy/fulfillment/ledger';
import { postDueOccurrences } from '@budgetbuddy/fulfillment/recurring';
import { SettableClock } from '@budgetbuddy/bot/testing';
import { startStack, type Stack } from './stack';

jest.setTimeout(240_000);

const RENT = 'DTSTART:20261201T000000Z\nRRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=1'; // every month on the 1st
const dataDir = mkdtempSync(join(tmpdir(), 'bb-recurring-'));
const clock = new SettableClock('2026-12-03T15:00:00Z');
let stack: Stack | undefined;

const start = async () => {
  stack = await startStack({ dataDir, clock, quiet: true, recurringEveryMs: 0, webDist: dataDir });
  return stack;
};
afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a stack started after a long sleep posts every missed occurrence once, and a restart posts none again', async () => {
  let s = await start();
  await s.repo.putProfile('sleeper', { currency: 'USD', timeZone: 'America/New_York', customCategories: [] });
  const rule = await s.repo.recurring.addRecurringRule('sleeper', {
    name: 'rent',
    kind: 'expense',
    amountMinor: 150_000,
    currency: 'USD',
    category: 'Housing',
    recurrence: RENT,
    nextDue: '2027-01-01',
    requestId: 'rent-rule',
  });
  await s.stop();

  // The laptop sleeps until March 1st, 08:00 in New York.
  clock.set('2027-03-01T13:00:00Z');
  s = await start();
  const dates = async () =>
    (await s.repo.listAllTransactions('sleeper')).map((t) => [t.date, t.amountMinor, t.source]);
  expect(await dates()).toEqual([
    ['2027-01-01', 150_000, 'recurring'],
    ['2027-02-01', 150_000, 'recurring'],
    ['2027-03-01', 150_000, 'recurring'],
  ]);
  expect((await s.repo.recurring.getRecurringRule('sleeper', rule.id))?.nextDue).toBe('2027-04-01');
  const feb = await s.repo.getPeriodTotals('sleeper', { granularity: 'month', key: '2027-02' }, 'USD');
  expect(feb.expenseByCategory).toEqual({ Housing: 150_000 });
  await s.stop();

  s = await start();
  expect(await dates()).toHaveLength(3);
  // Two runs at once still log each day once.
  const [a, b] = await Promise.all([s.postRecurring(), s.postRecurring()]);
  expect(a.posted + b.posted).toBe(0);
  expect(await dates()).toHaveLength(3);
});

test('a run that dies after logging but before moving the rule on logs nothing twice when run again', async () => {
  const s = stack ?? (await start());
  clock.set('2027-03-01T13:00:00Z');
  await s.repo.putProfile('crash', { currency: 'USD', timeZone: 'UTC', customCategories: [] });
  await s.repo.recurring.addRecurringRule('crash', {
    name: 'gym',
    kind: 'expense',
    amountMinor: 4000,
    currency: 'USD',
    category: 'Health',
    recurrence: 'DTSTART:20270215T000000Z\nRRULE:FREQ=WEEKLY;INTERVAL=1',
    nextDue: '2027-02-15',
    requestId: 'gym-rule',
  });
  // The first run logs Feb 15 and dies as it moves the rule on.
  const recurring = Object.create(s.repo.recurring, {
    advanceRecurringRule: {
      value: () => Promise.reject(new Error('the Lambda timed out')),
    },
  }) as RecurringRuleStore;
  const dying = Object.create(s.repo, { recurring: { value: recurring } }) as LedgerStores;
  const crashed = await postDueOccurrences({ repo: dying, clock, logError: () => undefined });
  expect(crashed).toMatchObject({ posted: 1, failed: 1 });
  const rerun = await s.postRecurring();
  expect(rerun).toMatchObject({ alreadyPosted: 1, posted: 2, failed: 0 });
  expect((await s.repo.listAllTransactions('crash')).map((t) => t.date)).toEqual([
    '2027-02-15',
    '2027-02-22',
    '2027-03-01',
  ]);
});

test("the job's alerts (a budget crossed, a bill due tomorrow) are raised once across restarts", async () => {
  await stack?.stop();
  // Sunday Feb 28, 2027, 08:00 in New York: the rent (due Monday, March 1st) is due tomorrow.
  clock.set('2027-02-28T13:00:00Z');
  let s = await start();
  await s.repo.putProfile('alerted', { currency: 'USD', timeZone: 'America/New_York', customCategories: [] });
  await s.repo.putBudget('alerted', {
    category: 'Housing',
    period: 'Monthly',
    limitMinor: 160_000,
    currency: 'USD',
    requestId: 'housing-budget',
  });
  await s.repo.recurring.addRecurringRule('alerted', {
    name: 'rent',
    kind: 'expense',
    amountMinor: 150_000,
    currency: 'USD',
    category: 'Housing',
    recurrence: RENT,
    nextDue: '2027-03-01',
    requestId: 'alerted-rent',
  });
  await s.postRecurring();
  const kinds = async () =>
    (await s.repo.notifications.listNotifications('alerted')).map((n) => n.kind).sort();
  expect(await kinds()).toEqual(['bill']);
  await s.stop();
  s = await start();
  expect(await kinds()).toEqual(['bill']);

  // Monday: the rent is posted at start-up and crosses 80 % of the Housing budget, once.
  await s.stop();
  clock.set('2027-03-01T13:00:00Z');
  s = await start();
  expect(await kinds()).toEqual(['bill', 'budget']);
  await s.stop();
  s = await start();
  await s.postRecurring();
  expect(await kinds()).toEqual(['bill', 'budget']);
  expect((await s.repo.listAllTransactions('alerted')).map((t) => t.date)).toEqual(['2027-03-01']);
});
