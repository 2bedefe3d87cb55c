/** CheckBudget: one or all budgets — spent, left, share used, days left and a daily allowance. */
import { SlotName } from '@budgetbuddy/bot/src/definition/names';
import { buttonsCard, Buttons, plainText, textChunks } from '../lex/messages';
import type { IntentHandler, Turn } from './turn';
import { budgetStatus, type BudgetStatus } from './support/budgetStatus';
import { matchCategory } from './support/categoryChoice';
import { readBudgetPeriod } from './support/budgetPeriod';

const PERIOD_ORDER = { Weekly: 0, Monthly: 1, Yearly: 2 } as const;

function describe(turn: Turn, s: BudgetStatus): string {
  const head = `${s.name[0]!.toUpperCase()}${s.name.slice(1)}: ${turn.money(s.spentMinor)} of ${turn.money(s.budget.limitMinor)} spent (${s.percentUsed}%)`;
  if (s.overBudget) {
    return `${head} — over by ${turn.money(-s.leftMinor)}, ${s.daysLeft} day${s.daysLeft === 1 ? '' : 's'} to go.`;
  }
  const days = `${s.daysLeft} day${s.daysLeft === 1 ? '' : 's'} left`;
  return `${head} — ${turn.money(s.leftMinor)} left, ${days}, about ${turn.money(s.perDayAllowanceMinor)} a day.`;
}

export const handleCheckBudget: IntentHandler = async (turn) => {
  const categorySlot = turn.slot(SlotName.Category);
  const category = categorySlot ? matchCategory(categorySlot, 'expense', turn.profile) : null;
  const all = await turn.repo.listBudgets(turn.userId);
  const period = readBudgetPeriod(turn.slot(SlotName.Period));
  const chosen = all
    .filter((b) => (!category || b.category === category) && (!period || b.period === period))
    .sort(
      (a, b) =>
        (a.category ?? '').localeCompare(b.category ?? '') || PERIOD_ORDER[a.period] - PERIOD_ORDER[b.period],
    );
  if (chosen.length === 0) {
    const adjective = period ? `${period.toLowerCase()} ` : '';
    const what = category
      ? `a ${adjective}${category} budget`
      : period
        ? `a ${adjective}budget`
        : 'any budgets';
    const example = category
      ? `set my ${category.toLowerCase()} budget to 300`
      : 'set my grocery budget to 400';
    return turn.reply.close([
      plainText(`You don't have ${what} yet. To set one, say something like "${example}".`),
      buttonsCard('Want to set one?', [Buttons.setBudget, Buttons.help]),
    ]);
  }
  const statuses = await Promise.all(
    chosen.map((b) => budgetStatus(turn.repo, turn.userId, b, turn.today, turn.today)),
  );
  // Overall budgets read best last, after the categories that make them up.
  statuses.sort((a, b) => (a.budget.category === null ? 1 : 0) - (b.budget.category === null ? 1 : 0));
  return turn.reply.close([
    ...textChunks(statuses.map((s) => describe(turn, s))),
    buttonsCard('Anything else?', [Buttons.spentThisMonth, Buttons.listTransactions]),
  ]);
};
