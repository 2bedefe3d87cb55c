/**
 * Amounts written with digits, symbols, codes and money slang ("12.50", "12,50", "1 234", "$3.80",
 * "45k VND", "5 bucks 50", "3 dollars and 25 cents", "50 cents", "a tenner", "half a dollar"), with no
 * dependency beyond this file: the chat proxy splits messages with it (segments.ts) and its Lambda
 * bundle must stay small. Number words ("fifty") are added by numbers.ts, which the NLU uses.
 */
import type { Span } from './spans';

export interface NumberMatch extends Span {
  value: number;
  /** The words as the user wrote them, currency included ("$12.50", "45k VND"). */
  originalValue: string;
  /** ISO 4217 code when the user named or symbolised a currency. */
  currency?: string;
  /** True when the number came with a currency or a money word: then it is surely an amount. */
  isMoney: boolean;
  /** Spelled out ("fifty"): weaker evidence than digits. */
  fromWords: boolean;
  /**
   * A count that picks entries ("the first two", "my last 3"): never an amount, though a Count slot may
   * take it.
   */
  picksEntries?: boolean;
  /** Said in cents or pence ("50 cents"): the value is already divided by 100. */
  minorUnit?: boolean;
}

export const SYMBOLS: Record<string, string> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₫': 'VND',
  '₹': 'INR',
};
export const CODES = ['usd', 'eur', 'gbp', 'vnd', 'jpy', 'inr', 'cad', 'aud', 'chf', 'cny', 'mxn'];
export const WORDS: Record<string, string | undefined> = {
  dollar: 'USD',
  dollars: 'USD',
  buck: 'USD',
  bucks: 'USD',
  bux: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  quid: 'GBP',
  dong: 'VND',
  yen: 'JPY',
  rupees: 'INR',
};
const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  grand: 1e3,
  m: 1e6,
  mil: 1e6,
  million: 1e6,
};

const SYM = `[${Object.keys(SYMBOLS).join('')}]`;
const CODE = `(?:${CODES.join('|')})`;
const UNIT = `(?:${CODE}|${Object.keys(WORDS).join('|')})`;
// Thousands grouped by commas ("1,234") or by spaces ("1 234", also the no-break spaces some keyboards
// type); a comma followed by one or two digits is a decimal comma ("12,50").
const DIGITS =
  /(?<![\p{L}\p{N}.,])(?:(minus|negative)\s+)?(?:(CODE)\s*)?(-)?\s*(SYM)?\s*(-)?(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3}(?![\p{L}\p{N}]))+|\d+)?(?:\.(\d+)|,(\d{1,2})(?![\p{N}]|,\d))?(?:\s*(k|thousand|grand|million|mil|m)\b|(k)(?=\s|$|[^\p{L}\p{N}]))?(?:\s*(UNIT)\b|\s?(SYM))?/gu;
const digitPattern = new RegExp(
  DIGITS.source.replace('CODE', CODE).replace('SYM', SYM).replace('UNIT', UNIT).replace('SYM', SYM),
  DIGITS.flags,
);
/** "50 cents", "80p": the number is in hundredths of the unit. */
const MINOR_UNIT_AFTER = /^\s*(?:cents?|pence|¢)(?![\p{L}\p{N}])/u;
/** Major money words after which a small number is the cents ("5 bucks 50", "3 dollars and 25 cents"). */
const MAJOR_UNIT_END = /(?:dollars?|bucks?|euros?|pounds?|quid)$/;
/**
 * Counts that pick entries ("the first two", "my last 3", "the previous 5") rather than say money.
 * "one" after "the"/"that"/"which" (and up to three words) names an entry: "the netflix one", "the last one".
 */
export const PICKS_ENTRIES_BEFORE = /\b(?:first|last|latest|previous|recent|next|top|past)\s+$/;
export const ENTRY_ONE_BEFORE =
  /\b(?:the|that|this|which|each|every|another|other)\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}$/u;
export const NUMBER_AFTER_ONE =
  /^\s+(?:dollars?|bucks?|euros?|pounds?|quid|hundred|thousand|million|grand|usd|eur|gbp)\b/;

/** Money said with a slang word or a fraction: they hold no digits and the recognizer misses them. */
const SLANG: {
  re: RegExp;
  value: (m: RegExpExecArray) => number;
  currency?: (m: RegExpExecArray) => string | undefined;
}[] = [
  { re: /\b(?:(?:a|one)\s+)?tenner\b/g, value: () => 10 },
  { re: /\b(?:(?:a|one)\s+)?fiver\b/g, value: () => 5 },
  { re: /\ba\s+grand\b/g, value: () => 1000 },
  {
    re: /\bhalf\s+a\s+(dollar|buck|euro|pound|quid)\b/g,
    value: () => 0.5,
    currency: (m) => WORDS[m[1] ?? ''],
  },
  {
    // "a dollar", "a buck fifty" (the cents are joined afterwards, like "5 bucks 50").
    re: /\b(?<!half\s)a\s+(dollar|buck|euro|pound|quid)\b/g,
    value: () => 1,
    currency: (m) => WORDS[m[1] ?? ''],
  },
];

