/**
 * What a receipt says, from its OCR lines (top to bottom): the total — not the subtotal, the tax, the
 * savings or the card line that repeats it —, the merchant, the date and a category. Pure; the OCR
 * engine is behind the ReceiptOcr port. When the total cannot be found it is left out rather than
 * guessed: the chat then asks for it, so a misread never becomes a logged amount.
 */
import { dayMonthOrderOf, parseCellDate } from '../import/bankValues';
import { categoryInText } from '../intents/support/categoryWords';
import type { UserProfile } from '../domain/ledger';

export interface ReceiptReading {
  /** Major units with "." as the decimal point ("23.47"), or null when no total line was read. */
  total: string | null;
  merchant: string | null;
  /** YYYY-MM-DD, or null when none was printed (or it was not a real date). */
  date: string | null;
  category: string | null;
}

/** OCR reads O for 0 and l/I for 1 inside words; only the label is normalised, never the digits. */
const label = (line: string) =>
  line
    .toLowerCase()
    .replace(/0/g, 'o')
    .replace(/[1|]/g, 'l')
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const AMOUNT = /(\d{1,3}(?:[,.\s]\d{3})*[.,]\d{2})(?!\d)/g;
const TOTAL_LABEL = /\b(grand total|total|totai|tota l|amount due|balance due|total due|to pay|amount)\b/;
const NOT_TOTAL =
  /\b(sub ?-?total|subtota|tax|vat|gst|hst|savings?|saved|discount|you saved|items?|qty|quantity|tip|change|cash|tendered|points|before)\b/;
const CARD_LINE =
  /\b(visa|mastercard|master card|amex|american express|discover|debit|credit|card|contactless|chip)\b|\*{2,}|x{4}/i;
const NOT_MERCHANT =
  /\b(receipt|welcome|thank|store ?#|tel|phone|www|http|street|st\.?|ave|avenue|road|rd\.?|blvd|suite|invoice|order|cashier|server|table|date|time)\b|^\W*$/i;

function amountsIn(line: string): string[] {
  return [...line.matchAll(AMOUNT)].map((m) => {
    const raw = m[1]!.replace(/\s/g, '');
    // The last separator with two digits after it is the decimal mark; the others group thousands.
    const decimal = raw[raw.length - 3]!;
    const whole = raw.slice(0, -3).replace(/[.,]/g, '');
    return `${whole}${decimal === ',' || decimal === '.' ? '.' : ''}${raw.slice(-2)}`;
  });
}

function findTotal(lines: readonly string[]): string | null {
  let best: number | null = null;
  let bestText: string | null = null;
  lines.forEach((line, i) => {
    const words = label(line);
    if (!TOTAL_LABEL.test(words) || NOT_TOTAL.test(words) || CARD_LINE.test(line)) return;
    // "TOTAL" with its amount on the next line (two-column receipts OCR'd as separate lines).
    const amounts = amountsIn(line);
    const candidates = amounts.length > 0 ? amounts : amountsIn(lines[i + 1] ?? '');
    for (const amount of candidates) {
      const value = Number(amount);
      if (value > 0 && (best === null || value > best)) {
        best = value;
        bestText = amount;
      }
    }
  });
  return bestText;
}

const titleCase = (text: string) =>
  text
    .toLowerCase()
    .replace(/\b([a-z])([a-z']*)/g, (_, first: string, rest: string) => first.toUpperCase() + rest);

function findMerchant(lines: readonly string[]): string | null {
  for (const line of lines.slice(0, 5)) {
    const text = line.trim();
    const letters = text.replace(/[^A-Za-z]/g, '').length;
    if (letters < 3 || /\d{3,}/.test(text) || NOT_MERCHANT.test(text)) continue;
    if (amountsIn(text).length > 0) continue;
    return titleCase(text.replace(/\s+/g, ' ')).slice(0, 60);
  }
  return null;
}

const DATE_IN_TEXT =
  /(\d{4}-\d{1,2}-\d{1,2})|(\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))|(\d{1,2}\s*[A-Za-z]{3,9}\.?\s*\d{4})|([A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})/;

function findDate(lines: readonly string[], currency: string): string | null {
  const found = lines.map((line) => DATE_IN_TEXT.exec(line)?.[0]).filter((d): d is string => d !== undefined);
  // Day first outside the US, unless the numbers themselves say otherwise.
  const order = dayMonthOrderOf(found, currency === 'USD' ? '.' : ',');
  for (const cell of found) {
    const date = parseCellDate(cell, order);
    if (date) return date;
  }
  return null;
}

export function readReceipt(lines: readonly string[], profile: UserProfile): ReceiptReading {
  const merchant = findMerchant(lines);
  // The merchant's name says most ("Green Leaf Market"); else the items above the total. The footer
  // ("thank you for shopping") would name a category of its own.
  const totalAt = lines.findIndex((line) => TOTAL_LABEL.test(label(line)));
  const items = (totalAt >= 0 ? lines.slice(0, totalAt) : lines).join(' ');
  const category =
    (merchant ? categoryInText(merchant, 'expense', profile) : null) ??
    categoryInText(items, 'expense', profile);
  return {
    total: findTotal(lines),
    merchant,
    date: findDate(lines, profile.currency),
    category: category?.category ?? null,
  };
}
