/**
 * The classifier never sees slot values, only a placeholder word for each kind of value ("spent
 * xnumber on xexpensecategory xdate"). Training utterances get placeholders from their {Slot}
 * references, user text from what the resolvers found, so "spent 12 on lunch" and "spent 9.99 on
 * netflix" look alike to it. This is how a few dozen samples cover thousands of phrasings.
 */
import type { SlotDefinition } from '../definition/types';

const BUILT_IN: Record<string, string> = {
  'AMAZON.Number': 'xnumber',
  'AMAZON.Date': 'xdate',
  'AMAZON.AlphaNumeric': 'xalphanumeric',
};

export function placeholderFor(slotTypeName: string): string {
  return (
    BUILT_IN[slotTypeName] ??
    `x${slotTypeName
      .toLowerCase()
      .replace(/type$/, '')
      .replace(/[^a-z0-9]/g, '')}`
  );
}

/** "{Amount} on {Category}" → "xnumber on xexpensecategory", using the intent's own slot types. */
export function delexicaliseSample(utterance: string, slots: SlotDefinition[]): string {
  return utterance
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const slot = slots.find((s) => s.name === name);
      return slot ? ` ${placeholderFor(slot.slotTypeName)} ` : whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
