/**
 * Where a budget crossing goes besides the chat reply: deployed, an e-mail through the notification
 * topic; offline, nowhere. Fulfillment calls it only after the expense is saved, once per crossing.
 */
export interface BudgetAlert {
  userId: string;
  /** "November Food budget", as the reply names it. */
  budgetName: string;
  /** The threshold just crossed: 80 or 100 (per cent). */
  threshold: number;
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
