/** Reads the Amount slot into minor units of the user's currency, or a sentence saying what was wrong. */
import { LedgerError } from '../../domain/ledger/errors';
import { toMinor } from '../../domain/ledger/money';
import type { SlotReading } from '../../lex/eventReader';

export type AmountReading = { ok: true; minor: number } | { ok: false; problem: string };

export function readAmount(slot: SlotReading, currency: string): AmountReading {
  const raw = slot.interpreted ?? slot.original ?? '';
  try {
    // A leading currency symbol is the user's habit, not part of the number.
    return { ok: true, minor: toMinor(raw.replace(/^\s*[$€£¥₫]\s*/, ''), currency) };
  } catch (error) {
    if (error instanceof LedgerError) return { ok: false, problem: error.message };
    throw error;
  }
}
