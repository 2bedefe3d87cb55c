/**
 * One pass over the user's text that finds every value any slot could take: dates first (they contain
 * numbers: "2 days ago"), then numbers, then the words of each custom slot type. Intents then pick
 * what they need from this, and the classifier gets the text with placeholders in place of values.
 */
import { ExpenseCategoryType } from '../definition/slotTypes/ExpenseCategoryType';
import { IncomeCategoryType } from '../definition/slotTypes/IncomeCategoryType';
import type { DateMatch } from './dates';
import { findDates } from './dates';
import type { NumberMatch } from './numbers';
import { findNumbers } from './numbers';
import { placeholderFor } from './placeholders';
import type { SlotTypeMatch, SlotTypeMatcher } from './slotTypeMatcher';
import type { Span } from './spans';
import { longestNonOverlapping, lowerKeepingOffsets, overlaps } from './spans';
import type { Token } from './tokens';
import { tokenize } from './tokens';

export interface TextAnalysis {
  original: string;
  lower: string;
  /** Words outside dates and numbers. */
  tokens: Token[];
  dates: DateMatch[];
  numbers: NumberMatch[];
  /** Matches per custom slot type name, each type on its own (types may claim the same words). */
  slotTypeMatches: Map<string, SlotTypeMatch[]>;
}

export interface AnalyseOptions {
  now: Date;
  timeZone: string;
  matchers: SlotTypeMatcher[];
  isKnownWord: (word: string) => boolean;
}

export function analyseText(original: string, options: AnalyseOptions): TextAnalysis {
  const lower = lowerKeepingOffsets(original);
  const dates = findDates(lower, original, options.now, options.timeZone);
  const numbers = findNumbers(lower, original, dates);
  const claimed: Span[] = [...dates, ...numbers];
  const tokens = tokenize(lower).filter((t) => !claimed.some((c) => overlaps(c, t)));
  const items = tokenize(lower, true).filter((t) => !claimed.some((c) => overlaps(c, t)));
  // A claimed stretch between two words must stop a phrase from spanning it.
  const withBreaks: Token[] = [];
  for (const t of items) {
    const prev = withBreaks[withBreaks.length - 1];
    if (prev && claimed.some((c) => c.start >= prev.end && c.end <= t.start)) {
      withBreaks.push({ text: '\u0000', start: prev.end, end: prev.end });
    }
    withBreaks.push(t);
  }
  const slotTypeMatches = new Map<string, SlotTypeMatch[]>();
  for (const m of options.matchers) {
    slotTypeMatches.set(m.slotType.name, m.findAll(withBreaks, original, options.isKnownWord));
  }
  dropNestedReadings(slotTypeMatches);
  return { original, lower, tokens, dates, numbers, slotTypeMatches };
}

/** Types whose readings of the same words are both kept ("birthday gift" spent, "gift" received). */
const ITEM_TYPES: ReadonlySet<string> = new Set([ExpenseCategoryType.name, IncomeCategoryType.name]);

/**
 * A shorter reading inside a longer phrase of another type is no value of its own: "weekly shop" is
 * groceries, not a weekly period. Expense and income categories keep both readings; the classifier picks.
 */
function dropNestedReadings(matches: Map<string, SlotTypeMatch[]>): void {
  for (const [type, list] of matches) {
    const kept = list.filter(
      (inner) =>
        ![...matches].some(
          ([other, outers]) =>
            other !== type &&
            !(ITEM_TYPES.has(type) && ITEM_TYPES.has(other)) &&
            outers.some(
              (o) =>
                o.start <= inner.start && o.end >= inner.end && o.end - o.start > inner.end - inner.start,
            ),
        ),
    );
    if (kept.length !== list.length) matches.set(type, kept);
  }
}

interface Labelled extends Span {
  label: string;
  typeName?: string;
}

/**
 * The text with values replaced by placeholders. When two slot types claim exactly the same words
 * ("gift" is an expense category and an income category), one variant per reading is returned, so the
 * caller can keep the reading the classifier is surer about.
 */
export function delexicalise(
  analysis: TextAnalysis,
  extraSpans: Labelled[] = [],
  omitTypes?: ReadonlySet<string>,
): string[] {
  const typed: Labelled[] = [];
  for (const [typeName, matches] of analysis.slotTypeMatches) {
    // An omitted type's words are left out altogether (label ''), not read as that type.
    const label = omitTypes?.has(typeName) ? '' : placeholderFor(typeName);
    for (const m of matches) typed.push({ start: m.start, end: m.end, label, typeName });
  }
  const fixed: Labelled[] = [
    ...analysis.dates.map((d) => ({ start: d.start, end: d.end, label: placeholderFor('AMAZON.Date') })),
    ...analysis.numbers.map((n) => ({ start: n.start, end: n.end, label: placeholderFor('AMAZON.Number') })),
    ...extraSpans,
  ];
  const chosen = longestNonOverlapping(typed, fixed);
  const variants: Labelled[][] = [[...fixed, ...chosen]];
  for (const c of chosen) {
    // Another type's reading of (part of) the same words: "birthday gift" is an expense category,
    // "gift" an income one.
    for (const alt of typed.filter((t) => t.label !== c.label && overlaps(t, c))) {
      variants.push([...fixed, ...chosen.map((x) => (x === c ? alt : x))]);
    }
  }
  return [...new Set(variants.slice(0, 4).map((spans) => render(analysis.lower, spans)))];
}

function render(lower: string, spans: Labelled[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    out += `${lower.slice(at, s.start)} ${s.label} `;
    at = s.end;
  }
  return (out + lower.slice(at)).replace(/\s+/g, ' ').trim();
}
