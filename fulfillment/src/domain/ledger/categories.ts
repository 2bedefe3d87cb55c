/**
 * Categories: the defaults fixed by the bot definition plus each user's own. Matching ignores case and
 * extra spaces, and always answers with the canonical spelling, so "food", "FOOD " and "Food" are one
 * category in every total.
 */
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { EXPENSE_CATEGORIES, INCOME_CATEGORIES } from '@budgetbuddy/bot';
import { InvalidCategoryError } from './errors';
import { transactionKindSchema, type TransactionKind } from './transactionKind';

export const MAX_CATEGORY_LENGTH = 50;

/** A per-user memory of the category a word (a merchant, an item) belongs to, learned from corrections. */
export const learnedCategorySchema = z.object({
  word: z.string().min(1),
  kind: transactionKindSchema,
  category: z.string().min(1),
});
export type LearnedCategory = z.infer<typeof learnedCategorySchema>;

export const DEFAULT_EXPENSE_CATEGORIES: readonly string[] = EXPENSE_CATEGORIES;
export const DEFAULT_INCOME_CATEGORIES: readonly string[] = INCOME_CATEGORIES;

/** The comparison form of a category name: trimmed, single-spaced, lower case. */
export function categoryKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Trims and single-spaces a category name; throws InvalidCategoryError if it is empty or too long. */
export function validateCategoryName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '')
    throw new InvalidCategoryError('The category is empty. Please name a category, like Food.');
  if (name.length > MAX_CATEGORY_LENGTH) {
    throw new InvalidCategoryError(
      `That category name is ${name.length} characters long; please keep it to ${MAX_CATEGORY_LENGTH} or fewer.`,
    );
  }
  return name;
}

/**
 * A person's own categories of one kind: spending ones ("add a category called Pets") or income ones
 * ("add an income category Tutoring"), each kept in its own list of the profile.
 */
export function ownCategories(
  kind: TransactionKind,
  profile: { customCategories: readonly string[]; customIncomeCategories?: readonly string[] | undefined },
): readonly string[] {
  return kind === 'income' ? (profile.customIncomeCategories ?? []) : profile.customCategories;
}

/**
 * Every category a user can choose for a kind of transaction: defaults first, then their own of that
 * kind (`ownCategories`).
 */
export function categoriesFor(kind: TransactionKind, customCategories: readonly string[] = []): string[] {
  const defaults = kind === 'income' ? DEFAULT_INCOME_CATEGORIES : DEFAULT_EXPENSE_CATEGORIES;
  const seen = new Set(defaults.map(categoryKey));
  const custom = customCategories.filter((c) => {
    const key = categoryKey(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...defaults, ...custom];
}

/** The canonical spelling of `input` among the user's categories, or null when it is not one of them. */
export function canonicalCategory(
  input: string,
  kind: TransactionKind,
  customCategories: readonly string[] = [],
): string | null {
  const key = categoryKey(input);
  return categoriesFor(kind, customCategories).find((c) => categoryKey(c) === key) ?? null;
}

/**
 * Adds a custom category (validated) and returns the new list. Adding one that already exists in any
 * spelling, default or custom, changes nothing. An income list (`kind` income) is checked against the
 * income defaults only: "Tutoring" may be both a spending and an income category.
 */
export function addCustomCategory(
  customCategories: readonly string[],
  name: string,
  kind?: TransactionKind,
): string[] {
  const valid = validateCategoryName(name);
  const key = categoryKey(valid);
  const defaults =
    kind === 'income'
      ? DEFAULT_INCOME_CATEGORIES
      : [...DEFAULT_EXPENSE_CATEGORIES, ...DEFAULT_INCOME_CATEGORIES];
  const all = [...defaults, ...customCategories];
  if (all.some((c) => categoryKey(c) === key)) return [...customCategories];
  return [...customCategories, valid];
}

/**
 * The `n` candidates closest to `input` by edit distance (case-insensitive), best first, for
 * "did you mean" buttons. A candidate that starts with or contains the input ranks ahead of one that
 * merely has a similar spelling. Candidates too far off to be a plausible typo are left out.
 */
export function closestCategories(
  input: string,
  n: number,
  candidates: readonly string[] = DEFAULT_EXPENSE_CATEGORIES,
): string[] {
  const key = categoryKey(input);
  if (key === '' || n <= 0) return [];
  const scored = candidates.map((candidate, index) => {
    const c = categoryKey(candidate);
    const containsBonus = c.startsWith(key) ? 2 : c.includes(key) ? 1 : 0;
    const score = distance(key, c) - containsBonus * key.length;
    return {
      candidate,
      score,
      index,
      plausible: containsBonus > 0 || distance(key, c) <= Math.max(2, Math.ceil(c.length / 2)),
    };
  });
  return scored
    .filter((s) => s.plausible)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, n)
    .map((s) => s.candidate);
}

/**
 * Where a category's entries now live after renames and merges (`moves`: old name → new name, keys
 * compared case-insensitively): "Food" → "Eating out" after "rename Food to Eating out". Follows a
 * chain of moves, at most a few hops (a cycle cannot form: a move's target is never moved away).
 */
export function followMoves(category: string, moves: Readonly<Record<string, string>> = {}): string {
  let current = category;
  for (let hop = 0; hop < 8; hop++) {
    const key = categoryKey(current);
    const next = Object.entries(moves).find(([from]) => categoryKey(from) === key)?.[1];
    if (next === undefined || categoryKey(next) === key) return current;
    current = next;
  }
  return current;
}

/** Whether `name` was renamed or merged away. */
export function isMovedAway(name: string, moves: Readonly<Record<string, string>> = {}): boolean {
  const key = categoryKey(name);
  return Object.keys(moves).some((from) => categoryKey(from) === key);
}
