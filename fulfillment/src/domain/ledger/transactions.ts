/**
 * The transaction: the ledger's main noun. Its value lists and zod schemas are defined here once; the
 * repository port, the stores and the code hook import them. Validation of a new transaction at the
 * ledger's edge lives here too: every store runs it before writing, so nothing malformed reaches
 * storage, and each problem comes back as a LedgerError naming the field and saying, in a sentence,
 * what to fix.
 */
import { z } from 'zod';
import { canonicalCategory, validateCategoryName } from './categories';
import {
  InvalidAmountError,
  InvalidDateError,
  InvalidNoteError,
  InvalidTransactionError,
  LedgerError,
} from './errors';
import { formatMoney, maxMinorAmount, minorUnitsSchema, normalizeCurrency, type MinorUnits } from './money';
import { isCalendarDate } from './periods';
import { transactionKindSchema } from './transactionKind';
import { normalizeTags, tagsSchema } from './tags';

export const MAX_NOTE_LENGTH = 500;
export const MAX_REQUEST_ID_LENGTH = 200;

/** Where an entry came from: typed in the chat, demo data, a bank file, or the HTTP API. */
/** 'recurring': posted by the scheduled job from a recurring rule (domain/recurring, issue 12). */
export const TRANSACTION_SOURCES = ['chat', 'seed', 'import', 'api', 'recurring'] as const;
export const transactionSourceSchema = z.enum(TRANSACTION_SOURCES);
export type TransactionSource = z.infer<typeof transactionSourceSchema>;

/** A stored transaction, as a store reads it back. */
export const transactionSchema = z.object({
  id: z.string(),
  kind: transactionKindSchema,
  amountMinor: minorUnitsSchema,
  currency: z.string(),
  category: z.string(),
  /** User-local date, YYYY-MM-DD. */
  date: z.string(),
  note: z.string().optional(),
  /** The person's tags (lower case, no "#"), absent when there are none (issue 12 point 4). */
  tags: tagsSchema.optional(),
  source: transactionSourceSchema,
  /** ISO 8601 instants (UTC). */
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Transaction = z.infer<typeof transactionSchema>;

/** The shape of a NewTransaction; values are checked with domain rules in parseNewTransaction. */
export const newTransactionSchema = z.object({
  kind: transactionKindSchema,
  // NaN and Infinity pass the shape check so the amount rules can explain them in words.
  amountMinor: z.custom<number>((v) => typeof v === 'number'),
  currency: z.string(),
  category: z.string(),
  /** User-local date, YYYY-MM-DD. */
  date: z.string(),
  note: z.string().optional(),
  /** Tags as said ("#Work" or "work"); stored normalised. */
  tags: z.array(z.string()).optional(),
  source: transactionSourceSchema,
  /** Idempotency key: the same key twice for the same user logs once and returns the first result. */
  requestId: z.string().min(1).max(MAX_REQUEST_ID_LENGTH),
});
export type NewTransaction = z.infer<typeof newTransactionSchema>;
/** A NewTransaction that passed parseNewTransaction: its amount is known to be whole minor units. */
export type ValidNewTransaction = NewTransaction & { amountMinor: MinorUnits };

/** What an edit changes; absent fields stay as they are, `note: null` removes the note. */
export interface TransactionChanges {
  amountMinor?: number;
  category?: string;
  date?: string;
  note?: string | null;
  /** The entry's whole new list of tags ([] removes them all). */
  tags?: string[];
}

/** Checks a minor-unit amount for `currency` (positive whole number, at most a trillion major units). */
export function validateAmountMinor(amountMinor: number, currency: string): MinorUnits {
  if (Number.isNaN(amountMinor))
    throw new InvalidAmountError('That amount is not a number. Please type digits, like 12.50.');
  if (!Number.isFinite(amountMinor))
    throw new InvalidAmountError('That amount is infinite. Please type a real amount, like 12.50.');
  if (amountMinor === 0) throw new InvalidAmountError('The amount must be more than zero.');
  if (amountMinor < 0) {
    throw new InvalidAmountError(
      'The amount cannot be negative. To record money coming in, log it as income.',
    );
  }
  if (!Number.isInteger(amountMinor)) {
    throw new InvalidAmountError(
      'That amount has more decimal places than the currency allows. Please round it.',
    );
  }
  const max = maxMinorAmount(currency);
  if (amountMinor > max) {
    throw new InvalidAmountError(
      `That amount is too large: the most I can record is ${formatMoney(max, currency)}.`,
    );
  }
  return amountMinor as MinorUnits;
}

export function validateNote(note: string | undefined): string | undefined {
  if (note === undefined) return undefined;
  const trimmed = note.trim();
  if (trimmed.length > MAX_NOTE_LENGTH) {
    throw new InvalidNoteError(
      `That note is ${trimmed.length} characters long; please keep it to ${MAX_NOTE_LENGTH} or fewer.`,
    );
  }
  return trimmed === '' ? undefined : trimmed;
}

export function validateDate(date: string): string {
  if (!isCalendarDate(date)) {
    throw new InvalidDateError(`"${date}" is not a real calendar date. Please give a date like 2026-11-24.`);
  }
  return date;
}

/**
 * Validates and normalises a NewTransaction (currency upper-cased, category and note trimmed).
 * Throws a LedgerError subclass with a user-facing sentence; never returns partially valid data.
 */
export function parseNewTransaction(input: unknown): ValidNewTransaction {
  const parsed = newTransactionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? 'transaction';
    throw new InvalidTransactionError(
      `The transaction is missing or has a malformed "${field}". Nothing was saved.`,
    );
  }
  const t = parsed.data;
  try {
    const currency = normalizeCurrency(t.currency);
    const result: ValidNewTransaction = {
      kind: t.kind,
      amountMinor: validateAmountMinor(t.amountMinor, currency),
      currency,
      // A default category in any spelling is stored in its canonical one, so totals never split on case.
      category: canonicalCategory(t.category, t.kind) ?? validateCategoryName(t.category),
      date: validateDate(t.date),
      source: t.source,
      requestId: t.requestId,
    };
    const note = validateNote(t.note);
    if (note !== undefined) result.note = note;
    const tags = t.tags ? normalizeTags(t.tags) : [];
    if (tags.length > 0) result.tags = tags;
    return result;
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    throw new InvalidTransactionError('The transaction could not be read. Nothing was saved.');
  }
}

/**
 * The entry after `changes`, validated like a new one (same id, kind, currency and createdAt). Throws a
 * LedgerError when a changed value is not acceptable, so nothing half-valid is written.
 */
export function applyChanges(before: Transaction, changes: TransactionChanges, now: string): Transaction {
  const after: Transaction = { ...before, updatedAt: now };
  if (changes.amountMinor !== undefined)
    after.amountMinor = validateAmountMinor(changes.amountMinor, before.currency);
  if (changes.category !== undefined)
    after.category =
      canonicalCategory(changes.category, before.kind) ?? validateCategoryName(changes.category);
  if (changes.date !== undefined) after.date = validateDate(changes.date);
  if (changes.note !== undefined) {
    const note = changes.note === null ? undefined : validateNote(changes.note);
    if (note === undefined) delete after.note;
    else after.note = note;
  }
  if (changes.tags !== undefined) {
    const tags = normalizeTags(changes.tags);
    if (tags.length === 0) delete after.tags;
    else after.tags = tags;
  }
  return after;
}
