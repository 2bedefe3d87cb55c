/**
 * Where the text describes an entry already logged ("change the costco one to 55", "put the laptop
 * under education", "that coffee was yesterday", "delete the dinner"). The words are the Entry slot's
 * value (ORIGINAL_VALUE); the classifier sees them as one placeholder, as it sees `{Entry}` in samples.
 */
import type { Span } from './spans';
import { overlaps } from './spans';

export interface EntryMatch extends Span {
  originalValue: string;
  /** Said with a noun that names an entry ("the costco one", "that uber charge"), not only by position. */
  named: boolean;
}

const WORDS = "[\\p{L}\\p{N}][\\p{L}\\p{N}'&-]*(?:\\s+[\\p{L}\\p{N}][\\p{L}\\p{N}'&-]*){0,2}?";
// "delete everything", "remove all my entries": the Entry says all of them, which fulfillment refuses.
const BULK =
  /^(?:please\s+)?(?:delete|remove|erase|wipe|clear)\s+(?:out\s+)?(everything|all(?:\s+(?:of\s+)?(?:my|the)\s+(?:transactions|entries|expenses|data))?)(?=$|[\s.!?])/u;
const PATTERNS: RegExp[] = [
  // "the costco one", "that uber charge"
  new RegExp(
    `\\b(?:the|that|this|my)\\s+(${WORDS})\\s+(?:one|entry|expense|purchase|transaction|payment|charge|item)\\b`,
    'u',
  ),
  // "put the laptop under education", "move the coffee to yesterday"
  new RegExp(
    `\\b(?:change|put|move|edit|fix|update|correct|recategori[sz]e|file|set)\\s+(?:the|that|this|my)\\s+(${WORDS})\\s+(?:to|under|into|in|as|from)\\b`,
    'u',
  ),
  // "that laptop was actually for work", "the coffee was yesterday"
  new RegExp(
    `^(?:no,?\\s+|oh,?\\s+|wait,?\\s+|actually,?\\s+|sorry,?\\s+)?(?:that|the)\\s+(${WORDS})\\s+was\\b`,
    'u',
  ),
  // "delete the dinner", "remove the netflix from last week"
  new RegExp(
    `\\b(?:delete|remove|erase|edit|fix|correct)\\s+(?:the|that|my)\\s+(${WORDS})\\s*(?:$|[.!?]|\\bfrom\\b|\\bi\\b|\\bon\\b)`,
    'u',
  ),
  BULK,
];

/**
 * Words that say which entry by position or field, not by description: "the last one" is no Entry. "the
 * next one" points ahead, where nothing is logged yet ("change the song to the next one").
 */
const NOT_A_DESCRIPTION = new Set(
  (
    'last previous latest recent first second third other same whole entire new next following amount category date day ' +
    'note price total budget budgets it one transaction transactions expense expenses entry entries ' +
    'purchase purchases payment payments charge item currency time zone timezone limit most biggest ' +
    'account data history'
  ).split(' '),
);

/** @param claimed numbers and dates: an entry description never contains one */
export function findEntryDescription(lower: string, original: string, claimed: Span[]): EntryMatch | null {
  for (const pattern of PATTERNS) {
    const m = pattern.exec(lower);
    const words = m?.[1];
    if (!m || !words) continue;
    const start = m.index + m[0].indexOf(words, m[0].search(/\s/));
    const span = { start, end: start + words.length };
    if (claimed.some((c) => overlaps(c, span))) continue;
    if (words.split(/\s+/).every((w) => NOT_A_DESCRIPTION.has(w.replace(/'/g, '')))) continue;
    return {
      ...span,
      originalValue: original.slice(span.start, span.end),
      named: pattern === PATTERNS[0] || pattern === BULK,
    };
  }
  return null;
}
