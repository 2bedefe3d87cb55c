/**
 * The ledger's persistence port. The fulfillment code hook talks only to this interface; the DynamoDB
 * store (store/DynamoLedgerRepository.ts) and the in-memory store (store/InMemoryLedgerRepository.ts)
 * both implement it and both pass the same contract suite (store/ledgerRepository.case.test.ts, run by each store's test).
 *
 * Every method takes the user id first and touches only that user's data.
 * The entities it speaks of (Transaction, Budget, UserProfile, periods, kinds) live in the domain
 * (domain/ledger/); this file only says how they are kept. Amounts are integer minor units of `currency`
 * (ISO 4217); never floats.
 * `date` is the user's local calendar date (YYYY-MM-DD, in the user's time zone); rollup keys derive from it.
 */

import type {
  Budget,
  BudgetPeriodName,
  LearnedCategory,
  NewBudget,
  NewTransaction,
  PendingImport,
  PeriodKey,
  PeriodTotals,
  TagTotals,
  Transaction,
  TransactionChanges,
  TransactionKind,
  UserProfile,
} from '../domain/ledger';

export interface RangeQuery {
  /** Inclusive user-local dates, YYYY-MM-DD. */
  from: string;
  to: string;
  category?: string;
  kind?: TransactionKind;
  /** Only entries carrying this tag (any spelling: "#Work" is "work"). */
  tag?: string;
  /** Newest first; default and maximum are the implementation's (at least 1,000). */
  limit?: number;
}

export interface LogResult {
  transaction: Transaction;
  /** false when the request id had been seen: nothing was written this time. */
  created: boolean;
}

export interface EditResult {
  before: Transaction;
  after: Transaction;
}

/** How many words one `recallCategories` call looks up at most (one BatchGetItem). */
export const MAX_RECALL_WORDS = 25;

export interface TransactionSpan {
  /** Inclusive user-local dates, YYYY-MM-DD. */
  from: string;
  to: string;
}

/**
 * The ledger's transaction store: entries, totals, budgets, profile, imports, learned words. Savings
 * goals, recurring payments, accounts and in-app notifications have ports of their own beside it
 * (ports/LedgerStores.ts).
 */
export interface LedgerRepository {
  getProfile(userId: string): Promise<UserProfile | null>;
  putProfile(userId: string, profile: UserProfile): Promise<void>;

  /** Writes the transaction, its rollups and the idempotency key in one transaction. */
  logTransaction(userId: string, input: NewTransaction): Promise<LogResult>;
  /** Removes it and reverses its rollups atomically; returns what was removed, or null if there was nothing (a no-op). */
  deleteTransaction(userId: string, transactionId: string): Promise<Transaction | null>;
  /**
   * Changes a transaction in place: the new values, the entry's move to another date and every rollup
   * delta in one atomic write (never log-new-then-delete). Same id and createdAt. Returns the entry
   * before and after, or null when there is no such transaction.
   */
  editTransaction(
    userId: string,
    transactionId: string,
    changes: TransactionChanges,
  ): Promise<EditResult | null>;
  getTransaction(userId: string, transactionId: string): Promise<Transaction | null>;
  /** The most recent transactions by date then creation time, newest first. */
  listRecent(userId: string, limit: number): Promise<Transaction[]>;
  listByRange(userId: string, query: RangeQuery): Promise<Transaction[]>;

  getPeriodTotals(userId: string, period: PeriodKey, currency: string): Promise<PeriodTotals>;
  /** Every tag's total in the period (those back at zero left out), moved by the same writes as the rollup. */
  getTagTotals(userId: string, period: PeriodKey, currency: string): Promise<TagTotals>;

  /**
   * Logs several transactions exactly as logTransaction does each of them (item, idempotency key,
   * rollups), grouped into as few database transactions as the store allows. Results follow the input order.
   */
  logTransactions(userId: string, inputs: NewTransaction[]): Promise<LogResult[]>;
  /** Every transaction of the user (within `span` when given), oldest first, read page by page: no limit. */
  listAllTransactions(userId: string, span?: TransactionSpan): Promise<Transaction[]>;
  savePendingImport(userId: string, pending: PendingImport): Promise<void>;
  /** null when there is none, or it has expired. */
  getPendingImport(userId: string, importId: string): Promise<PendingImport | null>;
  /** Records how far a commit got, so the next commit call carries on from there. */
  setPendingImportProgress(userId: string, importId: string, committedRows: number): Promise<void>;

  /** Creates or replaces the budget for (category, period). */
  putBudget(userId: string, budget: NewBudget): Promise<Budget>;
  getBudget(userId: string, category: string | null, period: BudgetPeriodName): Promise<Budget | null>;
  listBudgets(userId: string): Promise<Budget[]>;
  deleteBudget(userId: string, category: string | null, period: BudgetPeriodName): Promise<boolean>;

  /** Remembers that `word` (lower case) means `category` for this user ("costco" → Groceries). */
  rememberCategory(userId: string, learned: LearnedCategory): Promise<void>;
  /** What this user taught about these words (at most MAX_RECALL_WORDS of them, one bounded read). */
  recallCategories(
    userId: string,
    kind: TransactionKind,
    words: readonly string[],
  ): Promise<LearnedCategory[]>;

  /**
   * Records that the alert `key` (one budget, one period, one threshold) was sent, kept until
   * `expiresAt`. True the first time, false when it was already recorded: a budget alert is e-mailed
   * once per threshold and period, also when spending dips below and crosses again, or two turns race.
   */
  claimAlert(userId: string, key: string, expiresAt: Date): Promise<boolean>;
}

/** Thrown by implementations when the backing store fails; the code hook turns it into "couldn't save". */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
