/**
 * Accounts, transfers and jars' persistence (issue 12 point 1). Part of the ledger's port
 * (LedgerRepository extends it): an entry's balance change is written by logTransaction,
 * deleteTransaction and editTransaction in the entry's own transaction; these methods do the rest.
 * Every method takes the user id first and touches only that user's data.
 */
import type { Account, NewAccount, NewTransfer, Transfer } from '../domain/ledger/accounts';

export type { Account, NewAccount, NewTransfer, Transfer } from '../domain/ledger/accounts';

export interface AccountRepository {
  /**
   * Opens the account named so (its key is the name in lower case) with its opening balance. When one
   * with that key exists, nothing changes and it comes back with `created: false`. The default account
   * may already exist without an opening balance (created by the first entry): then the opening is added.
   */
  addAccount(userId: string, account: NewAccount): Promise<{ account: Account; created: boolean }>;
  /** Every account of the user with its balances: one Query on the user's `ACCT#` keys. */
  listAccounts(userId: string): Promise<Account[]>;
  /**
   * Moves money between two accounts: the transfer record, its idempotency key and both balances in one
   * atomic write. The same request id twice moves it once (the first transfer comes back, created
   * false). Throws AccountError when either account does not exist (the default one always does).
   */
  transfer(userId: string, transfer: NewTransfer): Promise<{ transfer: Transfer; created: boolean }>;
  /** Takes a transfer back (both balances, atomically); null when it is already gone. */
  deleteTransfer(userId: string, transferId: string): Promise<Transfer | null>;
}
