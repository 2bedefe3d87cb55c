/**
 * Resolves a custom slot type's values in text: exact synonyms (longest phrase wins, whole words only,
 * so "gas" is not found in "vegas"), simple plural/singular forms, and one- or two-letter typos in
 * longer words ("grocceries", "resturant", "restuarant", "shooping") via fastest-levenshtein. Only words
 * that are not real words are corrected (the caller's `isKnownWord`, backed by an English word list).
 */
import { distance } from 'fastest-levenshtein';
import type { SlotTypeDefinition } from '../definition/types';
import type { Span } from './spans';
import type { Token } from './tokens';
import { tokenize } from './tokens';

export interface SlotTypeMatch extends Span {
  /** The canonical value the words resolve to. */
  value: string;
  /** The user's words ("resturant"). */
  originalValue: string;
  /** True when the words matched only after a typo correction. */
  fuzzy: boolean;
}

const sortedLetters = (w: string): string => [...w].sort().join('');

const phraseKey = (words: string[]): string => words.join(' ');

const MIN_LENGTH_FOR_CHANGED_LETTER = 6;

/** Typo tolerance grows with word length: short words have too many real neighbours. */
const maxTypos = (length: number): number => (length >= 8 ? 2 : length >= 5 ? 1 : 0);

export class SlotTypeMatcher {
  private readonly phrases = new Map<string, string>();
  /** Single-word phrases by first letter: typos rarely hit it, and the lists hold thousands of words. */
  private readonly singleWords = new Map<string, { word: string; value: string }[]>();
  private readonly longest: number;

  constructor(readonly slotType: SlotTypeDefinition) {
    let longest = 1;
    const add = (phrase: string, value: string): void => {
      const words = tokenize(phrase.toLowerCase(), true).map((t) => t.text);
      if (words.length === 0) return;
      const key = phraseKey(words);
      if (!this.phrases.has(key)) this.phrases.set(key, value);
      longest = Math.max(longest, words.length);
    };
    for (const v of slotType.values) {
      for (const phrase of [v.value, ...v.synonyms]) add(phrase, v.value);
    }
    // Plural and singular forms come after every written synonym, so they never override one.
    for (const v of slotType.values) {
      for (const phrase of [v.value, ...v.synonyms]) {
        const lower = phrase.toLowerCase();
        if (lower.endsWith('s') && lower.length > 4) add(lower.slice(0, -1), v.value);
        else if (!lower.endsWith('s')) add(`${lower}s`, v.value);
      }
    }
    for (const [key, value] of this.phrases) {
      if (key.includes(' ')) continue;
      const first = key[0] ?? '';
      const list = this.singleWords.get(first) ?? [];
      list.push({ word: key, value });
      this.singleWords.set(first, list);
    }
    this.longest = longest;
  }

  /** The canonical value of a whole phrase, if it is one (no typo tolerance). */
  valueOf(phrase: string): string | undefined {
    return this.phrases.get(phraseKey(tokenize(phrase.toLowerCase(), true).map((t) => t.text)));
  }

  /**
   * Every match in `tokens` (from the lower-cased text; `original` for verbatim words), in order.
   * `isKnownWord` guards typo correction: a real word (of the bot's vocabulary or of English) is never
   * "corrected" ("table" is not a typo of "tablet", nor "convert" of "concert").
   */
  findAll(tokens: Token[], original: string, isKnownWord: (word: string) => boolean): SlotTypeMatch[] {
    const out: SlotTypeMatch[] = [];
    for (let i = 0; i < tokens.length;) {
      const match = this.exactAt(tokens, i) ?? this.fuzzyAt(tokens, i, isKnownWord);
      if (!match) {
        i += 1;
        continue;
      }
      const first = tokens[i];
      const last = tokens[i + match.length - 1];
      if (!first || !last) break;
      out.push({
        start: first.start,
        end: last.end,
        value: match.value,
        originalValue: original.slice(first.start, last.end),
        fuzzy: match.fuzzy,
      });
      i += match.length;
    }
    return out;
  }

  private exactAt(tokens: Token[], i: number): { value: string; length: number; fuzzy: false } | null {
    for (let n = Math.min(this.longest, tokens.length - i); n >= 1; n -= 1) {
      const key = phraseKey(tokens.slice(i, i + n).map((t) => t.text));
      const value = this.phrases.get(key);
      if (value !== undefined) return { value, length: n, fuzzy: false };
    }
    return null;
  }

  private fuzzyAt(
    tokens: Token[],
    i: number,
    isKnownWord: (word: string) => boolean,
  ): { value: string; length: number; fuzzy: true } | null {
    const word = tokens[i]?.text;
    if (!word || /\d/.test(word) || isKnownWord(word)) return null;
    const allowed = maxTypos(word.length);
    if (allowed === 0) return null;
    let best: { value: string; d: number } | null = null;
    for (const candidate of this.singleWords.get(word[0] ?? '') ?? []) {
      if (Math.abs(candidate.word.length - word.length) > allowed) continue;
      if (maxTypos(candidate.word.length) === 0) continue;
      const d = distance(word, candidate.word);
      if (d > allowed || (best && d >= best.d)) continue;
      // In a short word a changed letter often makes a name or slang the word list lacks, so there
      // only swapped letters count ("lucnh"); longer words may have one letter changed ("shooping").
      if (
        word.length === candidate.word.length &&
        word.length < MIN_LENGTH_FOR_CHANGED_LETTER &&
        sortedLetters(word) !== sortedLetters(candidate.word)
      )
        continue;
      best = { value: candidate.value, d };
    }
    return best ? { value: best.value, length: 1, fuzzy: true } : null;
  }
}
