/**
 * The overview beside the chat (issue 12 point 6), from a bounded number of reads whatever the history:
 * the profile (1 GetItem), the budgets (1 Query), one rollup GetItem per distinct period and currency
 * they need (at most 3 per currency), the goals (1 Query of at most MAX_GOALS items) and the recurring
 * rules (1 Query: a person's handful of rules, whatever the number of entries) for the bills due, and
 * the newest notifications (1 Query of at most MAX_LISTED_NOTIFICATIONS items).
 *
 * A bill due tomorrow and a goal falling behind are noticed here, when the person looks, and raised as
 * notifications under their claims (alerts/notificationRules.ts); one already among the newest is not
 * raised again, so a steady overview writes nothing.
 * And the accounts with their balances (1 Query on `ACCT#`, issue 12 point 1), and the month's top tags
 * from its per-tag rollup fields (the month's rollup GetItem, shared with a monthly budget's).
 */
import { balanceOf, keepsAccounts } from '../domain/ledger/accounts';
import { budgetStatus, type BudgetStatus } from '../domain/ledger/budgets';
import { goalProgress } from '../domain/ledger/goals';
import { formatMoney } from '../domain/ledger/money';
import { granularityOfBudget, localDate, periodKeyOf } from '../domain/ledger/periods';
import type { Clock } from '../ports/Clock';
import type { LedgerStores } from '../ports/LedgerStores';
import type { NotificationStore } from '../ports/NotificationStore';
import type { Budget, Granularity, PeriodTotals } from '../domain/ledger';
import {
  MAX_OVERVIEW_TAGS,
  type Overview,
  type OverviewBudget,
  type OverviewGoal,
} from '../chatApi/overview';
import { budgetName } from '../intents/support/budgetStatus';
import { expectedIncome, upcomingBills } from './upcomingBills';
import {
  billDueNotification,
  billsDueTomorrow,
  goalBehindNotification,
  goalIsBehind,
} from '../alerts/notificationRules';
import type { AppNotification, NewNotification } from '../domain/alerts/notifications';

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
  repo: LedgerStores,
  clock: Clock,
  userId: string,
  browserTimeZone: string | null,
): Promise<Overview> {
  const [profile, budgets, goals, rules, notes, accounts] = await Promise.all([
    repo.getProfile(userId),
    repo.listBudgets(userId),
    repo.goals.listGoals(userId),
    repo.recurring.listRecurringRules(userId),
    repo.notifications.listNotifications(userId),
    repo.accounts.listAccounts(userId),
  ]);
  const currency = profile?.currency ?? DEFAULT_CURRENCY;
  const timeZone = profile?.timeZone ?? browserTimeZone ?? 'UTC';
  const today = localDate(clock.now(), timeZone);

  // One rollup read per distinct (period, currency), however many budgets share it.
  const totals = new Map<string, Promise<PeriodTotals>>();
  const totalsOf = (granularity: Granularity, inCurrency: string) => {
    const period = periodKeyOf(granularity, today);
    const id = `${period.granularity}#${period.key}#${inCurrency}`;
    let pending = totals.get(id);
    if (!pending) totals.set(id, (pending = repo.getPeriodTotals(userId, period, inCurrency)));
    return pending;
  };
  const totalsFor = (b: Budget): Promise<PeriodTotals> => totalsOf(granularityOfBudget(b.period), b.currency);
  // Top tags this month: one Query on the month's tag totals (an item per tag), whatever the number of
  // entries; the figures shown are the tags' exact totals.
  const tagsThisMonth = repo.getTagTotals(userId, periodKeyOf('month', today), currency).then((t) =>
    Object.entries(t.expenseByTag)
      .filter(([, minor]) => minor > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_OVERVIEW_TAGS)
      .map(([tag, minor]) => ({ tag, spent: money(minor, currency) })),
  );
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

  const bills = upcomingBills(rules, today);
  const raised = await raiseNoticed(repo.notifications, userId, notes, clock.now(), [
    ...billsDueTomorrow(bills, today).map(billDueNotification),
    ...goals.filter((g) => goalIsBehind(g, today)).map((g) => goalBehindNotification(g, today, clock.now())),
  ]);

  return {
    currency,
    today,
    // A card's balance is what is owed on it: negative, and said so.
    // Someone who never opened an account has only the default one, filled by their entries alone:
    // a "balance" of minus everything they spent would mislead, so the panel shows none until they do.
    balances: (keepsAccounts(accounts) ? accounts : []).map((a) => {
      const minor = balanceOf(a);
      const owed = a.type === 'credit' && minor < 0;
      return {
        name: a.name,
        type: a.type,
        balance: {
          minor,
          formatted: owed ? `${formatMoney(-minor, a.currency)} owed` : formatMoney(minor, a.currency),
        },
      };
    }),
    budgets: budgetRows,
    goals: goalRows,
    upcomingBills: bills.map(({ name, date, amount }) => ({ name, date, amount })),
    expectedIncome: expectedIncome(rules, today).map(({ name, date, amount }) => ({ name, date, amount })),
    alerts: [...raised, ...notes]
      .filter((n) => !n.read)
      .map((n) => ({ id: n.id, text: n.text, read: n.read })),
    topTags: await tagsThisMonth,
  };
}

/** Raises the noticed events not claimed by one of the newest notifications; returns those it raised. */
async function raiseNoticed(
  notifications: NotificationStore,
  userId: string,
  notes: readonly AppNotification[],
  now: Date,
  noticed: readonly NewNotification[],
): Promise<AppNotification[]> {
  // Only a live claim says "told already"; once it ends (a goal's week) the event may be raised again.
  const known = new Set(notes.filter((n) => Date.parse(n.claimUntil) > now.getTime()).map((n) => n.key));
  const raised = await Promise.all(
    noticed.filter((n) => !known.has(n.key)).map((n) => notifications.notifyOnce(userId, n)),
  );
  return raised.filter((n): n is AppNotification => n !== null).reverse();
}
