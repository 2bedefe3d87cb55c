/**
 * Ledger errors carry a sentence a person can read: the code hook shows `message` as-is, so each one
 * says what was wrong and what to do next. Nothing is written when one of these is thrown.
 */
export class LedgerError extends Error {
  override name = 'LedgerError';
  /** Which input was at fault, so a dialog can re-ask for just that slot. */
  readonly field: LedgerField;
  constructor(field: LedgerField, message: string) {
    super(message);
    this.field = field;
  }
}

export type LedgerField =
  'amount' | 'currency' | 'category' | 'date' | 'note' | 'timeZone' | 'transaction' | 'goal' | 'account';

export class InvalidAmountError extends LedgerError {
  override name = 'InvalidAmountError';
  constructor(message: string) {
    super('amount', message);
  }
}

export class UnknownCurrencyError extends LedgerError {
  override name = 'UnknownCurrencyError';
  constructor(readonly currency: string) {
    super(
      'currency',
      `I don't know the currency "${currency}". Please use a three-letter ISO code such as USD, EUR or VND.`,
    );
  }
}

export class InvalidCategoryError extends LedgerError {
  override name = 'InvalidCategoryError';
  constructor(message: string) {
    super('category', message);
  }
}

export class InvalidDateError extends LedgerError {
  override name = 'InvalidDateError';
  constructor(message: string) {
    super('date', message);
  }
}

export class InvalidNoteError extends LedgerError {
  override name = 'InvalidNoteError';
  constructor(message: string) {
    super('note', message);
  }
}

export class InvalidTimeZoneError extends LedgerError {
  override name = 'InvalidTimeZoneError';
  constructor(readonly timeZone: string) {
    super(
      'timeZone',
      `"${timeZone}" is not a time zone I know. Please use an IANA name such as Europe/London.`,
    );
  }
}

export class InvalidTransactionError extends LedgerError {
  override name = 'InvalidTransactionError';
  constructor(message: string) {
    super('transaction', message);
  }
}

/** An account named that this person does not have, or one that cannot be opened (issue 12 point 1). */
export class AccountError extends LedgerError {
  override name = 'AccountError';
  constructor(message: string) {
    super('account', message);
  }
}
