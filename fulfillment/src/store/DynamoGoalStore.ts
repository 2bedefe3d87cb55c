/**
 * Savings goals on the ledger's table (issue 12 point 3), under the user's partition:
 *
 *   USER#<id>  GOAL#<key>                 a goal: name, target, saved total, target day
 *   USER#<id>  IDEMP#goal:<requestId>     a contribution already added (expires after 7 days)
 *
 * A contribution's idempotency record, the goal's `ADD savedMinor` and, when it comes from an account,
 * that account's balance going down by as much (`ACCT#<key>`, as a transfer moves it) go in one
 * TransactWriteItems, so a retried request never adds twice and neither total ever disagrees with the
 * records. The record keeps the account, so "undo" gives the money back to it in its own one write. "Undo" marks
 * that record undone and takes the amount off the goal in one TransactWriteItems too: a second undo
 * finds it marked and takes nothing, and a retried contribution still finds its record and adds nothing. Every read is
 * a GetItem or one Query on `GOAL#` (at most MAX_GOALS items): no scans, nothing grows with history.
 *
 * The goal item also keeps what it holds from each account (`from#<account>`, moved by the same `ADD`s
 * as savedMinor), because the idempotency records expire: removing the goal gives each account its share
 * back (the rest to the default account) with a conditional Delete in one TransactWriteItems, and undoing
 * the removal puts the goal back and takes the money again in one.
 */
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { accountKey } from '../domain/ledger/accounts';
import { AccountError, LedgerError } from '../domain/ledger/errors';
import {
  InvalidGoalError,
  MAX_GOALS,
  fromAccountsOf,
  goalKey,
  moneyToReturn,
  parseNewGoal,
  type ContributionResult,
  type GoalContribution,
  type NewGoal,
  type RemovedGoal,
  type RestoredGoal,
  type ReturnedMoney,
  type SavingsGoal,
  type UndoneContribution,
} from '../domain/ledger/goals';
import { normalizeCurrency } from '../domain/ledger/money';
import { validateAmountMinor } from '../domain/ledger/transactions';
import type { Clock } from '../ports/Clock';
import type { GoalRepository } from '../ports/GoalRepository';
import { StoreUnavailableError } from '../ports/LedgerRepository';
import { accountUpdates } from './DynamoAccountStore';
import { idempotencySk, skPrefixCondition, userPk } from './keys';

type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

export const GOAL_PREFIX = 'GOAL#';
export const goalSk = (key: string): string => `${GOAL_PREFIX}${key}`;
const contributionIdempotencySk = (requestId: string): string => idempotencySk(`goal:${requestId}`);

const GOAL_TYPE = 'GOAL';
/** The goal item's attribute holding what it has from one account (like the account's `bal#<currency>`). */
const FROM_ATTR_PREFIX = 'from#';
const fromAttr = (account: string): string => `${FROM_ATTR_PREFIX}${account}`;
const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 60 * 60;

const goalItemSchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  targetMinor: z.number().int(),
  savedMinor: z.number().int(),
  currency: z.string(),
  targetDate: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  reachedAt: z.string().optional(),
});

/** A contribution's idempotency record, as "undo" reads it back. */
const contributionRecordSchema = z.object({
  goalKey: z.string().min(1),
  amountMinor: z.number().int().positive(),
  currency: z.string(),
  /** The account the money left (absent for people without accounts, and before accounts). */
  account: z.string().min(1).optional(),
  undoneAt: z.string().optional(),
});

export function goalFromItem(item: Record<string, unknown>): SavingsGoal {
  const g = goalItemSchema.parse(item);
  const from = Object.entries(item)
    .filter(([name, value]) => name.startsWith(FROM_ATTR_PREFIX) && typeof value === 'number' && value !== 0)
    .map(([name, value]) => [name.slice(FROM_ATTR_PREFIX.length), z.number().int().parse(value)] as const);
  return {
    key: g.key,
    name: g.name,
    targetMinor: g.targetMinor,
    savedMinor: g.savedMinor,
    currency: g.currency,
    ...(g.targetDate ? { targetDate: g.targetDate } : {}),
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
    ...(g.reachedAt ? { reachedAt: g.reachedAt } : {}),
    ...(from.length ? { fromAccounts: Object.fromEntries(from) } : {}),
  };
}

export interface DynamoGoalStoreOptions {
  doc: DynamoDBDocumentClient;
  tableName: string;
  clock: Clock;
}

export class DynamoGoalStore implements GoalRepository {
  constructor(private readonly options: DynamoGoalStoreOptions) {}