/** Ordinals, times, percentages and dates are not amounts. */
const NOT_AN_AMOUNT_AFTER = /^(?:\d|(?:st|nd|rd|th)\b|[:/]\d|\s*(?:am|pm|%|percent)\b)/;

export const NUMBER_WORD =
  /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)\b/;

function findDigitNumbers(lower: string, original: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  digitPattern.lastIndex = 0;
  for (let m = digitPattern.exec(lower); m; m = digitPattern.exec(lower)) {
    if (m[0].length === 0) {
      digitPattern.lastIndex = m.index + ((lower.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    const [
      ,
      minusWord,
      code,
      dash1,
      leadingSym,
      dash2,
      whole,
      pointFraction,
      commaFraction,
      multWord,
      multK,
      unit,
      trailingSym,
    ] = m;
    const fraction = pointFraction ?? commaFraction;
    const sym = leadingSym ?? trailingSym;
    if (whole === undefined && fraction === undefined) continue;
    let end = m.index + m[0].length;
    if (NOT_AN_AMOUNT_AFTER.test(lower.slice(end)) && !unit) continue;
    let value = Number(`${(whole ?? '0').replace(/[, \u00a0\u202f]/g, '')}.${fraction ?? '0'}`);
    const multiplier = MULTIPLIERS[multWord ?? multK ?? ''] ?? 1;
    value *= multiplier;
    const minor = !unit && !sym && !code && multiplier === 1 ? MINOR_UNIT_AFTER.exec(lower.slice(end)) : null;
    if (minor) {
      value /= 100;
      end += minor[0].length;
    }
    if (minusWord || dash1 || dash2) value = -value;
    // Keep the trailing space out of the span but keep "minus" and "$" in it.
    const text = original.slice(m.index, end).trimEnd();
    const currency =
      (sym ? SYMBOLS[sym] : undefined) ??
      (code ? code.toUpperCase() : undefined) ??
      (unit ? (CODES.includes(unit) ? unit.toUpperCase() : WORDS[unit]) : undefined);
    const start = m.index + (text.length - text.trimStart().length);
    out.push({
      start,
      end: m.index + text.length,
      value: roundFloat(value),
      originalValue: text.trim(),
      ...(currency ? { currency } : {}),
      isMoney: Boolean(sym || code || unit || multiplier !== 1 || fraction || minor),
      fromWords: false,
      ...(minor ? { minorUnit: true } : {}),
      ...(!sym && !code && !unit && PICKS_ENTRIES_BEFORE.test(lower.slice(0, start))
        ? { picksEntries: true }
        : {}),
    });
  }
  return out;
}

function findSlang(lower: string, original: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  for (const rule of SLANG) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(lower); m; m = rule.re.exec(lower)) {
      const currency = rule.currency?.(m);
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        value: rule.value(m),
        originalValue: original.slice(m.index, m.index + m[0].length),
        ...(currency ? { currency } : {}),
        isMoney: true,
        fromWords: true,
      });
    }
  }
  return out;
}

/** 0.1 * 3 style noise from the multiplier must not reach the slot ("3.5k" is 3500, not 3500.0000001). */
export const roundFloat = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * "5 bucks 50", "3 dollars and 25 cents", "a buck fifty", "twelve dollars fifty": one amount, the
 * second number being the cents. With "and", only when the cents are named ("5 dollars and 25" could be
 * two items).
 */
export function joinCents(found: NumberMatch[], lower: string, original: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  for (const n of found) {
    const prev = out[out.length - 1];
    const between = prev ? lower.slice(prev.end, n.start) : '';
    const withAnd = /^\s+and\s+$/.test(between);
    const cents = n.minorUnit ? Math.round(n.value * 100) : n.value;
    if (
      prev &&
      (withAnd ? n.minorUnit : /^\s+$/.test(between)) &&
      MAJOR_UNIT_END.test(lower.slice(prev.start, prev.end)) &&
      Number.isInteger(prev.value) &&
      !n.currency &&
      Number.isInteger(cents) &&
      cents >= 1 &&
      cents <= 99 &&
      (n.minorUnit || /^(?:\d{2}|[a-z -]+)$/.test(n.originalValue.toLowerCase()))
    ) {
      out[out.length - 1] = {
        ...prev,
        end: n.end,
        value: roundFloat(prev.value + (prev.value < 0 ? -cents : cents) / 100),
        originalValue: original.slice(prev.start, n.end),
      };
      continue;
    }
    out.push(n);
  }
  return out;
}

/** Digit and slang amounts in `lower` outside `taken`, in order, cents joined to their dollars. */
export function findDigitAmounts(lower: string, original: string, taken: Span[] = []): NumberMatch[] {
  const free = (n: Span): boolean => !taken.some((t) => t.start < n.end && n.start < t.end);
  const slang = findSlang(lower, original).filter(free);
  const digits = findDigitNumbers(lower, original).filter(
    (n) => free(n) && !slang.some((s) => s.start < n.end && n.start < s.end),
  );
  return [...slang, ...digits].sort((a, b) => a.start - b.start);
}
