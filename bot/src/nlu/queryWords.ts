/**
 * Words of questions the bot's samples never use ("outlays", "disbursements", "inquiries", "howdy"),
 * swapped for the word they do use ("expenses", "questions", "hello") before the classifier sees the
 * text: a bag of words cannot place a word it never saw. The table is generated from WordNet at build
 * time (queryLexicon.ts, scripts/src/buildQueryLexicon.ts). A word the classifier already knows is
 * never swapped, and only the classifier's view changes: slots and write evidence read the user's words.
 */
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

export class QueryWords {
  private readonly swaps = new Map<string, string>();
  private readonly phrases: [RegExp, string][] = [];

  /** `isKnown(word)`: whether the classifier saw the word in a sample of a real intent. */
  constructor(isKnown: (word: string) => boolean) {
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
    return out.replace(/[a-z][a-z-]*/g, (w) => this.swaps.get(w) ?? w);
  }
}
