/**
 * The ledger's entities, one noun per file, with their value lists and zod schemas. The repository
 * port (ports/LedgerRepository.ts) is written in these terms; the domain never imports a port.
 */
export * from './transactionKind';
export {
  TRANSACTION_SOURCES,
  transactionSourceSchema,
  transactionSchema,
  newTransactionSchema,
  type TransactionSource,
  type Transaction,
  type NewTransaction,
  type ValidNewTransaction,
  type TransactionChanges,
} from './transactions';
export {
  BUDGET_PERIODS,
  budgetPeriodSchema,
  budgetSchema,
  newBudgetSchema,
  type BudgetPeriodName,
  type Budget,
  type NewBudget,
  type ValidNewBudget,
} from './budgets';
export { userProfileSchema, type UserProfile } from './profile';
export { learnedCategorySchema, type LearnedCategory } from './categories';
export {
  GRANULARITIES,
  granularitySchema,
  type Granularity,
  type PeriodKey,
  type PeriodTotals,
  type TagTotals,
} from './periods';
export { minorUnitsSchema, asMinorUnits, type MinorUnits, type Money } from './money';
export { pendingImportRowSchema, type PendingImportRow, type PendingImport } from './pendingImport';
export type { SavingsGoal, NewGoal, GoalContribution, ContributionResult } from './goals';
export {
  ACCOUNT_TYPES,
  DEFAULT_ACCOUNT_KEY,
  DEFAULT_ACCOUNT_NAME,
  accountSchema,
  transferSchema,
  type Account,
  type AccountType,
  type NewAccount,
  type NewTransfer,
  type Transfer,
  type JarShare,
} from './accounts';
export { MAX_TAGS_PER_ENTRY, normalizeTag, normalizeTags, hashTag, InvalidTagError } from './tags';
