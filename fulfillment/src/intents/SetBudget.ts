/**
 * SetBudget: create a budget, or replace a different one after a yes. Monthly unless a period is said;
 * the overall budget when no category is.
 */
import { BudgetPeriod, SlotName } from '@budgetbuddy/bot/src/definition/names';
import type { BudgetPeriodName } from '../ports/LedgerRepository';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import { withoutSlot, type IntentHandler } from './turn';
import { readAmount } from './support/amounts';
import { readBudgetPeriod } from './support/budgetPeriod';
import { budgetStatus } from './support/budgetStatus';
import { closestCategories, matchCategory } from './support/categoryChoice';

const PER: Record<BudgetPeriodName, string> = { Weekly: 'a week', Monthly: 'a month', Yearly: 'a year' };
const ADJECTIVE: Record<BudgetPeriodName, string> = {
  Weekly: 'weekly',
  Monthly: 'monthly',
  Yearly: 'yearly',
};

export const handleSetBudget: IntentHandler = async (turn) => {
  const categorySlot = turn.slot(SlotName.Category);
  const category = categorySlot ? matchCategory(categorySlot, 'expense', turn.profile) : null;
  // Monthly unless another period was said.
  const period = readBudgetPeriod(turn.slot(SlotName.Period)) ?? BudgetPeriod.Monthly;
  const label = `${ADJECTIVE[period]} ${category ? `${category} budget` : 'overall budget'}`;

  if (categorySlot && !category) {
    const said = categorySlot.original ?? categorySlot.interpreted ?? '';
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

  const existing = await turn.repo.getBudget(turn.userId, category, period);
  const confirmation = turn.intent.confirmationState;
  if (existing && confirmation === 'Denied') {
    return turn.reply.close([
      plainText(`OK, I kept your ${label} at ${turn.money(existing.limitMinor)} ${PER[period]}.`),
    ]);
  }
  if (existing && existing.limitMinor === amount.minor) {
    return turn.reply.close([
      plainText(
        `Your ${label} is already ${turn.money(existing.limitMinor)} ${PER[period]} — nothing to change.`,
      ),
      buttonsCard('Anything else?', [Buttons.showBudgets, Buttons.spentThisMonth]),
    ]);
  }
  if (existing && confirmation !== 'Confirmed') {
    return turn.reply.confirm([
      plainText(
        `You already have a ${label} of ${turn.money(existing.limitMinor)}. Replace it with ${turn.money(amount.minor)}?`,
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
  return turn.reply.close([
    plainText(
      `${verb}: your ${label} is ${turn.money(budget.limitMinor)} ${PER[period]}. ` +
        (!status
          ? ''
          : status.spentMinor === 0
            ? 'Nothing spent against it yet.'
            : `So far you've spent ${turn.money(status.spentMinor)} of it (${status.percentUsed}%).`),
    ),
    buttonsCard('Anything else?', [Buttons.showBudgets, Buttons.spentThisMonth]),
  ]);
};
