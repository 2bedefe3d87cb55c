/**
 * GET /api/overview's reply: the panel beside the chat (issue 12 point 6). One zod schema, written with
 * `zod/mini` so chat-web validates what arrives with the very same schema at a small bundle cost, and
 * the proxy's tests check what it sends against it. Part of the chat API's surface
 * (`@budgetbuddy/fulfillment/chat-api`): it is a route of that API, read by the same browser code, with
 * the same no-server-imports rule as the reply contract.
 *
 * `balances`, `upcomingBills` and `alerts` stay empty until accounts, recurring payments and alerts
 * exist (issue 12 points 1, 2, 5); their item shapes are fixed here so the panel can already draw them.
 */
import * as z from 'zod/mini';

/** Money as the ledger keeps it (integer minor units), with the label to show. */
const money = z.object({ minor: z.number(), formatted: z.string() });

export const overviewBudgetSchema = z.object({
  /** "November Food budget", "weekly overall budget". */
  name: z.string(),
  category: z.nullable(z.string()),
  period: z.enum(['Weekly', 'Monthly', 'Yearly']),
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

export const overviewSchema = z.object({
  /** The user's currency and the user-local day the figures are for. */
  currency: z.string(),
  today: z.string(),
  balances: z.array(overviewBalanceSchema),
  budgets: z.array(overviewBudgetSchema),
  goals: z.array(overviewGoalSchema),
  upcomingBills: z.array(overviewBillSchema),
  alerts: z.array(overviewAlertSchema),
});

export type Overview = z.infer<typeof overviewSchema>;
export type OverviewBudget = z.infer<typeof overviewBudgetSchema>;
export type OverviewGoal = z.infer<typeof overviewGoalSchema>;
