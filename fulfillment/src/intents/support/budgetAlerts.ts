/**
 * What to tell the user about their budgets right after an expense: a warning on the turn spending
 * crosses 80% or 100% of a budget (the ledger's thresholds), otherwise where the budget stands. Also
 * the crossings of expenses stored with no one in the chat (the recurring job, an import's commit),
 * raised as notifications under the same claims.
 */
import type { BudgetAlert, BudgetNotifier } from '../../ports/BudgetNotifier';
import type { LedgerRepository } from '../../ports/LedgerRepository';
import type { NotificationStore } from '../../ports/NotificationStore';
import { thresholdsCrossed } from '../../domain/ledger/budgets';
import { categoryKey } from '../../domain/ledger/categories';
import { EmailAlertSetting } from '@budgetbuddy/bot';
import type { UserProfile } from '../../domain/ledger/profile';
import type { IsoDay } from '@budgetbuddy/bot/calendar';
import { budgetsCounting, budgetStatus, type BudgetStatus } from './budgetStatus';
import { formatMoney } from '../../domain/ledger/money';
import { granularityOfBudget, periodKeyOf } from '../../domain/ledger/periods';
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
 * The same for several expenses logged in one turn: each budget once per period the turn's expenses
 * fall in, with the crossing judged on the expenses of that period only. Expenses on either side of a
 * period boundary ("rent 1200 on the 31st and 50 on the 1st") each count toward their own period.
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
  if (expenses.length === 0) return [];
  // Read only once the write has returned: DynamoDB Local (on disk) was seen to lose an acknowledged
  // TransactWriteItems to a SIGKILL when a Query of the same partition ran alongside it.
  const all = await repo.listBudgets(userId);
  const budgets = [...new Set(expenses.flatMap((e) => budgetsCounting(all, e.category, e.currency)))].sort(
    (a, b) => (a.category === null ? 1 : 0) - (b.category === null ? 1 : 0),
  );
  // Each budget's counted expenses, grouped by the budget period each one falls in.
  const groups = budgets.flatMap((budget) => {
    const byPeriod = new Map<string, Expense[]>();
    for (const e of expenses) {
      if (e.currency !== budget.currency) continue;
      if (budget.category !== null && e.category !== budget.category) continue;
      const period = periodKeyOf(granularityOfBudget(budget.period), e.date).key;
      byPeriod.set(period, [...(byPeriod.get(period) ?? []), e]);
    }
    return [...byPeriod.values()].map((counted) => ({ budget, counted }));
  });
  // One rollup read per budget and period, all at once: the reply waits for the slowest, not for their sum.
  const statuses = await Promise.all(
    groups.map(({ budget, counted }) => budgetStatus(repo, userId, budget, counted[0]!.date, today)),
  );
  const lines: string[] = [];
  for (const [index, { counted }] of groups.entries()) {
    const status = statuses[index]!;
    const added = counted.reduce((sum, e) => sum + e.amountMinor, 0);
    const crossed = thresholdsCrossed(status.spentMinor - added, status.spentMinor, status.budget.limitMinor);
    const ofLimit = `${money(status.spentMinor)} of ${money(status.budget.limitMinor)}`;
    const warning = warningFor(status, crossed, money);
    lines.push(warning ?? `${status.percentUsed}% of your ${status.name} used (${ofLimit}).`);
    if (warning && onCrossed) onCrossed(alertOf(userId, status, crossed, warning));
  }
  return lines;
}

/** The warning for the thresholds just crossed ("⚠️ Heads up: you've used 85% of…"), or null for none. */
function warningFor(status: BudgetStatus, crossed: readonly number[], money: (minor: number) => string) {
  const ofLimit = `${money(status.spentMinor)} of ${money(status.budget.limitMinor)}`;
  if (crossed.includes(100)) {
    return status.overBudget
      ? `⚠️ You're over your ${status.name} by ${money(-status.leftMinor)} (${ofLimit}).`
      : `⚠️ You've used all of your ${status.name} (${ofLimit}).`;
  }
  if (crossed.length > 0)
    return `⚠️ Heads up: you've used ${status.percentUsed}% of your ${status.name} (${ofLimit}).`;
  return null;
}

