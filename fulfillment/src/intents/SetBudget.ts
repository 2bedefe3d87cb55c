/**
 * SetBudget: create a budget, or replace a different one after a yes. Monthly unless a period is said;
 * the overall budget when no category is.
 */
import { BudgetPeriod, SlotName } from '@budgetbuddy/bot';
import type { BudgetPeriodName } from '../domain/ledger';
import { pushedBack } from '../lex/memory';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import type { LexIntent } from '@budgetbuddy/bot/lex';
import { daysInRange, periodRange } from '../domain/ledger/periods';
import { formatMoney, toMajorString } from '../domain/ledger/money';
import { withoutSlot, type IntentHandler, type Turn } from './turn';
import { readAmount } from './support/amounts';
import { readBudgetPeriod } from './support/budgetPeriod';
import { budgetStatus } from './support/budgetStatus';
import { closestCategories, COMMON_CATEGORIES, matchCategory } from './support/categoryChoice';

const PER: Record<BudgetPeriodName, string> = { Weekly: 'a week', Monthly: 'a month', Yearly: 'a year' };
const ADJECTIVE: Record<BudgetPeriodName, string> = {
  Weekly: 'weekly',
  Monthly: 'monthly',
  Yearly: 'yearly',
};

/** Budgets are kept per week, month or year; a daily one is offered as its monthly equivalent. */
function saysDaily(turn: Turn): boolean {
  const period = turn.slot(SlotName.Period);
  return /^(daily|day)/i.test(period?.interpreted ?? period?.original ?? '');
}

export const handleSetBudget: IntentHandler = async (turn) => {
  const categorySlot = turn.slot(SlotName.Category);
  const category = categorySlot ? matchCategory(categorySlot, 'expense', turn.profile) : null;
  // Monthly unless another period was said.
  const period = readBudgetPeriod(turn.slot(SlotName.Period)) ?? BudgetPeriod.Monthly;
  const label = `${ADJECTIVE[period]} ${category ? `${category} budget` : 'overall budget'}`;

  if (categorySlot && !category) {
    const said = categorySlot.original ?? categorySlot.interpreted ?? '';
    const income = matchCategory(categorySlot, 'income', turn.profile);
    if (income) {
      // "set my salary budget to 100": never silently an overall budget.
      return turn.reply.elicitSlot(
        SlotName.Category,
        [
          plainText(
            `${income} is money coming in, so it can't have a spending budget. Which spending category should the budget be for?`,
          ),
          buttonsCard(
            'Pick a category',
            COMMON_CATEGORIES.expense.map((c) => ({ text: c, value: c })),
          ),
        ],
        {},
        withoutSlot(turn.intent, SlotName.Category),
      );
    }
    const options = closestCategories(said, 'expense', turn.profile);
    return turn.reply.elicitSlot(
      SlotName.Category,
      [
        plainText(`I don't have a category called "${said}". Which one should the budget be for?`),
        buttonsCard(
          'Pick a category',
          options.map((c) => ({ text: c, value: c })),
        ),
      ],
      {},
      withoutSlot(turn.intent, SlotName.Category),
    );
  }
  const amountSlot = turn.slot(SlotName.Amount);
  if (!amountSlot) {
    return turn.reply.elicitSlot(SlotName.Amount, [
      plainText(`How much would you like your ${label} to be?`),
    ]);
  }
  const amount = readAmount(amountSlot, turn.profile.currency);
  if (!amount.ok) {
    return turn.reply.elicitSlot(
      SlotName.Amount,
      [plainText(`${amount.problem} How much should your ${label} be?`)],
      {},
      withoutSlot(turn.intent, SlotName.Amount),
    );
  }

  if (saysDaily(turn)) {
    // Not stored per day: offered as the monthly equivalent for this month's days, and set only on yes.
    const days = daysInRange(periodRange('month', turn.today));
    const monthly = amount.minor * days;
    const offer: LexIntent = {
      ...turn.intent,
      slots: {
        ...(turn.intent.slots ?? {}),
        [SlotName.Period]: {
          shape: 'Scalar',
          value: {
            originalValue: 'monthly',
            interpretedValue: BudgetPeriod.Monthly,
            resolvedValues: [BudgetPeriod.Monthly],
          },
        },
        [SlotName.Amount]: {
          shape: 'Scalar',
          value: {
            originalValue: toMajorString(monthly, turn.profile.currency),
            interpretedValue: toMajorString(monthly, turn.profile.currency),
            resolvedValues: [],
          },
        },
      },
    };
    const what = category ? `${category} budget` : 'overall budget';
    return turn.reply.confirm(
      [
        plainText(
          `I keep budgets per week, month or year, not per day. ${turn.money(amount.minor)} a day is ` +
            `${turn.money(monthly)} over this month's ${days} days. Set a monthly ${what} of ${turn.money(monthly)}?`,
        ),
        buttonsCard('Set it?', [Buttons.yes, Buttons.no]),
      ],
      {},
      offer,
    );
  }

  const existing = await turn.repo.getBudget(turn.userId, category, period);
  const confirmation = turn.intent.confirmationState;
  if (!existing && confirmation === 'Denied') {
    return turn.reply.close([plainText("OK, I didn't set a budget.")]);
  }
  if (existing && confirmation === 'Denied') {
    return turn.reply.close([
      plainText(
        `OK, I kept your ${label} at ${formatMoney(existing.limitMinor, existing.currency)} ${PER[period]}.`,
      ),
    ]);
  }
  if (existing && existing.limitMinor === amount.minor && existing.currency === turn.profile.currency) {
    return turn.reply.close([
      plainText(
        `Your ${label} is already ${formatMoney(existing.limitMinor, existing.currency)} ${PER[period]} — nothing to change.`,
      ),
      buttonsCard('Anything else?', [Buttons.showBudgets, Buttons.spentThisMonth]),
    ]);
  }
  if (existing && confirmation !== 'Confirmed') {
    return turn.reply.confirm([
      plainText(
        `You already have a ${label} of ${formatMoney(existing.limitMinor, existing.currency)}. Replace it with ${turn.money(amount.minor)}?`,
      ),
      buttonsCard('Replace it?', [Buttons.yes, Buttons.no]),
    ]);
  }

  const budget = await turn.repo.putBudget(turn.userId, {
    category,
    period,
    limitMinor: amount.minor,
    currency: turn.profile.currency,
    requestId: turn.requestKey,
  });
  // The budget is saved by now: a failed read of its spending must not say "couldn't save".
  const status = await budgetStatus(turn.repo, turn.userId, budget, turn.today, turn.today).catch(() => null);
  const verb = existing ? 'Updated' : 'Done';
  const pushed = pushedBack(turn.memory.lastLogged);
  const undoable = {
    ...(pushed ? { lastLogged: pushed } : {}),
    lastAction: {
      type: 'budget' as const,
      category,
      period,
      previous: existing ? { limitMinor: existing.limitMinor, currency: existing.currency } : null,
    },
  };
  return turn.reply.close(
    [
      plainText(
        `${verb}: your ${label} is ${turn.money(budget.limitMinor)} ${PER[period]}. ` +
          (!status
            ? ''
            : status.spentMinor === 0
              ? 'Nothing spent against it yet.'
              : `So far you've spent ${turn.money(status.spentMinor)} of it (${status.percentUsed}%).`),
      ),
      buttonsCard('Anything else?', [Buttons.undo, Buttons.showBudgets, Buttons.spentThisMonth]),
    ],
    undoable,
  );
};
