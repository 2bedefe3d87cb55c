/**
 * Recurring rules on the single table (issue 12 point 2). A rule is one item in its owner's partition
 * (`RULE#<id>`). An active rule also carries the due-index keys — `dueShard` and `dueDay` — so the
 * sparse global secondary index (table.ts DUE_INDEX) holds exactly the rules that will post, keyed by
 * their next due day; pausing removes the keys. The scheduled job asks the index "due on or before
 * day D" with one Query per shard, whatever the number of users or rules.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../ports/Clock';
import type { RecurringRuleStore } from '../ports/RecurringRuleStore';
import { StoreUnavailableError } from '../ports/LedgerRepository';
import { LedgerError } from '../domain/ledger/errors';
import {
  isScheduled,
  newRecurringRule,
  parseNewRecurringRule,
  recurringRuleSchema,
} from '../domain/recurring/rules';
import type {
  DueRecurringRule,
  NewRecurringRule,
  RecurringRule,
  RecurringStatus,
} from '../domain/recurring/rules';
import { DUE_INDEX } from './table';
import { RULE_PREFIX, dueShardOf, DUE_SHARDS, ruleSk, skPrefixCondition, userIdOfPk, userPk } from './keys';

const RULE_TYPE = 'RULE';

export class DynamoRecurringRules implements RecurringRuleStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: Clock,
  ) {}

  async addRecurringRule(userId: string, input: NewRecurringRule): Promise<RecurringRule> {
    const valid = parseNewRecurringRule(input);
    const rule = newRecurringRule(valid, this.clock.now().toISOString());
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: this.item(userId, rule),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return rule;
    } catch (err) {
      if (!(err instanceof Error && err.name === 'ConditionalCheckFailedException'))
        throw this.fault('save the recurring payment', err);
    }
    const first = await this.getRecurringRule(userId, rule.id);
    if (!first)
      throw new StoreUnavailableError('Could not save the recurring payment: it vanished meanwhile.');
    return first;
  }

  async getRecurringRule(userId: string, ruleId: string): Promise<RecurringRule | null> {
    const result = await this.call('read the recurring payment', () =>
      this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { PK: userPk(userId), SK: ruleSk(ruleId) },
          ConsistentRead: true,
        }),
      ),
    );
    return result.Item ? this.parse(result.Item) : null;
  }

  async listRecurringRules(userId: string): Promise<RecurringRule[]> {
    const rules: RecurringRule[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.call('read the recurring payments', () =>
        this.doc.send(
          new QueryCommand({
            TableName: this.table,
            ConsistentRead: true,
            ...skPrefixCondition(userPk(userId), RULE_PREFIX),
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      rules.push(...(page.Items ?? []).map((item) => this.parse(item)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return rules.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async setRecurringRuleStatus(
    userId: string,
    ruleId: string,
    status: RecurringStatus,
    nextDue: string | null,
  ): Promise<RecurringRule | null> {
    const indexed = isScheduled({ status, nextDue });
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: userPk(userId), SK: ruleSk(ruleId) },
          ConditionExpression: 'attribute_exists(PK)',
          UpdateExpression: indexed
            ? 'SET #status = :status, nextDue = :next, dueDay = :next, dueShard = :shard, updatedAt = :now'
            : 'SET #status = :status, nextDue = :next, updatedAt = :now REMOVE dueDay, dueShard',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': status,
            ':next': nextDue,
            ':now': this.clock.now().toISOString(),
            ...(indexed ? { ':shard': dueShardOf(userId) } : {}),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes ? this.parse(result.Attributes) : null;
    } catch (err) {
      if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return null;
      throw this.fault('change the recurring payment', err);
    }
  }

  async restoreRecurringRule(userId: string, input: RecurringRule): Promise<RecurringRule> {
    const rule = this.parse({ ...input });
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: this.item(userId, { ...rule, updatedAt: this.clock.now().toISOString() }),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (err) {
      if (!(err instanceof Error && err.name === 'ConditionalCheckFailedException'))
        throw this.fault('put the recurring payment back', err);
    }
    return (await this.getRecurringRule(userId, rule.id)) ?? rule;
  }

  async deleteRecurringRule(userId: string, ruleId: string): Promise<RecurringRule | null> {
    const result = await this.call('remove the recurring payment', () =>
      this.doc.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { PK: userPk(userId), SK: ruleSk(ruleId) },
          ReturnValues: 'ALL_OLD',
        }),
      ),
    );
    return result.Attributes ? this.parse(result.Attributes) : null;
  }

  async advanceRecurringRule(
    userId: string,
    ruleId: string,
    from: string,
    to: string | null,
  ): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: userPk(userId), SK: ruleSk(ruleId) },
          // Only the run that read `from` moves it on: a second job, a pause or a delete wins instead.
          ConditionExpression: '#status = :active AND nextDue = :from',
          UpdateExpression:
            to === null
              ? 'SET nextDue = :to, updatedAt = :now REMOVE dueDay, dueShard'
              : 'SET nextDue = :to, dueDay = :to, updatedAt = :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':active': 'active',
            ':from': from,
            ':to': to,
            ':now': this.clock.now().toISOString(),
          },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return false;
      throw this.fault('move the recurring payment on', err);
    }
  }

  async listDueRecurringRules(day: string): Promise<DueRecurringRule[]> {
    const due: DueRecurringRule[] = [];
    for (let shard = 0; shard < DUE_SHARDS; shard++) {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await this.call('find the payments due', () =>
          this.doc.send(
            new QueryCommand({
              TableName: this.table,
              IndexName: DUE_INDEX,
              KeyConditionExpression: 'dueShard = :shard AND dueDay <= :day',
              ExpressionAttributeValues: { ':shard': `DUE#${shard}`, ':day': day },
              ExclusiveStartKey: startKey,
            }),
          ),
        );
        for (const item of page.Items ?? []) {
          const userId = typeof item.PK === 'string' ? userIdOfPk(item.PK) : null;
          if (userId) due.push({ userId, rule: this.parse(item) });
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    }
    return due.sort((a, b) => (a.rule.nextDue ?? '').localeCompare(b.rule.nextDue ?? ''));
  }

  private item(userId: string, rule: RecurringRule): Record<string, unknown> {
    const indexed = isScheduled(rule);
    return {
      PK: userPk(userId),
      SK: ruleSk(rule.id),
      type: RULE_TYPE,
      ...rule,
      ...(indexed ? { dueShard: dueShardOf(userId), dueDay: rule.nextDue } : {}),
    };
  }

  private parse(item: Record<string, unknown>): RecurringRule {
    const parsed = recurringRuleSchema.safeParse(item);
    if (!parsed.success)
      throw new StoreUnavailableError('The ledger holds a recurring payment it cannot read.', {
        cause: parsed.error,
      });
    const {
      id,
      name,
      kind,
      amountMinor,
      currency,
      category,
      recurrence,
      status,
      nextDue,
      createdAt,
      updatedAt,
    } = parsed.data;
    return {
      id,
      name,
      kind,
      amountMinor,
      currency,
      category,
      recurrence,
      status,
      nextDue,
      createdAt,
      updatedAt,
    };
  }

  private async call<T>(action: string, op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw this.fault(action, err);
    }
  }

  private fault(action: string, err: unknown): Error {
    if (err instanceof StoreUnavailableError || err instanceof LedgerError) return err;
    return new StoreUnavailableError(`Could not ${action}: the database is unavailable.`, { cause: err });
  }
}
