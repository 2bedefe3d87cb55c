/**
 * SetBudget: create a budget, or replace a different one after a yes. Monthly unless a period is said;
 * the overall budget when no category is.
 */
import { BudgetPeriod, SlotName } from '@budgetbuddy/bot/src/definition/names';
import type { BudgetPeriodName } from '../ports/LedgerRepository';
import { formatMoney } from '../domain/ledger/money';
import { pushedBack } from '../lex/memory';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import { pendingPrompt, type SlotReading } from '../lex/eventReader';
import { withoutSlot, type IntentHandler, type Turn } from './turn';
import { categoryInText } from './support/categoryWords';
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

/** "set a budget for xyzzy of 100": the words after "for" when the NLU found no category in them. */
const SAID_FOR =
  /\b(?:for|on)\s+(?:a |an |the |my )?([\p{L}][\p{L}' -]{0,30}?)(?=\s+(?:of|to|at|for|budget|with|each|every|per|weekly|monthly|yearly)\b|\s*[$€£¥₫]?\d|\s*[.!?]*$)/iu;
const NOT_A_CATEGORY =
  /^(month|week|year|everything|all|all categories|total|overall|me|now|this month|next month|each month|every month|the month|the week|the year|a month|a week|a year)$/i;

function saidCategory(turn: Turn): SlotReading | null {
  const given = turn.slot(SlotName.Category);
  if (given || pendingPrompt(turn.event)) return given;
  const said = SAID_FOR.exec(turn.event.inputTranscript)?.[1]?.trim();
  if (!said || NOT_A_CATEGORY.test(said)) return null;
  const named = categoryInText(said, 'expense', turn.profile);
  return named
    ? { original: named.word, interpreted: named.category, resolved: [named.category] }
    : { original: said, interpreted: said, resolved: [] };
}

export const handleSetBudget: IntentHandler = async (turn) => {
  const categorySlot = saidCategory(turn);
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
