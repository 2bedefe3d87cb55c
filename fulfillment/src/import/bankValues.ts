/**
 * Reading the values of a bank export: amounts written the way the bank's locale writes them, and dates
 * whose day/month order has to be decided from the whole file (03/04/2026 alone could be either).
 */
import { isCalendarDate } from '../domain/ledger/periods';

export type DecimalMark = '.' | ',';

/** A money cell: digits in major units with "." as the decimal point, and the sign the bank wrote. */
export interface CellAmount {
  digits: string;
  negative: boolean;
  /** ISO code when the cell itself names the currency ("£12.00", "12,00 EUR"). */
  currency?: string;
}

const SYMBOL_CURRENCY: Record<string, string> = {
  '£': 'GBP',
  '€': 'EUR',
  '¥': 'JPY',
  '₫': 'VND',
  '₹': 'INR',
};

/**
 * The file's decimal mark, from the cells that can only be read one way: "12,50" or "1.234,56" says
 * comma, "12.50" or "1,234.56" says point. "1,234" alone says nothing. Ties go to the point.
 */
export function decimalMarkOf(cells: readonly string[]): DecimalMark {
  let comma = 0;
  let point = 0;
  for (const raw of cells) {
    const cell = raw.replace(/[^\d.,]/g, '');
    const lastComma = cell.lastIndexOf(',');
    const lastPoint = cell.lastIndexOf('.');
    if (lastComma >= 0 && lastPoint >= 0) {
      if (lastComma > lastPoint) comma++;
      else point++;
    } else if (/,\d{1,2}$/.test(cell) || /,\d{4,}$/.test(cell)) comma++;
    else if (/\.\d{1,2}$/.test(cell) || /\.\d{4,}$/.test(cell)) point++;
  }
  return comma > point ? ',' : '.';
}

/** null for an empty cell; throws with a sentence when the cell is not an amount. */
export function parseCellAmount(raw: string, decimal: DecimalMark): CellAmount | null {
  let text = raw.trim();
  if (text === '' || text === '-') return null;
  let negative = false;
  let currency: string | undefined;
  const code = /\b([A-Z]{3})\b/.exec(text);
  if (code) {
    currency = code[1];
    text = text.replace(code[0], '');
  }
  for (const [symbol, iso] of Object.entries(SYMBOL_CURRENCY)) {
    if (text.includes(symbol)) {
      currency ??= iso;
      text = text.replace(symbol, '');
    }
  }
  text = text.replace(/\$/g, '').trim();
  // "12.00 CR" / "12.00 DR" on UK statements; "(12.00)" on accounting-style exports.
  const marker = /\s*\b(CR|DR)\.?$/i.exec(text);
  if (marker) {
    if (marker[1]!.toUpperCase() === 'DR') negative = true;
    text = text.slice(0, marker.index);
  }
  if (/^\(.*\)$/.test(text)) {
    negative = !negative;
    text = text.slice(1, -1);
  }
  if (/^[-−–]/.test(text)) {
    negative = !negative;
    text = text.slice(1);
  } else if (/[-−–]$/.test(text)) {
    negative = !negative;
    text = text.slice(0, -1);
  } else if (text.startsWith('+')) text = text.slice(1);
  // Thousands separators: the other mark, spaces (also non-breaking) and Swiss apostrophes.
  const thousands = decimal === '.' ? ',' : '.';
  text = text
    .replace(/[\s\u00a0\u202f']/g, '')
    .split(thousands)
    .join('');
  if (decimal === ',') text = text.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text) && !/^\.\d+$/.test(text)) {
    throw new Error(`"${raw.trim()}" is not an amount I can read.`);
  }
  return { digits: text.startsWith('.') ? `0${text}` : text, negative, ...(currency ? { currency } : {}) };
}

export type DayMonthOrder = 'MDY' | 'DMY';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:\s.*)?$/;
const DAY_MONTH_NAME = /^(\d{1,2})[\s-]*([A-Za-z]{3,9})\.?[\s,-]*(\d{4}|\d{2})$/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/;

const year4 = (y: string) => (y.length === 2 ? `20${y}` : y);
const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (name: string): number | undefined => MONTHS[name.toLowerCase().slice(0, 3)];

/**
 * The day/month order of a file's numeric dates: a first number above 12 means day first, a second
 * number above 12 means month first. When every date fits both, dotted dates (24.11.2026) are day first,
 * as in every country that writes them, and slashed ones follow the file's decimal mark: a decimal
 * comma means a European bank, day first; otherwise month first, as US banks write them.
 */
export function dayMonthOrderOf(cells: readonly string[], decimal: DecimalMark): DayMonthOrder {
  let dayFirst = 0;
  let monthFirst = 0;
  let dotted = 0;
  for (const cell of cells) {
    const m = NUMERIC.exec(cell.trim());
    if (!m) continue;
    if (m[2] === '.') dotted++;
    if (Number(m[1]) > 12) dayFirst++;
    if (Number(m[3]) > 12) monthFirst++;
  }
  if (dayFirst > 0 && monthFirst === 0) return 'DMY';
  if (monthFirst > 0 && dayFirst === 0) return 'MDY';
  if (dayFirst > 0 && monthFirst > 0) return dayFirst >= monthFirst ? 'DMY' : 'MDY';
  return dotted > 0 || decimal === ',' ? 'DMY' : 'MDY';
}

/** YYYY-MM-DD, or null when the cell is not a real date in any format banks use. */
export function parseCellDate(raw: string, order: DayMonthOrder): string | null {
  const text = raw.trim().replace(/^"|"$/g, '');
  let y: string | undefined;
  let mo: number | undefined;
  let d: number | undefined;
  let m = ISO.exec(text);
  if (m) [y, mo, d] = [m[1]!, Number(m[2]), Number(m[3])];
  else if ((m = NUMERIC.exec(text))) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    [y, mo, d] = order === 'MDY' ? [year4(m[4]!), a, b] : [year4(m[4]!), b, a];
  } else if ((m = DAY_MONTH_NAME.exec(text))) {
    [y, mo, d] = [year4(m[3]!), monthOf(m[2]!), Number(m[1])];
  } else if ((m = MONTH_NAME_DAY.exec(text))) {
    [y, mo, d] = [m[3]!, monthOf(m[1]!), Number(m[2])];
  }
  if (y === undefined || mo === undefined || d === undefined) return null;
  const iso = `${y}-${pad(mo)}-${pad(d)}`;
  return isCalendarDate(iso) ? iso : null;
}
