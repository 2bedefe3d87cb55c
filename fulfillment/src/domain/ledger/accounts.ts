/**
 * Accounts, transfers and money jars (issue 12 point 1). An account has a name, a type, the user's
 * currency and an opening balance; its balance is kept as a running total beside it, changed in the same
 * database transaction as every entry, transfer or jar fill that touches it.
 *
 * Balances are signed amounts of money the person has: a credit card's balance is negative while money
 * is owed on it (spending on the card lowers it, so what is owed grows). Replies say "you owe" for it.
 *
 * Jars (the PFM app's six money jars) are accounts of type `jar`. Income logged while a jar split is set
 * fills them as transfers: the receiving account keeps what the split leaves over (the rounding) and
 * each jar gets its share, all in the entry's own write. The entry keeps the split it was filled with,
 * so deleting or changing it reverses exactly what it did.
 */
import { z } from 'zod';
import { AccountError } from './errors';
import { minorUnitsSchema } from './money';

export const ACCOUNT_TYPES = ['cash', 'checking', 'savings', 'credit', 'jar'] as const;
export const accountTypeSchema = z.enum(ACCOUNT_TYPES);
export type AccountType = z.infer<typeof accountTypeSchema>;

/** Entries with no account (people who never name one, and entries from before accounts) belong here. */
export const DEFAULT_ACCOUNT_KEY = 'main';
export const DEFAULT_ACCOUNT_NAME = 'Main account';
export const MAX_ACCOUNTS = 30;
const MAX_ACCOUNT_NAME = 40;

export const accountSchema = z.object({
  key: z.string(),
  name: z.string(),
  type: accountTypeSchema,
  currency: z.string(),
  openingMinor: z.number().int(),
  /** Signed balance per currency (opening included): what the person has, negative when owed. */
  balances: z.record(z.string(), z.number()),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const newAccountSchema = z.object({
  name: z.string().min(1).max(MAX_ACCOUNT_NAME),
  type: accountTypeSchema,
  currency: z.string(),
  /** Signed: a credit card opened with 300 owed is -30000. */
  openingMinor: z.number().int(),
});
export type NewAccount = z.infer<typeof newAccountSchema>;

/** One jar and its share of each income, in whole percent. */
export const jarShareSchema = z.object({ account: z.string(), percent: z.number().int().min(0).max(100) });
export type JarShare = z.infer<typeof jarShareSchema>;
export const jarSplitSchema = z.array(jarShareSchema).min(1).max(10);

/** The PFM app's six jars, in the order a split such as 55/10/10/10/10/5 names them. */
export const JAR_NAMES = [
  'Necessities',
  'Financial freedom',
  'Education',
  'Long-term savings',
  'Play',
  'Give',
] as const;
export const STANDARD_JAR_SPLIT = [55, 10, 10, 10, 10, 5] as const;

export const transferSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  amountMinor: minorUnitsSchema,
  currency: z.string(),
  date: z.string(),
  createdAt: z.string(),
});
export type Transfer = z.infer<typeof transferSchema>;

export interface NewTransfer {
  from: string;
  to: string;
  amountMinor: number;
  currency: string;
  /** User-local date, YYYY-MM-DD. */
  date: string;
  requestId: string;
}

/** The key of an account name: lower case, single spaces ("My  Visa" → "my visa"). */
export function accountKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function validateAccountName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '' || trimmed.length > MAX_ACCOUNT_NAME) {
    throw new AccountError(`An account name needs 1 to ${MAX_ACCOUNT_NAME} characters.`);
  }
  if (accountKey(trimmed).includes('#')) throw new AccountError('An account name cannot contain "#".');
  return trimmed;
}

/** The type an account's name says ("visa" is a credit card, "wallet" cash); checking otherwise. */
export function accountTypeOfName(name: string): AccountType {
  const key = accountKey(name);
  if (JAR_NAMES.some((j) => accountKey(j) === key) || /\bjar\b/.test(key)) return 'jar';
  if (/\b(visa|mastercard|master card|amex|american express|credit|card|discover)\b/.test(key))
    return 'credit';
  if (/\b(cash|wallet|pocket)\b/.test(key)) return 'cash';
  if (/\bsavings?\b/.test(key)) return 'savings';
  return 'checking';
}

/**
 * Whether the person keeps accounts. Someone who never opened one has at most the default account
 * their entries opened, with no opening balance: its "balance" is only minus what they spent.
 */
export const keepsAccounts = (accounts: readonly Account[]): boolean =>
  !accounts.every((a) => a.key === DEFAULT_ACCOUNT_KEY && a.openingMinor === 0);

/** The balance in the account's own currency. */
export const balanceOf = (account: Account): number => account.balances[account.currency] ?? 0;

/** The account a name means among the person's: by key, then ignoring "account"/"card"/"jar" words. */
export function findAccount(accounts: readonly Account[], said: string): Account | null {
  const key = accountKey(said).replace(/^(?:my|the|our)\s+/, '');
  const bare = (k: string) =>
    k
      .replace(/\b(?:account|acct|card|jar|wallet)\b/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return (
    accounts.find((a) => a.key === key) ??
    accounts.find((a) => bare(a.key) !== '' && bare(a.key) === bare(key)) ??
    null
  );
}

/**
 * Each jar's share of an income of `amountMinor`: whole minor units, rounded down, so the shares never
 * exceed the income; what rounding leaves stays in the receiving account.
 */
export function jarShares(
  amountMinor: number,
  split: readonly JarShare[],
): { account: string; minor: number }[] {
  return split
    .map((s) => ({ account: s.account, minor: Math.floor((amountMinor * s.percent) / 100) }))
    .filter((s) => s.minor > 0);
}

/** "55/10/10/10/10/5" → six whole percentages that add up to 100, or a sentence saying what is wrong. */
export function parseJarPercentages(
  text: string,
): { ok: true; percents: number[] } | { ok: false; problem: string } {
  const parts = text
    .split(/[\s/,-]+/)
    .filter(Boolean)
    .map((p) => Number(p.replace(/%$/, '')));
  if (parts.length !== JAR_NAMES.length || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 100)) {
    return {
      ok: false,
      problem: `A jar split is six whole percentages, one for each jar (${JAR_NAMES.join(', ')}), like 55/10/10/10/10/5.`,
    };
  }
  const total = parts.reduce((a, b) => a + b, 0);
  if (total !== 100) return { ok: false, problem: `Those add up to ${total}%, not 100%.` };
  return { ok: true, percents: parts };
}
