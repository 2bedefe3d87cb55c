import type { Span } from './spans';

export interface Token extends Span {
  /** Lower-cased, apostrophes removed ("joe's" → "joes"), so "trader joe's" matches "trader joes". */
  text: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function tokenize(lower: string): Token[] {
  const out: Token[] = [];
  for (const m of lower.matchAll(WORD)) {
    out.push({ text: m[0].replace(/['’]/g, ''), start: m.index, end: m.index + m[0].length });
  }
  return out;
}
