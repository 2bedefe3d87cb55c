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
import type {
  EditResult,
  LedgerRepository,
  LogResult,
  RangeQuery,
  TransactionSpan,
} from '../ports/LedgerRepository';
import type {
  Budget,
  BudgetPeriodName,
  LearnedCategory,
  NewBudget,
  NewTransaction,
  PendingImport,
  PeriodKey,
  PeriodTotals,
  Transaction,
  TransactionChanges,
  TransactionKind,
  UserProfile,
} from '../domain/ledger';
import { MAX_RECALL_WORDS } from '../ports/LedgerRepository';
import { InMemoryRecurringRules } from './inMemoryRecurringRules';
import { newNotification } from '../domain/alerts/notifications';
import {
  MAX_LISTED_NOTIFICATIONS,
  NOTIFICATION_LIFETIME_DAYS,
  type AppNotification,
  type NewNotification,
} from '../domain/alerts/notifications';
import type {
  DueRecurringRule,
  NewRecurringRule,
  RecurringRule,
  RecurringStatus,
} from '../domain/recurring/rules';
import type {
  ContributionResult,
  GoalContribution,
  NewGoal,
  SavingsGoal,
  UndoneContribution,
} from '../ports/GoalRepository';
import { InMemoryGoalStore } from './InMemoryGoalStore';
import {
  DEFAULT_ACCOUNT_KEY,
  DEFAULT_ACCOUNT_NAME,
  MAX_ACCOUNTS,
  accountKey,
  newAccountSchema,
  validateAccountName,
  type Account,
  type NewAccount,
  type NewTransfer,
  type Transfer,
} from '../domain/ledger/accounts';
import { AccountError } from '../domain/ledger/errors';
import { normalizeCurrency } from '../domain/ledger/money';
import { validateAmountMinor, validateDate } from '../domain/ledger/transactions';
import { accountDeltas, isDefaultAccount, mergeAccountDeltas, type AccountDelta } from './accountDeltas';
import {
  assertUserId,
  emptyTotals,
  newestFirst,
  rangeLimit,
  rollupDeltas,
  withoutZeroCategories,
} from './totals';

interface UserData {
  profile: UserProfile | null;
  transactions: Map<string, Transaction>;
  /** requestId → the transaction first logged with it (kept after a delete, like the DynamoDB TTL item). */
  requests: Map<string, Transaction>;
  rollups: Map<string, PeriodTotals>;
  budgets: Map<string, Budget>;
  learned: Map<string, LearnedCategory>;
  /** Alert keys already sent → when they expire. */
  alerts: Map<string, Date>;
  accounts: Map<string, Account>;
  transfers: Map<string, Transfer>;
  /** requestId → the transfer first made with it. */
  transferRequests: Map<string, Transfer>;
  /** In-app notifications, oldest first. */
  notes: AppNotification[];
}

const rollupId = (period: PeriodKey, currency: string) => `${period.granularity}#${period.key}#${currency}`;
const budgetId = (category: string | null, period: BudgetPeriodName) =>
  `${period}#${category === null ? '*' : categoryKey(category)}`;
const copy = <T>(value: T): T => structuredClone(value);

export interface InMemoryLedgerRepositoryOptions {
  clock?: Clock;
  newId?: () => string;
}

export class InMemoryLedgerRepository implements LedgerRepository {
  private readonly users = new Map<string, UserData>();
  /** `userId \0 importId` → the previewed import. */
  private readonly pendingImports = new Map<string, PendingImport>();
  private readonly clock: Clock;
  private readonly newId: () => string;
  private readonly rules: InMemoryRecurringRules;
  private readonly goals: InMemoryGoalStore;

  constructor(options: InMemoryLedgerRepositoryOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.newId = options.newId ?? randomUUID;
    this.rules = new InMemoryRecurringRules(this.clock);
    this.goals = new InMemoryGoalStore(this.clock);
  }

