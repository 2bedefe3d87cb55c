/** One transaction in words: "$12.50 for Food today (lunch)" / "$2,000.00 of Salary income on Friday, Nov 20". */
import type { Transaction } from '../../domain/ledger';
import { formatMoney } from '../../domain/ledger/money';
import { onDay, type IsoDay } from '@budgetbuddy/bot/calendar';

export function describeTransaction(t: Transaction, today: IsoDay): string {
  const what = t.kind === 'expense' ? `for ${t.category}` : `of ${t.category} income`;
  const note = t.note ? ` (${t.note})` : '';
  return `${formatMoney(t.amountMinor, t.currency)} ${what} ${onDay(t.date, today)}${note}`;
}
