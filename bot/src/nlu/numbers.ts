/**
 * Finds numbers the way people type money: "12.50", "1,200.50", "$3.80", "€5", "12 usd",
 * "18 dollars", "45k VND", "3.5k", "-5", "minus 5", and number words ("fifty", "a hundred and twenty").
 * Digits and money slang are parsed in digitAmounts.ts (≈ 2 µs); number words go to Microsoft's
 * recognizers-text-number, which is accurate but costs about a millisecond a call, so it only runs when
 * the text holds a number word. Its convenience function builds a new recognizer per call (≈ 60 ms);
 * one reused model answers in ≈ 0.2 ms once warm.
 */
import { Culture, NumberRecognizer } from '@microsoft/recognizers-text-number';
import type { NumberMatch } from './digitAmounts';
import {
  CODES,
  ENTRY_ONE_BEFORE,
  NUMBER_AFTER_ONE,
  NUMBER_WORD,
  PICKS_ENTRIES_BEFORE,
  WORDS,
  findDigitAmounts,
  joinCents,
  roundFloat,
} from './digitAmounts';
import type { Span } from './spans';
import { blankOut } from './spans';

export type { NumberMatch } from './digitAmounts';

type NumberModel = ReturnType<NumberRecognizer['getNumberModel']>;
let model: NumberModel | undefined;
const numberModel = (): NumberModel => (model ??= new NumberRecognizer(Culture.English).getNumberModel());

function findWordNumbers(lower: string, original: string, taken: Span[]): NumberMatch[] {
  // Words already read as a date ("two days ago") or digits must not cost a recognizer call.
  const free = blankOut(lower, taken);
  if (!NUMBER_WORD.test(free)) return [];
  const found: NumberMatch[] = [];
  for (const r of numberModel().parse(free)) {
    const value = Number((r.resolution as { value?: unknown }).value);
    const start = r.start;
    let end = r.end + 1;
    if (!Number.isFinite(value) || taken.some((t) => t.start < end && start < t.end)) continue;
    if (/^\d/.test(r.text) || !/[a-z]/.test(r.text)) continue;
    const before = lower.slice(0, start);
    // "the netflix one", "the last one": a name for an entry, not a number.
    if (/^ones?$/.test(r.text) && ENTRY_ONE_BEFORE.test(before) && !NUMBER_AFTER_ONE.test(lower.slice(end)))
      continue;
    const unit = /^\s+([a-z]+)\b/.exec(lower.slice(end));
    const currency = unit?.[1]
      ? (WORDS[unit[1]] ?? (CODES.includes(unit[1]) ? unit[1].toUpperCase() : undefined))
      : undefined;
    const minor = !currency && unit?.[1] !== undefined && /^(?:cents?|pence)$/.test(unit[1]);
    if (unit && (currency || minor)) end += unit[0].length;
    found.push({
      start,
      end,
      value: minor ? roundFloat(value / 100) : value,
      originalValue: original.slice(start, end),
      ...(currency ? { currency } : {}),
      isMoney: Boolean(currency) || minor,
      fromWords: true,
      ...(minor ? { minorUnit: true } : {}),
      ...(!currency && !minor && PICKS_ENTRIES_BEFORE.test(before) ? { picksEntries: true } : {}),
    });
  }
  return joinPriceSpeak(found, lower);
}

/** "twelve fifty" said about a price is 12.50, which the recognizer reads as two numbers. */
function joinPriceSpeak(found: NumberMatch[], lower: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  for (const n of found) {
    const prev = out[out.length - 1];
    if (
      prev &&
      /^\s+$/.test(lower.slice(prev.end, n.start)) &&
      Number.isInteger(prev.value) &&
      prev.value >= 1 &&
      prev.value <= 99 &&
      Number.isInteger(n.value) &&
      n.value >= 10 &&
      n.value <= 99 &&
      !prev.currency &&
      !n.currency &&
      !n.minorUnit &&
      !prev.picksEntries
    ) {
      out[out.length - 1] = {
        ...n,
        start: prev.start,
        value: prev.value + n.value / 100,
        originalValue: `${prev.originalValue} ${n.originalValue}`,
      };
      continue;
    }
    out.push(n);
  }
  return out;
}

/** All numbers in `lower` (lower-cased text; `original` for verbatim words) outside `taken`, in order. */
export function findNumbers(lower: string, original: string, taken: Span[] = []): NumberMatch[] {
  const digits = findDigitAmounts(lower, original, taken);
  const words = findWordNumbers(lower, original, [...taken, ...digits]);
  return joinCents(
    [...digits, ...words].sort((a, b) => a.start - b.start),
    lower,
    original,
  );
}

/** The plain decimal string AMAZON.Number uses ("12.5", "2000", "-5"). */
export const numberToSlotString = (n: number): string => (Number.isInteger(n) ? n.toFixed(0) : String(n));

/** Loads the recognizer's lazily built models so the first user does not wait for them. */
export function warmNumberRecognizer(): void {
  // Its regular expressions compile on first use, per kind of phrase; these cover the common kinds.
  for (const text of [
    'twenty one dollars',
    'spent fifty on drinks',
    'a hundred and five',
    'minus five',
    'two thousand',
  ]) {
    numberModel().parse(text);
  }
}