  // Recurring rules (issue 12): their own module.
  addRecurringRule(userId: string, input: NewRecurringRule): Promise<RecurringRule> {
    return this.rules.addRecurringRule(userId, input);
  }
  getRecurringRule(userId: string, ruleId: string): Promise<RecurringRule | null> {
    return this.rules.getRecurringRule(userId, ruleId);
  }
  listRecurringRules(userId: string): Promise<RecurringRule[]> {
    return this.rules.listRecurringRules(userId);
  }
  setRecurringRuleStatus(
    userId: string,
    ruleId: string,
    status: RecurringStatus,
    nextDue: string | null,
  ): Promise<RecurringRule | null> {
    return this.rules.setRecurringRuleStatus(userId, ruleId, status, nextDue);
  }
  restoreRecurringRule(userId: string, rule: RecurringRule): Promise<RecurringRule> {
    return this.rules.restoreRecurringRule(userId, rule);
  }
  deleteRecurringRule(userId: string, ruleId: string): Promise<RecurringRule | null> {
    return this.rules.deleteRecurringRule(userId, ruleId);
  }
  advanceRecurringRule(userId: string, ruleId: string, from: string, to: string | null): Promise<boolean> {
    return this.rules.advanceRecurringRule(userId, ruleId, from, to);
  }
  listDueRecurringRules(day: string): Promise<DueRecurringRule[]> {
    return this.rules.listDueRecurringRules(day);
  }

  // Savings goals (issue 12 point 3) live in their own store on the same process; the ledger's port includes them.
  putGoal(userId: string, goal: NewGoal): Promise<{ goal: SavingsGoal; created: boolean }> {
    return this.goals.putGoal(userId, goal);
  }
  listGoals(userId: string): Promise<SavingsGoal[]> {
    return this.goals.listGoals(userId);
  }
  getGoal(userId: string, key: string): Promise<SavingsGoal | null> {
    return this.goals.getGoal(userId, key);
  }
  contributeToGoal(userId: string, contribution: GoalContribution): Promise<ContributionResult | null> {
    return this.goals.contributeToGoal(userId, contribution);
  }
  undoGoalContribution(userId: string, requestId: string): Promise<UndoneContribution | null> {
    return this.goals.undoGoalContribution(userId, requestId);
  }
  restoreGoal(userId: string, goal: SavingsGoal): Promise<SavingsGoal> {
    return this.goals.restoreGoal(userId, goal);
  }
  deleteGoal(userId: string, key: string): Promise<SavingsGoal | null> {
    return this.goals.deleteGoal(userId, key);
  }

