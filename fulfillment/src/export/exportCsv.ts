/**
 * Every transaction of a user as one CSV file (GET /api/export.csv): a header, then one line per
 * transaction, oldest first, amounts as exact decimals in major units. Tags are space-separated
 * without their "#" ("work travel"). The ledger has no accounts yet; that column is there (empty) so
 * the file keeps one shape when they arrive.
 */
import { toMajorString } from '../domain/ledger/money';
import type { Transaction } from '../domain/ledger';

export const EXPORT_HEADER = ['date', 'kind', 'amount', 'currency', 'category', 'account', 'note', 'tags'];

/**
 * RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula
 * ("=HYPERLINK(…)" typed as a note must not become a live formula when the file is opened).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function exportLine(t: Transaction): string {
  const extra = t as Transaction & { account?: unknown };
  const account = typeof extra.account === 'string' ? extra.account : '';
  const tags = (t.tags ?? []).join(' ');
  return [
    t.date,
    t.kind,
    toMajorString(t.amountMinor, t.currency),
    t.currency,
    t.category,
    account,
    t.note ?? '',
    tags,
  ]
    .map((v, i) => (i === 2 ? v : csvCell(v)))
    .join(',');
}

export function transactionsToCsv(transactions: readonly Transaction[]): string {
  return [EXPORT_HEADER.join(','), ...transactions.map(exportLine)].join('\r\n') + '\r\n';
}
