/**
 * Tags (issue 12 point 4): put one on an entry after logging it. Logging with "#work" in the message,
 * totals and lists by tag use the Tag slot of LogExpense, QuerySpending and ListTransactions.
 */
import { IntentName } from '../names';
import type { IntentDefinition } from '../types';
import { entrySlot, tagSlot } from './slots';

export const TagTransaction: IntentDefinition = {
  name: IntentName.TagTransaction,
  description: "Tag the last entry, or a described one, with a word of the person's own.",
  sampleUtterances: [
    'tag it {Tag}',
    'tag it as {Tag}',
    'tag it with {Tag}',
    'tag that {Tag}',
    'tag that as {Tag}',
    'tag this as {Tag}',
    'tag this one {Tag}',
    'tag {Entry} as {Tag}',
    'tag {Entry} with {Tag}',
    'please tag {Entry} as {Tag}',
    'add the tag {Tag}',
    'add the tag {Tag} to it',
    'add the tag {Tag} to {Entry}',
    'add a tag {Tag} to that',
    'put the tag {Tag} on it',
    'put the tag {Tag} on {Entry}',
    'label {Entry} as {Tag}',
    'mark {Entry} as {Tag}',
    'tag the last one {Tag}',
    'tag that last expense as {Tag}',
    'tag it',
    'add a tag',
    'tag my last expense as {Tag}',
    'tag the uber ride {Tag}',
    "tag yesterday's dinner as {Tag}",
    'put a {Tag} tag on {Entry}',
    'add {Tag} as a tag to {Entry}',
    'tag {Entry} {Tag}',
    'can you tag that one {Tag}',
  ],
  slots: [tagSlot(true), entrySlot],
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};
