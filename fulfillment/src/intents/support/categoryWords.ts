/**
 * Finding a category in free text ("what about uber?", "no, it was groceries", "delete the coffee")
 * when the NLU left the Category slot empty. The words are the bot's own slot-type synonyms, so the code
 * hook understands exactly the words the Category slot does, plus the user's custom categories.
 */
import { ExpenseCategoryType, IncomeCategoryType, type SlotTypeDefinition } from '@budgetbuddy/bot';
import { distance } from 'fastest-levenshtein';
import type { TransactionKind, UserProfile } from '../../domain/ledger';
import { categoriesFor } from './categoryChoice';

export interface CategoryInText {
  category: string;
  /** The words that named it, as written in the text (lower case). */
  word: string;
}

function wordsOf(type: SlotTypeDefinition): [string, string][] {
  return type.values.flatMap((v) =>
    [v.value, ...(v.synonyms ?? [])].map((w): [string, string] => [w.toLowerCase(), v.value]),
  );
}

const SYNONYMS: Record<TransactionKind, [string, string][]> = {
  expense: wordsOf(ExpenseCategoryType),
  income: wordsOf(IncomeCategoryType),
};

/**
 * Candidates in the order they are tried: the longest word or phrase first, and for equal lengths the
 * order of the definition (then the user's custom categories).
 */
function ranked(candidates: [string, string][]): [string, string][] {
  return [...candidates].sort((a, b) => b[0].length - a[0].length);
}

interface PhraseIndex {
  /** Each phrase's first (best-ranked) candidate, and its rank. */
  byPhrase: Map<string, { rank: number; word: string; category: string }>;
  longestPhraseWords: number;
  candidates: [string, string][];
}

/**
 * Looking a few word n-grams up in a map instead of running one regular expression per synonym (about
 * 700 of them) keeps this off the hot path of every logged expense.
 */
function indexOf(candidates: [string, string][]): PhraseIndex {
  const byPhrase = new Map<string, { rank: number; word: string; category: string }>();
  let longestPhraseWords = 1;
  candidates.forEach(([word, category], rank) => {
    if (!byPhrase.has(word)) byPhrase.set(word, { rank, word, category });
    longestPhraseWords = Math.max(longestPhraseWords, word.split(' ').length);
  });
  return { byPhrase, longestPhraseWords, candidates };
}

// The index depends on the user's own categories too; users share the few lists that exist.
const indexes = new Map<string, PhraseIndex>();

function indexFor(kind: TransactionKind, custom: [string, string][]): PhraseIndex {
  const key = `${kind}\u0000${custom.map(([word]) => word).join('\u0000')}`;
  let index = indexes.get(key);
  if (!index) {
    index = indexOf(ranked([...SYNONYMS[kind], ...custom]));
    if (indexes.size >= 200) indexes.clear();
    indexes.set(key, index);
  }
  return index;
}

/** The best-ranked candidate that some run of words in `words` is, or is with a plural "s"/"es". */
function bestMatch(
  words: string,
  index: PhraseIndex,
): { rank: number; word: string; category: string } | null {
  const tokens = words.split(' ');
  let best: { rank: number; word: string; category: string } | null = null;
  for (let start = 0; start < tokens.length; start++) {
    let phrase = '';
    for (let n = 1; n <= index.longestPhraseWords && start + n <= tokens.length; n++) {
      phrase = n === 1 ? tokens[start]! : `${phrase} ${tokens[start + n - 1]}`;
      for (const form of [phrase, phrase.replace(/s$/, ''), phrase.replace(/es$/, '')]) {
        const hit = index.byPhrase.get(form);
        if (hit && (best === null || hit.rank < best.rank)) best = hit;
      }
    }
  }
  return best;
}

/** Lower case, punctuation to spaces (apostrophes kept), single spaces. */
export const plainWords = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The category the text names, by the longest matching word or phrase (so "uber eats" is Food, not
 * Transport); plurals of a single word count too. null when the text names none.
 */
export function categoryInText(
  text: string,
  kind: TransactionKind,
  profile: UserProfile,
  opts: { typos?: boolean } = {},
): CategoryInText | null {
  const words = plainWords(text);
  if (!words) return null;
  const custom = categoriesFor(kind, profile).map((c): [string, string] => [c.toLowerCase(), c]);
  const index = indexFor(kind, custom);
  const found = bestMatch(words, index);
  if (found) return { category: found.category, word: found.word };
  return opts.typos ? withTypo(words, index.candidates) : null;
}

/**
 * One word off by a typo ("lnch", "cofee", "grocries"): one edit for words up to seven letters, two for
 * longer ones, and only when a single category is that close.
 */
function withTypo(words: string, candidates: [string, string][]): CategoryInText | null {
  const single = candidates.filter(([w]) => !w.includes(' ') && w.length >= 4);
  for (const token of words.split(' ')) {
    if (token.length < 4 || /\d/.test(token)) continue;
    const allowed = token.length >= 8 ? 2 : 1;
    const close = single.filter(([w]) => distance(token, w) <= allowed);
    const categories = new Set(close.map(([, c]) => c));
    if (categories.size === 1) return { category: close[0]![1], word: close[0]![0] };
  }
  return null;
}
