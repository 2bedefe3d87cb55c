/**
 * The ledger in process memory: same behaviour as the DynamoDB store (it passes the same contract
 * suite), for fast unit tests of code that needs a ledger. Data lives as long as the instance.
 */
import { randomUUID } from 'node:crypto';
import { parseNewBudget } from '../domain/ledger/budgets';
import { categoryKey } from '../domain/ledger/categories';
import { normalizeTag } from '../domain/ledger/tags';
import { customRange, isInRange } from '../domain/ledger/periods';
import { parseUserProfile } from '../domain/ledger/profile';
import { applyChanges, parseNewTransaction } from '../domain/ledger/transactions';
import { systemClock } from '../ports/Clock';
import type { Clock } from '../ports/Clock';
import type { EditResult, LogResult, RangeQuery, TransactionSpan } from '../ports/LedgerRepository';
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
import { MAX_RECALL_WORDS } from '../ports/LedgerRepository';
import type { GoalRepository } from '../ports/GoalRepository';
import type { LedgerStores } from '../ports/LedgerStores';
import type { NotificationStore } from '../ports/NotificationStore';
import type { RecurringRuleStore } from '../ports/RecurringRuleStore';
import { DEFAULT_ACCOUNT_KEY } from '../domain/ledger/accounts';
import { InMemoryAccountStore } from './InMemoryAccountStore';
import { InMemoryGoalStore } from './InMemoryGoalStore';
import { InMemoryNotificationStore } from './InMemoryNotificationStore';
import { InMemoryRecurringRules } from './inMemoryRecurringRules';
import { accountDeltas, mergeAccountDeltas } from './accountDeltas';
import {
  assertUserId,
  emptyTagTotals,
  emptyTotals,
  newestFirst,
  rangeLimit,
  rollupDeltas,
  withoutZeroCategories,
  withoutZeroTags,
} from './totals';

interface UserData {
  profile: UserProfile | null;
  transactions: Map<string, Transaction>;
  /** requestId → the transaction first logged with it (kept after a delete, like the DynamoDB TTL item). */
  requests: Map<string, Transaction>;
  rollups: Map<string, PeriodTotals>;
  tagTotals: Map<string, TagTotals>;
  budgets: Map<string, Budget>;
  learned: Map<string, LearnedCategory>;
  /** Alert keys already sent → when they expire. */
  alerts: Map<string, Date>;
}

const rollupId = (period: PeriodKey, currency: string) => `${period.granularity}#${period.key}#${currency}`;
const budgetId = (category: string | null, period: BudgetPeriodName) =>
  `${period}#${category === null ? '*' : categoryKey(category)}`;
const copy = <T>(value: T): T => structuredClone(value);

export interface InMemoryLedgerRepositoryOptions {
  clock?: Clock;
  newId?: () => string;
}

export class InMemoryLedgerRepository implements LedgerStores {
  private readonly users = new Map<string, UserData>();
  /** `userId \0 importId` → the previewed import. */
  private readonly pendingImports = new Map<string, PendingImport>();
  private readonly clock: Clock;
  private readonly newId: () => string;
  // The narrow ports beside the ledger (ports/LedgerStores.ts), in the same process.
  readonly recurring: RecurringRuleStore;
  readonly goals: GoalRepository;
  readonly accounts: InMemoryAccountStore;
  readonly notifications: NotificationStore;

  constructor(options: InMemoryLedgerRepositoryOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.newId = options.newId ?? randomUUID;
    this.recurring = new InMemoryRecurringRules(this.clock);
    this.accounts = new InMemoryAccountStore(this.clock, this.newId);
    this.goals = new InMemoryGoalStore(this.clock, this.accounts);
    this.notifications = new InMemoryNotificationStore(this.clock, (userId) => this.user(userId).alerts);
  }

  private user(userId: string): UserData {
    let data = this.users.get(assertUserId(userId));
    if (!data) {
      data = {
        profile: null,
        transactions: new Map(),
        requests: new Map(),
        alerts: new Map(),
        rollups: new Map(),
        tagTotals: new Map(),
        budgets: new Map(),
        learned: new Map(),
      };
      this.users.set(userId, data);
    }
    return data;
  }

  async getProfile(userId: string): Promise<UserProfile | null> {
    const profile = this.users.get(userId)?.profile;
    return profile ? copy(profile) : null;
  }

  async putProfile(userId: string, profile: UserProfile): Promise<void> {
    this.user(userId).profile = parseUserProfile(profile);
  }

