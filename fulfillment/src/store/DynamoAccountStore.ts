/**
 * Accounts, transfers and jars on the ledger's table (issue 12 point 1), under the user's partition:
 *
 *   USER#<id>  ACCT#<account key>     an account: name, type, currency, opening balance, and its running
 *                                     balance per currency (`bal#<currency>`, the rollup of every entry,
 *                                     transfer and jar fill that touched it)
 *   USER#<id>  XFER#<transferId>      a transfer between two accounts
 *   USER#<id>  IDEMP#xfer:<requestId> a transfer already made (expires after 7 days)
 *
 * An entry's balance change is one more Update in the entry's own TransactWriteItems (accountUpdates
 * below, used by DynamoLedgerRepository); a transfer's two balance changes, its record and its
 * idempotency key are one TransactWriteItems. Balances are one Query on `ACCT#`: no scan, nothing that
 * grows with the history.
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import {
  DEFAULT_ACCOUNT_NAME,
  MAX_ACCOUNTS,
  accountTypeSchema,
  transferSchema,
  type Account,
  type NewAccount,
  type NewTransfer,
  type Transfer,
} from '../domain/ledger/accounts';
import { newAccount, newTransfer } from '../domain/ledger/accountRecords';
import { AccountError, LedgerError } from '../domain/ledger/errors';
import type { Clock } from '../ports/Clock';
import type { AccountRepository } from '../ports/AccountRepository';
import { StoreUnavailableError } from '../ports/LedgerRepository';
import { idempotencySk, skPrefixCondition, userPk } from './keys';
import { isDefaultAccount, type AccountDelta } from './accountDeltas';

export const ACCOUNT_PREFIX = 'ACCT#';
export const accountSk = (key: string): string => `${ACCOUNT_PREFIX}${key}`;
export const TRANSFER_PREFIX = 'XFER#';
export const transferSk = (id: string): string => `${TRANSFER_PREFIX}${id}`;
const transferIdempotencySk = (requestId: string): string => idempotencySk(`xfer:${requestId}`);
/** Balance attributes, one per currency, top-level so `ADD` creates them on first use. */
export const BALANCE_ATTR_PREFIX = 'bal#';

const ACCOUNT_TYPE = 'ACCT';
const TRANSFER_TYPE = 'XFER';
const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 60 * 60;

const accountItemSchema = z.looseObject({
  key: z.string().min(1),
  name: z.string().min(1),
  accountType: accountTypeSchema,
  currency: z.string(),
  openingMinor: z.number().int().default(0),
  createdAt: z.string(),
});

