/**
 * `@budgetbuddy/fulfillment/ledger`: the ledger as the rest of the repo sees it: its entities (from the
 * domain, with their value lists and zod schemas), the repository port they are kept through, the clock
 * it reads, and the budget and period arithmetic.
 */
export * from './domain/ledger';
export * from './ports/LedgerRepository';
export type { LedgerStores } from './ports/LedgerStores';
export type { AccountRepository } from './ports/AccountRepository';
export type { GoalRepository } from './ports/GoalRepository';
export type { NotificationStore } from './ports/NotificationStore';
export { fixedClock, systemClock, type Clock } from './ports/Clock';
export { budgetStatus, type BudgetStatus } from './domain/ledger/budgets';
export { addDaysTo, periodKeyOf } from './domain/ledger/periods';
export type { RecurringRuleStore } from './ports/RecurringRuleStore';
export type {
  DueRecurringRule,
  NewRecurringRule,
  RecurringRule,
  RecurringStatus,
} from './domain/recurring/rules';
