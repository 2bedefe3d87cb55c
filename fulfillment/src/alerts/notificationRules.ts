/**
 * What raises an in-app notification, and under which claim (issue 12 point 5, "alerts without
 * fatigue"): the claim key names the event, and the claim's end sets how often it may be told.
 *
 *   budget warning    <budget>#<period start>#<80|100>   once per threshold and period
 *   bill due tomorrow bill#<rule>#<day>                  once per bill and day
 *   goal behind       goal-behind#<goal>                 at most once a week
 *   goal reached      goal-reached#<goal>#<target>       once (per target: raising it can be reached again)
 */
import { addIsoDays, describeDay } from '@budgetbuddy/bot/calendar';
import type { NewNotification } from '../domain/alerts/notifications';
import { goalProgress, type SavingsGoal } from '../domain/ledger/goals';
import { formatMoney } from '../domain/ledger/money';
import type { BudgetAlert } from '../ports/BudgetNotifier';
import type { UpcomingBill } from '../overview/upcomingBills';

const DAY_MS = 86_400_000;
const dayEnd = (isoDay: string, extraDays: number): Date =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) + (1 + extraDays) * DAY_MS);

/** A goal is not called behind in its first week: nobody has had time to put money aside yet. */
export const GOAL_GRACE_DAYS = 7;
export const GOAL_BEHIND_EVERY_DAYS = 7;

/** The key the budget e-mail was always claimed with, so both ride on one claim. */
export const budgetAlertKey = (alert: BudgetAlert): string =>
  `${alert.budgetKey}#${alert.period.from}#${alert.threshold}`;

export function budgetNotification(alert: BudgetAlert): NewNotification {
  return {
    key: budgetAlertKey(alert),
    kind: 'budget',
    text: alert.message,
    // A day past the period's end, so every time zone has left the period before it may be claimed again.
    claimUntil: dayEnd(alert.period.to, 1),
  };
}

export function billDueNotification(bill: UpcomingBill): NewNotification {
  return {
    key: `bill#${bill.ruleId}#${bill.date}`,
    kind: 'bill',
    text: `${bill.name} (${bill.amount.formatted}) is due tomorrow.`,
    claimUntil: dayEnd(bill.date, 1),
  };
}

/** Bills due tomorrow, among those the overview lists. */
export const billsDueTomorrow = (bills: readonly UpcomingBill[], today: string): UpcomingBill[] =>
  bills.filter((b) => b.date === addIsoDays(today, 1));

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * Behind: a goal with a day to reach it by, not reached, and either past that day or saved less than an
 * even pace from the day it was set would have by now (after its first week).
 */
export function goalIsBehind(goal: SavingsGoal, today: string): boolean {
  if (!goal.targetDate) return false;
  const p = goalProgress(goal, today);
  if (p.reached) return false;
  if (p.overdue) return true;
  const start = goal.createdAt.slice(0, 10);
  const elapsed = daysBetween(start, today);
  const total = daysBetween(start, goal.targetDate);
  if (elapsed < GOAL_GRACE_DAYS || total <= 0) return false;
  return goal.savedMinor * total < goal.targetMinor * elapsed;
}

export function goalBehindNotification(goal: SavingsGoal, today: string, now: Date): NewNotification {
  const p = goalProgress(goal, today);
  const money = (minor: number) => formatMoney(minor, goal.currency);
  const by = goal.targetDate ? describeDay(goal.targetDate, today) : '';
  const text = p.overdue
    ? `Your ${goal.name} goal's day (${by}) has passed with ${money(p.leftMinor)} still to go.`
    : `Your ${goal.name} goal is falling behind: ${money(goal.savedMinor)} of ${money(goal.targetMinor)} saved. ` +
      `About ${money(p.perMonthMinor ?? p.leftMinor)} a month still reaches it by ${by}.`;
  return {
    key: `goal-behind#${goal.key}`,
    kind: 'goal-behind',
    text,
    claimUntil: new Date(now.getTime() + GOAL_BEHIND_EVERY_DAYS * DAY_MS),
  };
}

export function goalReachedNotification(goal: SavingsGoal, now: Date): NewNotification {
  return {
    key: `goal-reached#${goal.key}#${goal.targetMinor}`,
    kind: 'goal-reached',
    text: `You reached your ${goal.name} goal of ${formatMoney(goal.targetMinor, goal.currency)}. Well done!`,
    claimUntil: new Date(now.getTime() + 366 * DAY_MS),
  };
}