export function accountFromItem(item: Record<string, unknown>): Account {
  const a = accountItemSchema.parse(item);
  const balances: Record<string, number> = {};
  for (const [attr, value] of Object.entries(item)) {
    if (attr.startsWith(BALANCE_ATTR_PREFIX) && typeof value === 'number')
      balances[attr.slice(BALANCE_ATTR_PREFIX.length)] = value;
  }
  return {
    key: a.key,
    name: a.name,
    type: a.accountType,
    currency: a.currency,
    openingMinor: a.openingMinor,
    balances,
    createdAt: a.createdAt,
  };
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * One Update per account for these balance changes. The default account is created by its first
 * change (every `SET` keeps what is there); any other account must exist, or the condition fails and
 * the whole write with it — `failsWhenMissing` says which items carry that condition.
 */
export function accountUpdates(
  table: string,
  pk: string,
  deltas: readonly AccountDelta[],
  now: string,
): { items: TransactItem[]; accounts: string[] } {
  const byAccount = new Map<string, AccountDelta[]>();
  for (const d of deltas) byAccount.set(d.account, [...(byAccount.get(d.account) ?? []), d]);
  const items: TransactItem[] = [];
  const accounts: string[] = [];
  for (const [account, list] of byAccount) {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const adds = list.map((d, i) => {
      names[`#b${i}`] = `${BALANCE_ATTR_PREFIX}${d.currency}`;
      values[`:b${i}`] = d.amountMinor;
      return `#b${i} :b${i}`;
    });
    let set = '';
    let condition: string | undefined;
    if (isDefaultAccount(account)) {
      Object.assign(names, { '#type': 'type', '#key': 'key', '#name': 'name' });
      Object.assign(values, {
        ':type': ACCOUNT_TYPE,
        ':key': account,
        ':name': DEFAULT_ACCOUNT_NAME,
        ':atype': 'checking',
        ':currency': list[0]!.currency,
        ':zero': 0,
        ':now': now,
      });
      set =
        'SET #type = :type, #key = if_not_exists(#key, :key), #name = if_not_exists(#name, :name), ' +
        'accountType = if_not_exists(accountType, :atype), currency = if_not_exists(currency, :currency), ' +
        'openingMinor = if_not_exists(openingMinor, :zero), createdAt = if_not_exists(createdAt, :now) ';
    } else {
      condition = 'attribute_exists(PK)';
    }
    items.push({
      Update: {
        TableName: table,
        Key: { PK: pk, SK: accountSk(account) },
        UpdateExpression: `${set}ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ...(condition ? { ConditionExpression: condition } : {}),
      },
    });
    accounts.push(account);
  }
  return { items, accounts };
}

const cancellationCodes = (err: unknown): (string | undefined)[] | null => {
  if (!(err instanceof Error) || err.name !== 'TransactionCanceledException') return null;
  return ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map(
    (r) => r.Code,
  );
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface DynamoAccountStoreOptions {
  doc: DynamoDBDocumentClient;
  tableName: string;
  clock: Clock;
  newId: () => string;
}

export class DynamoAccountStore implements AccountRepository {
  constructor(private readonly options: DynamoAccountStoreOptions) {}

  async addAccount(userId: string, input: NewAccount): Promise<{ account: Account; created: boolean }> {
    const now = this.options.clock.now().toISOString();
    const account = newAccount(input, now);
    const { key, name, currency } = account;
    const pk = userPk(userId);
    const existing = await this.listAccounts(userId);
    const same = existing.find((a) => a.key === key);
    if (same && !(isDefaultAccount(key) && same.openingMinor === 0 && account.openingMinor !== 0))
      return { account: same, created: false };
    if (!same && existing.length >= MAX_ACCOUNTS)
      throw new AccountError(`You can keep up to ${MAX_ACCOUNTS} accounts.`);
    const balanceAttr = `${BALANCE_ATTR_PREFIX}${currency}`;
    if (same) {
      // The default account, opened by an entry before its balance was said: the opening joins it.
      await this.call('open the account', () =>
        this.options.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.options.tableName,
                  Key: { PK: pk, SK: accountSk(key) },
                  UpdateExpression: 'SET openingMinor = :opening ADD #bal :opening',
                  ConditionExpression: 'openingMinor = :zero',
                  ExpressionAttributeNames: { '#bal': balanceAttr },
                  ExpressionAttributeValues: { ':opening': account.openingMinor, ':zero': 0 },
                },
              },
            ],
          }),
        ),
      ).catch((err: unknown) => {
        if (cancellationCodes(err)?.includes('ConditionalCheckFailed')) return;
        throw err;
      });
      const opened = await this.getAccount(pk, key);
      if (!opened) throw new StoreUnavailableError('Could not read the account just opened.');
      return { account: opened, created: true };
    }
    try {
      await this.options.doc.send(
        new PutCommand({
          TableName: this.options.tableName,
          Item: {
            PK: pk,
            SK: accountSk(key),
            type: ACCOUNT_TYPE,
            key,
            name,
            accountType: account.type,
            currency,
            openingMinor: account.openingMinor,
            createdAt: now,
            [balanceAttr]: account.openingMinor,
          },
          // Two turns opening the same account at once: the second finds the first.
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (err) {
      if (err instanceof Error && err.name === 'ConditionalCheckFailedException') {
        const first = await this.getAccount(pk, key);
        if (first) return { account: first, created: false };
      }
      throw new StoreUnavailableError('Could not open the account: the database is unavailable.', {
        cause: err,
      });
    }
    return { account, created: true };
  }

  async listAccounts(userId: string): Promise<Account[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.call('read your accounts', () =>
        this.options.doc.send(
          new QueryCommand({
            TableName: this.options.tableName,
            ...skPrefixCondition(userPk(userId), ACCOUNT_PREFIX),
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items
      .map((item) => this.parsed(() => accountFromItem(item)))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key));
  }

  async transfer(userId: string, input: NewTransfer): Promise<{ transfer: Transfer; created: boolean }> {
    const now = this.options.clock.now().toISOString();
    const transfer = newTransfer(input, this.options.newId(), now);
    const { from, to, amountMinor, currency } = transfer;
    const pk = userPk(userId);
    const balances = accountUpdates(
      this.options.tableName,
      pk,
      [
        { account: from, currency, amountMinor: -amountMinor },
        { account: to, currency, amountMinor },
      ],
      now,
    );
    const request: TransactWriteCommandInput = {
      TransactItems: [
        {
          Put: {
            TableName: this.options.tableName,
            Item: {
              PK: pk,
              SK: transferIdempotencySk(input.requestId),
              type: 'IDEMP',
              transfer,
              expiresAt: Math.floor(Date.now() / 1000) + IDEMPOTENCY_TTL_SECONDS,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Put: {
            TableName: this.options.tableName,
            Item: { PK: pk, SK: transferSk(transfer.id), type: TRANSFER_TYPE, ...transfer },
          },
        },
        ...balances.items,
      ],
    };
    const failed = await this.transact('move the money', request);
    if (failed === null) return { transfer, created: true };
    if (failed === 0) {
      const seen = await this.get(pk, transferIdempotencySk(input.requestId));
      const first = this.parsed(() =>
        transferSchema.parse(z.object({ transfer: z.unknown() }).parse(seen).transfer),
      );
      return { transfer: first, created: false };
    }
    throw new AccountError(`You don't have an account called "${balances.accounts[failed - 2] ?? ''}".`);
  }

  async deleteTransfer(userId: string, transferId: string): Promise<Transfer | null> {
    const pk = userPk(userId);
    const item = await this.get(pk, transferSk(transferId));
    if (!item) return null;
    const transfer = this.parsed(() => transferSchema.parse(item));
    const now = this.options.clock.now().toISOString();
    const balances = accountUpdates(
      this.options.tableName,
      pk,
      [
        { account: transfer.from, currency: transfer.currency, amountMinor: transfer.amountMinor },
        { account: transfer.to, currency: transfer.currency, amountMinor: -transfer.amountMinor },
      ],
      now,
    );
    const failed = await this.transact('take the transfer back', {
      TransactItems: [
        {
          Delete: {
            TableName: this.options.tableName,
            Key: { PK: pk, SK: transferSk(transferId) },
            ConditionExpression: 'attribute_exists(PK)',
          },
        },
        ...balances.items,
      ],
    });
    return failed === null ? transfer : null;
  }

  private async getAccount(pk: string, key: string): Promise<Account | null> {
    const item = await this.get(pk, accountSk(key));
    return item ? this.parsed(() => accountFromItem(item)) : null;
  }

  private async get(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
    const result = await this.call('read your accounts', () =>
      this.options.doc.send(
        new GetCommand({ TableName: this.options.tableName, Key: { PK: pk, SK: sk }, ConsistentRead: true }),
      ),
    );
    return result.Item;
  }

  /** null when written; otherwise the index of the item whose condition failed. Conflicts are retried. */
  private async transact(action: string, input: TransactWriteCommandInput): Promise<number | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.doc.send(new TransactWriteCommand(input));
        return null;
      } catch (err) {
        const codes = cancellationCodes(err);
        const failed = codes?.findIndex((c) => c === 'ConditionalCheckFailed') ?? -1;
        if (failed >= 0) return failed;
        const conflict =
          (codes?.includes('TransactionConflict') ?? false) ||
          (err instanceof Error && err.name === 'TransactionConflictException');
        if (conflict && attempt < 25) {
          await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
          continue;
        }
        throw new StoreUnavailableError(`Could not ${action}: the database did not accept the write.`, {
          cause: err,
        });
      }
    }
  }

  private async call<T>(action: string, op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      if (err instanceof StoreUnavailableError || err instanceof LedgerError) throw err;
      if (cancellationCodes(err)) throw err;
      throw new StoreUnavailableError(`Could not ${action}: the database is unavailable.`, { cause: err });
    }
  }

  private parsed<T>(read: () => T): T {
    try {
      return read();
    } catch (err) {
      throw new StoreUnavailableError('The ledger holds an account item it cannot read.', { cause: err });
    }
  }
}