  async logTransaction(userId: string, input: NewTransaction): Promise<LogResult> {
    const valid = parseNewTransaction(input);
    const data = this.user(userId);
    const seen = data.requests.get(valid.requestId);
    if (seen) return { transaction: copy(seen), created: false };
    const now = this.clock.now().toISOString();
    const txn: Transaction = {
      id: this.newId(),
      kind: valid.kind,
      amountMinor: valid.amountMinor,
      currency: valid.currency,
      category: valid.category,
      date: valid.date,
      source: valid.source,
      account: valid.account ?? DEFAULT_ACCOUNT_KEY,
      createdAt: now,
      updatedAt: now,
    };
    if (valid.note !== undefined) txn.note = valid.note;
    if (valid.jars !== undefined) txn.jars = valid.jars;
    // As in DynamoDB, a named account must exist before anything is written.
    this.accounts.applyBalances(userId, accountDeltas(txn, 1), now, true);
    if (valid.tags !== undefined) txn.tags = valid.tags;
    data.transactions.set(txn.id, txn);
    data.requests.set(valid.requestId, txn);
    this.applyRollups(data, txn, 1);
    return { transaction: copy(txn), created: true };
  }

  async deleteTransaction(userId: string, transactionId: string): Promise<Transaction | null> {
    const data = this.users.get(assertUserId(userId));
    const txn = data?.transactions.get(transactionId);
    if (!data || !txn) return null;
    data.transactions.delete(transactionId);
    this.applyRollups(data, txn, -1);
    this.accounts.applyBalances(userId, accountDeltas(txn, -1), this.clock.now().toISOString(), false);
    return copy(txn);
  }

  async editTransaction(
    userId: string,
    transactionId: string,
    changes: TransactionChanges,
  ): Promise<EditResult | null> {
    const data = this.users.get(assertUserId(userId));
    const before = data?.transactions.get(transactionId);
    if (!data || !before) return null;
    // Validated before anything changes, so a refused value leaves the entry and its totals as they were.
    const after = applyChanges(before, changes, this.clock.now().toISOString());
    this.applyRollups(data, before, -1);
    this.applyRollups(data, after, 1);
    this.accounts.applyBalances(
      userId,
      mergeAccountDeltas([...accountDeltas(before, -1), ...accountDeltas(after, 1)]),
      after.updatedAt,
      false,
    );
    data.transactions.set(transactionId, after);
    return { before: copy(before), after: copy(after) };
  }

  async getTransaction(userId: string, transactionId: string): Promise<Transaction | null> {
    const txn = this.users.get(userId)?.transactions.get(transactionId);
    return txn ? copy(txn) : null;
  }

  async listRecent(userId: string, limit: number): Promise<Transaction[]> {
    const all = [...(this.users.get(userId)?.transactions.values() ?? [])];
    return all.sort(newestFirst).slice(0, rangeLimit(limit)).map(copy);
  }

  async listByRange(userId: string, query: RangeQuery): Promise<Transaction[]> {
    const range = customRange(query.from, query.to);
    const category = query.category === undefined ? undefined : categoryKey(query.category);
    const tag = query.tag === undefined ? undefined : normalizeTag(query.tag);
    const all = [...(this.users.get(userId)?.transactions.values() ?? [])];
    return all
      .filter((t) => isInRange(t.date, range))
      .filter((t) => category === undefined || categoryKey(t.category) === category)
      .filter((t) => query.kind === undefined || t.kind === query.kind)
      .filter((t) => tag === undefined || (t.tags ?? []).includes(tag))
      .sort(newestFirst)
      .slice(0, rangeLimit(query.limit))
      .map(copy);
  }

  async getPeriodTotals(userId: string, period: PeriodKey, currency: string): Promise<PeriodTotals> {
    const totals = this.users.get(userId)?.rollups.get(rollupId(period, currency));
    return totals ? withoutZeroCategories(copy(totals)) : emptyTotals(period, currency);
  }

  async getTagTotals(userId: string, period: PeriodKey, currency: string): Promise<TagTotals> {
    const totals = this.users.get(userId)?.tagTotals.get(rollupId(period, currency));
    return totals ? withoutZeroTags(copy(totals)) : emptyTagTotals(period, currency);
  }

  async putBudget(userId: string, input: NewBudget): Promise<Budget> {
    const valid = parseNewBudget(input);
    const data = this.user(userId);
    const id = budgetId(valid.category, valid.period);
    const now = this.clock.now().toISOString();
    const budget: Budget = {
      category: valid.category,
      period: valid.period,
      limitMinor: valid.limitMinor,
      currency: valid.currency,
      createdAt: data.budgets.get(id)?.createdAt ?? now,
      updatedAt: now,
    };
    data.budgets.set(id, budget);
    return copy(budget);
  }

