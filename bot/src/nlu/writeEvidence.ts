/**
 * Out-of-scope guard for intents that change data. A bag-of-words classifier always picks *some*
 * intent ("I love pizza" looks like LogExpense because "pizza" is a category), and logging or deleting
 * by mistake is the costliest error the bot can make. So a write intent is only allowed when the text
 * carries the evidence a real request of that kind always has; otherwise the next-best read-only intent
 * (or FallbackIntent) is used.
 *
 * The rules read the analysed text: the words outside numbers and dates (with their positions), the
 * numbers, and the spans each slot type claimed. They are about the shape of a request (an amount, a
 * spending verb said by the user, a category right after it), never about particular sentences.
 */
import { IntentName } from '../definition/names';
import type { TextAnalysis } from './analyseText';
import type { NumberMatch } from './numbers';
import type { Span } from './spans';
import { overlaps } from './spans';
import type { Token } from './tokens';
import { FULL_WEEKDAY, SHORT_MONTH } from './dateWords';
import { accountRules } from './accountEvidence';

export interface Evidence {
  words: Set<string>;
  /** The lower-cased text, for evidence that is a phrase ("got paid"). */
  lower: string;
  /** Words outside numbers and dates, in text order. */
  tokens: Token[];
  /** Numbers that can be a sum of money: not a clock time ("at 3") or a count of things ("3 new emails"). */
  amounts: NumberMatch[];
  hasNumber: boolean;
  /** A number with a currency, a money word or cents: relaxes the vocabulary check, not the evidence. */
  hasMoney: boolean;
  expenseCategories: Span[];
  hasExpenseCategory: boolean;
  hasIncomeCategory: boolean;
  hasPeriod: boolean;
  hasDate: boolean;
  /** Markup, SQL or template syntax: pasted code, not a request. */
  looksLikeCode: boolean;
  /** A question ("spent on shopping this month?"), not a statement of what happened. */
  isQuestion: boolean;
  /** Words that say the money came in ("sold", "refunded", "paid me", "salary"), none that it went out. */
  moneyCameIn: boolean;
  /** A verb that says the money went out ("paid 500 for a wedding gift"), none that it came in. */
  moneyWentOut: boolean;
  /** A goal, wish, plan or reminder ("i want to save 2000 by june"): never a transaction. */
  isWish: boolean;
  /** A currency named ("euros", "VND"). */
  hasCurrency: boolean;
  /** A time zone named by city, region or abbreviation. */
  hasTimeZone: boolean;
  /** A description of an existing entry ("the costco one"), found by the interpreter. */
  hasEntry: boolean;
  /** Where an account is named ("in my checking", "my visa", "cash wallet"), issue 12 point 1. */
  accounts: Span[];
  /** Where a transfer's side is named ("from checking", "to cash"). */
  transferSides: Span[];
  /** Money said to go into an account ("into savings", "to cash"): "put 200 into savings" is no expense. */
  intoAccount: boolean;
  /** Money said to leave an account ("out of checking"): "took 40 out of checking" is no income. */
  fromAccount: boolean;
  /** About saving toward something or a goal ("save 2000 for a trip", "my japan goal", "toward the car"). */
  aboutGoals: boolean;
  /** "took 100 out of savings for the japan trip": money taken from an account for a named aim. */
  takenForGoal: boolean;
  /**
   * The text with the words of questions the bot never saw swapped for known ones ("what have my
   * outlays been" → "expenses"), set by the interpreter: what a read is about may be said in them.
   */
  readLower?: string;
  /**
   * A repeat said in words ("every month", "monthly") outside a category's name: "monthly pay 6 on
   * october 23" names a kind of income, not how often it comes.
   */
  repeatSaid: boolean;
  /** A day said that is still ahead of the person's today ("on the 25th" said on the 3rd), set by the interpreter. */
  dayAhead?: boolean;
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
  'ordered',
  'grabbed',
  'lent',
  'loaned',
] as const;
/** Without an amount only these count: "had lunch" or "got a haircut" is news, not a request to log. */
const STRONG_SPENT_VERBS = [
  'spent',
  'paid',
  'bought',
  'purchased',
  'log',
  'add',
  'record',
  'track',
  'charged',
  'dropped',
  'blew',
  'ordered',
] as const;
const SPEND_VERBS = [...SPENT_VERBS, 'spend', 'pay', 'buy', 'charge'] as const;
/** Money going out, said outright; "got" or "had" alone do not say which way it went. */
const OUTGOING_VERBS = [
  'spent',
  'spend',
  'paid',
  'pay',
  'bought',
  'buy',
  'purchased',
  'charged',
  'charge',
  'dropped',
  'blew',
  'ordered',
  'cost',
  'costs',
  'lent',
  'loaned',
] as const;
/** What may stand before the spending verb: the user ("I", "we"), an adverb, or nothing ("bought lunch"). */
const OWN_SUBJECT = new Set([
  'i',
  'we',
  'ive',
  'weve',
  'just',
  'also',
  'finally',
  'already',
  'then',
  'and',
  'so',
  'oops',
  'ok',
  'okay',
  'please',
]);
/** Words that may stand between the verb and its category ("bought a new dress", "spent money on food"). */
const OBJECT_LINKS = new Set([
  'a',
  'an',
  'the',
  'some',
  'my',
  'our',
  'for',
  'on',
  'at',
  'new',
  'more',
  'another',
  'money',
  'of',
]);
const MAX_OBJECT_GAP = 3;
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
  'sold',
  'reimbursed',
  'refunded',
  'won',
  'borrowed',
] as const;
/** With an income word and no amount, one of these says the user is logging it ("add income"). */
const INCOME_LOGGING_VERBS = [
  'add',
  'log',
  'record',
  'track',
  'enter',
  'new',
  'came',
  'arrived',
  'got',
  'received',
  'earned',
  'deposited',
] as const;
/** Money coming in; with none of SPEND_VERBS beside them, the text is not about an expense. */
const INCOME_MARKERS = [
  'earned',
  'received',
  'sold',
  'reimbursed',
  'refunded',
  'deposited',
  'borrowed',
] as const;
/**
 * Money coming in said as a phrase: "got paid", "paid me", "mom gave me 40", "got 20 back from
 * amazon" (a refund). "paid my friend back" is the other way: the user paid.
 */
