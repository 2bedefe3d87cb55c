import type { SlotTypeDefinition } from '../types';

/**
 * Free text the user attaches to a transaction ("for mom's birthday"). Lex needs at least one value
 * to build an expand-type slot; ORIGINAL_VALUE keeps whatever the user actually said.
 */
export const NoteType: SlotTypeDefinition = {
  name: 'NoteType',
  description: 'A free-text note on a transaction.',
  resolutionStrategy: 'ORIGINAL_VALUE',
  values: [
    { value: "mom's birthday", synonyms: [] },
    { value: 'team lunch', synonyms: [] },
    { value: 'weekend trip', synonyms: [] },
    { value: 'office party', synonyms: [] },
  ],
};
