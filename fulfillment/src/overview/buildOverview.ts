/**
 * The overview beside the chat (issue 12 point 6), from a bounded number of reads whatever the history:
 * the profile (1 GetItem), the budgets (1 Query), one rollup GetItem per distinct period and currency
 * they need (at most 3 per currency), and the goals (1 Query of at most MAX_GOALS items).
 */
import { budgetStatus, type BudgetStatus } from '../domain/ledger/budgets';
import { goalProgress } from '../domain/ledger/goals';
import { formatMoney } from '../domain/ledger/money';
import { granularityOfBudget, localDate, periodKeyOf } from '../domain/ledger/periods';
import type { Clock } from '../ports/Clock';
import type { LedgerRepository } from '../ports/LedgerRepository';
import type { Budget, PeriodTotals } from '../domain/ledger';
import type { Overview, OverviewBudget, OverviewGoal } from '../chatApi/overview';
import { budgetName } from '../intents/support/budgetStatus';

const DEFAULT_CURRENCY = 'USD';
const PERIOD_ORDER = { Weekly: 0, Monthly: 1, Yearly: 2 } as const;

const money = (minor: number, currency: string) => ({ minor, formatted: formatMoney(minor, currency) });

/** The warning levels the chat warns at (80 % and 100 %, domain/ledger/budgets BUDGET_THRESHOLDS). */
function levelOf(status: BudgetStatus): OverviewBudget['level'] {
  if (status.spentMinor * 100 >= 100 * status.limitMinor) return 'over';
  if (status.spentMinor * 100 >= 80 * status.limitMinor) return 'warning';
  return 'ok';
}

export async function buildOverview(
  repo: LedgerRepository,
  clock: Clock,
  userId: string,
  browserTimeZone: string | null,
): Promise<Overview> {
  const [profile, budgets, goals] = await Promise.all([
    repo.getProfile(userId),
    repo.listBudgets(userId),
    repo.listGoals(userId),
  ]);
  const currency = profile?.currency ?? DEFAULT_CURRENCY;
  const timeZone = profile?.timeZone ?? browserTimeZone ?? 'UTC';
  const today = localDate(clock.now(), timeZone);

  // One rollup read per distinct (period, currency), however many budgets share it.
  const totals = new Map<string, Promise<PeriodTotals>>();
  const totalsFor = (b: Budget): Promise<PeriodTotals> => {
    const period = periodKeyOf(granularityOfBudget(b.period), today);
    const id = `${period.granularity}#${period.key}#${b.currency}`;
    let pending = totals.get(id);
    if (!pending) totals.set(id, (pending = repo.getPeriodTotals(userId, period, b.currency)));
    return pending;
  };
  const ordered = [...budgets].sort(
    (a, b) =>
      (a.category === null ? 1 : 0) - (b.category === null ? 1 : 0) ||
      (a.category ?? '').localeCompare(b.category ?? '') ||
      PERIOD_ORDER[a.period] - PERIOD_ORDER[b.period],
  );
  const budgetRows: OverviewBudget[] = await Promise.all(
    ordered.map(async (b) => {
      const status = budgetStatus(b, await totalsFor(b), today);
      return {
        name: budgetName(b, status.period.from, today),
        category: b.category,
        period: b.period,
        from: status.period.from,
        to: status.period.to,
        limit: money(b.limitMinor, b.currency),
        spent: money(status.spentMinor, b.currency),
        left: money(status.leftMinor, b.currency),
        percent: status.percentUsed,
        level: levelOf(status),
      };
    }),
  );

  const goalRows: OverviewGoal[] = goals.map((g) => {
    const p = goalProgress(g, today);
    return {
      key: g.key,
      name: g.name,
      target: money(g.targetMinor, g.currency),
      saved: money(g.savedMinor, g.currency),
      left: money(p.leftMinor, g.currency),
      percent: p.percent,
      reached: p.reached,
      ...(g.targetDate ? { targetDate: g.targetDate } : {}),
      ...(p.perMonthMinor !== null ? { perMonth: money(p.perMonthMinor, g.currency) } : {}),
      overdue: p.overdue,
    };
  });

  return {
    currency,
    today,
    // Empty until accounts, recurring payments and alerts exist (issue 12 points 1, 2 and 5).
    balances: [],
    budgets: budgetRows,
    goals: goalRows,
    upcomingBills: [],
    alerts: [],
  };
}
