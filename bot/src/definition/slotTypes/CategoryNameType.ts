import { EXPENSE_CATEGORIES } from '../names';
import type { SlotTypeDefinition } from '../types';

/**
 * A category's name as the person says it, for the intents that manage categories (add, rename,
 * merge): the default categories are its values, and ORIGINAL_VALUE lets a person's own names through
 * ("Pets", "Eating out"). The code hook checks the words against that person's list (docs/nlu.md,
 * "Each person's categories"). Locally the NLU reads the name where it is said ("a category called
 * Pets", "rename Food to Eating out"): bot/src/nlu/slotTypeMatcher.ts, PatternSlotMatcher.
 */
export const CategoryNameType: SlotTypeDefinition = {
  name: 'CategoryNameType',
  description: "A category name: one of the defaults or one of the person's own.",
  resolutionStrategy: 'ORIGINAL_VALUE',
  values: [...EXPENSE_CATEGORIES.map((value) => ({ value, synonyms: [] })), { value: 'Pets', synonyms: [] }],
};

/** The other name in a rename or merge ("to Eating out", "into Food"); same rules as CategoryNameType. */
export const NewCategoryNameType: SlotTypeDefinition = {
  ...CategoryNameType,
  name: 'NewCategoryNameType',
  description: 'The new name of a category, or the category another is merged into.',
};
