/**
 * Finding a category in free text ("what about uber?", "no, it was groceries", "delete the coffee")
 * when the NLU left the Category slot empty. The words are the bot's own slot-type synonyms, so the code
 * hook understands exactly the words the Category slot does, plus the user's custom categories.
 */
import { ExpenseCategoryType } from '@budgetbuddy/bot/src/definition/slotTypes/ExpenseCategoryType';
import { IncomeCategoryType } from '@budgetbuddy/bot/src/definition/slotTypes/IncomeCategoryType';
import type { SlotTypeDefinition } from '@budgetbuddy/bot/src/definition/types';
import { distance } from 'fastest-levenshtein';
import type { TransactionKind, UserProfile } from '../../ports/LedgerRepository';
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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  const candidates = [...SYNONYMS[kind], ...custom].sort((a, b) => b[0].length - a[0].length);
  for (const [word, category] of candidates) {
    if (new RegExp(`(?:^| )${escape(word)}(?:s|es)?(?= |$)`).test(words)) return { category, word };
  }
  return opts.typos ? withTypo(words, candidates) : null;
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
