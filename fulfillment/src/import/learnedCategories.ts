/**
 * The person's own past corrections applied to imported rows (issue 13: "categories from the same
 * category inference as the chat — merchant words, the person's own past corrections"). When someone
 * moves "costco" to Groceries in the chat, the ledger remembers the word (rememberCategory) and the chat
 * files later entries by it (logTransaction's learnedCategory); here a bank row whose description has
 * that word gets that category, over the merchant-word guess, as in the chat.
 *
 * Reads stay bounded: nothing is read for people who never taught a word (their profile says so), and
 * at most MAX_WORDS distinct words of a file are looked up, MAX_RECALL_WORDS per read.
 */
import type { TransactionKind, UserProfile } from '../domain/ledger';
import { MAX_RECALL_WORDS, type LedgerRepository } from '../ports/LedgerRepository';
import { categoriesFor } from '../intents/support/categoryChoice';
import type { ImportedRow } from './parseBankCsv';

/** 40 reads at most, whatever the size of the file; the rarest words of a huge file go unread. */
const MAX_WORDS = 40 * MAX_RECALL_WORDS;

/** The words a correction may have been learnt under: the whole note when short, and each word. */
function wordsOf(description: string): string[] {
  const text = description.toLowerCase().replace(/\s+/g, ' ').trim();
  const words = text
    .split(' ')
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length >= 2 && !/^[\d#*./-]+$/.test(w));
  return [...(text.split(' ').length <= 3 ? [text] : []), ...words];
}

export async function applyLearnedCategories(
  ledger: LedgerRepository,
  userId: string,
  profile: UserProfile,
  rows: ImportedRow[],
): Promise<ImportedRow[]> {
  if (!profile.taughtCategories || rows.length === 0) return rows;
  const learned = new Map<string, string>();
  for (const kind of ['expense', 'income'] as const satisfies readonly TransactionKind[]) {
    const words = [...new Set(rows.filter((r) => r.kind === kind).flatMap((r) => wordsOf(r.description)))];
    const allowed = new Set(categoriesFor(kind, profile));
    for (let i = 0; i < Math.min(words.length, MAX_WORDS); i += MAX_RECALL_WORDS) {
      // A hint only, as in the chat: a failed read leaves the merchant-word category.
      const found = await ledger
        .recallCategories(userId, kind, words.slice(i, i + MAX_RECALL_WORDS))
        .catch(() => []);
      for (const f of found) if (allowed.has(f.category)) learned.set(`${kind}:${f.word}`, f.category);
    }
  }
  if (learned.size === 0) return rows;
  return rows.map((row) => {
    const word = wordsOf(row.description).find((w) => learned.has(`${row.kind}:${w}`));
    return word ? { ...row, category: learned.get(`${row.kind}:${word}`)! } : row;
  });
}
