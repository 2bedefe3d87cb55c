/** CheckBudget: one or all budgets — spent, left, share used, days left and a daily allowance. */
import { SlotName } from '@budgetbuddy/bot';
import { BUDGET_PERIODS, type BudgetPeriodName } from '../domain/ledger';
import { formatMoney } from '../domain/ledger/money';
import { buttonsCard, Buttons, plainText, textChunks } from '../lex/messages';
import type { IntentHandler, Turn } from './turn';
import { finishBudgetRemoval } from './budgetRemoval';
import { budgetStatus, type BudgetStatus } from './support/budgetStatus';
import { matchCategory } from './support/categoryChoice';
import { readBudgetPeriod } from './support/budgetPeriod';
import { rangeOfSlot } from './support/dateSlot';
import { answerSpending } from './QuerySpending';

function describe(s: BudgetStatus): string {
  const money = (minor: number) => formatMoney(minor, s.budget.currency);
  const head = `${s.name[0]!.toUpperCase()}${s.name.slice(1)}: ${money(s.spentMinor)} of ${money(s.budget.limitMinor)} spent (${s.percentUsed}%)`;
  if (s.overBudget) {
    return `${head} — over by ${money(-s.leftMinor)}, ${s.daysLeft} day${s.daysLeft === 1 ? '' : 's'} to go.`;
  }
  if (s.leftMinor === 0) {
    return `${head} — nothing left, ${s.daysLeft} day${s.daysLeft === 1 ? '' : 's'} to go.`;
  }
  const days = `${s.daysLeft} day${s.daysLeft === 1 ? '' : 's'} left`;
  return `${head} — ${money(s.leftMinor)} left, ${days}, about ${money(s.perDayAllowanceMinor)} a day.`;
}

/** "this week", "weekly", "per month": the budget period the words ask about, if any. */
function askedPeriod(turn: Turn): BudgetPeriodName | null {
  const said = readBudgetPeriod(turn.slot(SlotName.Period));
  if (said) return said;
  // "what's left for food this week": the Date slot names the period.
  const date = turn.slot(SlotName.Date);
  const granularity = rangeOfSlot(date, turn.today)?.unit;
  return granularity === 'week'
    ? 'Weekly'
    : granularity === 'month'
      ? 'Monthly'
      : granularity === 'year'
        ? 'Yearly'
        : null;
}

export const handleCheckBudget: IntentHandler = async (turn) => {
  const removal = await finishBudgetRemoval(turn);
  if (removal) return removal;

  const categorySlot = turn.slot(SlotName.Category);
  const category = categorySlot ? matchCategory(categorySlot, 'expense', turn.profile) : null;
  const all = await turn.repo.listBudgets(turn.userId);
  const period = askedPeriod(turn);
  const byOrder = (a: (typeof all)[number], b: (typeof all)[number]) =>
    (a.category ?? '').localeCompare(b.category ?? '') ||
    BUDGET_PERIODS.indexOf(a.period) - BUDGET_PERIODS.indexOf(b.period);
  const ofCategory = all.filter((b) => !category || b.category === category).sort(byOrder);
  let chosen = ofCategory.filter((b) => !period || b.period === period);
  let lead: string | null = null;
  if (chosen.length === 0 && period && ofCategory.length > 0) {
    // "what's left for food this week" with only a monthly Food budget: show that one, and say so.
    lead = `You don't have a ${period.toLowerCase()} ${category ? `${category} ` : ''}budget, so here's what you do have:`;
    chosen = ofCategory;
  }
  if (all.length === 0 && !category && !period) {
    // "how am I doing?" with no budgets: this month's spending says it best.
    const answer = await answerSpending(turn, { category: null });
    return {
      ...answer,
      messages: [
        plainText(
          `You don't have any budgets yet (to set one, say something like "set my grocery budget to 400"), so here's your spending:`,
        ),
        ...(answer.messages ?? []).slice(0, -1),
        buttonsCard('Want to set one?', [Buttons.setBudget, Buttons.listTransactions, Buttons.help]),
      ],
    };
  }
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
      buttonsCard('Want to set one?', [Buttons.setBudget, Buttons.spentThisMonth, Buttons.help]),
    ]);
  }
  const statuses = await Promise.all(
    chosen.map((b) => budgetStatus(turn.repo, turn.userId, b, turn.today, turn.today)),
  );
  // Overall budgets read best last, after the categories that make them up.
  statuses.sort((a, b) => (a.budget.category === null ? 1 : 0) - (b.budget.category === null ? 1 : 0));
  return turn.reply.close([
    ...textChunks([...(lead ? [lead] : []), ...statuses.map(describe)]),
    buttonsCard('Anything else?', [Buttons.spentThisMonth, Buttons.listTransactions, Buttons.setBudget]),
  ]);
};
