import type { SlotTypeDefinition } from '../types';

/**
 * A savings goal in the person's own words ("a trip to japan", "the car", "emergency fund").
 * ORIGINAL_VALUE: fulfillment matches the words against the goals' names itself ("the japan trip"
 * finds "trip to japan"). Lex needs values to build the slot type; these show the shape.
 */
export const GoalNameType: SlotTypeDefinition = {
  name: 'GoalNameType',
  description: 'The name of a savings goal.',
  resolutionStrategy: 'ORIGINAL_VALUE',
  values: [
    { value: 'trip to japan', synonyms: [] },
    { value: 'new car', synonyms: [] },
    { value: 'emergency fund', synonyms: [] },
    { value: 'wedding', synonyms: [] },
    { value: 'house deposit', synonyms: [] },
    { value: 'laptop', synonyms: [] },
  ],
};