  async putGoal(userId: string, input: NewGoal): Promise<{ goal: SavingsGoal; created: boolean }> {
    const valid = parseNewGoal(input);
    const key = goalKey(valid.name);
    const existing = await this.getGoal(userId, key);
    if (!existing && (await this.listGoals(userId)).length >= MAX_GOALS) {
      throw new InvalidGoalError(
        `You have ${MAX_GOALS} goals already, the most I keep. Delete one you no longer need first.`,
      );
    }
    const now = this.now();
    const result = await this.call('save the goal', () =>
      this.options.doc.send(
        new UpdateCommand({
          TableName: this.options.tableName,
          Key: { PK: userPk(userId), SK: goalSk(key) },
          UpdateExpression:
            'SET #type = :type, #key = :key, #name = if_not_exists(#name, :name), targetMinor = :target, ' +
            'currency = :currency, savedMinor = if_not_exists(savedMinor, :zero), ' +
            'createdAt = if_not_exists(createdAt, :now), updatedAt = :now' +
            (valid.targetDate ? ', targetDate = :date' : ''),
          ExpressionAttributeNames: { '#type': 'type', '#key': 'key', '#name': 'name' },
          ExpressionAttributeValues: {
            ':type': GOAL_TYPE,
            ':key': key,
            ':name': valid.name,
            ':target': valid.targetMinor,
            ':currency': valid.currency,
            ':zero': 0,
            ':now': now,
            ...(valid.targetDate ? { ':date': valid.targetDate } : {}),
          },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    const goal = this.parsed(() => goalFromItem(result.Attributes ?? {}));
    return { goal, created: existing === null };
  }

  async listGoals(userId: string): Promise<SavingsGoal[]> {
    const page = await this.call('read your goals', () =>
      this.options.doc.send(
        new QueryCommand({
          TableName: this.options.tableName,
          ConsistentRead: true,
          ...skPrefixCondition(userPk(userId), GOAL_PREFIX),
          // putGoal keeps the count at MAX_GOALS, so one page always holds them all.
          Limit: MAX_GOALS,
        }),
      ),
    );
    return (page.Items ?? [])
      .map((item) => this.parsed(() => goalFromItem(item)))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key));
  }

  async getGoal(userId: string, key: string): Promise<SavingsGoal | null> {
    const result = await this.call('read the goal', () =>
      this.options.doc.send(
        new GetCommand({
          TableName: this.options.tableName,
          Key: { PK: userPk(userId), SK: goalSk(key) },
          ConsistentRead: true,
        }),
      ),
    );
    return result.Item ? this.parsed(() => goalFromItem(result.Item!)) : null;
  }

  async contributeToGoal(userId: string, input: GoalContribution): Promise<ContributionResult | null> {
    const currency = normalizeCurrency(input.currency);
    const amountMinor = validateAmountMinor(input.amountMinor, currency);
    const pk = userPk(userId);
    const now = this.now();
    const account = input.account === undefined ? undefined : accountKey(input.account);
    // Item 2 on: the account the money leaves. A named account must exist (its condition says so).
    const balance = account
      ? accountUpdates(this.options.tableName, pk, [{ account, currency, amountMinor: -amountMinor }], now)
          .items
      : [];
    const written = await this.transact('add to the goal', [
      {
        Put: {
          TableName: this.options.tableName,
          Item: {
            PK: pk,
            SK: contributionIdempotencySk(input.requestId),
            type: 'IDEMP',
            goalKey: input.goalKey,
            amountMinor,
            currency,
            ...(account ? { account } : {}),
            expiresAt: Math.floor(Date.now() / 1000) + IDEMPOTENCY_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(SK)',
        },
      },
      {
        Update: {
          TableName: this.options.tableName,
          Key: { PK: pk, SK: goalSk(input.goalKey) },
          UpdateExpression: `ADD savedMinor :amount${account ? ', #from :amount' : ''} SET updatedAt = :now`,
          ConditionExpression: 'attribute_exists(SK) AND currency = :currency',
          ...(account ? { ExpressionAttributeNames: { '#from': fromAttr(account) } } : {}),
          ExpressionAttributeValues: { ':amount': amountMinor, ':now': now, ':currency': currency },
        },
      },
      ...balance,
    ]);
    const goal = await this.getGoal(userId, input.goalKey);
    if (written === 'written') {
      if (!goal) return null;
      const reachedNow = await this.markReached(pk, goal, now);
      return { goal: reachedNow ? { ...goal, reachedAt: now } : goal, created: true, reachedNow };
    }
    if (written.index === 0) return goal ? { goal, created: false, reachedNow: false } : null;
    if (!goal) return null;
    if (written.index >= 2) {
      throw new AccountError(`You don't have an account called "${account ?? ''}". Nothing was saved.`);
    }
    throw new InvalidGoalError(
      `Your ${goal.name} goal is in ${goal.currency}, so I can only add ${goal.currency} to it.`,
    );
  }

  async undoGoalContribution(userId: string, requestId: string): Promise<UndoneContribution | null> {
    const pk = userPk(userId);
    const record = await this.call('read the contribution', () =>
      this.options.doc.send(
        new GetCommand({
          TableName: this.options.tableName,
          Key: { PK: pk, SK: contributionIdempotencySk(requestId) },
          ConsistentRead: true,
        }),
      ),
    );
    const parsed = contributionRecordSchema.safeParse(record.Item);
    if (!parsed.success || parsed.data.undoneAt) return null;
    const { goalKey: key, amountMinor, currency, account } = parsed.data;
    const now = this.now();
    // The money goes back to the account it left, in the same write as the goal's total.
    const balance = account
      ? accountUpdates(this.options.tableName, pk, [{ account, currency, amountMinor }], now).items
      : [];
    const written = await this.transact('take the money off the goal', [
      {
        Update: {
          TableName: this.options.tableName,
          Key: { PK: pk, SK: contributionIdempotencySk(requestId) },
          UpdateExpression: 'SET undoneAt = :now',
          ConditionExpression: 'attribute_exists(SK) AND attribute_not_exists(undoneAt)',
          ExpressionAttributeValues: { ':now': now },
        },
      },
      {
        Update: {
          TableName: this.options.tableName,
          Key: { PK: pk, SK: goalSk(key) },
          UpdateExpression: `ADD savedMinor :amount${account ? ', #from :amount' : ''} SET updatedAt = :now`,
          ConditionExpression: 'attribute_exists(SK)',
          ...(account ? { ExpressionAttributeNames: { '#from': fromAttr(account) } } : {}),
          ExpressionAttributeValues: { ':amount': -amountMinor, ':now': now },
        },
      },
      ...balance,
    ]);
    if (written !== 'written') return null;
    let goal = await this.getGoal(userId, key);
    if (!goal) return null;
    if (goal.reachedAt && goal.savedMinor < goal.targetMinor) {
      // Below the target again: reaching it later is news again. Only if still below when this lands.
      await this.options.doc
        .send(
          new UpdateCommand({
            TableName: this.options.tableName,
            Key: { PK: pk, SK: goalSk(key) },
            UpdateExpression: 'REMOVE reachedAt',
            ConditionExpression: 'attribute_exists(SK) AND savedMinor < targetMinor',
          }),
        )
        .catch(() => undefined);
      const { reachedAt: _was, ...rest } = goal;
      goal = rest;
    }
    return { goal, amountMinor, ...(account ? { account } : {}) };
  }

  async restoreGoal(userId: string, input: SavingsGoal): Promise<SavingsGoal> {
    const g = this.parsed(() => goalFromItem({ ...input }));
    const set = [
      '#type = :type',
      '#key = :key',
      '#name = :name',
      'targetMinor = :target',
      'currency = :currency',
      'savedMinor = if_not_exists(savedMinor, :saved)',
      'createdAt = :created',
      'updatedAt = :now',
      ...(g.targetDate ? ['targetDate = :date'] : []),
      ...(g.reachedAt ? ['reachedAt = :reached'] : []),
    ];
    const remove = [...(g.targetDate ? [] : ['targetDate']), ...(g.reachedAt ? [] : ['reachedAt'])];
    const result = await this.call('put the goal back', () =>
      this.options.doc.send(
        new UpdateCommand({
          TableName: this.options.tableName,
          Key: { PK: userPk(userId), SK: goalSk(g.key) },
          UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
          ExpressionAttributeNames: { '#type': 'type', '#key': 'key', '#name': 'name' },
          ExpressionAttributeValues: {
            ':type': GOAL_TYPE,
            ':key': g.key,
            ':name': g.name,
            ':target': g.targetMinor,
            ':currency': g.currency,
            ':saved': g.savedMinor,
            ':created': g.createdAt,
            ':now': this.now(),
            ...(g.targetDate ? { ':date': g.targetDate } : {}),
            ...(g.reachedAt ? { ':reached': g.reachedAt } : {}),
          },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return this.parsed(() => goalFromItem(result.Attributes ?? {}));
  }

  async deleteGoal(userId: string, key: string, returnTo?: string): Promise<RemovedGoal | null> {
    const pk = userPk(userId);
    // Read, then delete on the condition that nothing moved its money since: a contribution landing in
    // between makes the write fail, and the next round returns the new total.
    for (let attempt = 0; attempt < 5; attempt++) {
      const goal = await this.getGoal(userId, key);
      if (!goal) return null;
      const returned = moneyToReturn(goal, returnTo === undefined ? undefined : accountKey(returnTo));
      const written = await this.transact('remove the goal', [
        {
          Delete: {
            TableName: this.options.tableName,
            Key: { PK: pk, SK: goalSk(key) },
            ConditionExpression: 'savedMinor = :saved AND updatedAt = :updated',
            ExpressionAttributeValues: { ':saved': goal.savedMinor, ':updated': goal.updatedAt },
          },
        },
        ...this.balanceItems(pk, goal.currency, returned, 1),
      ]);
      if (written === 'written') return { goal, returned };
      if (written.index >= 1) {
        throw new AccountError(
          "One of the accounts this goal's money came from is gone. Nothing was removed.",
        );
      }
    }
    throw new StoreUnavailableError('Could not remove the goal: it kept changing. Try again in a moment.');
  }

  async restoreRemovedGoal(userId: string, removed: RemovedGoal): Promise<RestoredGoal> {
    const g = this.parsed(() => goalFromItem({ ...removed.goal }));
    const pk = userPk(userId);
    const now = this.now();
    const from = fromAccountsOf(removed.returned) ?? g.fromAccounts ?? {};
    const written = await this.transact('put the goal back', [
      {
        Put: {
          TableName: this.options.tableName,
          Item: {
            PK: pk,
            SK: goalSk(g.key),
            type: GOAL_TYPE,
            key: g.key,
            name: g.name,
            targetMinor: g.targetMinor,
            savedMinor: g.savedMinor,
            currency: g.currency,
            ...(g.targetDate ? { targetDate: g.targetDate } : {}),
            createdAt: g.createdAt,
            updatedAt: now,
            ...(g.reachedAt ? { reachedAt: g.reachedAt } : {}),
            ...Object.fromEntries(Object.entries(from).map(([account, minor]) => [fromAttr(account), minor])),
          },
          ConditionExpression: 'attribute_not_exists(SK)',
        },
      },
      ...this.balanceItems(pk, g.currency, removed.returned, -1),
    ]);
    if (written === 'written') {
      const goal = await this.getGoal(userId, g.key);
      if (goal) return { goal, tookBack: removed.returned.filter((r) => r.amountMinor > 0) };
    } else if (written.index >= 1) {
      throw new AccountError(
        "One of the accounts this goal's money came from is gone. Nothing was put back.",
      );
    }
    // Set again since under the same name: that goal stays as it is, and no money moves.
    return { goal: await this.restoreGoal(userId, removed.goal), tookBack: [] };
  }

  /** The account updates that move `returned` back (direction 1) or out again (-1), one per account. */
  private balanceItems(
    pk: string,
    currency: string,
    returned: readonly ReturnedMoney[],
    direction: 1 | -1,
  ): TransactItems {
    const deltas = returned
      .filter((r) => r.amountMinor > 0)
      .map((r) => ({ account: r.account, currency, amountMinor: direction * r.amountMinor }));
    return deltas.length ? accountUpdates(this.options.tableName, pk, deltas, this.now()).items : [];
  }

  /** Marks the goal reached once: only the contribution whose write flips it gets to say so. */
  private async markReached(pk: string, goal: SavingsGoal, now: string): Promise<boolean> {
    if (goal.savedMinor < goal.targetMinor || goal.reachedAt) return false;
    try {
      await this.options.doc.send(
        new UpdateCommand({
          TableName: this.options.tableName,
          Key: { PK: pk, SK: goalSk(goal.key) },
          UpdateExpression: 'SET reachedAt = :now',
          ConditionExpression:
            'attribute_exists(SK) AND attribute_not_exists(reachedAt) AND savedMinor >= targetMinor',
          ExpressionAttributeValues: { ':now': now },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return false;
      // The money is added by now; failing to mark the milestone must not read "couldn't save".
      return false;
    }
  }

  private async transact(action: string, items: TransactItems): Promise<'written' | { index: number }> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.doc.send(new TransactWriteCommand({ TransactItems: items }));
        return 'written';
      } catch (err) {
        const reasons =
          err instanceof Error && err.name === 'TransactionCanceledException'
            ? ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [])
            : null;
        const failed = reasons?.findIndex((r) => r.Code === 'ConditionalCheckFailed') ?? -1;
        if (failed >= 0) return { index: failed };
        const conflict = reasons?.some((r) => r.Code === 'TransactionConflict') ?? false;
        if (conflict && attempt < 10) {
          await new Promise((r) => setTimeout(r, Math.random() * 20 * 2 ** attempt));
          continue;
        }
        throw new StoreUnavailableError(`Could not ${action}: the database did not accept the write.`, {
          cause: err,
        });
      }
    }
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }

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
      throw new StoreUnavailableError('The ledger holds a goal it cannot read.', { cause: err });
    }
  }
}
