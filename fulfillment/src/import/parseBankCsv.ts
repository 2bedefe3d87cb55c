/**
 * A bank or card CSV export → the transactions it holds, with a sentence for every line that could not
 * be read and for every line that is deliberately left out (card payments, own transfers). Pure: no
 * store, no HTTP. Parsing the CSV itself (quotes, embedded commas and line breaks, BOM) is csv-parse's job.
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { toMinor } from '../domain/ledger/money';
import { MAX_NOTE_LENGTH } from '../domain/ledger/transactions';
import { isKnownCurrency } from '../domain/ledger/money';
import type { PendingImportRow, UserProfile } from '../domain/ledger';
import { InvalidTagError, MAX_TAGS_PER_ENTRY, normalizeTag } from '../domain/ledger/tags';
import { detectLayout, type BankLayout } from './bankLayout';
import {
  dayMonthOrderOf,
  decimalMarkOf,
  parseCellAmount,
  parseCellDate,
  type CellAmount,
  type DayMonthOrder,
  type DecimalMark,
} from './bankValues';
import { classifyRow } from './classifyRow';

/**
 * The "#work" words of a description, as tags (issue 12 point 4): what a person typed into their
 * banking app's memo comes along as it would in the chat. A word that cannot be a tag is left out, and
 * so is a "#" before a number with no letter in it: in a bank file that is the store, check or
 * reference number ("WM SUPERCENTER #1234", "CHECK #0451"), not a label of the person's. Each such
 * number would otherwise be a tag of its own: an attribute more on the week, month and year totals per
 * row (the bench's 10,000 store numbers made its year item 10,000 attributes, rewritten by every write,
 * and the commit about 1.6 times slower) and store numbers in the overview's top tags.
 */
export function tagsIn(description: string): string[] {
  const tags: string[] = [];
  for (const [, word] of description.matchAll(/(?:^|\s)#([\p{L}\p{N}_-]+)/gu)) {
    if (!/\p{L}/u.test(word!)) continue;
    try {
      tags.push(normalizeTag(word!));
    } catch (err) {
      if (!(err instanceof InvalidTagError)) throw err;
    }
  }
  return [...new Set(tags)].slice(0, MAX_TAGS_PER_ENTRY);
}

export interface ImportedRow extends PendingImportRow {
  /** 1-based line of the file the row ends on. */
  line: number;
  /** The bank's description, as written. */
  description: string;
  /** Same date, amount, currency, kind and description: what makes two rows the same purchase. */
  duplicateKey: string;
}

export interface LineNote {
  line: number;
  message: string;
}

export interface ParsedBankFile {
  rows: ImportedRow[];
  errors: LineNote[];
  skipped: LineNote[];
  /** What was decided about the file, so the preview can say it. */
  layout: { delimiter: string; decimalMark: DecimalMark; dateOrder: DayMonthOrder; signedAmounts: boolean };
}

export type ImportFileProblem = 'empty' | 'not_csv' | 'no_columns';

/** The file as a whole cannot be imported; the message says why and what to do. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(
    readonly problem: ImportFileProblem,
    message: string,
  ) {
    super(message);
  }
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

type CsvRecord = { record: string[]; info: { lines: number } };

function parseRecords(text: string, delimiter: string, toLine?: number): CsvRecord[] {
  return parse(text, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    trim: true,
    info: true,
    ...(toLine !== undefined ? { to_line: toLine } : {}),
  }) as unknown as CsvRecord[];
}

/**
 * The delimiter that splits the first lines most consistently into more than one column. Counting
 * characters is not enough: a ';' file with decimal commas has commas on every data line.
 */
export function detectDelimiter(text: string): string {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    let records: CsvRecord[];
    try {
      records = parseRecords(text, delimiter, 30);
    } catch {
      continue;
    }
    const widths = new Map<number, number>();
    for (const { record } of records) {
      if (record.length > 1) widths.set(record.length, (widths.get(record.length) ?? 0) + 1);
    }
    const [width, count] = [...widths.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    const score = count * 1000 + width;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Binary files (PDF, spreadsheets, images) have NUL bytes or runs of control characters early on. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 4096);
  if (head.startsWith('%PDF') || head.startsWith('PK\u0003\u0004')) return true;
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    if (code <= 0x08 || (code >= 0x0e && code <= 0x1f)) return true;
  }
  return false;
}