const INCOME_PHRASE =
  /\b(?:got|get|was|been|were|gets) paid\b|\bpaid (?:me|us)\b|\b(?:gave|sent|lent|loaned|handed|owed) (?:me|us)\b|\bgot (?:\S+ ){0,3}back\b/;
/**
 * A goal, a wish, a plan or a reminder is never a transaction: "i want to save 2000 by june", "remind
 * me to pay rent", "i should buy a bike", "i'm going to spend 50 on shoes".
 */
const WISH =
  /\bremind(?:er)?\b|\bsav(?:e|ing)(?: up)?(?: money)? (?:for|to|by|up)\b|\bwant to save\b|\bsavings? goal\b|\bgoal\b|\b(?:i|we)(?: really)? (?:want|wanna|would like|'?d like|need|have|plan|hope|intend|am going|'?m going|am gonna|'?m gonna|will|'?ll|might|may|should|could|must|wish) (?:to )?(?:save|buy|spend|pay|get|purchase|afford|put aside|order|book)\b|\bshould (?:i )?(?:buy|get|spend|pay|order)\b|\b(?:going to|gonna) (?:buy|spend|pay|get|purchase|order)\b|\bplan(?:ning)? (?:to|on) (?:buy|get|spend|pay|save|purchase|order|book|buying|getting|spending|paying|saving|purchasing|ordering|booking)\b|\bthinking (?:about|of) (?:buying|getting|spending)\b|\bi wish\b|\b(?:i|we) (?:will|'?ll|am going to|'?m going to|am gonna|'?m gonna)\b|\b(?:shopping|grocery|to ?do|to-do|wish|reading) list\b|\b(?:calendar|alarm|timer|reservation)\b|\bbook (?:me |us )?(?:a|an|the)\b|\bif (?:i|you|we)\b/;
const BUDGET_WORDS = [
  'budget',
  'budgets',
  'limit',
  'cap',
  'allow',
  'most',
  'max',
  'maximum',
  'allocate',
  'allot',
  'aside',
] as const;
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
  'need',
  'put',
  'keep',
  'increase',
  'reduce',
  'decrease',
  'adjust',
  'allocate',
] as const;
const LIMIT_PHRASE = /\b(?:no more than|not more than|more than|at most|up to|maximum of|max of|under)\b/;
const DELETE_VERBS = ['delete', 'remove', 'undo', 'cancel', 'erase', 'revert', 'rid', 'scratch'] as const;
/** What a delete command names: the entry itself. A category counts too ("remove the coffee"), except after "cancel" ("cancel my netflix"). */
const DELETE_OBJECTS = new Set([
  'that',
  'it',
  'last',
  'first',
  'previous',
  'latest',
  'recent',
  'entry',
  'transaction',
  'transactions',
  'expense',
  'purchase',
  'payment',
  'one',
  'this',
]);
/** Words that may stand between a deleting verb and what it deletes ("get rid of that"). */
const DELETE_LINKS = new Set(['the', 'my', 'a', 'an', 'of', 'that', 'this', 'last', 'just']);
const DELETE_PHRASE = /\b(?:take (?:it|that|this) back|that was (?:a )?(?:mistake|wrong)|wrong entry)\b/;
const CODE =
  /<\/?[a-z][^>]*>|;\s*--|\/\*|\$\{|\{\{|\bjavascript:|\b(?:select\b[^;]*\bfrom|drop\s+(?:table|database)|insert\s+into|delete\s+from|union\s+select|update\s+\w+\s+set)\b/;
const QUESTION_WORDS = new Set([
  'how',
  'what',
  'whats',
  'when',
  'where',
  'which',
  'why',
  'did',
  'do',
  'does',
  'have',
  'has',
  'is',
  'are',
  'was',
  'can',
  'could',
  'should',
  'would',
  'will',
]);
/** Before a number, these make it a count of entries ("my last 3 rides"), not an amount. */
const COUNT_LEADS = new Set(['last', 'latest', 'recent', 'first', 'top', 'past', 'previous']);
/** Before a small whole number, these make it a clock time ("the meeting is at 3"). */
const TIME_LEADS = new Set(['at', 'around', 'by', 'until', 'till', 'before', 'after']);
/** Nouns that make a number after them an identifier ("my phone number is 555 1234"). */
const IDENTIFIER_NOUNS = new Set([
  'number',
  'phone',
  'code',
  'zip',
  'pin',
  'room',
  'id',
  'flight',
  'extension',
  'password',
]);
/** Adjectives between a count and its noun ("3 new emails"). */
const COUNT_ADJECTIVES = new Set(['new', 'more', 'other', 'extra', 'old', 'big', 'small', 'little']);
/** Words after an amount that are about the money itself ("50 cash"). */
const MONEY_ADJUNCTS = new Set(['cash', 'card', 'total', 'each', 'only', 'tax', 'overall', 'tip', 'worth']);

export interface EvidenceTypes {
  expenseCategory: string;
  incomeCategory: string;
  period: string;
  currency: string;
  timeZone: string;
  account: string;
  fromAccount: string;
  toAccount: string;
}

const TRANSFER_LINK = /^(?:from|out of|off|to|into|onto)\b/;

export function collectEvidence(
  analysis: TextAnalysis,
  typeNames: EvidenceTypes,
  isKnownWord: (word: string) => boolean,
  hasEntry = false,
): Evidence {
  const words = new Set(analysis.tokens.map((t) => t.text));
  const spans = (name: string): Span[] => analysis.slotTypeMatches.get(name) ?? [];
  const expenseCategories = spans(typeNames.expenseCategory);
  // A transfer's side said with its linking word ("from checking", "into savings"); the bare name
  // ("savings") is also one of those types' values, but says nothing about money moving.
  const linked = (name: string): Span[] =>
    spans(name).filter((s) => TRANSFER_LINK.test(analysis.lower.slice(s.start, s.end)));
  const listed = [...analysis.slotTypeMatches.values()].flat();
  const amounts = analysis.numbers.filter((n) => canBeMoney(n, analysis, listed, isKnownWord));
  const lower = analysis.lower;
  const firstWord = analysis.tokens[0]?.text ?? '';
  // "I paid", "paid 500 for…": the user paid. "the gig paid 450", "my brother paid" say nothing of it.
  const spends = ownVerbIndexes(analysis.tokens, OUTGOING_VERBS).length > 0 && !INCOME_PHRASE.test(lower);
  // An income phrase counts unless an expense phrase covers the same words or more: "tax refund" is
  // income even though "tax" is an expense; "gift" and "gift card" say nothing about the direction.
  const hasIncomeCategory = spans(typeNames.incomeCategory).some(
    (s) => !expenseCategories.some((e) => e.start <= s.start && e.end >= s.end),
  );
  return {
    words,
    lower,
    tokens: analysis.tokens,
    amounts,
    hasNumber: amounts.length > 0,
    hasMoney: analysis.numbers.some((n) => n.isMoney),
    expenseCategories,
    hasExpenseCategory: expenseCategories.length > 0,
    hasIncomeCategory,
    hasPeriod: spans(typeNames.period).length > 0,
    hasDate: analysis.dates.length > 0,
    looksLikeCode: CODE.test(lower),
    isQuestion: /\?\s*$/.test(lower) || QUESTION_WORDS.has(firstWord),
    moneyCameIn: (any(words, INCOME_MARKERS) || INCOME_PHRASE.test(lower) || hasIncomeCategory) && !spends,
    moneyWentOut: spends && !any(words, INCOME_MARKERS) && !hasIncomeCategory,
    isWish: WISH.test(lower),
    hasCurrency: spans(typeNames.currency).length > 0,
    hasTimeZone: spans(typeNames.timeZone).length > 0,
    accounts: spans(typeNames.account),
    transferSides: [...linked(typeNames.fromAccount), ...linked(typeNames.toAccount)],
    intoAccount: linked(typeNames.toAccount).length > 0,
    fromAccount: linked(typeNames.fromAccount).length > 0,
    hasEntry,
    aboutGoals: isAboutGoals(lower),
    takenForGoal: takenForGoal(lower, expenseCategories),
    repeatSaid: REPEAT_WORDS.test(
      [...expenseCategories, ...spans(typeNames.incomeCategory)].reduce(
        (text, c) => text.slice(0, c.start) + ' '.repeat(c.end - c.start) + text.slice(c.end),
        lower,
      ),
    ),
  };
}

/**
 * "took 100 out of savings for the japan trip": money taken out of an account for "the"/"my" something
 * that is not only a category ("for my rent" pays a bill) is put toward that goal; the code hook checks
 * the person has it, and asks which goal with theirs as buttons when they do not.
 */
const TAKEN_FOR =
  /\b(?:took|take|taken|taking|withdrew|withdraw|withdrawn|pulled|pull|used|use)\b.*\b(?:from|out of|off) (?:my |the |our )?[a-z][a-z'-]*(?: account)? (?:for|towards?) (?:the|my|our) /;
function takenForGoal(lower: string, categories: Span[]): boolean {
  const m = TAKEN_FOR.exec(lower);
  if (!m) return false;
  const from = m.index + m[0].length;
  const words = [...lower.slice(from).matchAll(/[a-z][a-z'-]*/g)]
    .slice(0, 4)
    .map((w) => ({ start: from + (w.index ?? 0), end: from + (w.index ?? 0) + w[0].length }));
  return (
    words.length > 0 && !words.every((w) => categories.some((c) => c.start <= w.start && c.end >= w.end))
  );
}

/** A clock time or a count of things is not an amount of money, whatever the classifier thinks. */
function canBeMoney(
  n: NumberMatch,
  analysis: TextAnalysis,
  listed: Span[],
  isKnownWord: (word: string) => boolean,
): boolean {
  if (n.isMoney) return true;
  const before = [...analysis.tokens].reverse().find((t) => t.end <= n.start);
  const adjacent = (t: Token | undefined, from: number, to: number): boolean =>
    t !== undefined && /^\s*$/.test(analysis.lower.slice(from, to));
  const afterIndex = analysis.tokens.findIndex((t) => t.start >= n.end);
  let after = afterIndex >= 0 ? analysis.tokens[afterIndex] : undefined;
  const followed = after !== undefined && adjacent(after, n.end, after.start);
  const small = Number.isInteger(n.value) && n.value >= 1 && n.value <= 12;
  if (before && adjacent(before, before.end, n.start) && COUNT_LEADS.has(before.text)) return false;
  // "there are 4 cookies in the jar", "there were 3 people": a count of what is there.
  if (/\bthere (?:are|were|is|was|'re|re)\s*$/.test(analysis.lower.slice(0, n.start))) return false;
  // "my phone number is 555 1234", "room 12", "pin code 4411": an identifier, not a sum.
  const lead = analysis.tokens.filter((t) => t.end <= n.start).slice(-3);
  if (lead.some((t) => IDENTIFIER_NOUNS.has(t.text))) return false;
  if (small && before && adjacent(before, before.end, n.start) && TIME_LEADS.has(before.text)) {
    if (!followed || after?.text === 'today' || after?.text === 'oclock') return false;
  }
  if (!followed || !after) return true;
  let i = afterIndex;
  while (after && COUNT_ADJECTIVES.has(after.text)) after = analysis.tokens[++i];
  if (!after || MONEY_ADJUNCTS.has(after.text)) return true;
  // "3 new emails", "10 km": a word the bot does not know, and no slot value, counts the number.
  const isValue = listed.some((s) => overlaps(s, after));
  return isValue || isKnownWord(after.text);
}

/** Where a verb from `verbs` is said by the user ("I bought", "bought"), not by someone else ("my friend bought"). */
function ownVerbIndexes(tokens: Token[], verbs: readonly string[]): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    if (!verbs.includes(t.text)) return;
    const before = tokens[i - 1];
    if (!before || OWN_SUBJECT.has(before.text)) out.push(i);
  });
  return out;
}

/** Whether one of `targets` starts within a few linking words after token `i`. */
function objectFollows(tokens: Token[], i: number, targets: Span[], links: Set<string>): boolean {
  for (let gap = 0, j = i + 1; j < tokens.length && gap <= MAX_OBJECT_GAP; j += 1, gap += 1) {
    const t = tokens[j];
    if (!t) return false;
    if (targets.some((s) => overlaps(s, t))) return true;
    if (!links.has(t.text)) return false;
  }
  return false;
}

/**
 * Money moved between one's own accounts ("transfer 500 to my savings") is neither spent nor earned:
 * only an explicit "log"/"add"/"record" makes it an entry.
 */
const TRANSFER_VERBS = ['transfer', 'transferred', 'transferring', 'move', 'moved', 'moving'] as const;
const LOGGING_VERBS = ['log', 'add', 'record', 'track', 'enter'] as const;
const isTransfer = (e: Evidence): boolean =>
  (any(e.words, TRANSFER_VERBS) ||
    // "put 200 into savings", "took 40 out of checking": money between accounts said with other verbs.
    (e.intoAccount && /\b(?:put|deposit|deposited)\b/.test(e.lower)) ||
    (e.fromAccount && /\b(?:took|take|withdrew|withdraw|withdrawn|pulled|pull)\b/.test(e.lower))) &&
  !any(e.words, LOGGING_VERBS);

/** Money put toward a goal ("put 300 toward the japan trip") is saved, not spent or earned. */
const towardGoal = (e: Evidence): boolean =>
  e.aboutGoals && (/\btowards?\b|\bgoal\b|\bfund\b/.test(e.lower) || SET_GOAL.test(e.lower));

function logExpense(e: Evidence): boolean {
  if (e.moneyCameIn || isTransfer(e) || e.isWish || towardGoal(e)) return false;
  if (e.hasNumber) {
    // "would i need new tires if my last purchase was in may" asks; "can you log 20 for lunch" does not.
    if (e.isQuestion && !/^(?:can|could|would|will) you\b/.test(e.lower)) return false;
    // "300 a month for groceries" sets a budget; "spent 50 a week on coffee" still logs.
    if (e.hasPeriod && !any(e.words, SPENT_VERBS)) return false;
    return e.hasExpenseCategory || any(e.words, SPEND_VERBS) || any(e.words, AMOUNT_LINKS);
  }
  if (any(e.words, EXPENSE_NOUNS)) return !e.isQuestion || /^(?:can|could) (?:i|you)\b/.test(e.lower);
  // No amount: "I bought lunch" (the bot asks how much), but not "my friend bought a new car",
  // "I paid attention in class" or "spent on shopping this month?".
  if (e.isQuestion || !e.hasExpenseCategory) return false;
  return ownVerbIndexes(e.tokens, STRONG_SPENT_VERBS).some((i) =>
    objectFollows(e.tokens, i, e.expenseCategories, OBJECT_LINKS),
  );
}

/**
 * "salary 3,200 on the 25th" said on the 3rd: income, an amount and a day of the month still ahead, said
 * with no month and no verb of it having come in, is the day it comes in each month (issue 12 pt 2).
 * "got my salary 3,200 on the 25th" is one that came in, and "bonus 300 on the 2nd" said on the 3rd a
 * day gone by.
 */
const MONTH_DAY_ONLY = /\bon the \d{1,2}(?:st|nd|rd|th)\b(?!\s+of\s+(?!each|every)[a-z])/;
const incomeOnAMonthDay = (e: Evidence): boolean =>
  e.dayAhead === true &&
  e.hasIncomeCategory &&
  e.amounts.length > 0 &&
  MONTH_DAY_ONLY.test(e.lower) &&
  !any(
    e.words,
    INCOME_VERBS.filter((w) => w !== 'of'),
  ) &&
  !any(e.words, SPENT_VERBS);
function logIncome(e: Evidence): boolean {
  if (e.moneyWentOut || isTransfer(e) || e.isWish || towardGoal(e) || incomeOnAMonthDay(e)) return false;
  if (e.hasNumber && (e.hasIncomeCategory || any(e.words, INCOME_VERBS))) return true;
  if (INCOME_PHRASE.test(e.lower)) return true;
  // No amount: "I earned some money", "add income", "my paycheck came in" (the bot asks how much),
  // but not "my salary is too low" or "my salary goes up next year".
  if (e.isQuestion) return false;
  if (ownVerbIndexes(e.tokens, INCOME_MARKERS).length > 0) return true;
  return (any(e.words, INCOME_NOUNS) || e.hasIncomeCategory) && any(e.words, INCOME_LOGGING_VERBS);
}

function deleteTransaction(e: Evidence): boolean {
  if (any(e.words, BUDGET_NOUNS) || e.isWish) return false;
  if (e.isQuestion && !/^(?:can|could) you\b/.test(e.lower)) return false;
  if (e.words.has('undo') || DELETE_PHRASE.test(e.lower)) return true;
  // "delete everything": fulfillment says it deletes one entry at a time; nothing is deleted in bulk.
  if (BULK_DELETE.test(e.lower)) return true;
  return e.tokens.some((t, i) => {
    if (!(DELETE_VERBS as readonly string[]).includes(t.text)) return false;
    const objects = t.text === 'cancel' ? [] : e.expenseCategories;
    const named = e.tokens.filter((x) => DELETE_OBJECTS.has(x.text));
    return objectFollows(e.tokens, i, [...named, ...objects], DELETE_LINKS);
  });
}
const BULK_DELETE =
  /^(?:please )?(?:delete|remove|erase|wipe|clear) (?:out )?(?:everything|all (?:of )?(?:my |the )?(?:transactions|entries|expenses|data|of it|of them)|all)\b/;
const BUDGET_NOUNS = ['budget', 'budgets', 'budgeting', 'limit', 'limits'] as const;

/** Take back the last change: said outright, never inferred from a bare "no". */
const UNDO =
  /\b(?:undo|revert(?: (?:that|it|this|(?:the|my) last \w+))?(?: please| now)?[.!]*$|reverse (?:that|it|the last|my last)|roll (?:it |that )?back|take (?:it|that|this) back|(?:change|put|set) (?:it|that) back|go back to how it was|cancel (?:the|my) last (?:entry|change|transaction|one|thing)|scratch (?:that|it)(?: last one)?[.!]*$)\b/;

/**
 * A correction of something already logged: a correcting word ("actually", "make that", "change",
 * "should be", "put it under", "not") and a new value or the entry it is about. Budgets are SetBudget's.
 */
const CORRECTION =
  /^(?:no|nope|sorry|oops|wait)\b|\b(?:actually|make (?:that|it|the)|change|changed|meant|correct|correction|fix|edit|update|modify|should (?:be|have been)|wrong|instead|recategori[sz]e|move (?:it|that|the)|put (?:it|that|the)|file (?:it|that)|(?:it|that) was .+ not\b|^(?:it|that) was (?:actually |really )?\$?\d[\d.,]*(?: ?(?:dollars?|bucks?|euros?|pounds?))?(?: for\b| on\b| at\b|[.!]*$))/;
const CORRECTION_TARGETS = [
  'amount',
  'category',
  'date',
  'note',
  'entry',
  'transaction',
  'expense',
  'last',
  'purchase',
  'one',
] as const;

/** "was yesterday", "was on friday", "was oct 3": a new day for a described entry (month prefixes match). */
const WAS_ON_A_DAY = new RegExp(
  `\\bwas (?:actually |really |on |from )?(?:yesterday|today|last|this|on|\\$?\\d|${FULL_WEEKDAY}|${SHORT_MONTH}|may)`,
);

/** "move the X to/under Y", "put the X in Y": what follows must be a new value for X. */
const MOVE_ENTRY = /\b(?:move|put|file)\s+the\s+\S+(?:\s+\S+){0,3}?\s+(?:to|under|into|in)\s+/;

function editTransaction(e: Evidence): boolean {
  if (e.isWish || any(e.words, BUDGET_NOUNS)) return false;
  if (e.isQuestion && !/^(?:can|could) you\b/.test(e.lower)) return false;
  // "i need to know when i last had the oil changed" asks, whatever it names.
  if (/^(?:i (?:need|want|would like) to know|tell me|let me know)\b/.test(e.lower)) return false;
  // "the coffee was yesterday": a described entry with a new value is a correction too.
  const describedWithValue = e.hasEntry && e.hasDate && WAS_ON_A_DAY.test(e.lower);
  if (!CORRECTION.test(e.lower) && !describedWithValue) return false;
  // "change the volume to 4": the thing changed is neither an entry nor one of its fields.
  const object = /\b(?:change|set|put|move|turn|make|update|fix|edit)\s+(?:the|my|your)\s+(\w+)/.exec(
    e.lower,
  )?.[1];
  if (object && !e.hasEntry && !(CORRECTION_TARGETS as readonly string[]).includes(object)) return false;
  // "move the couch to the living room": an entry is moved to a category, a day or an amount.
  const moved = MOVE_ENTRY.exec(e.lower);
  if (moved) {
    const from = moved.index + moved[0].length;
    const newValue =
      e.expenseCategories.some((c) => c.start >= from) || e.amounts.some((n) => n.start >= from) || e.hasDate;
    if (!newValue) return false;
  }
  // "put 20 under food" logs a new expense: the amount straight after the verb is the new entry's.
  if (/\b(?:put|add|log) \S*\d/.test(e.lower)) return false;
  // A described entry alone is not enough ("change the accent you're speaking in"): a new value or the
  // name of a field must come with it.
  // "change it to xyzzy": a new category in the person's words; fulfillment refuses one it doesn't have.
  return (
    e.hasNumber ||
    e.hasExpenseCategory ||
    e.hasDate ||
    any(e.words, CORRECTION_TARGETS) ||
    /^(?:no,? |actually,? )?(?:change|switch|move|put|file) (?:it|that) (?:to|under|into) [a-z]/.test(e.lower)
  );
}

const SETTING_VERBS = [
  'set',
  'change',
  'switch',
  'use',
  'make',
  'default',
  'update',
  'prefer',
  'track',
  'log',
  'show',
  'everything',
  'convert',
  'from',
] as const;

function setCurrency(e: Evidence): boolean {
  if (e.hasNumber || e.isWish) return false;
  // "which currency am i using" names none: SetCurrency without a value only says the current one and asks.
  if (e.isQuestion && !/^(?:can|could) you\b/.test(e.lower)) return !e.hasCurrency && e.words.has('currency');
  if (!e.hasCurrency && !e.words.has('currency')) return false;
  // "back to usd" after a switch.
  return (
    any(e.words, SETTING_VERBS) ||
    e.words.has('currency') ||
    /^(?:(?:switch|go|change) )?back to\b/.test(e.lower)
  );
}

/** "what time is it in tokyo" names a zone but asks the time: a setting needs these words. */
const TIME_ZONE_CUE =
  /\b(?:set|change|switch|update|use|using)\b|\bmy time ?zone is\b|\bi(?:'?m| am| live| moved| just moved| have moved| relocated)\b.*\b(?:in|to|on)\b|\bbased in\b/;
/** Asking about a zone ("tell me the timezone that spain is in") is not setting one. */
const ASKING = /\b(?:what|which|when|tell me|show me|is it|are you)\b|\?/;

function setTimeZone(e: Evidence): boolean {
  if (e.hasNumber || e.isWish) return false;
  if (e.isQuestion && !/^(?:can|could) you\b/.test(e.lower)) return false;
  if (ASKING.test(e.lower)) return false;
  return TIME_ZONE_CUE.test(e.lower) && (e.hasTimeZone || /\btime ?zone\b/.test(e.lower));
}

/** Budget alert e-mails are only changed by a sentence about e-mail: "stop" alone stops nothing. */
const EMAIL_WORDS = /\b(?:e-?mails?|e-?mailing|e-?mailed|mails|inbox|email notifications?)\b/;

const EMAIL_SETTING_CUE =
  /\b(?:stop|turn|switch|no more|no longer|don'?t|do not|only|just|unsubscribe|enable|disable|resume|start|mute|silence|alerts?|notifications?|settings?|when|at|if|again|me)\b/;

/** "I got 3 new emails" counts messages: news, not a transaction (unless money is said too). */
const EMAIL_COUNT = /\b\d+\s+(?:new\s+|unread\s+|more\s+)?(?:e-?mails?|messages)\b/;
const countsEmails = (e: Evidence): boolean => EMAIL_COUNT.test(e.lower) && !e.hasMoney;

function setEmailAlerts(e: Evidence): boolean {
  if (e.isWish && !/\b(?:want|don'?t want|do not want)\b/.test(e.lower)) return false;
  // "did you email me" asks; "can you stop emailing me" is a request.
  if (e.isQuestion && !/^(?:can|could|would|will) you\b/.test(e.lower)) return false;
  // "check my email" and "email my accountant" mention e-mail but ask for no alert setting.
  return EMAIL_WORDS.test(e.lower) && EMAIL_SETTING_CUE.test(e.lower);
}

const BUDGET_REMOVERS =
  /\b(?:remove|delete|cancel|drop|clear|erase|rid of|stop|no more|no longer|don'?t need|do not need|don'?t want|do not want|anymore|turn off|take off|scrap|end)\b/;

function deleteBudget(e: Evidence): boolean {
  return any(e.words, BUDGET_NOUNS) && BUDGET_REMOVERS.test(e.lower) && !e.hasNumber;
}

/**
 * A read-only request still has a shape: a question, a follow-up ("and in october?"), a verb that asks
 * to see something, or a word for what is read. "my brother paid for dinner", "I have 3 brothers" and
 * "pay my credit card bill" have none, so they fall back instead of reading spending by accident.
 */
const READ_SHAPE =
  /\?|^(?:and|also|now|ok|okay|so|what|whats|how|hows|when|where|which|who|did|do|does|have|has|am|is|are|was|were|can|could|would|will|may|any)\b|\b(?:show|list|tell|give|display|pull|see|view|check|bring|read|break|chart|compare|analy[sz]e|summari[sz]e|need to know|want to know|let me know|remind me what)\b|\b(?:spending|spent|expenses?|expenditures?|transactions?|tranactions?|purchases?|charges?|payments?|budgets?|income|earnings|history|breakdown|summary|total|insights?|trend|average|biggest|statement|remaining|left|costing|last|latest|recent|recently|lately|spend)\b|\b(?:what|how|which|did i|have i|do i|am i|was i)\b/;
/**
 * And what each read is about: "what is the current market trend" has a read's shape but no word of
 * money, so it is not SpendingInsights. A category or a follow-up ("and in october?") counts too.
 */
const READ_TOPICS: Record<string, RegExp> = {
  [IntentName.QuerySpending]:
    /\b(?:spend|spent|spending|spends|cost|costs|costing|expenses?|expenditures?|money|paid|pay|much|total|breakdown|summary|tab|bills?|charges?|dropped|blow|blew|went|go|chart)\b/,
  [IntentName.QueryIncome]:
    /\b(?:earn|earned|earnings|income|made|make|paid|salary|came in|receive|received|revenue)\b/,
  [IntentName.CheckBudget]:
    /\b(?:budgets?|left|over|overspent|overspend\w*|over ?spending|track|afford|remaining|remains|room|limits?|spend|doing|finances|exceeded|stand|enough)\b/,
  [IntentName.ListTransactions]:
    /\b(?:transactions?|tranactions?|purchases?|charges?|charged|payments?|bought|buy|paid|pay|spent|history|entries|entry|expenses?|logged|log|list|everything|orders?)\b/,
  [IntentName.SpendingInsights]:
    /\b(?:spend|spending|spent|expenses?|purchases?|money|costs?|merchants?|stores?|shops?|habits|insights?|biggest|largest|average|trend|usual|patterns?|analy[sz]e|compare)\b/,
};
const FOLLOW_UP = /^(?:and|what about|how about|also)\b/;
const readRequest =
  (intent: string) =>
  (e: Evidence): boolean =>
    READ_SHAPE.test(e.readLower ?? e.lower) &&
    (READ_TOPICS[intent]?.test(e.readLower ?? e.lower) !== false ||
      // A budget question names the budget or how it stands: "how do i make tuna salad" names food only.
      (e.hasExpenseCategory && intent !== IntentName.CheckBudget) ||
      (intent !== IntentName.QueryIncome && FOLLOW_UP.test(e.lower)));

/**
 * Recurring payments (issue 12): a repeat said in words ("every month", "monthly", "a recurring
 * payment"), with an amount or a bill word — "my friend bought a new car" or "I'm 30 years old" is none.
 */
const REPEAT_WORDS =
  /\b(?:every|each|per|monthly|weekly|yearly|annually|daily|fortnightly|biweekly|recurring|repeating|subscription)\b|\ba (?:day|week|month|year)\b/;
const BILL_WORDS = /\b(?:recurring|subscriptions?|bills?|regular payments?|membership)\b/;
const setRecurring = (e: Evidence): boolean =>
  !e.isWish &&
  !e.isQuestion &&
  ((e.repeatSaid && (e.amounts.length > 0 || BILL_WORDS.test(e.lower))) || incomeOnAMonthDay(e));
/** "cancel netflix", "stop my gym membership": a stop word and what is stopped, never a booking or an account. */
const CANCEL_WORDS =
  /\b(?:cancel|cancell?ed|stop|stopped|end|unsubscribe|unsubscribed|quit|no longer|no more|anymore)\b/;
const NOT_A_PAYMENT =
  /\b(?:account|appointment|reservation|booking|order|flight|meeting|hotel|room|table|card|plan|trip|ride|alarm|timer|budget|event|party)s?\b|\b(?:go|going|went) to\b/;
const cancelRecurring = (e: Evidence): boolean =>
  CANCEL_WORDS.test(e.lower) &&
  !NOT_A_PAYMENT.test(e.lower) &&
  (e.hasExpenseCategory || e.hasIncomeCategory || BILL_WORDS.test(e.lower) || /\bpayments?\b/.test(e.lower));
const PAUSE_WORDS =
  /\b(?:pause|paused|resume|unpause|restart|reactivate|suspend|freeze|unfreeze|on hold|start again|turn back on)\b/;
/** Reading the bills: their words, or "due" / "coming up". */
const RECURRING_TOPIC =
  /\b(?:bills?|recurring|subscriptions?|due|regular payments?|upcoming|coming up|repeating|every month|monthly payments?)\b/;

/** Saving toward something, or a goal named (issue 12 point 3). */
// A mutual or index fund is an investment (an Investment income synonym), not a savings fund.
const GOAL_TOPIC =
  /\bgoals?\b|\bsav(?:e|ed|es|ing|ings)\b|\btowards?\b|(?<!\b(?:mutual|index|hedge) )\bfund\b|\bput (?:\S+ ){1,3}aside\b/;
/** Setting a goal: saving said as an aim, with an amount, or a goal being made ("new savings goal"). */
const SET_GOAL =
  /\b(?:want|wanna|would like|'?d like|need|hope|plan|planning|trying|try|goal is|help me) (?:to )?(?:save|have)\b|^(?:please )?save (?:up )?\S*\d|\bsaving (?:up )?(?:\S*\d|for)\b|\b(?:set|create|make|add|start|new|change|update)\b(?: \S+){0,3} (?:savings )?goal\b|\bstart saving\b|\bsavings goal\b/;
/** Money put toward a goal: "put 300 toward the japan trip", "add 50 to my car goal". */
const ADD_TO_GOAL =
  /\b(?:put|add|added|contribute|contributed|move|moved|deposit|deposited|transfer|transferred|saved another|throw|threw|stash|stashed)\b.*\b(?:towards?|to|into|in|for)\b.*|\btowards?\b/;
const GOAL_REMOVERS =
  /\b(?:remove|delete|cancel|drop|clear|erase|rid of|stop saving|no longer|don'?t want|do not want|anymore|scrap|give up on)\b/;

/** Whether the text is about saving or goals: the Goal slot is only read then. */
export const isAboutGoals = (lower: string): boolean => GOAL_TOPIC.test(lower);

/**
 * Money moved into a goal already there: "move 100 to my savings goal", "put 50 into the car fund".
 * "savings goal" then names the goal money goes to, not one being set.
 */
const INTO_GOAL =
  /\b(?:put|add|added|contribute|contributed|move|moved|deposit|deposited|transfer|transferred|throw|threw|stash|stashed)\b(?: \S+){0,4}? (?:to|into|in) (?:my|the|our) (?:\S+ ){0,3}(?:goal|fund)\b/;

function setGoal(e: Evidence): boolean {
  if (!e.aboutGoals || (e.isQuestion && !/^(?:can|could) you\b/.test(e.lower))) return false;
  if (GOAL_REMOVERS.test(e.lower) || /\btowards?\b/.test(e.lower)) return false;
  if (INTO_GOAL.test(e.lower)) return false;
  // "set aside 300 a month for groceries" is a budget; "i want to save on groceries" a wish.
  if (e.hasPeriod || any(e.words, BUDGET_NOUNS)) return false;
  return SET_GOAL.test(e.lower);
}

function addToGoal(e: Evidence): boolean {
  if (e.takenForGoal && !e.isQuestion) return true;
  if (!e.aboutGoals || e.isQuestion || GOAL_REMOVERS.test(e.lower)) return false;
  if (any(e.words, BUDGET_NOUNS) || e.hasPeriod) return false;
  // "add to my goal" asks how much; with money it needs a goal word or "toward". Savings the money
  // leaves ("move 250 from savings to checking") is an account, not a goal's pot.
  const toGoal =
    /\bgoals?\b|\bfund\b|(?<!\b(?:from|out of|off) (?:my |the |our )?)\bsavings\b|\btowards?\b|\baside\b/.test(
      e.lower,
    );
  return toGoal && ADD_TO_GOAL.test(e.lower) && !/\bsave (?:up )?\S*\d/.test(e.lower);
}

function deleteGoal(e: Evidence): boolean {
  return (
    /\bgoals?\b|\bstop saving\b|\bsave for\b/.test(e.lower) && GOAL_REMOVERS.test(e.lower) && !e.hasNumber
  );
}

/** What a balance question is about: balances, accounts, what is owed, what one has. */
const BALANCE_TOPIC =
  /\b(?:balances?|accounts?|owe|jars?|net worth|how much (?:money|cash)|(?:do|did) (?:i|we) have|(?:is|left) (?:in|on) (?:my|the))\b/;

const CATEGORY_WORD = /\bcategor(?:y|ies)\b/;

const rules: Partial<Record<string, (e: Evidence) => boolean>> = {
  [IntentName.SetRecurring]: setRecurring,
  [IntentName.SetRecurringIncome]: setRecurring,
  [IntentName.CancelRecurring]: cancelRecurring,
  [IntentName.PauseRecurring]: (e) => PAUSE_WORDS.test(e.lower),
  [IntentName.ListRecurring]: (e) => RECURRING_TOPIC.test(e.lower) && !/\bbilling\b/.test(e.lower),
  [IntentName.SetGoal]: setGoal,
  [IntentName.AddToGoal]: addToGoal,
  [IntentName.DeleteGoal]: deleteGoal,
  [IntentName.CheckGoal]: (e) =>
    READ_SHAPE.test(e.lower) &&
    /\bgoals?\b|\bfund\b|\bsav(?:ed|ing|ings)\b|\bon track for\b|\bneed for\b/.test(e.lower) &&
    !GOAL_REMOVERS.test(e.lower),
  [IntentName.QuerySpending]: readRequest(IntentName.QuerySpending),
  [IntentName.QueryIncome]: readRequest(IntentName.QueryIncome),
  [IntentName.CheckBudget]: readRequest(IntentName.CheckBudget),
  [IntentName.ListTransactions]: readRequest(IntentName.ListTransactions),
  [IntentName.SpendingInsights]: readRequest(IntentName.SpendingInsights),
  [IntentName.EditTransaction]: editTransaction,
  [IntentName.Undo]: (e) => UNDO.test(e.lower),
  [IntentName.SetCurrency]: setCurrency,
  [IntentName.SetTimeZone]: setTimeZone,
  [IntentName.SetEmailAlerts]: setEmailAlerts,
  [IntentName.DeleteBudget]: deleteBudget,
  [IntentName.LogExpense]: (e) => !countsEmails(e) && logExpense(e),
  [IntentName.LogIncome]: (e) => !countsEmails(e) && logIncome(e),
  [IntentName.SetBudget]: (e) =>
    (any(e.words, BUDGET_WORDS) && (e.hasNumber || e.hasPeriod || any(e.words, BUDGET_SETTERS))) ||
    (e.hasNumber && LIMIT_PHRASE.test(e.lower)) ||
    (e.hasNumber && e.hasPeriod && !any(e.words, SPENT_VERBS)),
  // "delete the first email" is about a mailbox, not an entry.
  [IntentName.DeleteTransaction]: (e) => !(EMAIL_WORDS.test(e.lower) && !e.hasMoney) && deleteTransaction(e),
  // Tags and each person's categories (issue 12 point 4): the words that name them, nothing less.
  [IntentName.TagTransaction]: (e) => /#\p{L}|\btag\b|\blabel\b|\bmark\b.*\bas\b/u.test(e.lower),
  [IntentName.AddCategory]: (e) =>
    CATEGORY_WORD.test(e.lower) && /\b(?:add|create|make|new|set up|start|want|need)\b/.test(e.lower),
  [IntentName.AddIncomeCategory]: (e) =>
    CATEGORY_WORD.test(e.lower) &&
    /\b(?:income|earnings?)\b/.test(e.lower) &&
    /\b(?:add|create|make|new|set up|start|want|need)\b/.test(e.lower),
  [IntentName.RenameCategory]: (e) =>
    /\brename\b/.test(e.lower) || (CATEGORY_WORD.test(e.lower) && /\bname\b|\bcall\b/.test(e.lower)),
  [IntentName.MergeCategory]: (e) =>
    /\b(?:merge|combine|fold)\b/.test(e.lower) &&
    (CATEGORY_WORD.test(e.lower) || /\b(?:into|with)\b/.test(e.lower)),
  // Accounts (issue 12 point 1): an account in an account's place and what is done with it.
  [IntentName.AddAccount]: accountRules.addAccount,
  [IntentName.TransferMoney]: accountRules.transferMoney,
  [IntentName.SetJarSplit]: accountRules.setJarSplit,
  [IntentName.QueryBalance]: (e) =>
    READ_SHAPE.test(e.readLower ?? e.lower) &&
    (BALANCE_TOPIC.test(e.readLower ?? e.lower) || e.accounts.length > 0),
  // "spending by category" is a spending question, not a request for the list.
  [IntentName.ListCategories]: (e) =>
    /\bcategories\b|\bcategory list\b/.test(e.lower) && !/\b(?:by|per|each) categor/.test(e.lower),
};

/** Whether the text may be read as `intentName`: writes need evidence, reads a read's shape. Code never is a write. */
export function hasEvidenceFor(intentName: string, evidence: Evidence): boolean {
  const rule = rules[intentName];
  if (!rule) return true;
  return !evidence.looksLikeCode && rule(evidence);
}