  async getBudget(userId: string, category: string | null, period: BudgetPeriodName): Promise<Budget | null> {
    const budget = this.users.get(userId)?.budgets.get(budgetId(category, period));
    return budget ? copy(budget) : null;
  }

  async listBudgets(userId: string): Promise<Budget[]> {
    const data = this.users.get(userId);
    if (!data) return [];
    return [...data.budgets.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, b]) => copy(b));
  }

  async deleteBudget(userId: string, category: string | null, period: BudgetPeriodName): Promise<boolean> {
    return this.users.get(userId)?.budgets.delete(budgetId(category, period)) ?? false;
  }

  async rememberCategory(userId: string, learned: LearnedCategory): Promise<void> {
    const word = learned.word.trim().toLowerCase();
    this.user(userId).learned.set(`${learned.kind}#${word}`, { ...learned, word });
  }

  async claimAlert(userId: string, key: string, expiresAt: Date): Promise<boolean> {
    const alerts = this.user(userId).alerts;
    const until = alerts.get(key);
    if (until && until.getTime() > this.clock.now().getTime()) return false;
    alerts.set(key, new Date(expiresAt));
    return true;
  }

  async recallCategories(
    userId: string,
    kind: TransactionKind,
    words: readonly string[],
  ): Promise<LearnedCategory[]> {
    const unique = [...new Set(words.map((w) => w.trim().toLowerCase()).filter(Boolean))].slice(
      0,
      MAX_RECALL_WORDS,
    );
    const learned = this.users.get(userId)?.learned;
    return unique.flatMap((w) => {
      const found = learned?.get(`${kind}#${w}`);
      return found ? [copy(found)] : [];
    });
  }

  async logTransactions(userId: string, inputs: NewTransaction[]): Promise<LogResult[]> {
    // Validate everything first so a bad row fails the call before any of it is written, as in DynamoDB.
    inputs.forEach((input) => parseNewTransaction(input));
    const results: LogResult[] = [];
    for (const input of inputs) results.push(await this.logTransaction(userId, input));
    return results;
  }

  async listAllTransactions(userId: string, span?: TransactionSpan): Promise<Transaction[]> {
    const range = span ? customRange(span.from, span.to) : undefined;
    const all = [...(this.users.get(assertUserId(userId))?.transactions.values() ?? [])];
    return all
      .filter((t) => range === undefined || isInRange(t.date, range))
      .sort((a, b) => newestFirst(b, a))
      .map(copy);
  }

  async savePendingImport(userId: string, pending: PendingImport): Promise<void> {
    this.pendingImports.set(`${assertUserId(userId)}\u0000${pending.importId}`, copy(pending));
  }

  async getPendingImport(userId: string, importId: string): Promise<PendingImport | null> {
    const pending = this.pendingImports.get(`${assertUserId(userId)}\u0000${importId}`);
    if (!pending || pending.expiresAt <= this.clock.now().toISOString()) return null;
    return copy(pending);
  }

  async setPendingImportProgress(userId: string, importId: string, committedRows: number): Promise<void> {
    const pending = this.pendingImports.get(`${assertUserId(userId)}\u0000${importId}`);
    if (pending) pending.committedRows = committedRows;
  }

  private applyRollups(data: UserData, txn: Transaction, direction: 1 | -1): void {
    for (const delta of rollupDeltas(txn, direction)) {
      const id = rollupId(delta.period, delta.currency);
      const totals = data.rollups.get(id) ?? emptyTotals(delta.period, delta.currency);
      const byCategory = delta.kind === 'expense' ? totals.expenseByCategory : totals.incomeByCategory;
      byCategory[delta.category] = (byCategory[delta.category] ?? 0) + delta.amountMinor;
      const tagTotals = data.tagTotals.get(id) ?? emptyTagTotals(delta.period, delta.currency);
      const byTag = delta.kind === 'expense' ? tagTotals.expenseByTag : tagTotals.incomeByTag;
      for (const tag of delta.tags) byTag[tag] = (byTag[tag] ?? 0) + delta.amountMinor;
      if (delta.tags.length > 0) data.tagTotals.set(id, tagTotals);
      if (delta.kind === 'expense') totals.expenseTotalMinor += delta.amountMinor;
      else totals.incomeTotalMinor += delta.amountMinor;
      totals.transactionCount += delta.count;
      data.rollups.set(id, totals);
    }
  }
}
