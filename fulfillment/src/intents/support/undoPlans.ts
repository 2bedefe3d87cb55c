/**
 * "Undo" of the changes that are not entries (issue 12): savings goals and recurring payments. Each
 * takes back exactly the change it names — the goal set, the money put toward it, the goal removed;
 * the rule set up (and the one it replaced), paused, resumed or cancelled — and answers with the
 * sentence that says what came back. Entries, budgets and settings are undone in Undo.ts.
 */
import { formatMoney } from '../../domain/ledger/money';
import { describeRecurrence, isOneOff } from '../../domain/recurring/schedule';
import type { LastAction } from '../../lex/memory';
import type { Turn } from '../turn';
import { balanceLine } from '../accounts';
import { returnedPhrase } from '../goals';
import type { Account } from '../../domain/ledger/accounts';

type GoalAction = Extract<LastAction, { type: 'goalSet' | 'goalContribution' | 'goalDelete' }>;
type RecurringAction = Extract<LastAction, { type: 'recurringSet' | 'recurringStatus' | 'recurringCancel' }>;

const title = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

export async function undoGoalAction(turn: Turn, action: GoalAction): Promise<string> {
  turn.writing = true;
  if (action.type === 'goalContribution') {
    const back = await turn.goals.undoGoalContribution(turn.userId, action.requestId);
    if (!back) return `That money was already taken off your ${action.name} goal.`;
    const { goal } = back;
    const money = (minor: number) => formatMoney(minor, goal.currency);
    // The money went back to the account it left, in the same write: say where it is now.
    const account = back.account
      ? (await turn.accounts.listAccounts(turn.userId)).find((a) => a.key === back.account)
      : undefined;
    return (
      `Undone: I took ${money(back.amountMinor)} back off ${goal.name}; ` +
      `${money(goal.savedMinor)} of ${money(goal.targetMinor)} saved.` +
      (account ? ` Back in ${balanceLine(account)}.` : '')
    );
  }
  if (action.type === 'goalDelete') {
    // The goal comes back and the money it gave back leaves those accounts again, in one write.
    const { goal, tookBack } = await turn.goals.restoreRemovedGoal(turn.userId, {
      goal: action.goal,
      returned: action.returned,
    });
    const saved = `Undone: your ${goal.name} goal is back, with ${formatMoney(goal.savedMinor, goal.currency)} saved`;
    if (tookBack.length === 0) return `${saved}.`;
    const accounts = await turn.accounts.listAccounts(turn.userId);
    const lines = tookBack
      .map((t) => accounts.find((a) => a.key === t.account))
      .filter((a): a is Account => a !== undefined)
      .map(balanceLine);
    return `${saved}; ${returnedPhrase(tookBack, accounts, goal.currency, 'came out of', 'out of') ?? ''} again. ${lines.join('; ')}.`;
  }
  if (action.previous) {
    const goal = await turn.goals.restoreGoal(turn.userId, action.previous);
    return `Undone: your ${goal.name} goal is back to ${formatMoney(goal.targetMinor, goal.currency)}.`;
  }
  // Nothing was put toward a goal just set (that would be the last change instead): no money to return.
  const removed = await turn.goals.deleteGoal(turn.userId, action.key);
  return removed
    ? `Undone: I removed the ${removed.goal.name} goal you just set.`
    : 'That goal was already gone.';
}

export async function undoRecurringAction(turn: Turn, action: RecurringAction): Promise<string> {
  turn.writing = true;
  if (action.type === 'recurringCancel') {
    const rule = await turn.recurring.restoreRecurringRule(turn.userId, action.rule);
    return `Undone: ${title(rule.name)} is back (${formatMoney(rule.amountMinor, rule.currency)} ${describeRecurrence(rule.recurrence)}).`;
  }
  if (action.type === 'recurringStatus') {
    const { status, nextDue } = action.previous;
    const rule = await turn.recurring.setRecurringRuleStatus(turn.userId, action.ruleId, status, nextDue);
    if (!rule) return 'That recurring payment was removed since, so there was nothing to put back.';
    return status === 'paused'
      ? `Undone: ${title(rule.name)} is paused again.`
      : `Undone: ${title(rule.name)} is running again.`;
  }
  const removed = await turn.recurring.deleteRecurringRule(turn.userId, action.ruleId);
  if (action.replaced) {
    const rule = await turn.recurring.restoreRecurringRule(turn.userId, action.replaced);
    return `Undone: ${title(rule.name)} is back to ${formatMoney(rule.amountMinor, rule.currency)} ${describeRecurrence(rule.recurrence)}.`;
  }
  if (removed && isOneOff(removed.recurrence))
    return `Undone: I dropped the ${formatMoney(removed.amountMinor, removed.currency)} ${removed.kind === 'income' ? 'income' : 'payment'} expected ${describeRecurrence(removed.recurrence).replace('once, ', '')} (${removed.name}).`;
  return removed
    ? `Undone: I removed the recurring ${title(removed.name)} you just set up.`
    : 'That recurring payment was already gone.';
}
