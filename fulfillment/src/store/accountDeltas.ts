/**
 * The balance changes an entry makes (issue 12 point 1), shared by both stores: its own account moves
 * by the amount (income up, spending down) and, for income with a jar split, each jar's share moves
 * from that account into the jar. Entries from before accounts (no `account`) move nothing.
 */
import { DEFAULT_ACCOUNT_KEY, jarShares } from '../domain/ledger/accounts';
import type { Transaction } from '../domain/ledger';

export interface AccountDelta {
  account: string;
  currency: string;
  /** Signed minor units. */
  amountMinor: number;
}

export function accountDeltas(txn: Transaction, direction: 1 | -1): AccountDelta[] {
  if (txn.account === undefined) return [];
  const sign = txn.kind === 'income' ? 1 : -1;
  const byAccount = new Map<string, number>();
  const add = (account: string, minor: number) =>
    byAccount.set(account, (byAccount.get(account) ?? 0) + minor);
  add(txn.account, sign * txn.amountMinor);
  if (txn.kind === 'income' && txn.jars) {
    for (const share of jarShares(txn.amountMinor, txn.jars)) {
      add(txn.account, -share.minor);
      add(share.account, share.minor);
    }
  }
  return [...byAccount.entries()].map(([account, minor]) => ({
    account,
    currency: txn.currency,
    amountMinor: direction * minor,
  }));
}

/** Sums deltas per account and currency, zeros dropped: a TransactWriteItems touches each item once. */
export function mergeAccountDeltas(deltas: readonly AccountDelta[]): AccountDelta[] {
  const merged = new Map<string, AccountDelta>();
  for (const d of deltas) {
    const id = `${d.account}\u0000${d.currency}`;
    const was = merged.get(id);
    merged.set(id, { ...d, amountMinor: (was?.amountMinor ?? 0) + d.amountMinor });
  }
  return [...merged.values()].filter((d) => d.amountMinor !== 0);
}

export const isDefaultAccount = (key: string): boolean => key === DEFAULT_ACCOUNT_KEY;
