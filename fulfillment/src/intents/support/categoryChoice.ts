/**
 * Which category the user meant, and the closest ones to offer when we cannot tell. The Category slot
 * arrives as Lex's top resolution (the canonical name); custom categories live in the user's profile.
 * Matching and ranking are the ledger's; this adds the slot reading and the fallbacks for buttons.
 */
import type { TransactionKind, UserProfile } from '../../domain/ledger';
import type { SlotReading } from '../../lex/eventReader';
import {
  canonicalCategory,
  categoriesFor as ledgerCategoriesFor,
  closestCategories as ledgerClosest,
  followMoves,
  isMovedAway,
  ownCategories,
} from '../../domain/ledger/categories';

/** This person's categories: the defaults and their own, less those renamed or merged away. */
export function categoriesFor(kind: TransactionKind, profile: UserProfile): string[] {
  return ledgerCategoriesFor(kind, ownCategories(kind, profile)).filter(
    (c) => !isMovedAway(c, profile.categoryMoves),
  );
}

/**
 * The canonical category the slot names, or null when it names none of the user's categories. The
 * person's own words come first: "coffee" is Coffee for someone with a Coffee category, even though
 * the slot type resolves it to Food (on Lex, ORIGINAL_VALUE words checked here; docs/nlu.md). A
 * category renamed or merged away lands where its entries went ("lunch" → Eating out after "rename
 * Food to Eating out"). An own category named inside the words ("pet food" with a Pets category)
 * wins over the slot type's guess too: the defaults know nothing of Pets, so they would say Other.
 */
export function matchCategory(slot: SlotReading, kind: TransactionKind, profile: UserProfile): string | null {
  const own = slot.original?.trim().replace(/^(?:a|an|the|my)\s+/i, '');
  if (own) {
    const hit = canonicalCategory(own, kind, ownCategories(kind, profile));
    if (hit && ownCategories(kind, profile).includes(hit)) return followMoves(hit, profile.categoryMoves);
    const inside = ownCategoryIn(own, kind, profile);
    if (inside) return followMoves(inside, profile.categoryMoves);
  }
  const candidates = [slot.interpreted, ...slot.resolved, slot.original].filter((c): c is string => !!c);
  for (const candidate of candidates) {
    const hit = canonicalCategory(candidate, kind, ownCategories(kind, profile));
    if (hit) return followMoves(hit, profile.categoryMoves);
  }
  return null;
}

/**
 * The person's own category whose name is among `words`, as a whole word or phrase, singular or plural
 * ("pet food", "my pets' vet" → Pets); the longest name first. Own categories only: the defaults'
 * words are the slot type's business.
 */
function ownCategoryIn(words: string, kind: TransactionKind, profile: UserProfile): string | null {
  const text = ` ${words
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')} `;
  const mine = categoriesFor(kind, profile);
  const own = ownCategories(kind, profile)
    .filter((c) => mine.includes(c))
    .sort((a, b) => b.length - a.length);
  for (const category of own) {
    const name = category
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (name.length < 3) continue;
    const singular = name.length > 3 ? name.replace(/s$/, '') : name;
    const forms = new Set([name, singular, `${singular}s`, `${singular}es`]);
    if ([...forms].some((f) => text.includes(` ${f} `))) return category;
  }
  return null;
}

/** The categories people pick most, offered when none was said. */
export const COMMON_CATEGORIES: Record<TransactionKind, string[]> = {
  expense: ['Food', 'Groceries', 'Transport', 'Shopping', 'Entertainment'],
  income: ['Salary', 'Freelance', 'Investment', 'Gift', 'Refund'],
};

/** Up to five categories to offer for what was said: the closest, topped up with the common ones. */
export function closestCategories(said: string, kind: TransactionKind, profile: UserProfile): string[] {
  const mine = categoriesFor(kind, profile);
  const close = ledgerClosest(said, 5, mine);
  // The person's own categories before the common defaults: they are the ones a default list lacks.
  const own = ownCategories(kind, profile).filter((c) => mine.includes(c));
  const common = COMMON_CATEGORIES[kind].filter((c) => mine.includes(c));
  return [...new Set([...close, ...own, ...common])].slice(0, 5);
}
