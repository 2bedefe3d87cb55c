/**
 * The ledger on one DynamoDB table (layout in keys.ts and docs/data-model.md). Writes that must agree —
 * a transaction, its pointer, its idempotency record and its three rollups — go in one
 * TransactWriteItems, so totals never disagree with the transactions behind them. Reads are GetItem or
 * Query on the user's own partition; nothing here scans.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { QueryCommandInput, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { parseNewBudget } from '../domain/ledger/budgets';
import { categoryKey } from '../domain/ledger/categories';
import { LedgerError } from '../domain/ledger/errors';
import { customRange, periodKeysFor } from '../domain/ledger/periods';
import { parseUserProfile } from '../domain/ledger/profile';
import { applyChanges, parseNewTransaction } from '../domain/ledger/transactions';
import { normalizeTag } from '../domain/ledger/tags';
import { systemClock } from '../ports/Clock';
import type { Clock } from '../ports/Clock';
import { MAX_RECALL_WORDS, StoreUnavailableError } from '../ports/LedgerRepository';
import type { EditResult, LogResult, RangeQuery, TransactionSpan } from '../ports/LedgerRepository';
import {
  learnedCategorySchema,
  pendingImportRowSchema,
  type Budget,
  type BudgetPeriodName,
  type LearnedCategory,
  type NewBudget,
  type NewTransaction,
  type PendingImport,
  type PendingImportRow,
  type PeriodKey,
  type PeriodTotals,
  type TagTotals,
  type Transaction,
  type TransactionChanges,
  type TransactionKind,
  type UserProfile,
  type ValidNewTransaction,
} from '../domain/ledger';
import {
  ITEM_TYPE,
  budgetFromItem,
  idempotencyRecordSchema,
  pointerSchema,
  profileFromItem,
  tagTotalsFromItems,
  totalsFromItem,
  transactionFromItem,
} from './items';
import type { DbIdempotency, DbTransaction, DbTransactionPointer } from './items';
import {
  BUDGET_PREFIX,
  PROFILE_SK,
  TXN_PREFIX,
  budgetSk,
  categoryAttr,
  tagTotalSk,
  tagTotalsPrefix,
  alertSk,
  idempotencySk,
  learnSk,
  importSk,
  importSkPrefix,
  rollupSk,
  skPrefixCondition,
  txnIdSk,
  txnSk,
  txnSkRange,
  userPk,
} from './keys';
import { editDeltas, newestFirst, rangeLimit, rollupDeltas } from './totals';
import type { RollupDelta, RollupItemDelta } from './totals';
import { z } from 'zod';
import { DynamoRecurringRules } from './recurringRules';
import { DynamoGoalStore } from './DynamoGoalStore';
import { DynamoAccountStore, accountUpdates } from './DynamoAccountStore';
import { accountDeltas, mergeAccountDeltas } from './accountDeltas';
import { DEFAULT_ACCOUNT_KEY } from '../domain/ledger/accounts';
import { AccountError } from '../domain/ledger/errors';
import { DynamoNotifications } from './notifications';
import { BatchedGets } from './batchedGets';
import type { AccountRepository } from '../ports/AccountRepository';
import type { GoalRepository } from '../ports/GoalRepository';
import type { LedgerStores } from '../ports/LedgerStores';
import type { NotificationStore } from '../ports/NotificationStore';
import type { RecurringRuleStore } from '../ports/RecurringRuleStore';

/** How long a request id is remembered: far longer than any Lambda or client retry window. */
export const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 60 * 60;
/**
 * When DynamoDB may delete an idempotency record: retention is physical time, not the ledger's clock.
 * A ledger run on another day (tests, replays) would otherwise write records whose TTL has already
 * passed, and DynamoDB (Local deletes them at once) would forget them while a retry is still in flight.
 */
const idempotencyExpiry = (): number => Math.floor(Date.now() / 1000) + IDEMPOTENCY_TTL_SECONDS;
/** Concurrent writes to one user's rollups conflict; each retry waits a little longer, with jitter. */
const MAX_CONFLICT_RETRIES = 25;

export interface DynamoLedgerRepositoryOptions {
  client: DynamoDBClient;
  tableName: string;
  clock?: Clock;
  newId?: () => string;
}

type CancellationReason = { Code?: string };

/** A balance update that must apply even if the account check would refuse it (reversing what was written). */
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
function withoutCondition(item: TransactItem): TransactItem {
  if (!item.Update) return item;
  const { ConditionExpression: _condition, ...update } = item.Update;
  return { Update: update };
}

/** The rollup items (period and currency) one transaction counts towards, as comparable strings. */
const periodKeysForRollup = (input: NewTransaction): string[] => [
  ...periodKeysFor(input.date).flatMap((p) => [
    `${p.granularity}#${p.key}#${input.currency}`,
    // Each tag's total in that period is an item of its own.
    ...(input.tags ?? []).map((t) => `tag#${p.granularity}#${p.key}#${input.currency}#${input.kind}#${t}`),
  ]),
  // The account items it moves count toward the same limit.
  ...[input.account ?? DEFAULT_ACCOUNT_KEY, ...(input.jars ?? []).map((j) => j.account)].map(
    (a) => `acct#${a}`,
  ),
];

