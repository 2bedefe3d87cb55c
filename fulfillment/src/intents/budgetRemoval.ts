/**
 * Removing a budget ("delete my food budget", "remove the weekly budget"). The bot has no intent for
 * it: the words reach CheckBudget or the fallback, and both hand them here. It always asks first, and
 * the yes/no comes back to CheckBudget, which finishes the job.
 */
import { SlotName } from '@budgetbuddy/bot/src/definition/names';
import type { LexResponse } from '@budgetbuddy/bot/src/lex/schemas';
import type { Budget, BudgetPeriodName } from '../ports/LedgerRepository';
import { formatMoney } from '../domain/ledger/money';
import { pushedBack } from '../lex/memory';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import { asIntent, type Turn } from './turn';
import { matchCategory } from './support/categoryChoice';
import { categoryInText } from './support/categoryWords';

export const REMOVE_BUDGET =
  /\b(delete|remove|cancel|drop|clear|get rid of)\b.*\bbudgets?\b|\bbudgets?\b.*\b(delete|remove)\b/i;

const PERIOD_WORDS: [RegExp, BudgetPeriodName][] = [
  [/\bweek(ly)?\b/i, 'Weekly'],
  [/\bmonth(ly)?\b/i, 'Monthly'],
  [/\b(year(ly)?|annual)\b/i, 'Yearly'],
];

export function periodInText(text: string): BudgetPeriodName | null {
  return PERIOD_WORDS.find(([re]) => re.test(text))?.[1] ?? null;
}

const OVERALL = /\b(overall|total|whole|general|main)\b/i;

export function budgetLabel(b: Pick<Budget, 'category' | 'period'>): string {
  return `${b.period.toLowerCase()} ${b.category ? `${b.category} budget` : 'overall budget'}`;
}

/** Asks which budget to remove, or whether to remove the one named. */
export async function askToRemoveBudget(turn: Turn): Promise<LexResponse> {
  const text = turn.event.inputTranscript;
  const slot = turn.slot(SlotName.Category);
  const category =
    (slot ? matchCategory(slot, 'expense', turn.profile) : null) ??
    categoryInText(text.replace(/\bbudgets?\b/gi, ' '), 'expense', turn.profile)?.category ??
    null;
  const period = periodInText(text);
  const all = await turn.repo.listBudgets(turn.userId);
  const matching = all.filter(
    (b) =>
      (category ? b.category === category : OVERALL.test(text) ? b.category === null : true) &&
      (!period || b.period === period),
  );
  const asCheck = asIntent(turn, 'CheckBudget');
  if (matching.length === 0) {
    const what = category
      ? `a ${period ? `${period.toLowerCase()} ` : ''}${category} budget`
      : 'a budget like that';
    return asCheck.reply.close([
      plainText(
        all.length === 0
          ? "You don't have any budgets to remove."
          : `You don't have ${what}, so nothing was removed.`,
      ),
      buttonsCard('Anything else?', [Buttons.showBudgets, Buttons.help]),
    ]);
  }
  if (matching.length > 1) {
    return asCheck.reply.close([
      plainText('Which budget should I remove?'),
      buttonsCard(
        'Remove which?',
        matching.slice(0, 5).map((b) => ({ text: budgetLabel(b), value: `delete my ${budgetLabel(b)}` })),
      ),
    ]);
  }
  const budget = matching[0]!;
  return asCheck.reply.confirm(
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
