import type { Budget, PeriodTotals } from './index';
import { asMinorUnits } from './money';
import { budgetStatus, parseNewBudget, thresholdsCrossed } from './budgets';

const budget = (over: Partial<Budget> = {}): Budget => ({
  category: 'Groceries',
  period: 'Monthly',
  limitMinor: asMinorUnits(40000),
  currency: 'USD',
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  ...over,
});

const totals = (over: Partial<PeriodTotals> = {}): PeriodTotals => ({
  period: { granularity: 'month', key: '2026-11' },
  currency: 'USD',
  expenseTotalMinor: 50000,
  incomeTotalMinor: 0,
  expenseByCategory: { Groceries: 31000, Food: 19000 },
  incomeByCategory: {},
  transactionCount: 7,
  ...over,
});

describe('budgetStatus', () => {
  it('reports spent, left, percentage and a per-day allowance for the rest of the month', () => {
    expect(budgetStatus(budget(), totals(), '2026-11-24')).toEqual({
      category: 'Groceries',
      currency: 'USD',
      period: { from: '2026-11-01', to: '2026-11-30' },
      limitMinor: 40000,
      spentMinor: 31000,
      leftMinor: 9000,
      percentUsed: 77,
      daysLeft: 7,
      perDayAllowanceMinor: 1285,
      overBudget: false,
    });
  });

  it('measures the overall budget against all expenses, and goes negative when over', () => {
    const status = budgetStatus(budget({ category: null }), totals(), '2026-11-30');
    expect(status).toMatchObject({
      spentMinor: 50000,
      leftMinor: -10000,
      percentUsed: 125,
      daysLeft: 1,
      overBudget: true,
    });
    expect(status.perDayAllowanceMinor).toBe(0);
  });

  it('treats a category with no spending as zero spent', () => {
    expect(budgetStatus(budget({ category: 'Travel' }), totals(), '2026-11-01')).toMatchObject({
      spentMinor: 0,
      leftMinor: 40000,
      daysLeft: 30,
      perDayAllowanceMinor: 1333,
    });
  });

  it('refuses totals from another period or currency', () => {
    expect(() => budgetStatus(budget(), totals(), '2026-12-01')).toThrow(/cannot answer/);
    expect(() => budgetStatus(budget({ currency: 'EUR' }), totals(), '2026-11-24')).toThrow(/cannot answer/);
  });
});

describe('thresholdsCrossed', () => {
  it.each([
    [30000, 32000, [80]],
    [32000, 40000, [100]],
    [0, 50000, [80, 100]],
    [31999, 32000, [80]],
    [32000, 39999, []],
    [45000, 50000, []],
  ])('%i → %i of 40000 crosses %p', (before, after, crossed) => {
    expect(thresholdsCrossed(before, after, 40000)).toEqual(crossed);
  });
});

describe('parseNewBudget', () => {
  it('normalises currency and category', () => {
    expect(
      parseNewBudget({
        category: ' Groceries ',
        period: 'Monthly',
        limitMinor: 40000,
        currency: 'usd',
        requestId: 'r',
      }),
    ).toEqual({
      category: 'Groceries',
      period: 'Monthly',
      limitMinor: 40000,
      currency: 'USD',
      requestId: 'r',
    });
  });

  it('rejects a negative limit and an unknown period', () => {
    expect(() =>
      parseNewBudget({ category: null, period: 'Monthly', limitMinor: -1, currency: 'USD', requestId: 'r' }),
    ).toThrow(/cannot be negative/);
    expect(() =>
      parseNewBudget({ category: null, period: 'Daily', limitMinor: 1, currency: 'USD', requestId: 'r' }),
    ).toThrow(/malformed "period"/);
  });
});
