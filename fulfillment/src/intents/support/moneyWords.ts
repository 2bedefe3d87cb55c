/**
 * Money in free text, for the turns the NLU cannot fill slots for: numbers that look like amounts
 * ("15", "$7", "1,200", "12.50", "45k"), days that must not be read as amounts ("the 3rd", "nov 3",
 * "2 days ago"), and currencies named by symbol, word or ISO code ("€", "euros", "VND").
 */
import { isKnownCurrency } from '../../domain/ledger/money';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?';

/** Phrases that name a day; removed before looking for an amount. */
export const DAY_WORDS = new RegExp(
  [
    '\\b(?:on |from |for )?(?:today|tonight|tomorrow|yesterday|last night|this morning|day before yesterday)\\b',
    `\\b(?:on |from |for )?(?:last |this |previous |next |this coming )?${WEEKDAY}\\b`,
    `\\b(?:on |from |for )?(?:the )?\\d{1,2}(?:st|nd|rd|th)(?: of ${MONTH})?\\b`,
    `\\b(?:on |from |for )?${MONTH} \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?\\b`,
    `\\b(?:on |from |for )?\\d{1,2} ${MONTH}(?: \\d{4})?\\b`,
    '\\b\\d+ (?:days?|weeks?) ago\\b',
    '\\b(?:on |from |for )?\\d{4}-\\d{2}-\\d{2}\\b',
  ].join('|'),
  'gi',
);

export function withoutDays(text: string): string {
  return text.replace(DAY_WORDS, ' ');
}

/** True when the text names a day (see DAY_WORDS). */
export function namesDay(text: string): boolean {
  DAY_WORDS.lastIndex = 0;
  const found = DAY_WORDS.test(text);
  DAY_WORDS.lastIndex = 0;
  return found;
}

const AMOUNT = /(?:^|[^\p{L}\p{N}.,-])[$€£¥₫]?\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(k\b)?(?![\p{L}\p{N}])/giu;

/** The amounts in the text, as plain decimal strings ("1,200" → "1200", "45k" → "45000"), days left out. */
export function amountsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of withoutDays(text).matchAll(AMOUNT)) {
    const whole = m[1]!.replace(/,/g, '');
    if (m[3]) out.push(String(Number(`${whole}${m[2] ?? ''}`) * 1000));
    else out.push(`${whole}${m[2] ?? ''}`);
  }
  return out;
}

/** Words and symbols for the currencies people name most; any ISO 4217 code works too. */
const NAMES: [RegExp, string][] = [
  [/€|\beuros?\b/i, 'EUR'],
  [/£|\bpounds?\b|\bquid\b|\bsterling\b/i, 'GBP'],
  [/₫|\b(?:vietnamese )?dong\b/i, 'VND'],
  [/¥|\byen\b/i, 'JPY'],
  [/\byuan\b|\brenminbi\b|\brmb\b/i, 'CNY'],
  [/₹|\brupees?\b/i, 'INR'],
  [/₩|\bwon\b/i, 'KRW'],
  [/\bbaht\b/i, 'THB'],
  [/\bswiss francs?\b/i, 'CHF'],
  [/\bcanadian dollars?\b/i, 'CAD'],
  [/\baustralian dollars?\b/i, 'AUD'],
  [/\bmexican pesos?\b/i, 'MXN'],
  [/\breais\b|\bbrazilian reals?\b/i, 'BRL'],
  [/\bzloty\b/i, 'PLN'],
  [/\$|\b(?:us )?dollars?\b|\bbucks\b/i, 'USD'],
];

/** Dollar-sign currencies: "$" and "dollars" fit any of them. */
const DOLLARS = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'TWD', 'MXN']);

/**
 * The currency the text names, or null. An ISO code counts when written in capitals or next to a
 * number ("45000 vnd"), so ordinary words such as "all" or "try" are never read as one.
 */
export function currencyIn(text: string): string | null {
  const code =
    /\b([A-Z]{3})\b/.exec(text)?.[1] ??
    /\b(?:to|in|into|is|use|using)\s+([a-z]{3})\s*[.!?]*$/i.exec(text)?.[1]?.toUpperCase() ??
    /\d\s?([a-z]{3})\b/i.exec(text)?.[1]?.toUpperCase() ??
    /\b([a-z]{3})\s?\d/i.exec(text)?.[1]?.toUpperCase();
  if (code && isKnownCurrency(code)) return code;
  for (const [pattern, currency] of NAMES) if (pattern.test(text)) return currency;
  return null;
}

/** Whether money said in `said` can be booked in `currency` ("$" fits CAD; "€" does not fit USD). */
export function fitsCurrency(said: string, currency: string): boolean {
  return said === currency || (said === 'USD' && DOLLARS.has(currency));
}
