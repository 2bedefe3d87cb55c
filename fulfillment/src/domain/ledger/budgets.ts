/**
 * Budget arithmetic, pure: how much of a budget is spent, what is left, and how much may be spent per
 * remaining day. Inputs come from one budget item and one rollup item, so a status costs two reads
 * however long the history is.
 */
import { z } from 'zod';
import { BUDGET_PERIODS } from '@budgetbuddy/bot/names';
import type { DaySpan } from '@budgetbuddy/bot/calendar';
import { canonicalCategory, categoryKey, validateCategoryName } from './categories';
import { InvalidTransactionError, LedgerError } from './errors';
import { minorUnitsSchema, normalizeCurrency, type MinorUnits } from './money';
import { MAX_REQUEST_ID_LENGTH, validateAmountMinor } from './transactions';
import {
  daysLeftInPeriod,
  granularityOfBudget,
  periodKeyOf,
  rangeOfPeriod,
  type PeriodTotals,
} from './periods';

export { BUDGET_PERIODS };
export const budgetPeriodSchema = z.enum(BUDGET_PERIODS);
export type BudgetPeriodName = z.infer<typeof budgetPeriodSchema>;

/** A stored budget, as a store reads it back. */
export const budgetSchema = z.object({
  /** null = the overall budget (all expense categories). */
  category: z.string().nullable(),
  period: budgetPeriodSchema,
  limitMinor: minorUnitsSchema,
  currency: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Budget = z.infer<typeof budgetSchema>;

/** The shape of a NewBudget; values are checked with domain rules in parseNewBudget. */
export const newBudgetSchema = z.object({
  /** null = the overall budget (all expense categories). */
  category: z.string().nullable(),
  period: budgetPeriodSchema,
  limitMinor: z.custom<number>((v) => typeof v === 'number'),
  currency: z.string(),
  requestId: z.string().min(1).max(MAX_REQUEST_ID_LENGTH),
});
export type NewBudget = z.infer<typeof newBudgetSchema>;
/** A NewBudget that passed parseNewBudget: its limit is known to be whole minor units. */
export type ValidNewBudget = NewBudget & { limitMinor: MinorUnits };

/** The warning levels, in percent of the limit, a person is told about when a new expense crosses them. */
export const BUDGET_THRESHOLDS = [80, 100] as const;

export interface BudgetStatus {
  category: string | null;
  currency: string;
  period: DaySpan;
  limitMinor: number;
  spentMinor: number;
  /** Negative when over budget. */
  leftMinor: number;
  /** Whole percent of the limit spent, rounded down (can exceed 100). */
  percentUsed: number;
  /** Days left in the period, counting today. */
  daysLeft: number;
  /** What can be spent each remaining day (today included) to stay within budget; 0 once over. */
  perDayAllowanceMinor: number;
  overBudget: boolean;
}

/** How much a budget's scope has spent in some totals: one category, or all expenses for the overall budget. */
export function spentAgainst(budget: Pick<Budget, 'category'>, totals: PeriodTotals): number {
  if (budget.category === null) return totals.expenseTotalMinor;
  const key = categoryKey(budget.category);
  return Object.entries(totals.expenseByCategory)
    .filter(([category]) => categoryKey(category) === key)
    .reduce((sum, [, amount]) => sum + amount, 0);
}

/**
 * The status of `budget` on the user-local date `today`, from the totals of the period containing it.
 * Throws if the totals are for another period or currency: that would be a wrong answer, not a user error.
 */
export function budgetStatus(budget: Budget, totals: PeriodTotals, today: string): BudgetStatus {
  const granularity = granularityOfBudget(budget.period);
  const expected = periodKeyOf(granularity, today);
  if (totals.period.granularity !== granularity || totals.period.key !== expected.key) {
    throw new Error(`Totals for ${totals.period.key} cannot answer a ${budget.period} budget on ${today}.`);
  }
  if (totals.currency !== budget.currency) {
    throw new Error(`Totals in ${totals.currency} cannot answer a budget in ${budget.currency}.`);
  }
  const spentMinor = spentAgainst(budget, totals);
  const leftMinor = budget.limitMinor - spentMinor;
  const daysLeft = daysLeftInPeriod(granularity, today);
  return {
    category: budget.category,
    currency: budget.currency,
    period: rangeOfPeriod(expected),
    limitMinor: budget.limitMinor,
    spentMinor,
    leftMinor,
    percentUsed: budget.limitMinor > 0 ? Math.floor((spentMinor * 100) / budget.limitMinor) : 0,
    daysLeft,
    perDayAllowanceMinor: leftMinor > 0 ? Math.floor(leftMinor / daysLeft) : 0,
    overBudget: spentMinor > budget.limitMinor,
  };
}

/**
 * The thresholds (percent of `limitMinor`) that spending crossed going from `beforeMinor` to `afterMinor`:
 * 300 → 350 of 400 crosses 80; 350 → 400 crosses 100; already over stays quiet.
 */
export function thresholdsCrossed(
  beforeMinor: number,
  afterMinor: number,
  limitMinor: number,
  thresholds: readonly number[] = BUDGET_THRESHOLDS,
): number[] {
  if (limitMinor <= 0) return [];
  // Compare in integers (spent × 100 against threshold × limit) so no rounding decides a warning.
  const reached = (spent: number, t: number) => spent * 100 >= t * limitMinor;
  return thresholds.filter((t) => !reached(beforeMinor, t) && reached(afterMinor, t));
}

/** Validates and normalises a NewBudget; throws a LedgerError with a user-facing sentence. */
export function parseNewBudget(input: unknown): ValidNewBudget {
  const parsed = newBudgetSchema.safeParse(input);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? 'budget';
    throw new InvalidTransactionError(
      `The budget is missing or has a malformed "${field}". Nothing was saved.`,
    );
  }
  const b = parsed.data;
  try {
    const currency = normalizeCurrency(b.currency);
    return {
      category:
        b.category === null
          ? null
          : (canonicalCategory(b.category, 'expense') ?? validateCategoryName(b.category)),
      period: b.period,
      limitMinor: validateAmountMinor(b.limitMinor, currency),
      currency,
      requestId: b.requestId,
    };
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    throw new InvalidTransactionError('The budget could not be read. Nothing was saved.');
  }
}
