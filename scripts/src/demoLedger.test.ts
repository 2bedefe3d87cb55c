import { fixedClock } from '@budgetbuddy/fulfillment/ledger';
import { InMemoryLedgerRepository } from '@budgetbuddy/fulfillment/store';
import { demoDates, seedDemoLedger } from './demoLedger';

const TODAY = '2026-11-24';
const opts = { today: TODAY, timeZone: 'America/New_York' };

test('covers the current month so far and the two before it', () => {
  const dates = demoDates(TODAY);
  expect(dates[0]).toBe('2026-09-01');
  expect(dates.at(-1)).toBe(TODAY);
  expect(dates).toHaveLength(30 + 31 + 24);
});

test('three months of realistic spending and income, and a second run adds nothing', async () => {
  const repo = new InMemoryLedgerRepository({ clock: fixedClock('2026-11-24T15:00:00Z') });
  const first = await seedDemoLedger(repo, 'local-user', opts);
  expect(first.created).toBeGreaterThan(150);
  expect(first.alreadyThere).toBe(0);

  const october = await repo.getPeriodTotals('local-user', { granularity: 'month', key: '2026-10' }, 'USD');
  expect(october.incomeByCategory.Salary).toBe(2 * 2_600_00);
  expect(october.expenseByCategory.Housing).toBe(1_450_00);
  expect(october.expenseByCategory.Food).toBeGreaterThan(100_00);
  expect(october.expenseByCategory.Groceries).toBeGreaterThan(200_00);
  expect(october.expenseTotalMinor).toBeLessThan(october.incomeTotalMinor);

  const second = await seedDemoLedger(repo, 'local-user', opts);
  expect(second).toEqual({ created: 0, alreadyThere: first.created });
  const again = await repo.getPeriodTotals('local-user', { granularity: 'month', key: '2026-10' }, 'USD');
  expect(again).toEqual(october);
  expect(await repo.listBudgets('local-user')).toHaveLength(5);
  expect(await repo.listRecent('someone-else', 5)).toEqual([]);
});
