import type { Span } from './spans';

export interface Token extends Span {
  /** Lower-cased, apostrophes removed ("joe's" → "joes"), so "trader joe's" matches "trader joes". */
  text: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/**
 * Words, and each pictograph on its own: "🍕 15" names the item with an emoji. Only slot-type matching
 * reads pictographs; elsewhere an emoji is no word ("thanks 😊" is still thanks).
 */
const WORD_OR_PICTOGRAPH = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|\p{Extended_Pictographic}/gu;

export function tokenize(lower: string, pictographs = false): Token[] {
  const out: Token[] = [];
  for (const m of lower.matchAll(pictographs ? WORD_OR_PICTOGRAPH : WORD)) {
    out.push({ text: m[0].replace(/['’]/g, ''), start: m.index, end: m.index + m[0].length });
  }
  return out;
}
