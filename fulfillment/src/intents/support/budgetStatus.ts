/**
 * A budget's status with the words to name it. The arithmetic is the ledger's (domain/ledger/budgets);
 * this reads the one rollup it needs and names the budget the way a person would.
 */
import { format, parseISO } from 'date-fns';
import type { LedgerRepository } from '../../ports/LedgerRepository';
import type { Budget } from '../../domain/ledger';
import {
  budgetStatus as ledgerBudgetStatus,
  type BudgetStatus as LedgerBudgetStatus,
} from '../../domain/ledger/budgets';
import { granularityOfBudget, periodKeyOf } from '../../domain/ledger/periods';
import type { IsoDay } from '@budgetbuddy/bot/calendar';

export interface BudgetStatus extends LedgerBudgetStatus {
  budget: Budget;
  /** "November Food budget", "weekly overall budget", "2026 Travel budget". */
  name: string;
}

export function budgetName(budget: Budget, periodStart: IsoDay, today: IsoDay): string {
  const what = budget.category ? `${budget.category} budget` : 'overall budget';
  const start = parseISO(periodStart);
  if (budget.period === 'Weekly') return `weekly ${what}`;
  if (budget.period === 'Yearly') return `${format(start, 'yyyy')} ${what}`;
  const sameYear = periodStart.slice(0, 4) === today.slice(0, 4);
  return `${format(start, sameYear ? 'MMMM' : 'MMMM yyyy')} ${what}`;
}

/** Status of `budget` in the period that contains `day` (today for "how am I doing", the expense's date after logging). */
export async function budgetStatus(
  repo: LedgerRepository,
  userId: string,
  budget: Budget,
  day: IsoDay,
  today: IsoDay,
): Promise<BudgetStatus> {
  const totals = await repo.getPeriodTotals(
    userId,
    periodKeyOf(granularityOfBudget(budget.period), day),
    budget.currency,
  );
  const status = ledgerBudgetStatus(budget, totals, day);
  return { ...status, budget, name: budgetName(budget, status.period.from, today) };
}

/** Budgets an expense of `category` and `currency` counts toward: its own first, then the overall one. */
export function budgetsCounting(budgets: Budget[], category: string, currency: string): Budget[] {
  return budgets
    .filter((b) => b.currency === currency && (b.category === category || b.category === null))
    .sort((a, b) => (a.category === null ? 1 : 0) - (b.category === null ? 1 : 0));
}
