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
} from '../../domain/ledger/categories';

export function categoriesFor(kind: TransactionKind, profile: UserProfile): string[] {
  return ledgerCategoriesFor(kind, profile.customCategories);
}

/** The canonical category the slot names, or null when it names none of the user's categories. */
export function matchCategory(slot: SlotReading, kind: TransactionKind, profile: UserProfile): string | null {
  const candidates = [slot.interpreted, ...slot.resolved, slot.original].filter((c): c is string => !!c);
  for (const candidate of candidates) {
    const hit = canonicalCategory(candidate, kind, profile.customCategories);
    if (hit) return hit;
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
  const close = ledgerClosest(said, 5, categoriesFor(kind, profile));
  return [...new Set([...close, ...COMMON_CATEGORIES[kind]])].slice(0, 5);
}
