/**
 * Bills due in the next 7 days (issue 12 points 2 and 6), from the person's recurring rules alone: a
 * rule knows its next due day and its repeat rule, so this needs no read of the entries and costs the
 * same whatever the history. Only active expense rules are bills; income is not something to pay.
 */
import { addIsoDays } from '@budgetbuddy/bot/calendar';
import { formatMoney } from '../domain/ledger/money';
import type { RecurringRule } from '../domain/recurring/rules';
import { occurrencesBetween } from '../domain/recurring/schedule';

/** Today and the six days after it. */
export const BILL_WINDOW_DAYS = 7;

export interface UpcomingBill {
  ruleId: string;
  /** The rule's name as the person said it, first letter capitalised ("Netflix"). */
  name: string;
  /** User-local day, YYYY-MM-DD. */
  date: string;
  amount: { minor: number; formatted: string };
}

const title = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** One occurrence of `rule` on `date`, as a bill. */
export const billOf = (rule: RecurringRule, date: string): UpcomingBill => ({
  ruleId: rule.id,
  name: title(rule.name),
  date,
  amount: { minor: rule.amountMinor, formatted: formatMoney(rule.amountMinor, rule.currency) },
});

/**
 * Every occurrence of the active expense rules from today to today + 6, oldest first. An occurrence
 * the job has not posted yet (nextDue before today, e.g. the laptop slept) counts from today on.
 */
export function upcomingBills(rules: readonly RecurringRule[], today: string): UpcomingBill[] {
  const last = addIsoDays(today, BILL_WINDOW_DAYS - 1);
  return rules
    .filter((r) => r.kind === 'expense' && r.status === 'active' && r.nextDue !== null)
    .flatMap((r) =>
      occurrencesBetween(r.recurrence, r.nextDue! > today ? r.nextDue! : today, last).map((date) =>
        billOf(r, date),
      ),
    )
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}

/** How many expected incomes the overview lists. */
export const MAX_EXPECTED_INCOME = 5;

/**
 * Money on its way in (a salary rule, "got paid 500 on the 28th" said on the 3rd): the next day of each
 * active income rule, soonest first. It is not in any balance until the job posts it on that day, so the
 * panel shows it apart from the balances, as expected.
 */
export function expectedIncome(rules: readonly RecurringRule[], today: string): UpcomingBill[] {
  return rules
    .filter((r) => r.kind === 'income' && r.status === 'active' && r.nextDue !== null)
    .map((r) => billOf(r, r.nextDue! > today ? r.nextDue! : today))
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name))
    .slice(0, MAX_EXPECTED_INCOME);
}
