/**
 * What a bank row means for the budget. Paying off a credit card and moving money between one's own
 * accounts are not spending or income: counting them would count the same purchase twice (once on the
 * card, once when the card is paid) or inflate both sides. Refunds and returns are income in the Refund
 * category (see docs/import-export.md). Categories come from the same words the chat's Category slot
 * knows (`categoryInText`, the bot's slot-type synonyms plus the user's own categories).
 */
import type { TransactionKind, UserProfile } from '../domain/ledger';
import { canonicalCategory, ownCategories } from '../domain/ledger/categories';
import { categoryInText } from '../intents/support/categoryWords';

export type RowMeaning = { kind: 'skip'; reason: string } | { kind: TransactionKind; category: string };

const CARD_PAYMENT =
  /\b(payment[\s,-]*(thank\s*you|received|-\s*thank)|thank you for your payment|auto\s*-?\s*pay|automatic payment|credit (card|crd) (bill )?(payment|pmt)|e-?payment|online pmt|directpay|payment to (chase|amex|american express|citi|discover|capital one|barclaycard|visa|mastercard|credit card)\b|card (bill|balance) payment)/i;
const TRANSFER =
  /(\b(transfer|xfer|trf|tfr)\b.*\b(savings?|checking|chk|sav|own account|my account|isa|between accounts|pot)\b|\b(savings?|checking|own account)\b.*\b(transfer|xfer)\b|\binternal transfer\b|\bumbuchung\b|\bübertrag\b|\bvirement interne\b)/i;
const REFUND =
  /\b(refund|refunded|return|returned|reversal|chargeback|rebate|cash\s*back|credit adjustment)\b/i;

const SKIP_TYPES = new Map<string, string>([
  ['payment', 'card payment'],
  ['acct xfer', 'transfer'],
  ['transfer', 'transfer'],
  ['internal transfer', 'transfer'],
]);

export const CARD_PAYMENT_REASON = 'Skipped: paying off a card moves your own money; it is not spending.';
export const TRANSFER_REASON = 'Skipped: a transfer between your own accounts is not spending or income.';

/** A category column that names one of the user's categories exactly (as BudgetBuddy's own export does). */
const ownCategory = (name: string | undefined, kind: TransactionKind, profile: UserProfile) =>
  (name ? canonicalCategory(name, kind, ownCategories(kind, profile)) : null) ?? undefined;

const typeKey = (type: string) =>
  type
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

/**
 * `direction` is where the money went from the user's point of view; `cardFile` says the file is a card
 * statement, where money coming in that is not a payment can only be a refund or a credit.
 */
export function classifyRow(
  description: string,
  direction: 'out' | 'in',
  profile: UserProfile,
  hints: { type?: string; bankCategory?: string; cardFile: boolean },
): RowMeaning {
  const type = hints.type ? typeKey(hints.type) : '';
  const skipType = SKIP_TYPES.get(type);
  if (skipType === 'card payment' || CARD_PAYMENT.test(description)) {
    return { kind: 'skip', reason: CARD_PAYMENT_REASON };
  }
  if (skipType === 'transfer' || TRANSFER.test(description)) return { kind: 'skip', reason: TRANSFER_REASON };
  if (direction === 'in') {
    if (REFUND.test(type) || REFUND.test(description) || hints.cardFile) {
      return { kind: 'income', category: 'Refund' };
    }
    const found =
      categoryInText(description, 'income', profile)?.category ??
      ownCategory(hints.bankCategory, 'income', profile);
    return { kind: 'income', category: found ?? 'Other Income' };
  }
  const found =
    categoryInText(description, 'expense', profile)?.category ??
    ownCategory(hints.bankCategory, 'expense', profile) ??
    (hints.bankCategory ? categoryInText(hints.bankCategory, 'expense', profile)?.category : undefined);
  return { kind: 'expense', category: found ?? 'Other' };
}
