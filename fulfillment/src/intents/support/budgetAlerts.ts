/**
 * What to tell the user about their budgets right after an expense: a warning on the turn spending
 * crosses 80% or 100% of a budget (the ledger's thresholds), otherwise where the budget stands.
 */
import type { BudgetAlert, BudgetNotifier } from '../../ports/BudgetNotifier';
import type { LedgerRepository } from '../../ports/LedgerRepository';
import type { NotificationStore } from '../../ports/NotificationStore';
import { thresholdsCrossed } from '../../domain/ledger/budgets';
import { categoryKey } from '../../domain/ledger/categories';
import { EmailAlertSetting } from '@budgetbuddy/bot';
import type { UserProfile } from '../../domain/ledger/profile';
import type { IsoDay } from '@budgetbuddy/bot/calendar';
import { budgetsCounting, budgetStatus } from './budgetStatus';
import { budgetNotification } from '../../alerts/notificationRules';

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
  onCrossed?: (alert: BudgetAlert) => void,
): Promise<string[]> {
  return budgetLinesAfterExpenses(repo, userId, [expense], today, money, onCrossed);
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
  /** Told of each threshold crossed, for the notifier; the lines say it to the person either way. */
  onCrossed?: (alert: BudgetAlert) => void,
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
    let warning: string | null = null;
    if (crossed.includes(100)) {
      warning = status.overBudget
        ? `⚠️ You're over your ${status.name} by ${money(-status.leftMinor)} (${ofLimit}).`
        : `⚠️ You've used all of your ${status.name} (${ofLimit}).`;
    } else if (crossed.length > 0) {
      warning = `⚠️ Heads up: you've used ${status.percentUsed}% of your ${status.name} (${ofLimit}).`;
    }
    lines.push(warning ?? `${status.percentUsed}% of your ${status.name} used (${ofLimit}).`);
    if (warning && onCrossed) {
      onCrossed({
        userId,
        budgetName: status.name,
        threshold: Math.max(...crossed),
        budgetKey: `${budget.period}#${budget.category === null ? '*' : categoryKey(budget.category)}#${budget.currency}`,
        period: { from: status.period.from, to: status.period.to },
        spentMinor: status.spentMinor,
        limitMinor: budget.limitMinor,
        currency: budget.currency,
        message: warning.replace(/^⚠️\s*/, ''),
      });
    }
  }
  return lines;
}

const NOTIFY_TIMEOUT_MS = 2_000;

/** Whether the person's e-mail setting ("stop the e-mails", "only email me at 100%") wants this alert. */
export function alertWanted(setting: UserProfile['emailAlerts'], alert: BudgetAlert): boolean {
  const wanted = setting ?? EmailAlertSetting.On;
  if (wanted === EmailAlertSetting.Off) return false;
  return wanted === EmailAlertSetting.On || alert.threshold >= 100;
}

export interface AlertTarget {
  notifier: BudgetNotifier;
  notifications: NotificationStore;
  userId: string;
  profile: UserProfile;
}

/**
 * Records the turn's crossings as in-app notifications and sends the e-mail for those the person's
 * setting wants. One claim per threshold and budget period (alerts/notificationRules.ts) decides both:
 * an alert already told — a retried turn, a race, a dip below the line and back — raises nothing and
 * sends nothing (a failed send is logged, not retried). The reply has said it already, so a slow or
 * failing notifier costs at most NOTIFY_TIMEOUT_MS and is only logged: it never changes what the
 * person sees.
 */
export async function notifyCrossings(
  target: AlertTarget,
  crossings: readonly BudgetAlert[],
  logError: (message: string, detail: Record<string, unknown>) => void,
): Promise<void> {
  const { notifier, notifications, userId, profile } = target;
  if (crossings.length === 0) return;
  const alerts: BudgetAlert[] = [];
  try {
    for (const alert of crossings) {
      const raised = await notifications.notifyOnce(userId, budgetNotification(alert));
      if (raised && alertWanted(profile.emailAlerts, alert)) alerts.push(alert);
    }
  } catch (err) {
    logError('Budget notification skipped: could not record it', { error: String(err) });
    return;
  }
  if (alerts.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), NOTIFY_TIMEOUT_MS);
  });
  const sent = Promise.allSettled(alerts.map((alert) => notifier.budgetCrossed(alert)));
  const outcome = await Promise.race([sent, timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    logError('Budget notification timed out', { alerts: alerts.length });
    return;
  }
  for (const result of outcome) {
    if (result.status === 'rejected') {
      logError('Budget notification failed', { error: String(result.reason) });
    }
  }
}