  private user(userId: string): UserData {
    let data = this.users.get(assertUserId(userId));
    if (!data) {
      data = {
        profile: null,
        transactions: new Map(),
        requests: new Map(),
        alerts: new Map(),
        notes: [],
        rollups: new Map(),
        budgets: new Map(),
        learned: new Map(),
        accounts: new Map(),
        transfers: new Map(),
        transferRequests: new Map(),
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
    this.applyBalances(data, accountDeltas(txn, 1), now, true);
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
    this.applyBalances(data, accountDeltas(txn, -1), this.clock.now().toISOString(), false);
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
    this.applyBalances(
      data,
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

  // In-app notifications (issue 12 point 5): the claim shares claimAlert's map, as on DynamoDB.
  async notifyOnce(userId: string, input: NewNotification): Promise<AppNotification | null> {
    const data = this.user(userId);
    const now = this.clock.now();
    const until = data.alerts.get(input.key);
    if (until && until.getTime() > now.getTime()) return null;
    data.alerts.set(input.key, new Date(input.claimUntil));
    const note = newNotification(input, now);
    data.notes.push(note);
    return copy(note);
  }

  async listNotifications(userId: string): Promise<AppNotification[]> {
    const oldest = this.clock.now().getTime() - NOTIFICATION_LIFETIME_DAYS * 86_400_000;
    return this.user(userId)
      .notes.filter((n) => Date.parse(n.createdAt) > oldest)
      .sort((a, b) => b.id.localeCompare(a.id))
      .slice(0, MAX_LISTED_NOTIFICATIONS)
      .map(copy);
  }

  async markNotificationsRead(userId: string, ids: readonly string[]): Promise<number> {
    let marked = 0;
    for (const note of this.user(userId).notes) {
      if (!note.read && ids.includes(note.id)) {
        note.read = true;
        marked++;
      }
    }
    return marked;
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

  async addAccount(userId: string, input: NewAccount): Promise<{ account: Account; created: boolean }> {
    const parsed = newAccountSchema.safeParse(input);
    if (!parsed.success) throw new AccountError('That account could not be read. Nothing was saved.');
    const name = validateAccountName(parsed.data.name);
    const currency = normalizeCurrency(parsed.data.currency);
    const key = accountKey(name);
    const data = this.user(userId);
    const same = data.accounts.get(key);
    if (same) {
      if (isDefaultAccount(key) && same.openingMinor === 0 && parsed.data.openingMinor !== 0) {
        same.openingMinor = parsed.data.openingMinor;
        same.balances[currency] = (same.balances[currency] ?? 0) + parsed.data.openingMinor;
        return { account: copy(same), created: true };
      }
      return { account: copy(same), created: false };
    }
    if (data.accounts.size >= MAX_ACCOUNTS)
      throw new AccountError(`You can keep up to ${MAX_ACCOUNTS} accounts.`);
    const account: Account = {
      key,
      name,
      type: parsed.data.type,
      currency,
      openingMinor: parsed.data.openingMinor,
      balances: { [currency]: parsed.data.openingMinor },
      createdAt: this.clock.now().toISOString(),
    };
    data.accounts.set(key, account);
    return { account: copy(account), created: true };
  }

  async listAccounts(userId: string): Promise<Account[]> {
    const accounts = [...(this.users.get(assertUserId(userId))?.accounts.values() ?? [])];
    return accounts
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key))
      .map(copy);
  }

  async transfer(userId: string, input: NewTransfer): Promise<{ transfer: Transfer; created: boolean }> {
    const currency = normalizeCurrency(input.currency);
    const amountMinor = validateAmountMinor(input.amountMinor, currency);
    const from = accountKey(input.from);
    const to = accountKey(input.to);
    if (from === to) throw new AccountError('Those are the same account, so there is nothing to move.');
    const data = this.user(userId);
    const seen = data.transferRequests.get(input.requestId);
    if (seen) return { transfer: copy(seen), created: false };
    const now = this.clock.now().toISOString();
    const transfer: Transfer = {
      id: this.newId(),
      from,
      to,
      amountMinor,
      currency,
      date: validateDate(input.date),
      createdAt: now,
    };
    this.applyBalances(
      data,
      [
        { account: from, currency, amountMinor: -amountMinor },
        { account: to, currency, amountMinor },
      ],
      now,
      true,
    );
    data.transfers.set(transfer.id, transfer);
    data.transferRequests.set(input.requestId, transfer);
    return { transfer: copy(transfer), created: true };
  }

  async deleteTransfer(userId: string, transferId: string): Promise<Transfer | null> {
    const data = this.users.get(assertUserId(userId));
    const transfer = data?.transfers.get(transferId);
    if (!data || !transfer) return null;
    data.transfers.delete(transferId);
    this.applyBalances(
      data,
      [
        { account: transfer.from, currency: transfer.currency, amountMinor: transfer.amountMinor },
        { account: transfer.to, currency: transfer.currency, amountMinor: -transfer.amountMinor },
      ],
      this.clock.now().toISOString(),
      false,
    );
    return copy(transfer);
  }

  /**
   * Balance changes, all or nothing: with `check`, a named account that does not exist refuses the
   * whole change (AccountError) before anything moves; the default account is opened by its first change.
   */
  private applyBalances(data: UserData, deltas: AccountDelta[], now: string, check: boolean): void {
    if (check) {
      const missing = deltas.find((d) => !isDefaultAccount(d.account) && !data.accounts.has(d.account));
      if (missing)
        throw new AccountError(`You don't have an account called "${missing.account}". Nothing was saved.`);
    }
    for (const d of deltas) {
      let account = data.accounts.get(d.account);
      if (!account) {
        account = {
          key: d.account,
          name: isDefaultAccount(d.account) ? DEFAULT_ACCOUNT_NAME : d.account,
          type: 'checking',
          currency: d.currency,
          openingMinor: 0,
          balances: {},
          createdAt: now,
        };
        data.accounts.set(d.account, account);
      }
      account.balances[d.currency] = (account.balances[d.currency] ?? 0) + d.amountMinor;
    }
  }

  private applyRollups(data: UserData, txn: Transaction, direction: 1 | -1): void {
    for (const delta of rollupDeltas(txn, direction)) {
      const id = rollupId(delta.period, delta.currency);
      const totals = data.rollups.get(id) ?? emptyTotals(delta.period, delta.currency);
      const byCategory = delta.kind === 'expense' ? totals.expenseByCategory : totals.incomeByCategory;
      byCategory[delta.category] = (byCategory[delta.category] ?? 0) + delta.amountMinor;
      const byTag = delta.kind === 'expense' ? totals.expenseByTag : totals.incomeByTag;
      for (const tag of delta.tags) byTag[tag] = (byTag[tag] ?? 0) + delta.amountMinor;
      if (delta.kind === 'expense') totals.expenseTotalMinor += delta.amountMinor;
      else totals.incomeTotalMinor += delta.amountMinor;
      totals.transactionCount += delta.count;
      data.rollups.set(id, totals);
    }
  }
}
