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
// type); a comma followed by one or two digits is a decimal comma ("12,50"). Dots group thousands only
// before a decimal comma ("1.234,56", as typed across Europe): "1.234" alone stays a decimal, which the
// currency's decimals then question rather than guess.
const DIGITS =
  /(?<![\p{L}\p{N}.,])(?:(minus|negative)\s+)?(?:(CODE)\s*)?(-)?\s*(SYM)?\s*(-)?(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:\.\d{3})+(?=,\d{1,2}(?![\p{N}]|,\d))|\d{1,3}(?:[ \u00a0\u202f]\d{3}(?![\p{L}\p{N}]))+|\d+)?(?:\.(\d+)|,(\d{1,2})(?![\p{N}]|,\d))?(?:\s*(k|thousand|grand|million|mil|m)\b|(k)(?=\s|$|[^\p{L}\p{N}]))?(?:\s*(UNIT)\b|\s?(SYM))?/gu;
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

/**
 * Ordinals, times, percentages and dates are not amounts; nor is the head of a number in exponent form
 * ("1e9" would otherwise log 1).
 */
const NOT_AN_AMOUNT_AFTER = /^(?:\d|(?:st|nd|rd|th)\b|[:/]\d|e[+-]?\d|\s*(?:am|pm|%|percent)\b)/;

export const NUMBER_WORD =
  /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)\b/;

/**
 * Four or more numbers joined by slashes are a list ("jars 55/10/10/10/10/5"), never a date or a
 * fraction: each of them is a number.
 */
const SLASH_LIST = /(?<![\d./])\d{1,3}(?:\/\d{1,3}){3,}(?![\d/])/g;

