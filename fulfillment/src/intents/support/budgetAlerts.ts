/**
 * What to tell the user about their budgets right after an expense: a warning on the turn spending
 * crosses 80% or 100% of a budget (the ledger's thresholds), otherwise where the budget stands.
 */
import type { LedgerRepository } from '../../ports/LedgerRepository';
import { thresholdsCrossed } from '../../domain/ledger/budgets';
import type { IsoDay } from '../../dates/calendar';
import { budgetsCounting, budgetStatus } from './budgetStatus';

export async function budgetLinesAfterExpense(
  repo: LedgerRepository,
  userId: string,
  expense: { category: string; date: IsoDay; amountMinor: number; currency: string },
  today: IsoDay,
  money: (minor: number) => string,
): Promise<string[]> {
  const budgets = budgetsCounting(await repo.listBudgets(userId), expense.category, expense.currency);
  const lines: string[] = [];
  for (const budget of budgets) {
    const status = await budgetStatus(repo, userId, budget, expense.date, today);
    const crossed = thresholdsCrossed(
      status.spentMinor - expense.amountMinor,
      status.spentMinor,
      budget.limitMinor,
    );
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
