/**
 * Free-text (ORIGINAL_VALUE) slots such as Note: the words after a trailing "for", "note" or "memo"
 * that are not the category phrase, an amount or a date ("spent 40 on pizza for mom's birthday").
 */
import type { Span } from './spans';

export interface FreeTextMatch extends Span {
  originalValue: string;
}

const LEAD_IN = /\b(?:for|note|memo|re|because of)\b:?\s*/g;

const FILLER = new Set(['a', 'an', 'the', 'my', 'some', 'it', 'that', 'this', 'me']);

/**
 * @param claimed spans of numbers and dates: the note stops where one starts
 * @param categories spans of listed slot-type values: a lead-in followed by the category phrase is not a
 *   note ("for a burrito"), unless the category was already named before it ("pizza for the team lunch")
 */
export function findFreeText(
  lower: string,
  original: string,
  claimed: Span[],
  categories: Span[],
): FreeTextMatch | null {
  let best: FreeTextMatch | null = null;
  LEAD_IN.lastIndex = 0;
  for (let m = LEAD_IN.exec(lower); m; m = LEAD_IN.exec(lower)) {
    const start = m.index + m[0].length;
    if ([...claimed, ...categories].some((c) => c.start < start && c.end > m!.index)) continue;
    const nextClaim = claimed
      .filter((c) => c.start >= start)
      .reduce((min, c) => Math.min(min, c.start), lower.length);
    const end = start + lower.slice(start, nextClaim).trimEnd().length;
    const text = original
      .slice(start, end)
      .replace(/[.!?]+$/, '')
      .trim();
    const words = text
      .toLowerCase()
      .split(/[^\p{L}\p{N}']+/u)
      .filter(Boolean);
    if (words.every((w) => FILLER.has(w))) continue;
    const holdsCategory = categories.some((c) => c.start >= start && c.start < end);
    const categoryBefore = categories.some((c) => c.end <= m!.index);
    if (holdsCategory && !categoryBefore) continue;
    // The last candidate wins: notes trail the sentence.
    best = { start, end: start + text.length, originalValue: text };
  }
  return best;
}