function findDigitNumbers(lower: string, original: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  const lists = [...lower.matchAll(SLASH_LIST)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const inList = (at: number): boolean => lists.some((l) => at >= l.start && at < l.end);
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
    if (NOT_AN_AMOUNT_AFTER.test(lower.slice(end)) && !unit && !inList(m.index)) continue;
    let value = Number(`${(whole ?? '0').replace(/[,. \u00a0\u202f]/g, '')}.${fraction ?? '0'}`);
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

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6 };
const NUMBER_TOKEN = /[a-z]+/g;

interface WordCardinal extends Span {
  value: number;
}

/**
 * Cardinals said in words ("forty four", "a hundred and five", "twenty-five", "two thousand"), each
 * run of number words read as the recognizer in numbers.ts reads it: a new number starts where the next
 * word cannot continue the current one ("forty four twenty five" is 44 then 25). A small reader, so the
 * chat proxy can count amounts in words without the recognizer's size; the NLU itself uses the recognizer.
 */
function wordCardinals(lower: string): WordCardinal[] {
  const out: WordCardinal[] = [];
  let cur: { start: number; end: number; total: number; group: number; last: string } | null = null;
  let pendingA: number | null = null;
  let pendingAnd: number | null = null;
  const close = (): void => {
    if (cur) out.push({ start: cur.start, end: cur.end, value: cur.total + cur.group });
    cur = null;
  };
  NUMBER_TOKEN.lastIndex = 0;
  for (let m = NUMBER_TOKEN.exec(lower); m; m = NUMBER_TOKEN.exec(lower)) {
    const w = m[0];
    const start = m.index;
    const end = start + w.length;
    const gap = cur ? lower.slice(cur.end, start) : '';
    if (cur && !/^[\s-]+$/.test(gap) && !(pendingAnd !== null && /^\s+and\s+$/.test(gap))) close();
    const c: { start: number; end: number; total: number; group: number; last: string } | null = cur;
    const kind =
      w in UNITS
        ? 'unit'
        : w in TEENS
          ? 'teen'
          : w in TENS
            ? 'tens'
            : w === 'hundred'
              ? 'hundred'
              : w in SCALES
                ? 'scale'
                : w;
    if (kind === 'a' || kind === 'an') {
      close();
      pendingA = start;
      continue;
    }
    if (kind === 'and') {
      if (c && (c.last === 'hundred' || c.last === 'scale')) {
        pendingAnd = start;
        continue;
      }
      close();
      pendingA = null;
      continue;
    }
    const rest = c ? c.group % 100 : 0;
    if (kind === 'unit' || kind === 'teen' || kind === 'tens') {
      const v = UNITS[w] ?? TEENS[w] ?? TENS[w] ?? 0;
      const fits =
        c !== null &&
        (kind === 'unit'
          ? c.last === 'tens' || c.last === 'hundred' || c.last === 'scale'
          : rest === 0 && c.last !== 'unit' && c.last !== 'teen');
      if (c && fits) {
        c.group += v;
        c.end = end;
        c.last = kind;
      } else {
        close();
        cur = { start, end, total: 0, group: v, last: kind };
      }
      pendingA = null;
      pendingAnd = null;
      continue;
    }
    if (kind === 'hundred') {
      if (c && c.group > 0 && c.group < 10 && c.last === 'unit') {
        c.group *= 100;
        c.end = end;
        c.last = 'hundred';
      } else if (!c && pendingA !== null) {
        cur = { start: pendingA, end, total: 0, group: 100, last: 'hundred' };
      } else {
        close();
      }
      pendingA = null;
      pendingAnd = null;
      continue;
    }
    if (kind === 'scale') {
      const scale = SCALES[w] ?? 1;
      if (c && c.group > 0) {
        c.total += c.group * scale;
        c.group = 0;
        c.end = end;
        c.last = 'scale';
      } else if (!c && pendingA !== null) {
        cur = { start: pendingA, end, total: scale, group: 0, last: 'scale' };
      } else {
        close();
      }
      pendingA = null;
      pendingAnd = null;
      continue;
    }
    close();
    pendingA = null;
    pendingAnd = null;
  }
  close();
  return out;
}

/**
 * Amounts said in words, outside `taken`, with the same readings as numbers.ts: a money word after it
 * ("twenty dollars"), cents ("fifty cents"), and price speak ("twelve fifty" → 12.50, "eight ninety").
 */
export function findWordAmounts(lower: string, original: string, taken: Span[] = []): NumberMatch[] {
  const found: NumberMatch[] = [];
  for (const n of wordCardinals(lower)) {
    if (taken.some((t) => t.start < n.end && n.start < t.end)) continue;
    const text = lower.slice(n.start, n.end);
    const before = lower.slice(0, n.start);
    if (/^ones?$/.test(text) && ENTRY_ONE_BEFORE.test(before) && !NUMBER_AFTER_ONE.test(lower.slice(n.end)))
      continue;
    let end = n.end;
    const unit = /^\s+([a-z]+)\b/.exec(lower.slice(end));
    const currency = unit?.[1]
      ? (WORDS[unit[1]] ?? (CODES.includes(unit[1]) ? unit[1].toUpperCase() : undefined))
      : undefined;
    const minor = !currency && unit?.[1] !== undefined && /^(?:cents?|pence)$/.test(unit[1]);
    if (unit && (currency || minor)) end += unit[0].length;
    const prev = found[found.length - 1];
    if (
      prev &&
      !prev.currency &&
      !prev.minorUnit &&
      !currency &&
      !minor &&
      /^\s+$/.test(lower.slice(prev.end, n.start)) &&
      Number.isInteger(prev.value) &&
      prev.value >= 1 &&
      prev.value <= 99 &&
      n.value >= 10 &&
      n.value <= 99
    ) {
      found[found.length - 1] = {
        ...prev,
        end,
        value: roundFloat(prev.value + n.value / 100),
        originalValue: original.slice(prev.start, end),
      };
      continue;
    }
    found.push({
      start: n.start,
      end,
      value: minor ? roundFloat(n.value / 100) : n.value,
      originalValue: original.slice(n.start, end),
      ...(currency ? { currency } : {}),
      isMoney: Boolean(currency) || minor,
      fromWords: true,
      ...(minor ? { minorUnit: true } : {}),
      ...(!currency && !minor && PICKS_ENTRIES_BEFORE.test(before) ? { picksEntries: true } : {}),
    });
  }
  return found;
}
