/** The Period slot ("Weekly", "monthly", "annual") as a budget period; null when none was said. */
import { BudgetPeriod } from '@budgetbuddy/bot';
import type { BudgetPeriodName } from '../../domain/ledger';
import type { SlotReading } from '../../lex/eventReader';

export function readBudgetPeriod(slot: SlotReading | null): BudgetPeriodName | null {
  const v = (slot?.interpreted ?? slot?.original ?? '').toLowerCase();
  if (v.startsWith('week')) return BudgetPeriod.Weekly;
  if (v.startsWith('month')) return BudgetPeriod.Monthly;
  if (v.startsWith('year') || v.startsWith('annual')) return BudgetPeriod.Yearly;
  return null;
}
