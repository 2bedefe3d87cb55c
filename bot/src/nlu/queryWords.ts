/**
 * Words of questions the bot's samples never use ("outlays", "disbursements", "inquiries", "howdy"),
 * swapped for the word they do use ("expenses", "questions", "hello") before the classifier sees the
 * text: a bag of words cannot place a word it never saw. The table is generated from WordNet at build
 * time (queryLexicon.ts, scripts/src/buildQueryLexicon.ts). A word the classifier already knows is
 * never swapped, and only the classifier's view changes: slots and write evidence read the user's words.
 */
import { distance } from 'fastest-levenshtein';
import { QUERY_SYNONYMS } from './queryLexicon';

/**
 * Contractions written out, in samples and text alike: "how've you been" is the sample "how have you
 * been" (the tokenizer would make "howve", a word never seen). "'s" stays: it is also the possessive.
 */
const CONTRACTIONS: [RegExp, string][] = [
  [/\b(\w+)['’]ve\b/g, '$1 have'],
  [/\b(\w+)['’]re\b/g, '$1 are'],
  [/\bi['’]m\b/g, 'i am'],
  [/\b(\w+)['’]ll\b/g, '$1 will'],
];
export function expandContractions(lower: string): string {
  let out = lower;
  for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement);
  return out;
}

/** The inflected forms a table word may take in text ("outlays", "disbursed", "inquiring"). */
function forms(word: string): string[] {
  const stem = word.replace(/e$/, '');
  return [
    word,
    `${word}s`,
    `${word}es`,
    word.replace(/y$/, 'ies'),
    `${word}d`,
    `${word}ed`,
    `${stem}ed`,
    `${stem}ing`,
    `${word}ing`,
  ];
}

/**
 * A misspelt topic word ("transactoin", "tranaction", "expnses"): within one edit of an anchor for 6 or 7
 * letters, two from 8 (a swap of two letters is two edits), the first letter kept, as the category typos
 * are read (slotTypeMatcher.ts).
 */
function closeEnough(word: string, anchor: string): boolean {
  if (word.length < 6 || word[0] !== anchor[0] || Math.abs(word.length - anchor.length) > 2) return false;
  return distance(word, anchor) <= (word.length >= 8 ? 2 : 1);
}

export class QueryWords {
  private readonly swaps = new Map<string, string>();
  private readonly phrases: [RegExp, string][] = [];
  /** The anchors and their singulars the classifier knows: the targets of typo correction. */
  private readonly anchors: string[] = [];
  private readonly typos = new Map<string, string | null>();

  /**
   * `isKnown(word)`: whether the classifier saw the word in a sample of a real intent. `isWord(word)`:
   * whether it is a real English word, which is never taken for a typo ("transacting").
   */
  constructor(
    private readonly isKnown: (word: string) => boolean,
    private readonly isWord: (word: string) => boolean = () => true,
  ) {
    const anchors = new Set<string>();
    for (const anchor of Object.values(QUERY_SYNONYMS))
      for (const form of [anchor, anchor.replace(/s$/, '')]) if (isKnown(form)) anchors.add(form);
    this.anchors = [...anchors];
    for (const [word, anchor] of Object.entries(QUERY_SYNONYMS)) {
      if (!isKnown(anchor)) continue;
      if (word.includes(' ')) {
        this.phrases.push([new RegExp(`\\b${word}\\b`, 'g'), anchor]);
        continue;
      }
      for (const form of forms(word)) {
        if (!this.swaps.has(form) && !isKnown(form)) this.swaps.set(form, anchor);
      }
    }
  }

  /** Lower-cased text with each unknown table word replaced by its anchor. */
  rewrite(lower: string): string {
    let out = lower;
    for (const [pattern, anchor] of this.phrases) out = out.replace(pattern, anchor);
    return out.replace(/[a-z][a-z-]*/g, (w) => this.swaps.get(w) ?? this.typoOf(w) ?? w);
  }

  /** The anchor a word the bot never saw and English does not have is a typo of, if any. */
  private typoOf(word: string): string | null {
    if (word.length < 6) return null;
    const cached = this.typos.get(word);
    if (cached !== undefined) return cached;
    const fix =
      this.isKnown(word) || this.isWord(word)
        ? null
        : (this.anchors.find((anchor) => closeEnough(word, anchor)) ?? null);
    // Bounded: only words of 6+ letters outside the vocabulary reach here, and the map is cleared when full.
    if (this.typos.size > 5000) this.typos.clear();
    this.typos.set(word, fix);
    return fix;
  }
}