const normalizedDescription = (d: string) => d.toLowerCase().replace(/\s+/g, ' ').trim();

export function duplicateKeyOf(t: {
  date: string;
  amountMinor: number;
  currency: string;
  kind: string;
  note?: string;
}): string {
  return [t.date, t.kind, t.amountMinor, t.currency, normalizedDescription(t.note ?? '')].join('\u0000');
}

/** The idempotency key of a row: the same row commits once, however often it is previewed or committed. */
const requestIdOf = (duplicateKey: string) =>
  `import:${createHash('sha256').update(duplicateKey).digest('base64url').slice(0, 32)}`;

const cell = (record: string[], index: number | undefined): string =>
  index === undefined ? '' : (record[index] ?? '').trim();

export function parseBankCsv(text: string, profile: UserProfile): ParsedBankFile {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '')
    throw new ImportFileError(
      'empty',
      'That file is empty. Export your transactions from your bank as CSV and try again.',
    );
  if (looksBinary(body)) {
    throw new ImportFileError(
      'not_csv',
      'That file is not a CSV file. In your online banking, export or download your transactions as CSV (not PDF or Excel) and try again.',
    );
  }
  const delimiter = detectDelimiter(body);
  let records: CsvRecord[];
  try {
    records = parseRecords(body, delimiter);
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new ImportFileError(
      'not_csv',
      `That file could not be read as CSV${line ? ` (line ${line})` : ''}: a quote is probably not closed. Export it from your bank again and retry.`,
    );
  }
  const layout = detectLayout(records.map((r) => r.record));
  if (!layout) {
    throw new ImportFileError(
      'no_columns',
      'I could not find a date column and an amount column in that file. Check that it is a transaction export with a header line (like "Date, Description, Amount") and try again.',
    );
  }
  const data = records.slice(layout.headerIndex + 1);
  const amountCells = data.flatMap(({ record }) =>
    [layout.amount, layout.out, layout.in].map((i) => cell(record, i)).filter((c) => c !== ''),
  );
  const decimalMark = decimalMarkOf(amountCells);
  const dateOrder = dayMonthOrderOf(
    data.map(({ record }) => cell(record, layout.date)),
    decimalMark,
  );
  const signedAmounts = layout.amount !== undefined;

  const errors: LineNote[] = [];
  const skipped: LineNote[] = [];
  type Read = { line: number; date: string; amount: CellAmount; direction: 'out' | 'in'; record: string[] };
  const read: Read[] = [];
  for (const { record, info } of data) {
    const line = info.lines;
    const dateCell = cell(record, layout.date);
    const money = readMoney(record, layout, decimalMark);
    if (dateCell === '' && money === 'empty') continue; // a blank or summary line
    if (typeof money === 'string' && money !== 'empty') {
      errors.push({ line, message: money });
      continue;
    }
    const date = parseCellDate(dateCell, dateOrder);
    if (date === null) {
      errors.push({
        line,
        message: dateCell === '' ? 'This line has no date.' : `"${dateCell}" is not a date I can read.`,
      });
      continue;
    }
    if (money === 'empty') {
      errors.push({ line, message: 'This line has no amount.' });
      continue;
    }
    read.push({ line, date, amount: money.amount, direction: money.direction, record });
  }

  // One signed column: which sign is spending differs by bank (checking accounts and most card exports
  // write purchases negative; Amex writes them positive). Most lines of any statement are purchases, so
  // the majority sign is spending, unless a type column says DEBIT/CREDIT outright.
  let outIsNegative = true;
  if (signedAmounts) {
    const negatives = read.filter((r) => r.amount.negative).length;
    outIsNegative = negatives * 2 >= read.length;
  }
  const cardFile = signedAmounts && !outIsNegative;

  const rows: ImportedRow[] = [];
  for (const r of read) {
    const type = cell(r.record, layout.type);
    let direction = r.direction;
    if (signedAmounts) {
      const typeWord = type.toLowerCase();
      // "expense"/"income" are BudgetBuddy's own export, so an exported file reads back as it was.
      if (/^(debit|dr|d|sale|purchase|withdrawal|expense)$/.test(typeWord)) direction = 'out';
      else if (/^(credit|cr|c|return|refund|deposit|income)$/.test(typeWord)) direction = 'in';
      else direction = r.amount.negative === outIsNegative ? 'out' : 'in';
    }
    const descriptions = layout.description.map((i) => cell(r.record, i)).filter((d) => d !== '');
    const description = descriptions[0] ?? '';
    // Every description column is read for meaning (payee and purpose on German statements), the first kept.
    const meaning = classifyRow(descriptions.join(' '), direction, profile, {
      ...(type ? { type } : {}),
      ...(layout.category !== undefined ? { bankCategory: cell(r.record, layout.category) } : {}),
      cardFile,
    });
    if (meaning.kind === 'skip') {
      skipped.push({ line: r.line, message: meaning.reason });
      continue;
    }
    const currencyCell = cell(r.record, layout.currency).toUpperCase();
    const currency =
      (isKnownCurrency(currencyCell) ? currencyCell : undefined) ?? r.amount.currency ?? profile.currency;
    let amountMinor: number;
    try {
      amountMinor = toMinor(r.amount.digits, currency);
    } catch (err) {
      const zero = /^0*(\.0*)?$/.test(r.amount.digits);
      (zero ? skipped : errors).push({
        line: r.line,
        message: zero ? 'Skipped: the amount is zero.' : (err as Error).message,
      });
      continue;
    }
    const note = description.slice(0, MAX_NOTE_LENGTH).trim();
    const base = { date: r.date, amountMinor, currency, kind: meaning.kind, note };
    const duplicateKey = duplicateKeyOf(base);
    const row: ImportedRow = {
      line: r.line,
      description,
      kind: meaning.kind,
      amountMinor,
      currency,
      category: meaning.category,
      date: r.date,
      requestId: requestIdOf(duplicateKey),
      duplicateKey,
    };
    if (note !== '') row.note = note;
    const tags = tagsIn(description);
    if (tags.length > 0) row.tags = tags;
    rows.push(row);
  }
  return {
    rows,
    errors,
    skipped,
    layout: { delimiter: delimiter === '\t' ? 'tab' : delimiter, decimalMark, dateOrder, signedAmounts },
  };
}