/**
 * The order logTransactions writes its inputs in: by date, the inputs' own order kept within a day.
 * Entries repeating a request id all sort at the first one's place, so the first one said is still the
 * one written and the others are answered from it, as in input order.
 */
function byDate(inputs: readonly ValidNewTransaction[]): number[] {
  const firstDate = new Map<string, string>();
  for (const input of inputs) if (!firstDate.has(input.requestId)) firstDate.set(input.requestId, input.date);
  const dateOf = (i: number) => firstDate.get(inputs[i]!.requestId)!;
  return inputs
    .map((_, i) => i)
    .sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : a - b));
}

function cancellationReasons(err: unknown): CancellationReason[] | null {
  if (!(err instanceof Error) || err.name !== 'TransactionCanceledException') return null;
  const reasons = (err as { CancellationReasons?: CancellationReason[] }).CancellationReasons;
  return reasons ?? [];
}

/** DynamoDB's limit on actions in one TransactWriteItems. */
const MAX_TRANSACT_ITEMS = 100;
/** Rows of a pending import per item: well under DynamoDB's 400 KB item limit even with long notes. */
const IMPORT_ROWS_PER_CHUNK = 500;

const pendingImportChunkSchema = z.object({
  importId: z.string(),
  createdAt: z.string(),
  validUntil: z.string(),
  rows: z.string(),
  committedRows: z.number().optional(),
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const backoff = (attempt: number) => sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));

export class DynamoLedgerRepository implements LedgerStores {
  private readonly doc: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly clock: Clock;
  private readonly newId: () => string;
  // The narrow ports beside the ledger (ports/LedgerStores.ts), on the same table and client.
  readonly recurring: RecurringRuleStore;
  readonly goals: GoalRepository;
  readonly accounts: AccountRepository;
  readonly notifications: NotificationStore;
  private readonly rollupReads: BatchedGets;

  constructor(options: DynamoLedgerRepositoryOptions) {
    this.doc = DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    this.table = options.tableName;
    this.clock = options.clock ?? systemClock;
    this.newId = options.newId ?? randomUUID;
    this.rollupReads = new BatchedGets(this.doc, this.table);
    this.recurring = new DynamoRecurringRules(this.doc, this.table, this.clock);
    this.goals = new DynamoGoalStore({ doc: this.doc, tableName: this.table, clock: this.clock });
    this.notifications = new DynamoNotifications(this.doc, this.table, this.clock);
    this.accounts = new DynamoAccountStore({
      doc: this.doc,
      tableName: this.table,
      clock: this.clock,
      newId: this.newId,
    });
  }

  async getProfile(userId: string): Promise<UserProfile | null> {
    const item = await this.get(userPk(userId), PROFILE_SK);
    return item ? this.parsed(() => profileFromItem(item)) : null;
  }