function alertOf(
  userId: string,
  status: BudgetStatus,
  crossed: readonly number[],
  warning: string,
): BudgetAlert {
  const { budget } = status;
  return {
    userId,
    budgetName: status.name,
    threshold: Math.max(...crossed),
    budgetKey: `${budget.period}#${budget.category === null ? '*' : categoryKey(budget.category)}#${budget.currency}`,
    period: { from: status.period.from, to: status.period.to },
    spentMinor: status.spentMinor,
    limitMinor: budget.limitMinor,
    currency: budget.currency,
    message: warning.replace(/^⚠️\s*/, ''),
  };
}

/**
 * The thresholds that expenses stored without a chat turn — the recurring job's postings, an import's
 * rows — took each budget across in its current period (the one holding `today`); expenses of other
 * periods are old news and count for nothing. Read after the writes: the rollups already hold them.
 */
export async function budgetCrossings(
  repo: LedgerRepository,
  userId: string,
  expenses: readonly Expense[],
  today: IsoDay,
): Promise<BudgetAlert[]> {
  if (expenses.length === 0) return [];
  const all = await repo.listBudgets(userId);
  const budgets = [...new Set(expenses.flatMap((e) => budgetsCounting(all, e.category, e.currency)))];
  const alerts: BudgetAlert[] = [];
  for (const budget of budgets) {
    const status = await budgetStatus(repo, userId, budget, today, today);
    const added = expenses
      .filter((e) => e.currency === budget.currency)
      .filter((e) => budget.category === null || e.category === budget.category)
      .filter((e) => e.date >= status.period.from && e.date <= status.period.to)
      .reduce((sum, e) => sum + e.amountMinor, 0);
    if (added === 0) continue;
    const crossed = thresholdsCrossed(status.spentMinor - added, status.spentMinor, budget.limitMinor);
    const money = (minor: number) => formatMoney(minor, budget.currency);
    const warning = warningFor(status, crossed, money);
    if (warning) alerts.push(alertOf(userId, status, crossed, warning));
  }
  return alerts;
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
  /** Only the e-mail setting is read: a job that posts for someone with no profile yet passes {}. */
  profile: Pick<UserProfile, 'emailAlerts'>;
}

/**
 * Records the turn's crossings as in-app notifications and sends the e-mail for those the person's
 * setting wants. One claim per threshold and budget period (alerts/notificationRules.ts) decides both:
 * an alert already told — a retried turn, a race, a dip below the line and back — raises nothing and
 * sends nothing (a failed send is logged, not retried). The reply has said it already, so a slow or
 * failing notifier costs at most NOTIFY_TIMEOUT_MS and is only logged: it never changes what the
 * person sees. Returns how many notifications were raised.
 */
export async function notifyCrossings(
  target: AlertTarget,
  crossings: readonly BudgetAlert[],
  logError: (message: string, detail: Record<string, unknown>) => void,
): Promise<number> {
  const { notifier, notifications, userId, profile } = target;
  if (crossings.length === 0) return 0;
  const alerts: BudgetAlert[] = [];
  let raisedCount = 0;
  try {
    for (const alert of crossings) {
      const raised = await notifications.notifyOnce(userId, budgetNotification(alert));
      if (raised) raisedCount++;
      if (raised && alertWanted(profile.emailAlerts, alert)) alerts.push(alert);
    }
  } catch (err) {
    logError('Budget notification skipped: could not record it', { error: String(err) });
    return raisedCount;
  }
  if (alerts.length === 0) return raisedCount;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), NOTIFY_TIMEOUT_MS);
  });
  const sent = Promise.allSettled(alerts.map((alert) => notifier.budgetCrossed(alert)));
  const outcome = await Promise.race([sent, timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    logError('Budget notification timed out', { alerts: alerts.length });
    return raisedCount;
  }
  for (const result of outcome) {
    if (result.status === 'rejected') {
      logError('Budget notification failed', { error: String(result.reason) });
    }
  }
  return raisedCount;
}
