/**
 * A confirmed entry for a day still to come ("got paid 500 on the 28th" said on the 3rd, "dentist 90 on
 * the 20th"): money that has not moved yet. It is kept as a one-off scheduled item — a recurring rule of
 * one occurrence — not as an entry, so balances, the overview and "how much do I have" all leave it out
 * until its day; the scheduled job then posts it exactly once through the ledger's ordinary write (the
 * same path and idempotency key as a bill). Until then it is listed with the recurring payments (an
 * expense also among the bills due), and "cancel" or "undo" drop it.
 */
import { onDay } from '@budgetbuddy/bot/calendar';
import type { Account, TransactionKind } from '../domain/ledger';
import { formatMoney } from '../domain/ledger/money';
import { MAX_RULE_NAME_LENGTH } from '../domain/recurring/rules';
import { oneOffRecurrence } from '../domain/recurring/schedule';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import { ruleChangeMemory } from './recurring';
import type { Turn } from './turn';

export interface DatedItem {
  kind: TransactionKind;
  amountMinor: number;
  category: string;
  /** User-local day after today. */
  date: string;
  /** The person's word for it ("dentist"); the category's name when none was said. */
  name: string;
  /** The account named; absent = the default one on the day it is posted. */
  account?: Account;
}

export async function scheduleDated(turn: Turn, item: DatedItem) {
  turn.writing = true;
  const rule = await turn.recurring.addRecurringRule(turn.userId, {
    name: item.name.slice(0, MAX_RULE_NAME_LENGTH),
    kind: item.kind,
    amountMinor: item.amountMinor,
    currency: turn.profile.currency,
    category: item.category,
    recurrence: oneOffRecurrence(item.date),
    nextDue: item.date,
    ...(item.account ? { account: item.account.key } : {}),
    requestId: turn.requestKey,
  });
  const money = formatMoney(rule.amountMinor, rule.currency);
  const what = item.kind === 'expense' ? `for ${rule.category}` : `of ${rule.category} income`;
  const where = item.account ? ` ${item.kind === 'expense' ? 'from' : 'into'} ${item.account.name}` : '';
  const counts =
    item.kind === 'expense'
      ? "It comes off your balance on that day, when I log it; till then it's with your upcoming bills."
      : "It counts in your balance on that day, when I log it; till then it's listed as expected.";
  return turn.reply.close(
    [
      plainText(`Noted: ${money} ${what}${where}, expected ${onDay(item.date, turn.today)}. ${counts}`),
      buttonsCard('Anything else?', [
        Buttons.undo,
        { text: 'My recurring payments', value: 'list my recurring payments' },
      ]),
    ],
    { ...ruleChangeMemory(turn, { type: 'recurringSet', ruleId: rule.id, replaced: null }), draft: null },
  );
}
