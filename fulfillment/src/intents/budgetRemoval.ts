/**
 * DeleteBudget: removing a budget ("delete my food budget", "remove the weekly budget"), from the
 * Category and Period slots. It always asks first, refuses when there is no such budget, and the
 * yes/no comes back here.
 */
import { SlotName } from '@budgetbuddy/bot';
import type { LexResponse } from '@budgetbuddy/bot/lex';
import type { Budget } from '../domain/ledger';
import { formatMoney } from '../domain/ledger/money';
import { pushedBack } from '../lex/memory';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import type { IntentHandler, Turn } from './turn';
import { readBudgetPeriod } from './support/budgetPeriod';
import { matchCategory } from './support/categoryChoice';

export function budgetLabel(b: Pick<Budget, 'category' | 'period'>): string {
  return `${b.period.toLowerCase()} ${b.category ? `${b.category} budget` : 'overall budget'}`;
}

/** Asks whether to remove the budget the slots name, or which one when several fit. */
export async function askToRemoveBudget(turn: Turn): Promise<LexResponse> {
  const slot = turn.slot(SlotName.Category);
  const category = slot ? matchCategory(slot, 'expense', turn.profile) : null;
  if (slot && !category) {
    const said = slot.original ?? slot.interpreted ?? '';
    return turn.reply.close([
      plainText(`"${said}" isn't one of your expense categories, so there's no budget for it to remove.`),
      buttonsCard('Anything else?', [Buttons.showBudgets, Buttons.help]),
    ]);
  }
  const period = readBudgetPeriod(turn.slot(SlotName.Period));
  const all = await turn.repo.listBudgets(turn.userId);
  const matching = all.filter(
    (b) => (!category || b.category === category) && (!period || b.period === period),
  );
  if (matching.length === 0) {
    const what = category
      ? `a ${period ? `${period.toLowerCase()} ` : ''}${category} budget`
      : 'a budget like that';
    return turn.reply.close([
      plainText(
        all.length === 0
          ? "You don't have any budgets to remove."
          : `You don't have ${what}, so nothing was removed.`,
      ),
      buttonsCard('Anything else?', [Buttons.showBudgets, Buttons.help]),
    ]);
  }
  if (matching.length > 1) {
    return turn.reply.close([
      plainText('Which budget should I remove?'),
      buttonsCard(
        'Remove which?',
        matching.slice(0, 5).map((b) => ({ text: budgetLabel(b), value: `delete my ${budgetLabel(b)}` })),
      ),
    ]);
  }
  const budget = matching[0]!;
  return turn.reply.confirm(
    [
      plainText(
        `Remove your ${budgetLabel(budget)} of ${formatMoney(budget.limitMinor, budget.currency)}? ` +
          'Your transactions stay as they are.',
      ),
      buttonsCard('Remove it?', [Buttons.yes, Buttons.no]),
    ],
    { pendingBudgetDelete: { category: budget.category, period: budget.period } },
  );
}

/** DeleteBudget: asks first, removes on yes (undoable). */
export const handleDeleteBudget: IntentHandler = async (turn) =>
  (await finishBudgetRemoval(turn)) ?? askToRemoveBudget(turn);

/** The yes/no to askToRemoveBudget; null when no removal was pending. */
export async function finishBudgetRemoval(turn: Turn): Promise<LexResponse | null> {
  const pending = turn.memory.pendingBudgetDelete;
  const answer = turn.intent.confirmationState;
  if (!pending || (answer !== 'Confirmed' && answer !== 'Denied')) return null;
  const label = budgetLabel(pending);
  if (answer === 'Denied') {
    return turn.reply.close([plainText(`OK, I kept your ${label}.`)], { pendingBudgetDelete: null });
  }
  const before = await turn.repo.getBudget(turn.userId, pending.category, pending.period);
  turn.writing = true;
  const removed = await turn.repo.deleteBudget(turn.userId, pending.category, pending.period);
  return turn.reply.close(
    [
      plainText(removed ? `Removed your ${label}.` : `Your ${label} was already gone.`),
      buttonsCard('Anything else?', [Buttons.undo, Buttons.showBudgets, Buttons.setBudget]),
    ],
    {
      pendingBudgetDelete: null,
      ...(removed && before
        ? {
            ...(pushedBack(turn.memory.lastLogged) ? { lastLogged: pushedBack(turn.memory.lastLogged) } : {}),
            lastAction: {
              type: 'budget' as const,
              category: pending.category,
              period: pending.period,
              previous: { limitMinor: before.limitMinor, currency: before.currency },
            },
          }
        : {}),
    },
  );
}
