/**
 * The one way an Account or a Transfer comes to be: both stores (DynamoDB and in memory) build what they
 * keep with these, so a name, a currency or an amount is checked and normalised in one place.
 * Apart from accounts.ts because it needs the entry's amount and date checks (transactions.ts), which
 * themselves read account names.
 */
import {
  DEFAULT_ACCOUNT_KEY,
  DEFAULT_ACCOUNT_NAME,
  accountKey,
  newAccountSchema,
  validateAccountName,
  type Account,
  type NewAccount,
  type NewTransfer,
  type Transfer,
} from './accounts';
import { AccountError } from './errors';
import { normalizeCurrency } from './money';
import { validateAmountMinor, validateDate } from './transactions';

/** The account a request opens, its opening balance its first balance. Throws AccountError. */
export function newAccount(input: NewAccount, createdAt: string): Account {
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) throw new AccountError('That account could not be read. Nothing was saved.');
  const name = validateAccountName(parsed.data.name);
  const currency = normalizeCurrency(parsed.data.currency);
  return {
    key: accountKey(name),
    name,
    type: parsed.data.type,
    currency,
    openingMinor: parsed.data.openingMinor,
    balances: { [currency]: parsed.data.openingMinor },
    createdAt,
  };
}

/**
 * An account a balance change opens by itself: the default one on its first entry (a named account
 * must exist first, and a reversal of one that is gone puts it back under its key). No opening balance.
 */
export function accountOpenedByChange(key: string, currency: string, createdAt: string): Account {
  return {
    key,
    name: key === DEFAULT_ACCOUNT_KEY ? DEFAULT_ACCOUNT_NAME : key,
    type: 'checking',
    currency,
    openingMinor: 0,
    balances: {},
    createdAt,
  };
}

/** A transfer between two of the person's accounts. Throws a LedgerError for a bad amount, date or pair. */
export function newTransfer(input: NewTransfer, id: string, createdAt: string): Transfer {
  const currency = normalizeCurrency(input.currency);
  const amountMinor = validateAmountMinor(input.amountMinor, currency);
  const from = accountKey(input.from);
  const to = accountKey(input.to);
  if (from === to) throw new AccountError('Those are the same account, so there is nothing to move.');
  return { id, from, to, amountMinor, currency, date: validateDate(input.date), createdAt };
}