  async putProfile(userId: string, profile: UserProfile): Promise<void> {
    const valid = parseUserProfile(profile);
    await this.call('save the profile', () =>
      this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            PK: userPk(userId),
            SK: PROFILE_SK,
            type: ITEM_TYPE.profile,
            ...valid,
            updatedAt: this.now(),
          },
        }),
      ),
    );
  }

  async logTransaction(userId: string, input: NewTransaction): Promise<LogResult> {
    const valid = parseNewTransaction(input);
    const pk = userPk(userId);
    const now = this.now();
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
    if (valid.tags !== undefined) txn.tags = valid.tags;
    const sk = txnSk(txn.date, txn.createdAt, txn.id);
    const balances = accountUpdates(this.table, pk, accountDeltas(txn, 1), now);
    const idempotency: DbIdempotency = {
      PK: pk,
      SK: idempotencySk(valid.requestId),
      type: ITEM_TYPE.idempotency,
      transaction: txn,
      expiresAt: idempotencyExpiry(),
    };
    const item: DbTransaction = {
      PK: pk,
      SK: sk,
      type: ITEM_TYPE.transaction,
      ...txn,
      categoryKey: categoryKey(txn.category),
    };
    const pointer: DbTransactionPointer = {
      PK: pk,
      SK: txnIdSk(txn.id),
      type: ITEM_TYPE.transactionPointer,
      txnSk: sk,
    };
    const rollupWrites = this.rollupWrites(pk, txn, 1);
    const request: TransactWriteCommandInput = {
      TransactItems: [
        // First, so a repeated request id is recognised by CancellationReasons[0].
        {
          Put: { TableName: this.table, Item: idempotency, ConditionExpression: 'attribute_not_exists(PK)' },
        },
        { Put: { TableName: this.table, Item: item } },
        { Put: { TableName: this.table, Item: pointer } },
        ...rollupWrites,
        ...balances.items,
      ],
    };
    const firstBalance = 3 + rollupWrites.length;
    let outcome: 'written' | { index: number };
    try {
      outcome = await this.transact('save the transaction', request);
    } catch (err) {
      // A timeout after sending leaves the outcome unknown: the write may be stored. Its idempotency
      // record (written in the same transaction) says which; only when it is absent did nothing happen.
      const seen = await this.get(pk, idempotency.SK).catch(() => undefined);
      if (!seen) throw err;
      const stored = this.parsed(() => transactionFromItem(idempotencyRecordSchema.parse(seen).transaction));
      return { transaction: stored, created: stored.id === txn.id };
    }
    if (outcome === 'written') return { transaction: txn, created: true };
    if (outcome.index >= firstBalance) {
      const missing = balances.accounts[outcome.index - firstBalance] ?? '';
      throw new AccountError(`You don't have an account called "${missing}". Nothing was saved.`);
    }
    if (outcome.index !== 0)
      throw new StoreUnavailableError('Could not save the transaction: an unexpected write conflict.');
    const seen = await this.get(pk, idempotency.SK);
    if (!seen)
      throw new StoreUnavailableError(
        'Could not save the transaction: its earlier attempt could not be read.',
      );
    const first = this.parsed(() => transactionFromItem(idempotencyRecordSchema.parse(seen).transaction));
    return { transaction: first, created: false };
  }

  async deleteTransaction(userId: string, transactionId: string): Promise<Transaction | null> {
    const pk = userPk(userId);
    const pointerItem = await this.get(pk, txnIdSk(transactionId));
    if (!pointerItem) return null;
    const { txnSk: sk } = this.parsed(() => pointerSchema.parse(pointerItem));
    const txnItem = await this.get(pk, sk);
    if (!txnItem) return null;
    const txn = this.parsed(() => transactionFromItem(txnItem));
    const outcome = await this.transact('delete the transaction', {
      TransactItems: [
        // The condition makes a second, concurrent delete fail here instead of reversing the rollups twice.
        {
          Delete: {
            TableName: this.table,
            Key: { PK: pk, SK: sk },
            ConditionExpression: 'attribute_exists(PK)',
          },
        },
        { Delete: { TableName: this.table, Key: { PK: pk, SK: txnIdSk(txn.id) } } },
        ...this.rollupWrites(pk, txn, -1),
        // The account's balance goes back too (an account is never removed, so this finds it).
        ...accountUpdates(this.table, pk, accountDeltas(txn, -1), this.now()).items.map(withoutCondition),
      ],
    });
    return outcome === 'written' ? txn : null;
  }

  async editTransaction(
    userId: string,
    transactionId: string,
    changes: TransactionChanges,
  ): Promise<EditResult | null> {
    const pk = userPk(userId);
    for (let attempt = 0; attempt < 3; attempt++) {
      const pointerItem = await this.get(pk, txnIdSk(transactionId));
      if (!pointerItem) return null;
      const { txnSk: oldSk } = this.parsed(() => pointerSchema.parse(pointerItem));
      const oldItem = await this.get(pk, oldSk);
      if (!oldItem) return null;
      const before = this.parsed(() => transactionFromItem(oldItem));
      const after = applyChanges(before, changes, this.now());
      const newSk = txnSk(after.date, after.createdAt, after.id);
      const item: DbTransaction = {
        PK: pk,
        SK: newSk,
        type: ITEM_TYPE.transaction,
        ...after,
        categoryKey: categoryKey(after.category),
      };
      // The entry read above must still be the one stored: a concurrent edit or delete makes this fail
      // (and the edit is read again) instead of applying rollup deltas computed from stale values.
      const unchanged = {
        ConditionExpression: 'updatedAt = :was',
        ExpressionAttributeValues: { ':was': before.updatedAt },
      };
      const entryWrites: NonNullable<TransactWriteCommandInput['TransactItems']> =
        newSk === oldSk
          ? [{ Put: { TableName: this.table, Item: item, ...unchanged } }]
          : [
              { Delete: { TableName: this.table, Key: { PK: pk, SK: oldSk }, ...unchanged } },
              { Put: { TableName: this.table, Item: item } },
              {
                Put: {
                  TableName: this.table,
                  Item: { PK: pk, SK: txnIdSk(after.id), type: ITEM_TYPE.transactionPointer, txnSk: newSk },
                },
              },
            ];
      let outcome: 'written' | { index: number };
      try {
        outcome = await this.transact('change the transaction', {
          TransactItems: [
            ...entryWrites,
            ...editDeltas(before, after).flatMap((d) => [
              { Update: this.rollupItemUpdate(pk, d) },
              ...d.tags.map((t) =>
                this.tagTotalUpdate(pk, d.period, d.currency, t.kind, t.tag, t.amountMinor),
              ),
            ]),
            ...accountUpdates(
              this.table,
              pk,
              mergeAccountDeltas([...accountDeltas(before, -1), ...accountDeltas(after, 1)]),
              after.updatedAt,
            ).items.map(withoutCondition),
          ],
        });
      } catch (err) {
        // An answer lost after sending: the entry as stored says whether this edit happened.
        const stored = await this.getTransaction(userId, transactionId).catch(() => null);
        if (stored && stored.updatedAt === after.updatedAt && stored.amountMinor === after.amountMinor)
          return { before, after: stored };
        throw err;
      }
      if (outcome === 'written') return { before, after };
    }
    throw new StoreUnavailableError('Could not change the transaction: it kept changing underneath.');
  }

  async getTransaction(userId: string, transactionId: string): Promise<Transaction | null> {
    const pk = userPk(userId);
    const pointerItem = await this.get(pk, txnIdSk(transactionId));
    if (!pointerItem) return null;
    const { txnSk: sk } = this.parsed(() => pointerSchema.parse(pointerItem));
    const item = await this.get(pk, sk);
    return item ? this.parsed(() => transactionFromItem(item)) : null;
  }

  async listRecent(userId: string, limit: number): Promise<Transaction[]> {
    const max = rangeLimit(limit);
    if (max === 0) return [];
    return this.queryTransactions(skPrefixCondition(userPk(userId), TXN_PREFIX), max, false);
  }

  async listByRange(userId: string, query: RangeQuery): Promise<Transaction[]> {
    const range = customRange(query.from, query.to);
    const max = rangeLimit(query.limit);
    if (max === 0) return [];
    const [low, high] = txnSkRange(range.from, range.to);
    const filters: string[] = [];
    const values: Record<string, unknown> = { ':pk': userPk(userId), ':low': low, ':high': high };
    if (query.category !== undefined) {
      filters.push('categoryKey = :category');
      values[':category'] = categoryKey(query.category);
    }
    if (query.kind !== undefined) {
      filters.push('kind = :kind');
      values[':kind'] = query.kind;
    }
    if (query.tag !== undefined) {
      filters.push('contains(tags, :tag)');
      values[':tag'] = normalizeTag(query.tag);
    }
    return this.queryTransactions(
      {
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :low AND :high',
        ExpressionAttributeValues: values,
        ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
      },
      max,
      filters.length > 0,
    );
  }

  async getPeriodTotals(userId: string, period: PeriodKey, currency: string): Promise<PeriodTotals> {
    // Rollups are read several at once (this period and the last, one per budget): one request for them.
    const item = await this.call('read from the ledger', () =>
      this.rollupReads.get(userPk(userId), rollupSk(period, currency)),
    );
    return this.parsed(() => totalsFromItem(item, period, currency));
  }

  async getTagTotals(userId: string, period: PeriodKey, currency: string): Promise<TagTotals> {
    // One Query on the period's tag items: a page holds thousands of them, so this is one request for
    // anyone but a person with thousands of tags in one period, who pays a page per ~1 MB.
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.call('read from the ledger', () =>
        this.doc.send(
          new QueryCommand({
            TableName: this.table,
            ConsistentRead: true,
            ...skPrefixCondition(userPk(userId), tagTotalsPrefix(period, currency)),
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return this.parsed(() => tagTotalsFromItems(items, period, currency));
  }

  async putBudget(userId: string, input: NewBudget): Promise<Budget> {
    const valid = parseNewBudget(input);
    const now = this.now();
    const result = await this.call('save the budget', () =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: userPk(userId), SK: budgetSk(valid.category, valid.period) },
          UpdateExpression:
            'SET #type = :type, category = :category, #period = :period, limitMinor = :limit, currency = :currency, ' +
            'createdAt = if_not_exists(createdAt, :now), updatedAt = :now',
          ExpressionAttributeNames: { '#type': 'type', '#period': 'period' },
          ExpressionAttributeValues: {
            ':type': ITEM_TYPE.budget,
            ':category': valid.category,
            ':period': valid.period,
            ':limit': valid.limitMinor,
            ':currency': valid.currency,
            ':now': now,
          },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return this.parsed(() => budgetFromItem(result.Attributes ?? {}));
  }

  async getBudget(userId: string, category: string | null, period: BudgetPeriodName): Promise<Budget | null> {
    const item = await this.get(userPk(userId), budgetSk(category, period));
    return item ? this.parsed(() => budgetFromItem(item)) : null;
  }

  async listBudgets(userId: string): Promise<Budget[]> {
    // Consistent, so a budget set a moment ago is in the next answer.
    const items = await this.queryAll({
      ConsistentRead: true,
      ...skPrefixCondition(userPk(userId), BUDGET_PREFIX),
    });
    return items.map((item) => this.parsed(() => budgetFromItem(item)));
  }

  async deleteBudget(userId: string, category: string | null, period: BudgetPeriodName): Promise<boolean> {
    const result = await this.call('delete the budget', () =>
      this.doc.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { PK: userPk(userId), SK: budgetSk(category, period) },
          ReturnValues: 'ALL_OLD',
        }),
      ),
    );
    return result.Attributes !== undefined;
  }

  async rememberCategory(userId: string, learned: LearnedCategory): Promise<void> {
    const valid = learnedCategorySchema.parse({ ...learned, word: learned.word.trim().toLowerCase() });
    await this.call('remember the category', () =>
      this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            PK: userPk(userId),
            SK: learnSk(valid.kind, valid.word),
            type: ITEM_TYPE.learned,
            ...valid,
            updatedAt: this.now(),
          },
        }),
      ),
    );
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
    if (unique.length === 0) return [];
    const pk = userPk(userId);
    const result = await this.call('read from the ledger', () =>
      this.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [this.table]: {
              Keys: unique.map((w) => ({ PK: pk, SK: learnSk(kind, w) })),
              ConsistentRead: true,
            },
          },
        }),
      ),
    );
    // Unprocessed keys (throttling) are treated as unknown words: a hint, never a reason to fail the turn.
    const items = result.Responses?.[this.table] ?? [];
    const found = items.map((item) => this.parsed(() => learnedCategorySchema.parse(item)));
    return unique.flatMap((w) => found.filter((f) => f.word === w));
  }

  /** Several deltas to one rollup item as one update (an edit that moves money between categories). */
  private rollupItemUpdate(pk: string, d: RollupItemDelta) {
    const names: Record<string, string> = { '#type': 'type' };
    const values: Record<string, unknown> = {
      ':type': ITEM_TYPE.rollup,
      ':granularity': d.period.granularity,
      ':periodKey': d.period.key,
      ':currency': d.currency,
    };
    const adds: string[] = [];
    const add = (attr: string, amount: number) => {
      const i = adds.length;
      names[`#a${i}`] = attr;
      values[`:v${i}`] = amount;
      adds.push(`#a${i} :v${i}`);
    };
    if (d.expenseTotalMinor !== 0) add('expenseTotalMinor', d.expenseTotalMinor);
    if (d.incomeTotalMinor !== 0) add('incomeTotalMinor', d.incomeTotalMinor);
    for (const c of d.categories) add(categoryAttr(c.kind, c.category), c.amountMinor);
    if (d.count !== 0) add('transactionCount', d.count);
    return {
      TableName: this.table,
      Key: { PK: pk, SK: rollupSk(d.period, d.currency) },
      UpdateExpression:
        'SET #type = :type, granularity = :granularity, periodKey = :periodKey, currency = :currency' +
        (adds.length ? ` ADD ${adds.join(', ')}` : ''),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
  }

  async logTransactions(userId: string, inputs: NewTransaction[]): Promise<LogResult[]> {
    const valid = inputs.map((input) => parseNewTransaction(input));
    const pk = userPk(userId);
    const results: (LogResult | undefined)[] = new Array<LogResult | undefined>(valid.length);
    const order = byDate(valid);
    let next = 0;
    while (next < order.length) {
      // As many transactions as fit in one TransactWriteItems: three puts each, plus one update per
      // rollup item the group touches. Taken in date order, neighbours share their week and month, so a
      // group holds about 30 rows and a handful of rollup updates, however the file was ordered.
      const group: number[] = [];
      const rollupKeys = new Set<string>();
      const requestIds = new Set<string>();
      while (next < order.length) {
        const input = valid[order[next]!]!;
        const keys = periodKeysForRollup(input);
        const added = keys.filter((k) => !rollupKeys.has(k)).length;
        if ((group.length + 1) * 3 + rollupKeys.size + added > MAX_TRANSACT_ITEMS) break;
        // One transaction may not touch an item twice: a repeated request id waits for the next group.
        if (requestIds.has(input.requestId)) break;
        requestIds.add(input.requestId);
        keys.forEach((k) => rollupKeys.add(k));
        group.push(order[next++]!);
      }
      await this.logGroup(
        pk,
        group.map((i) => valid[i]!),
        (k, result) => (results[group[k]!] = result),
      );
    }
    return results.map((r) => {
      if (!r) throw new StoreUnavailableError('Could not save the transactions: one was left unwritten.');
      return r;
    });
  }

  async listAllTransactions(userId: string, span?: TransactionSpan): Promise<Transaction[]> {
    const pk = userPk(userId);
    const input = span
      ? (() => {
          const range = customRange(span.from, span.to);
          const [low, high] = txnSkRange(range.from, range.to);
          return {
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :low AND :high',
            ExpressionAttributeValues: { ':pk': pk, ':low': low, ':high': high },
          };
        })()
      : skPrefixCondition(pk, TXN_PREFIX);
    const items = await this.queryAll({ ...input, ConsistentRead: true });
    return items
      .map((item) => this.parsed(() => transactionFromItem(item)))
      .sort((a, b) => newestFirst(b, a));
  }

  async savePendingImport(userId: string, pending: PendingImport): Promise<void> {
    const pk = userPk(userId);
    // The import expires by the ledger's clock (`validUntil`, checked on read), but DynamoDB's TTL
    // deletes by physical time: under a clock set to a past day a TTL from the ledger's clock has already
    // passed, and DynamoDB (Local too) would delete the preview before its commit.
    const lifetimeMs = Math.max(0, Date.parse(pending.expiresAt) - this.clock.now().getTime());
    const expiresAt = Math.ceil((Date.now() + lifetimeMs) / 1000);
    const chunks: PendingImportRow[][] = [];
    for (let i = 0; i < pending.rows.length; i += IMPORT_ROWS_PER_CHUNK) {
      chunks.push(pending.rows.slice(i, i + IMPORT_ROWS_PER_CHUNK));
    }
    if (chunks.length === 0) chunks.push([]);
    // Chunk 0 goes last: it marks the import complete, so a half-saved import is never read as whole.
    const order = chunks.map((_, i) => i).reverse();
    for (const i of order) {
      await this.call('save the import preview', () =>
        this.doc.send(
          new PutCommand({
            TableName: this.table,
            Item: {
              PK: pk,
              SK: importSk(pending.importId, i),
              type: 'IMPORT',
              importId: pending.importId,
              createdAt: pending.createdAt,
              validUntil: pending.expiresAt,
              expiresAt,
              chunks: chunks.length,
              rows: JSON.stringify(chunks[i]),
            },
          }),
        ),
      );
    }
  }

  async getPendingImport(userId: string, importId: string): Promise<PendingImport | null> {
    const items = await this.queryAll({
      ...skPrefixCondition(userPk(userId), importSkPrefix(importId)),
      ConsistentRead: true,
    });
    if (items.length === 0) return null;
    const first = items[0]!;
    const total = typeof first.chunks === 'number' ? first.chunks : -1;
    if (first.SK !== importSk(importId, 0) || items.length !== total) return null;
    const chunks = items.map((item) => this.parsed(() => pendingImportChunkSchema.parse(item)));
    // DynamoDB's TTL removes items lazily (within days), so expiry is checked here too.
    if (Date.parse(chunks[0]!.validUntil) <= this.clock.now().getTime()) return null;
    const rows = chunks.flatMap((chunk) =>
      this.parsed(() => z.array(pendingImportRowSchema).parse(JSON.parse(chunk.rows))),
    );
    const committedRows = chunks[0]!.committedRows;
    return {
      importId,
      createdAt: chunks[0]!.createdAt,
      expiresAt: chunks[0]!.validUntil,
      ...(committedRows !== undefined ? { committedRows } : {}),
      rows: rows.map((r) => {
        const row: PendingImportRow = {
          kind: r.kind,
          amountMinor: r.amountMinor,
          currency: r.currency,
          category: r.category,
          date: r.date,
          requestId: r.requestId,
        };
        if (r.note !== undefined) row.note = r.note;
        if (r.tags !== undefined) row.tags = r.tags;
        return row;
      }),
    };
  }

  async claimAlert(userId: string, key: string, expiresAt: Date): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            PK: userPk(userId),
            SK: alertSk(key),
            type: ITEM_TYPE.alert,
            // DynamoDB's TTL removes it after the period; until then the condition refuses a second send.
            expiresAt: Math.ceil(expiresAt.getTime() / 1000),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return false;
      throw new StoreUnavailableError('Could not record the budget alert: the database is unavailable.', {
        cause: err,
      });
    }
  }

  async setPendingImportProgress(userId: string, importId: string, committedRows: number): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: userPk(userId), SK: importSk(importId, 0) },
          UpdateExpression: 'SET committedRows = :n',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':n': committedRows },
        }),
      );
    } catch (err) {
      // The import expired meanwhile: there is nothing left to carry on with.
      if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return;
      throw new StoreUnavailableError('Could not save the import progress: the database is unavailable.', {
        cause: err,
      });
    }
  }

  /**
   * Writes one group in one TransactWriteItems. A request id seen before cancels the whole transaction;
   * those rows are answered from their first write and the rest is tried again without them.
   */
  private async logGroup(
    pk: string,
    group: ValidNewTransaction[],
    settle: (index: number, result: LogResult) => void,
  ): Promise<void> {
    let pending = group.map((input, index) => ({ input, index }));
    let conflicts = 0;
    while (pending.length > 0) {
      const now = this.now();
      const expiresAt = idempotencyExpiry();
      const txns = pending.map(({ input }) => {
        const txn: Transaction = {
          id: this.newId(),
          kind: input.kind,
          amountMinor: input.amountMinor,
          currency: input.currency,
          category: input.category,
          date: input.date,
          source: input.source,
          account: input.account ?? DEFAULT_ACCOUNT_KEY,
          createdAt: now,
          updatedAt: now,
        };
        if (input.note !== undefined) txn.note = input.note;
        if (input.jars !== undefined) txn.jars = input.jars;
        if (input.tags !== undefined) txn.tags = input.tags;
        return txn;
      });
      const puts = pending.flatMap(({ input }, k) => {
        const txn = txns[k]!;
        const sk = txnSk(txn.date, txn.createdAt, txn.id);
        const idempotency: DbIdempotency = {
          PK: pk,
          SK: idempotencySk(input.requestId),
          type: ITEM_TYPE.idempotency,
          transaction: txn,
          expiresAt,
        };
        const item: DbTransaction = {
          PK: pk,
          SK: sk,
          type: ITEM_TYPE.transaction,
          ...txn,
          categoryKey: categoryKey(txn.category),
        };
        const pointer: DbTransactionPointer = {
          PK: pk,
          SK: txnIdSk(txn.id),
          type: ITEM_TYPE.transactionPointer,
          txnSk: sk,
        };
        return [
          {
            Put: {
              TableName: this.table,
              Item: idempotency,
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName: this.table, Item: item } },
          { Put: { TableName: this.table, Item: pointer } },
        ];
      });
      const updates = [
        ...this.groupedRollupUpdates(pk, txns),
        ...accountUpdates(this.table, pk, mergeAccountDeltas(txns.flatMap((t) => accountDeltas(t, 1))), now)
          .items,
      ];
      let outcome: 'written' | { failed: number[] };
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: [...puts, ...updates] }));
        outcome = 'written';
      } catch (err) {
        const reasons = cancellationReasons(err);
        const failed = (reasons ?? [])
          .map((r, i) => (r.Code === 'ConditionalCheckFailed' ? i : -1))
          .filter((i) => i >= 0);
        const conflict =
          (reasons?.some((r) => r.Code === 'TransactionConflict') ?? false) ||
          (err instanceof Error && err.name === 'TransactionConflictException');
        if (failed.length > 0) outcome = { failed };
        else if (conflict && conflicts < MAX_CONFLICT_RETRIES) {
          await backoff(conflicts++);
          continue;
        } else {
          throw new StoreUnavailableError(
            'Could not save the transactions: the database did not accept the write.',
            {
              cause: err,
            },
          );
        }
      }
      if (outcome === 'written') {
        pending.forEach(({ index }, k) => settle(index, { transaction: txns[k]!, created: true }));
        return;
      }
      const seen = new Set<number>();
      for (const itemIndex of outcome.failed) {
        if (itemIndex % 3 !== 0 || itemIndex >= puts.length) {
          throw new StoreUnavailableError('Could not save the transactions: an unexpected write conflict.');
        }
        seen.add(itemIndex / 3);
      }
      for (const k of seen) {
        const { input, index } = pending[k]!;
        const record = await this.get(pk, idempotencySk(input.requestId));
        if (!record)
          throw new StoreUnavailableError(
            'Could not save the transactions: an earlier attempt could not be read.',
          );
        const first = this.parsed(() =>
          transactionFromItem(idempotencyRecordSchema.parse(record).transaction),
        );
        settle(index, { transaction: first, created: false });
      }
      pending = pending.filter((_, k) => !seen.has(k));
    }
  }

  /** One update per rollup item for a group of transactions: the sums of their deltas, per category. */
  private groupedRollupUpdates(pk: string, txns: Transaction[]) {
    const byItem = new Map<
      string,
      { period: PeriodKey; currency: string; totals: Record<string, number>; count: number }
    >();
    const byTag = new Map<
      string,
      { period: PeriodKey; currency: string; kind: TransactionKind; tag: string; amount: number }
    >();
    for (const txn of txns) {
      for (const d of rollupDeltas(txn, 1)) {
        const sk = rollupSk(d.period, d.currency);
        const entry = byItem.get(sk) ?? { period: d.period, currency: d.currency, totals: {}, count: 0 };
        const total = d.kind === 'expense' ? 'expenseTotalMinor' : 'incomeTotalMinor';
        const category = categoryAttr(d.kind, d.category);
        entry.totals[total] = (entry.totals[total] ?? 0) + d.amountMinor;
        entry.totals[category] = (entry.totals[category] ?? 0) + d.amountMinor;
        for (const tag of d.tags) {
          const tagSk = tagTotalSk(d.period, d.currency, d.kind, tag);
          const tagEntry = byTag.get(tagSk) ?? {
            period: d.period,
            currency: d.currency,
            kind: d.kind,
            tag,
            amount: 0,
          };
          tagEntry.amount += d.amountMinor;
          byTag.set(tagSk, tagEntry);
        }
        entry.count += d.count;
        byItem.set(sk, entry);
      }
    }
    const tagUpdates = [...byTag.values()].map((t) =>
      this.tagTotalUpdate(pk, t.period, t.currency, t.kind, t.tag, t.amount),
    );
    const rollupUpdates = [...byItem.entries()].map(([sk, entry]) => {
      const names: Record<string, string> = { '#type': 'type' };
      const values: Record<string, unknown> = {
        ':type': ITEM_TYPE.rollup,
        ':granularity': entry.period.granularity,
        ':periodKey': entry.period.key,
        ':currency': entry.currency,
        ':count': entry.count,
      };
      const adds = ['transactionCount :count'];
      Object.entries(entry.totals).forEach(([attr, amount], i) => {
        names[`#a${i}`] = attr;
        values[`:a${i}`] = amount;
        adds.push(`#a${i} :a${i}`);
      });
      return {
        Update: {
          TableName: this.table,
          Key: { PK: pk, SK: sk },
          UpdateExpression:
            'SET #type = :type, granularity = :granularity, periodKey = :periodKey, currency = :currency ' +
            `ADD ${adds.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      };
    });
    return [...rollupUpdates, ...tagUpdates];
  }

  /** The rollup updates of one entry logged (1) or deleted (-1): each period's item, and each tag's. */
  private rollupWrites(pk: string, txn: Transaction, direction: 1 | -1) {
    return rollupDeltas(txn, direction).flatMap((d) => [
      { Update: this.rollupUpdate(pk, d) },
      ...d.tags.map((tag) => this.tagTotalUpdate(pk, d.period, d.currency, d.kind, tag, d.amountMinor)),
    ]);
  }

  /**
   * One tag's total in one period, an item of its own (keys.ts TAG_TOTAL_PREFIX): ADD creates it on
   * first use and keeps concurrent writers exact, in the entry's own transaction.
   */
  private tagTotalUpdate(
    pk: string,
    period: PeriodKey,
    currency: string,
    kind: TransactionKind,
    tag: string,
    amountMinor: number,
  ) {
    return {
      Update: {
        TableName: this.table,
        Key: { PK: pk, SK: tagTotalSk(period, currency, kind, tag) },
        UpdateExpression:
          'SET #type = :type, granularity = :granularity, periodKey = :periodKey, currency = :currency, ' +
          '#kind = :kind, #tag = :tag ADD amountMinor :amount',
        ExpressionAttributeNames: { '#type': 'type', '#kind': 'kind', '#tag': 'tag' },
        ExpressionAttributeValues: {
          ':type': ITEM_TYPE.tagTotal,
          ':granularity': period.granularity,
          ':periodKey': period.key,
          ':currency': currency,
          ':kind': kind,
          ':tag': tag,
          ':amount': amountMinor,
        },
      },
    };
  }

  /** One rollup item's update: ADD keeps concurrent writers exact and creates the item on first use. */
  private rollupUpdate(pk: string, d: RollupDelta) {
    return {
      TableName: this.table,
      Key: { PK: pk, SK: rollupSk(d.period, d.currency) },
      UpdateExpression:
        'SET #type = :type, granularity = :granularity, periodKey = :periodKey, currency = :currency ' +
        'ADD #total :amount, #category :amount, transactionCount :count',
      ExpressionAttributeNames: {
        '#type': 'type',
        '#total': d.kind === 'expense' ? 'expenseTotalMinor' : 'incomeTotalMinor',
        '#category': categoryAttr(d.kind, d.category),
      },
      ExpressionAttributeValues: {
        ':type': ITEM_TYPE.rollup,
        ':granularity': d.period.granularity,
        ':periodKey': d.period.key,
        ':currency': d.currency,
        ':amount': d.amountMinor,
        ':count': d.count,
      },
    };
  }

  /**
   * Runs a TransactWriteItems, retrying transaction conflicts (another write to the same rollup in
   * flight). A failed condition is an answer, not a fault: it comes back as the index of the failed item.
   */
  private async transact(
    action: string,
    input: TransactWriteCommandInput,
  ): Promise<'written' | { index: number }> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.doc.send(new TransactWriteCommand(input));
        return 'written';
      } catch (err) {
        const reasons = cancellationReasons(err);
        const failed = reasons?.findIndex((r) => r.Code === 'ConditionalCheckFailed') ?? -1;
        if (failed >= 0) return { index: failed };
        const conflict =
          (reasons?.some((r) => r.Code === 'TransactionConflict') ?? false) ||
          (err instanceof Error && err.name === 'TransactionConflictException');
        if (conflict && attempt < MAX_CONFLICT_RETRIES) {
          await backoff(attempt);
          continue;
        }
        throw new StoreUnavailableError(`Could not ${action}: the database did not accept the write.`, {
          cause: err,
        });
      }
    }
  }

  private async get(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
    const result = await this.call('read from the ledger', () =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: pk, SK: sk }, ConsistentRead: true })),
    );
    return result.Item;
  }

  private async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.call('read from the ledger', () =>
        this.doc.send(new QueryCommand({ ...input, TableName: this.table, ExclusiveStartKey: startKey })),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  /** Newest-first transactions, page by page until `max` are found (a filter can thin out each page). */
  private async queryTransactions(
    input: Omit<QueryCommandInput, 'TableName'>,
    max: number,
    filtered: boolean,
  ): Promise<Transaction[]> {
    const found: Transaction[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.call('read from the ledger', () =>
        this.doc.send(
          new QueryCommand({
            ...input,
            TableName: this.table,
            ScanIndexForward: false,
            ConsistentRead: true,
            // With a filter, Limit counts items read, not items returned, so read full pages instead.
            ...(filtered ? {} : { Limit: max - found.length }),
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of page.Items ?? []) found.push(this.parsed(() => transactionFromItem(item)));
      startKey = page.LastEvaluatedKey;
    } while (startKey && found.length < max);
    // The sort key already orders by date then createdAt; the sort only settles equal timestamps by id.
    return found.sort(newestFirst).slice(0, max);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** Every SDK failure becomes StoreUnavailableError: callers only need to know the store let them down. */
  private async call<T>(action: string, op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      if (err instanceof StoreUnavailableError || err instanceof LedgerError) throw err;
      throw new StoreUnavailableError(`Could not ${action}: the database is unavailable.`, { cause: err });
    }
  }

  private parsed<T>(read: () => T): T {
    try {
      return read();
    } catch (err) {
      throw new StoreUnavailableError('The ledger holds an item it cannot read.', { cause: err });
    }
  }
}
