/**
 * Accounts, transfers and jars in process memory: the same behaviour as DynamoAccountStore (the same
 * contract suite). The in-memory ledger moves balances through `applyBalances` as part of each entry's
 * write, as DynamoDB does in the entry's own transaction.
 */
import { randomUUID } from 'node:crypto';
import {
  MAX_ACCOUNTS,
  type Account,
  type NewAccount,
  type NewTransfer,
  type Transfer,
} from '../domain/ledger/accounts';
import { accountOpenedByChange, newAccount, newTransfer } from '../domain/ledger/accountRecords';
import { AccountError } from '../domain/ledger/errors';
import type { Clock } from '../ports/Clock';
import type { AccountRepository } from '../ports/AccountRepository';
import { isDefaultAccount, type AccountDelta } from './accountDeltas';
import { assertUserId } from './totals';

interface UserAccounts {
  accounts: Map<string, Account>;
  transfers: Map<string, Transfer>;
  /** requestId → the transfer first made with it. */
  transferRequests: Map<string, Transfer>;
}

const copy = <T>(value: T): T => structuredClone(value);

export class InMemoryAccountStore implements AccountRepository {
  private readonly users = new Map<string, UserAccounts>();

  constructor(
    private readonly clock: Clock,
    private readonly newId: () => string = randomUUID,
  ) {}

  private user(userId: string): UserAccounts {
    const id = assertUserId(userId);
    let data = this.users.get(id);
    if (!data) {
      data = { accounts: new Map(), transfers: new Map(), transferRequests: new Map() };
      this.users.set(id, data);
    }
    return data;
  }

  async addAccount(userId: string, input: NewAccount): Promise<{ account: Account; created: boolean }> {
    const account = newAccount(input, this.clock.now().toISOString());
    const data = this.user(userId);
    const same = data.accounts.get(account.key);
    if (same) {
      // The default account, opened by an entry before its balance was said: the opening joins it.
      if (isDefaultAccount(account.key) && same.openingMinor === 0 && account.openingMinor !== 0) {
        same.openingMinor = account.openingMinor;
        same.balances[account.currency] = (same.balances[account.currency] ?? 0) + account.openingMinor;
        return { account: copy(same), created: true };
      }
      return { account: copy(same), created: false };
    }
    if (data.accounts.size >= MAX_ACCOUNTS)
      throw new AccountError(`You can keep up to ${MAX_ACCOUNTS} accounts.`);
    data.accounts.set(account.key, account);
    return { account: copy(account), created: true };
  }

  async listAccounts(userId: string): Promise<Account[]> {
    const accounts = [...(this.users.get(assertUserId(userId))?.accounts.values() ?? [])];
    return accounts
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key))
      .map(copy);
  }

  async transfer(userId: string, input: NewTransfer): Promise<{ transfer: Transfer; created: boolean }> {
    const now = this.clock.now().toISOString();
    const transfer = newTransfer(input, this.newId(), now);
    const data = this.user(userId);
    const seen = data.transferRequests.get(input.requestId);
    if (seen) return { transfer: copy(seen), created: false };
    this.applyBalances(
      userId,
      [
        { account: transfer.from, currency: transfer.currency, amountMinor: -transfer.amountMinor },
        { account: transfer.to, currency: transfer.currency, amountMinor: transfer.amountMinor },
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
      userId,
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
  applyBalances(userId: string, deltas: readonly AccountDelta[], now: string, check: boolean): void {
    const accounts = this.user(userId).accounts;
    if (check) {
      const missing = deltas.find((d) => !isDefaultAccount(d.account) && !accounts.has(d.account));
      if (missing)
        throw new AccountError(`You don't have an account called "${missing.account}". Nothing was saved.`);
    }
    for (const d of deltas) {
      let account = accounts.get(d.account);
      if (!account) {
        account = accountOpenedByChange(d.account, d.currency, now);
        accounts.set(d.account, account);
      }
      account.balances[d.currency] = (account.balances[d.currency] ?? 0) + d.amountMinor;
    }
  }
}
