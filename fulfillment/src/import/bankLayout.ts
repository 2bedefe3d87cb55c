/**
 * Which column of a bank export holds what. Banks name the same thing many ways ("Posted Date",
 * "Booking Date"; "Payee", "Merchant"; "Money Out", "Paid out", "Debit"), and some put a few lines of
 * account details above the header, so the header is the first line that names a date and an amount.
 */

export interface BankLayout {
  /** Index of the header record among the parsed records. */
  headerIndex: number;
  date: number;
  /** Description columns, best first: the first non-empty one describes the row. */
  description: number[];
  /** One signed amount column … */
  amount?: number;
  /** … or money going out and money coming in, each its own column. */
  out?: number;
  in?: number;
  /** DEBIT/CREDIT, Sale/Payment/Return, ACCT_XFER…: the bank's own word for the kind of row. */
  type?: number;
  currency?: number;
  /** The bank's own category ("Food & Drink"), a hint when the description names none. */
  category?: number;
}

/** Lower case, letters and digits only, single spaces: "Amount (GBP)" → "amount gbp". */
export const headerKey = (cell: string): string =>
  cell
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// Best first: a card export with both "Transaction Date" and "Post Date" is dated by the purchase.
const DATE = [
  'transaction date',
  'trans date',
  'date',
  'booking date',
  'buchungstag',
  'buchungsdatum',
  'datum',
  'posted date',
  'posting date',
  'post date',
  'value date',
  'valuta',
  'date operation',
  'fecha',
];
const DESCRIPTION = [
  'description',
  'transaction description',
  'payee',
  'name',
  'merchant',
  'merchant name',
  'narrative',
  'details',
  'transaction details',
  'particulars',
  // Umlauts lose their dots in headerKey; older exports spell them out.
  'begunstigter zahlungspflichtiger',
  'beguenstigter zahlungspflichtiger',
  'auftraggeber empfanger',
  'auftraggeber empfaenger',
  'verwendungszweck',
  'buchungstext',
  'libelle',
  'concepto',
  'memo',
  'note',
  'reference',
];
const OUT = [
  'debit',
  'debit amount',
  'debits',
  'money out',
  'paid out',
  'withdrawal',
  'withdrawals',
  'withdrawal amount',
  'outflow',
  'amount debit',
  'soll',
  'ausgang',
];
const IN = [
  'credit',
  'credit amount',
  'credits',
  'money in',
  'paid in',
  'deposit',
  'deposits',
  'deposit amount',
  'inflow',
  'amount credit',
  'haben',
  'eingang',
];
const AMOUNT =
  /^(amount|transaction amount|betrag|montant|importe|value|umsatz|amount [a-z]{3}|betrag [a-z]{3})$/;
const TYPE = ['type', 'transaction type', 'kind', 'debit credit', 'credit debit', 'dr cr', 'cr dr'];
const CURRENCY = ['currency', 'ccy', 'waehrung', 'wahrung', 'devise', 'moneda'];
const CATEGORY = ['category', 'kategorie', 'categorie'];

const findFirst = (keys: string[], names: readonly string[]): number | undefined => {
  for (const name of names) {
    const i = keys.indexOf(name);
    if (i >= 0) return i;
  }
  return undefined;
};

/** The layout, from the first of the leading records that names a date and an amount; null if none does. */
export function detectLayout(records: readonly string[][], lookAhead = 15): BankLayout | null {
  for (let r = 0; r < Math.min(records.length, lookAhead); r++) {
    const keys = records[r]!.map(headerKey);
    const date = findFirst(keys, DATE);
    if (date === undefined) continue;
    const out = findFirst(keys, OUT);
    const inn = findFirst(keys, IN);
    const amountIndex = keys.findIndex((k) => AMOUNT.test(k));
    const amount = amountIndex >= 0 ? amountIndex : undefined;
    if (amount === undefined && out === undefined && inn === undefined) continue;
    const description = DESCRIPTION.map((name) => keys.indexOf(name)).filter((i) => i >= 0);
    const layout: BankLayout = { headerIndex: r, date, description };
    if (out !== undefined || inn !== undefined) {
      if (out !== undefined) layout.out = out;
      if (inn !== undefined) layout.in = inn;
    } else layout.amount = amount!;
    const type = findFirst(keys, TYPE);
    if (type !== undefined) layout.type = type;
    const currency = findFirst(keys, CURRENCY);
    if (currency !== undefined) layout.currency = currency;
    const category = findFirst(keys, CATEGORY);
    if (category !== undefined) layout.category = category;
    return layout;
  }
  return null;
}
