/**
 * The Date slot as fulfillment reads it: the day or range comes from the one reader both the NLU and
 * fulfillment use (`bot/src/nlu/dateRange.ts`), from the slot's resolved value and its words.
 */
import { rangeOfDateSlot, type DateSlotValue, type DateRange, type IsoDay } from '@budgetbuddy/bot/calendar';
import type { SlotReading } from '../../lex/eventReader';

export const dateSlotValue = (slot: Pick<SlotReading, 'original' | 'interpreted'>): DateSlotValue => ({
  originalValue: slot.original,
  interpretedValue: slot.interpreted,
});

/** The range the Date slot names, or null when there is no slot or it names no day. */
export const rangeOfSlot = (slot: SlotReading | null | undefined, today: IsoDay): DateRange | null =>
  slot ? rangeOfDateSlot(dateSlotValue(slot), today) : null;
