import type { SlotTypeDefinition } from '../types';

/**
 * A tag in the person's own words ("#work", "travel"). ORIGINAL_VALUE: no list can hold everyone's
 * tags, so Lex keeps what was said and the code hook normalises it ("#Work" → "work"). Locally the NLU
 * reads a tag where one is said: after a "#", or after "tag it", "tagged", "tag the … as"
 * (bot/src/nlu/slotTypeMatcher.ts, TagMatcher). The values only show Lex the shape.
 */
export const TagType: SlotTypeDefinition = {
  name: 'TagType',
  description: 'A tag on a transaction, such as work or travel.',
  resolutionStrategy: 'ORIGINAL_VALUE',
  values: [
    { value: 'work', synonyms: [] },
    { value: 'travel', synonyms: [] },
    { value: 'kids', synonyms: [] },
    { value: 'business', synonyms: [] },
    { value: 'vacation', synonyms: [] },
  ],
};
