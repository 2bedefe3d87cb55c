/**
 * What to tell the user about their budgets right after an expense: a warning on the turn spending
 * crosses 80% or 100% of a budget (the ledger's thresholds), otherwise where the budget stands.
 */
import type { LedgerRepository } from '../../ports/LedgerRepository';
import { thresholdsCrossed } from '../../domain/ledger/budgets';
import type { IsoDay } from '../../dates/calendar';
import { budgetsCounting, budgetStatus } from './budgetStatus';

interface Expense {
  category: string;
  date: IsoDay;
  amountMinor: number;
  currency: string;
}

export async function budgetLinesAfterExpense(
  repo: LedgerRepository,
  userId: string,
  expense: Expense,
  today: IsoDay,
  money: (minor: number) => string,
): Promise<string[]> {
  return budgetLinesAfterExpenses(repo, userId, [expense], today, money);
}

/**
 * The same for several expenses logged in one turn (same day and currency): each budget once, with the
 * crossing judged on all the turn's expenses it counts.
 */
export async function budgetLinesAfterExpenses(
  repo: LedgerRepository,
  userId: string,
  expenses: readonly Expense[],
  today: IsoDay,
  money: (minor: number) => string,
): Promise<string[]> {
  const first = expenses[0];
  if (!first) return [];
  // Read only once the write has returned: DynamoDB Local (on disk) was seen to lose an acknowledged
  // TransactWriteItems to a SIGKILL when a Query of the same partition ran alongside it.
  const all = await repo.listBudgets(userId);
  const budgets = [...new Set(expenses.flatMap((e) => budgetsCounting(all, e.category, e.currency)))].sort(
    (a, b) => (a.category === null ? 1 : 0) - (b.category === null ? 1 : 0),
  );
  // One rollup read per budget, all at once: the reply waits for the slowest, not for their sum.
  const statuses = await Promise.all(
    budgets.map((budget) => budgetStatus(repo, userId, budget, first.date, today)),
  );
  const lines: string[] = [];
  for (const [index, budget] of budgets.entries()) {
    const status = statuses[index]!;
    const added = expenses
      .filter((e) => budget.category === null || e.category === budget.category)
      .reduce((sum, e) => sum + e.amountMinor, 0);
    const crossed = thresholdsCrossed(status.spentMinor - added, status.spentMinor, budget.limitMinor);
    const ofLimit = `${money(status.spentMinor)} of ${money(budget.limitMinor)}`;
    if (crossed.includes(100)) {
      lines.push(
        status.overBudget
          ? `⚠️ You're over your ${status.name} by ${money(-status.leftMinor)} (${ofLimit}).`
          : `⚠️ You've used all of your ${status.name} (${ofLimit}).`,
      );
    } else if (crossed.length > 0) {
      lines.push(`⚠️ Heads up: you've used ${status.percentUsed}% of your ${status.name} (${ofLimit}).`);
    } else {
      lines.push(`${status.percentUsed}% of your ${status.name} used (${ofLimit}).`);
    }
  }
  return lines;
}
