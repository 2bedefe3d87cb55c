/**
 * Money is an integer count of minor units plus an ISO 4217 code. The number of decimals comes from the
 * currency (Intl's data: VND 0, USD 2, BHD 3), and conversion from what a person typed goes through the
 * decimal digits themselves — never through float arithmetic — so "0.1" + "0.2" is exactly 30 cents.
 */
import { z } from 'zod';
import { InvalidAmountError, UnknownCurrencyError } from './errors';

/**
 * A whole number of a currency's minor units (cents for USD, dong for VND). The brand stops a major-unit
 * number (12.5) or any other count from being stored where minor units (1250) are meant: a value gets
 * it only from `minorUnitsSchema` (data read back) or `asMinorUnits` (after the domain checked it).
 */
export const minorUnitsSchema = z.number().int().brand<'MinorUnits'>();
export type MinorUnits = z.infer<typeof minorUnitsSchema>;

/** Brands a whole number as minor units; throws InvalidAmountError for a fraction, NaN or Infinity. */
export function asMinorUnits(value: number): MinorUnits {
  if (!Number.isInteger(value)) {
    throw new InvalidAmountError(
      'That amount has more decimal places than the currency allows. Please round it.',
    );
  }
  return value as MinorUnits;
}

/** The largest amount accepted, in major units (a trillion): anything above is a typo, not a purchase. */
export const MAX_MAJOR_AMOUNT = 1_000_000_000_000;

export interface Money {
  amountMinor: MinorUnits;
  currency: string;
}

let knownCurrencies: ReadonlySet<string> | undefined;

function currencySet(): ReadonlySet<string> {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies;
}

/** Upper-cases and checks an ISO 4217 code; throws UnknownCurrencyError for anything Intl does not know. */
export function normalizeCurrency(code: string): string {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper) || !currencySet().has(upper)) throw new UnknownCurrencyError(code);
  return upper;
}

export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencySet().has(code);
}

const decimalsCache = new Map<string, number>();

/** Minor-unit digits of a currency: 0 for VND and JPY, 2 for USD, 3 for BHD. */
export function currencyDecimals(currency: string): number {
  const code = normalizeCurrency(currency);
  let decimals = decimalsCache.get(code);
  if (decimals === undefined) {
    decimals = new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits as number;
    decimalsCache.set(code, decimals);
  }
  return decimals;
}

/** The largest amount in minor units a single transaction or budget may have. */
export function maxMinorAmount(currency: string): number {
  return MAX_MAJOR_AMOUNT * 10 ** currencyDecimals(currency);
}

/** A number as plain decimal digits, without exponent notation (1e-7 → "0.0000001"). */
function numberToDecimalString(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // toFixed gives up to 100 fraction digits; trailing zeros are trimmed by the parser.
  return Math.abs(value) >= 1 ? BigInt(value).toString() : value.toFixed(100);
}

const DECIMAL = /^([+-])?(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

/**
 * Converts an amount in major units ("12.50", 12.5, "1,200") to integer minor units of `currency`.
 * Throws InvalidAmountError (zero, negative, not a number, infinite, too large, too many decimals) or
 * UnknownCurrencyError, each with a sentence that says what to type instead.
 */
export function toMinor(major: number | string, currency: string): MinorUnits {
  const code = normalizeCurrency(currency);
  const decimals = currencyDecimals(code);
  if (typeof major === 'number') {
    if (Number.isNaN(major))
      throw new InvalidAmountError('That amount is not a number. Please type digits, like 12.50.');
    if (!Number.isFinite(major))
      throw new InvalidAmountError('That amount is infinite. Please type a real amount, like 12.50.');
  }
  const text = typeof major === 'number' ? numberToDecimalString(major) : major.trim();
  const match = DECIMAL.exec(text);
  const intDigits = match?.[2]?.replace(/,/g, '') ?? '';
  const fracDigits = (match?.[3] ?? '').replace(/0+$/, '');
  if (!match || (intDigits === '' && (match[3] ?? '') === '')) {
    throw new InvalidAmountError(`"${text}" is not an amount I understand. Please type digits, like 12.50.`);
  }
  const negative = match[1] === '-';
  const whole = BigInt(intDigits === '' ? '0' : intDigits);
  const isZero = whole === 0n && fracDigits === '';
  if (isZero) throw new InvalidAmountError('The amount must be more than zero.');
  if (negative) {
    throw new InvalidAmountError(
      'The amount cannot be negative. To record money coming in, log it as income.',
    );
  }
  if (whole > BigInt(MAX_MAJOR_AMOUNT) || (whole === BigInt(MAX_MAJOR_AMOUNT) && fracDigits !== '')) {
    throw new InvalidAmountError(
      `That amount is too large: the most I can record is ${formatMoney(maxMinorAmount(code), code)}.`,
    );
  }
  if (fracDigits.length > decimals) {
    throw new InvalidAmountError(
      decimals === 0
        ? `${code} amounts have no decimal places. Please give a whole number.`
        : `${code} amounts have at most ${decimals} decimal place${decimals === 1 ? '' : 's'}. Please round the amount.`,
    );
  }
  const minor = whole * 10n ** BigInt(decimals) + BigInt(fracDigits.padEnd(decimals, '0') || '0');
  return Number(minor) as MinorUnits;
}

/** Minor units back to an exact decimal string in major units (1250, USD → "12.50"). */
export function toMajorString(minor: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  const negative = minor < 0;
  const digits = Math.abs(Math.trunc(minor))
    .toString()
    .padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${frac}` : ''}`;
}

/** Formats minor units for people: formatMoney(1250, 'USD') → "$12.50"; formatMoney(45000, 'VND') → "₫45,000". */
export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
  const code = normalizeCurrency(currency);
  // Intl formats a decimal string exactly, so large amounts never pick up float noise.
  const exact = toMajorString(minor, code) as Intl.StringNumericLiteral;
  return currencyFormatter(locale, code).format(exact);
}

// A reply formats a dozen amounts, and a NumberFormat takes far longer to build than to use.
const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(locale: string, code: string): Intl.NumberFormat {
  const key = `${locale}|${code}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
    if (formatters.size < 1000) formatters.set(key, formatter);
  }
  return formatter;
}
