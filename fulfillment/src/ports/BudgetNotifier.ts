/**
 * Where a budget crossing goes besides the chat reply: deployed, an e-mail to the person's own verified
 * address (notify/sesBudgetNotifier.ts); offline, nowhere. Fulfillment calls it only after the expense
 * is saved, only for the thresholds the person's e-mail setting wants, and once per threshold and period
 * (intents/support/budgetAlerts.ts `notifyCrossings`).
 */
export interface BudgetAlert {
  userId: string;
  /** "November Food budget", as the reply names it. */
  budgetName: string;
  /** The threshold just crossed: 80 or 100 (per cent). */
  threshold: number;
  /** The budget (category or overall, period, currency) as a key: with `period.from`, names one alert. */
  budgetKey: string;
  /** The budget period the crossing happened in (user-local dates, inclusive). */
  period: { from: string; to: string };
  spentMinor: number;
  limitMinor: number;
  currency: string;
  /** The warning the person saw in the chat, as a plain sentence. */
  message: string;
}

export interface BudgetNotifier {
  budgetCrossed(alert: BudgetAlert): Promise<void>;
}

export const silentNotifier: BudgetNotifier = { budgetCrossed: async () => {} };
