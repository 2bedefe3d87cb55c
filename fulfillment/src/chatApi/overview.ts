/**
 * GET /api/overview's reply: the panel beside the chat (issue 12 point 6). One zod schema, written with
 * `zod/mini` so chat-web validates what arrives with the very same schema at a small bundle cost, and
 * the proxy's tests check what it sends against it. Part of the chat API's surface
 * (`@budgetbuddy/fulfillment/chat-api`): it is a route of that API, read by the same browser code, with
 * the same no-server-imports rule as the reply contract.
 *
 * `balances` stays empty until accounts exist (issue 12 point 1); its item shape is fixed here so the
 * panel can already draw it. `alerts` are the open (unread) in-app notifications, newest first; the
 * panel marks them read with POST /api/alerts/read (`markAlertsReadSchema`) once it has shown them.
 */
import * as z from 'zod/mini';
import { BUDGET_PERIODS } from '@budgetbuddy/bot/names';

/** Money as the ledger keeps it (integer minor units), with the label to show. */
const money = z.object({ minor: z.number(), formatted: z.string() });

export const overviewBudgetSchema = z.object({
  /** "November Food budget", "weekly overall budget". */
  name: z.string(),
  category: z.nullable(z.string()),
  period: z.enum(BUDGET_PERIODS),
  /** The current period's first and last day (user-local, YYYY-MM-DD). */
  from: z.string(),
  to: z.string(),
  limit: money,
  spent: money,
  /** Negative once over. */
  left: money,
  /** Whole percent spent, rounded down; may exceed 100. */
  percent: z.number(),
  /** ok below 80 %, warning from 80 %, over from 100 %. */
  level: z.enum(['ok', 'warning', 'over']),
});

export const overviewGoalSchema = z.object({
  key: z.string(),
  name: z.string(),
  target: money,
  saved: money,
  left: money,
  /** Whole percent saved, 0–100. */
  percent: z.number(),
  reached: z.boolean(),
  targetDate: z.optional(z.string()),
  /** What each month until the target day still needs; absent without a day or once reached. */
  perMonth: z.optional(money),
  overdue: z.boolean(),
});

export const overviewBalanceSchema = z.object({ name: z.string(), type: z.string(), balance: money });
export const overviewBillSchema = z.object({ name: z.string(), date: z.string(), amount: money });
export const overviewAlertSchema = z.object({ id: z.string(), text: z.string(), read: z.boolean() });
/** A tag and what was spent under it this month (issue 12 point 4), from the month's per-tag rollup. */
export const overviewTagSchema = z.object({ tag: z.string(), spent: money });

export const overviewSchema = z.object({
  /** The user's currency and the user-local day the figures are for. */
  currency: z.string(),
  today: z.string(),
  balances: z.array(overviewBalanceSchema),
  budgets: z.array(overviewBudgetSchema),
  goals: z.array(overviewGoalSchema),
  upcomingBills: z.array(overviewBillSchema),
  /** Income rules' next days, soonest first (at most 5): not in any balance until posted on the day. */
  expectedIncome: z.array(overviewBillSchema),
  alerts: z.array(overviewAlertSchema),
  /** The month's most-spent tags in the user's currency, most first (at most MAX_OVERVIEW_TAGS). */
  topTags: z.array(overviewTagSchema),
});

/** How many tags the overview lists. */
export const MAX_OVERVIEW_TAGS = 5;

export type Overview = z.infer<typeof overviewSchema>;
export type OverviewBudget = z.infer<typeof overviewBudgetSchema>;
export type OverviewGoal = z.infer<typeof overviewGoalSchema>;
export type OverviewTag = z.infer<typeof overviewTagSchema>;

/** POST /api/alerts/read: the ids of alerts the person has seen (at most 20, as listed). */
export const markAlertsReadSchema = z.object({
  ids: z.array(z.string().check(z.regex(/^[0-9A-Za-z:._-]{1,80}$/))).check(z.minLength(1), z.maxLength(20)),
});
/** How many of them were still unread. */
export const markAlertsReadReplySchema = z.object({ read: z.number() });

export type OverviewAlert = z.infer<typeof overviewAlertSchema>;
export type MarkAlertsRead = z.infer<typeof markAlertsReadSchema>;