/** The row's money and which way it went, 'empty' when it has none, or a sentence when it is unreadable. */
function readMoney(
  record: string[],
  layout: BankLayout,
  decimal: DecimalMark,
): { amount: CellAmount; direction: 'out' | 'in' } | 'empty' | string {
  try {
    if (layout.amount !== undefined) {
      const amount = parseCellAmount(cell(record, layout.amount), decimal);
      return amount ? { amount, direction: amount.negative ? 'out' : 'in' } : 'empty';
    }
    const out = parseCellAmount(cell(record, layout.out), decimal);
    const inn = parseCellAmount(cell(record, layout.in), decimal);
    // Some banks fill the unused column with 0.00.
    const nonZero = (a: CellAmount | null) => (a && !/^0*(\.0*)?$/.test(a.digits) ? a : null);
    const o = nonZero(out);
    const i = nonZero(inn);
    if (o && i) return 'This line has money both going out and coming in; I cannot tell which it is.';
    if (o) return { amount: { ...o, negative: true }, direction: 'out' };
    if (i) return { amount: { ...i, negative: false }, direction: 'in' };
    return (out ?? inn) ? { amount: (out ?? inn)!, direction: out ? 'out' : 'in' } : 'empty';
  } catch (err) {
    return (err as Error).message;
  }
}
