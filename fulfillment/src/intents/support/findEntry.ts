/**
 * Which logged entry a person means, from slot values only: the Entry slot ("the costco one", "the
 * laptop"), and for deletes the Category and Date slots. An entry matches only when every word of the
 * description is found in it — its note, its category's name, or (for an entry without a note) a word
 * the person taught for its category — so "the dinner" never finds the lunch.
 */
import type { Transaction } from '../../domain/ledger';
import { addIsoDays, type DateRange } from '@budgetbuddy/bot/calendar';
import type { Turn } from '../turn';

/** How far back a description is searched when no date was said. */
export const SEARCH_DAYS = 90;
/** How many entries one search reads at most. */
const SEARCH_LIMIT = 500;

const FILLER = new Set([
  'the',
  'my',
  'a',
  'an',
  'that',
  'this',
  'those',
  'these',
  'one',
  'ones',
  'entry',
  'entries',
  'transaction',
  'transactions',
  'expense',
  'expenses',
  'purchase',
  'purchases',
  'payment',
  'payments',
  'thing',
  'item',
  'from',
  'for',
  'on',
  'of',
  'at',
  'in',
  'i',
  'bought',
  'spent',
  'paid',
  'logged',
  'just',
]);
/** Words that mean "the one just logged", not a description. */
const LAST = new Set(['last', 'latest', 'previous', 'recent', 'newest', 'it', 'same']);

const stem = (w: string) => w.toLowerCase().replace(/(ies|es|s)$/, '');

/** The description's words, or [] when it only says "the last one" (or nothing). */
export function descriptionWords(said: string | undefined): string[] {
  if (!said) return [];
  const words = said
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !FILLER.has(w));
  if (words.every((w) => LAST.has(w))) return [];
  return words.filter((w) => !LAST.has(w));
}

function wordMatches(t: Transaction, word: string, learned: Map<string, string>): boolean {
  const w = stem(word);
  if (w.length === 0) return false;
  const noteWords = (t.note ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(stem);
  if (noteWords.includes(w)) return true;
  if (w.length >= 4 && (t.note ?? '').toLowerCase().includes(word.toLowerCase())) return true;
  const category = t.category.toLowerCase();
  if (category === word.toLowerCase() || (w.length >= 3 && category.startsWith(w))) return true;
  // Only a word this person taught for the category counts for an entry without a note: "dinner"
  // is a kind of Food, but a Food entry with no note may as well have been a lunch.
  return !t.note && learned.get(word.toLowerCase()) === t.category;
}

export interface EntrySearch {
  words: string[];
  /** A category the person named for the entry (a delete's Category slot). */
  category?: string | null;
  range?: DateRange | null;
}

/** Entries matching the description, newest first. With no words, no category and no range: none. */
export async function findEntries(turn: Turn, search: EntrySearch): Promise<Transaction[]> {
  const { words, category, range } = search;
  if (words.length === 0 && !category && !range) return [];
  const rows = await turn.repo.listByRange(turn.userId, {
    from: range?.from ?? addIsoDays(turn.today, -SEARCH_DAYS),
    to: range?.to ?? turn.today,
    limit: SEARCH_LIMIT,
  });
  const learned = new Map<string, string>();
  if (words.length > 0 && turn.profile.taughtCategories) {
    const taught = await turn.repo.recallCategories(turn.userId, 'expense', words).catch(() => []);
    for (const l of taught) learned.set(l.word, l.category);
  }
  return rows.filter(
    (t) => (!category || t.category === category) && words.every((w) => wordMatches(t, w, learned)),
  );
}
