/** The Tag slot, normalised the ledger's way ("#Work" → "work"), or the sentence saying why it is no tag. */
import { SlotName } from '@budgetbuddy/bot';
import { LedgerError } from '../../domain/ledger/errors';
import { normalizeTag } from '../../domain/ledger/tags';
import type { Turn } from '../turn';

export type TagReading = { ok: true; tag: string } | { ok: false; problem: string } | null;

export function readTag(turn: Turn): TagReading {
  const slot = turn.slot(SlotName.Tag);
  const said = slot?.original ?? slot?.interpreted;
  if (!said) return null;
  try {
    return { ok: true, tag: normalizeTag(said) };
  } catch (err) {
    if (err instanceof LedgerError) return { ok: false, problem: err.message };
    throw err;
  }
}
