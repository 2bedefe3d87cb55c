import type { SlotTypeDefinition } from '../types';

/**
 * Which existing entry a request means, in the person's own words ("the costco one", "the laptop").
 * ORIGINAL_VALUE: fulfillment matches the words against the entries' notes and categories itself.
 * Lex needs at least one value to build the slot type; these only show the shape.
 */
export const EntryType: SlotTypeDefinition = {
  name: 'EntryType',
  description: 'A description of an existing entry.',
  resolutionStrategy: 'ORIGINAL_VALUE',
  values: [
    { value: 'costco', synonyms: [] },
    { value: 'coffee', synonyms: [] },
    { value: 'laptop', synonyms: [] },
    { value: 'uber ride', synonyms: [] },
  ],
};
