/**
 * Out-of-scope guard for intents that change data. A bag-of-words classifier always picks *some*
 * intent ("I love pizza" looks like LogExpense because "pizza" is a category), and logging or deleting
 * by mistake is the costliest error the bot can make. So a write intent is only allowed when the text
 * carries the evidence a real request of that kind always has; otherwise the next-best read-only intent
 * (or FallbackIntent) is used.
 */
import { IntentName } from '../definition/names';
import type { TextAnalysis } from './analyseText';

export interface Evidence {
  words: Set<string>;
  /** The lower-cased text, for evidence that is a phrase ("got paid"). */
  lower: string;
  hasNumber: boolean;
  /** A number with a currency, a money word or cents: relaxes the vocabulary check, not the evidence. */
  hasMoney: boolean;
  hasExpenseCategory: boolean;
  hasIncomeCategory: boolean;
  hasPeriod: boolean;
}

const any = (words: Set<string>, list: readonly string[]): boolean => list.some((w) => words.has(w));

/** Past tense or a logging command: "buy me a coffee" is a wish, "bought a coffee" is an expense. */
const SPENT_VERBS = [
  'spent',
  'paid',
  'bought',
  'log',
  'add',
  'record',
  'track',
  'cost',
  'costs',
  'charged',
  'dropped',
  'blew',
  'purchased',
  'expense',
  'purchase',
  'had',
  'got',
  'took',
] as const;
const SPEND_VERBS = [...SPENT_VERBS, 'spend', 'pay', 'buy', 'charge'] as const;
/** With a number, even a preposition ties it to a purchase ("22 on lunch", "lunch was 12"). */
const AMOUNT_LINKS = ['on', 'for', 'was', 'put', 'at'] as const;
const EXPENSE_NOUNS = ['expense', 'purchase', 'expenses', 'purchases'] as const;
const INCOME_NOUNS = ['income', 'earnings', 'deposit', 'paycheck', 'salary', 'revenue'] as const;
const INCOME_VERBS = [
  'earned',
  'earn',
  'received',
  'receive',
  'got',
  'paid',
  'made',
  'came',
  'add',
  'log',
  'record',
  'deposited',
  'arrived',
  'of',
] as const;
const BUDGET_WORDS = ['budget', 'budgets', 'limit', 'cap', 'allow', 'most', 'max', 'maximum'] as const;
const BUDGET_SETTERS = [
  'set',
  'make',
  'create',
  'new',
  'start',
  'change',
  'update',
  'raise',
  'lower',
  'limit',
  'cap',
  'allow',
  'want',
  'like',
  'up',
] as const;
const DELETE_VERBS = [
  'delete',
  'remove',
  'undo',
  'cancel',
  'erase',
  'revert',
  'scratch',
  'rid',
  'mistake',
  'back',
] as const;
const DELETE_OBJECTS = [
  'that',
  'it',
  'last',
  'previous',
  'entry',
  'transaction',
  'expense',
  'purchase',
  'one',
  'this',
  'mistake',
  'undo',
  'back',
] as const;

export function collectEvidence(
  analysis: TextAnalysis,
  typeNames: { expenseCategory: string; incomeCategory: string; period: string },
): Evidence {
  const words = new Set(analysis.tokens.map((t) => t.text));
  const matches = (name: string): boolean => (analysis.slotTypeMatches.get(name)?.length ?? 0) > 0;
  return {
    words,
    lower: analysis.lower,
    hasNumber: analysis.numbers.length > 0,
    hasMoney: analysis.numbers.some((n) => n.isMoney),
    hasExpenseCategory: matches(typeNames.expenseCategory),
    hasIncomeCategory: matches(typeNames.incomeCategory),
    hasPeriod: matches(typeNames.period),
  };
}

const rules: Partial<Record<string, (e: Evidence) => boolean>> = {
  [IntentName.LogExpense]: (e) =>
    (e.hasNumber && (e.hasExpenseCategory || any(e.words, SPEND_VERBS) || any(e.words, AMOUNT_LINKS))) ||
    (e.hasExpenseCategory && any(e.words, SPENT_VERBS) && !e.words.has('how')) ||
    any(e.words, EXPENSE_NOUNS),
  [IntentName.LogIncome]: (e) =>
    (e.hasNumber && (e.hasIncomeCategory || any(e.words, INCOME_VERBS))) ||
    any(e.words, INCOME_NOUNS) ||
    /\b(?:got|get|was|been|just got) paid\b/.test(e.lower) ||
    (e.hasIncomeCategory && any(e.words, INCOME_VERBS)),
  [IntentName.SetBudget]: (e) =>
    (any(e.words, BUDGET_WORDS) && (e.hasNumber || e.hasPeriod || any(e.words, BUDGET_SETTERS))) ||
    (e.hasNumber && /\b(?:no more than|not more than|more than|at most|up to|maximum of)\b/.test(e.lower)),
  [IntentName.DeleteTransaction]: (e) => any(e.words, DELETE_VERBS) && any(e.words, DELETE_OBJECTS),
};

/** Whether the text may be read as `intentName`; read-only intents need no evidence. */
export function hasEvidenceFor(intentName: string, evidence: Evidence): boolean {
  const rule = rules[intentName];
  return rule ? rule(evidence) : true;
}
