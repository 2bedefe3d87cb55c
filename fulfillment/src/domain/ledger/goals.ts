/**
 * Savings goals (issue 12 point 3): "save 2,000 for a trip to japan by june". A goal is a target, an
 * optional day to reach it by and the running total put toward it. Pure: names, validation and the
 * progress arithmetic (saved, left, what each month still needs to reach it on time).
 */
import { z } from 'zod';
import { normalizeCurrency } from './money';
import { LedgerError } from './errors';
import { isCalendarDate } from './periods';
import { validateAmountMinor } from './transactions';

export interface SavingsGoal {
  /** The goal's key: its name's content words, lower case, sorted ("trip to japan" → "japan trip"). */
  key: string;
  /** The name as the person first said it ("trip to japan"). */
  name: string;
  targetMinor: number;
  savedMinor: number;
  currency: string;
  /** User-local day to reach it by (YYYY-MM-DD), if one was said. */
  targetDate?: string;
  createdAt: string;
  updatedAt: string;
  /** ISO instant of the contribution that reached the target. */
  reachedAt?: string;
  /**
   * What the saved total holds from each account (account key → minor units): the contributions that
   * left an account, less those undone. Removing the goal gives each account its share back. Money put
   * aside before accounts (or by someone who keeps none) is in savedMinor only.
   */
  fromAccounts?: Record<string, number>;
}

/** Money a removed goal gave back to an account (or, on undo, took from it again). */
export interface ReturnedMoney {
  account: string;
  amountMinor: number;
}

/** A goal removed, and where its money went back to, in the same write. */
export interface RemovedGoal {
  goal: SavingsGoal;
  returned: ReturnedMoney[];
}

/** A removed goal put back by "undo", and the money taken from the accounts again in the same write. */
export interface RestoredGoal {
  goal: SavingsGoal;
  tookBack: ReturnedMoney[];
}

/**
 * Where a removed goal's money goes: each account its share of what is saved, and what no account is
 * recorded for (money put aside before accounts) to `fallback`, the person's default account. Without a
 * fallback (someone who keeps no accounts) that part moves nowhere: it never left an account.
 */
export function moneyToReturn(
  goal: Pick<SavingsGoal, 'savedMinor' | 'fromAccounts'>,
  fallback?: string,
): ReturnedMoney[] {
  const back = new Map<string, number>();
  let recorded = 0;
  for (const [account, minor] of Object.entries(goal.fromAccounts ?? {})) {
    if (minor <= 0) continue;
    back.set(account, minor);
    recorded += minor;
  }
  const rest = goal.savedMinor - recorded;
  if (rest > 0 && fallback !== undefined) back.set(fallback, (back.get(fallback) ?? 0) + rest);
  // Largest first, so the reply and the write read the same whatever order the store kept them in.
  return [...back.entries()]
    .map(([account, amountMinor]) => ({ account, amountMinor }))
    .sort((a, b) => b.amountMinor - a.amountMinor || a.account.localeCompare(b.account));
}

/** The goal's per-account record after `returned` was taken from those accounts again (undo of a removal). */
export function fromAccountsOf(returned: readonly ReturnedMoney[]): Record<string, number> | undefined {
  const positive = returned.filter((r) => r.amountMinor > 0);
  return positive.length ? Object.fromEntries(positive.map((r) => [r.account, r.amountMinor])) : undefined;
}

export interface NewGoal {
  name: string;
  targetMinor: number;
  currency: string;
  targetDate?: string;
}

export interface GoalContribution {
  goalKey: string;
  amountMinor: number;
  currency: string;
  /** Idempotency key: the same key twice adds once and returns the first result. */
  requestId: string;
  /**
   * The key of the account the money leaves, whose balance goes down by the amount in the same write
   * (like a transfer: neither spending nor income). None for people who keep no accounts.
   */
  account?: string;
}

/** A contribution taken back by "undo": the goal as it is now and what was taken off it. */
export interface UndoneContribution {
  goal: SavingsGoal;
  amountMinor: number;
  /** The account the money came from, which got it back in the same write. */
  account?: string;
}

export interface ContributionResult {
  goal: SavingsGoal;
  /** false when the request id had been seen: nothing was added this time. */
  created: boolean;
  /** This contribution took the saved total from below the target to at least the target. */
  reachedNow: boolean;
}

/** A person keeps a handful of goals; the cap keeps "list my goals" and the overview one bounded Query. */
export const MAX_GOALS = 20;

export class InvalidGoalError extends LedgerError {
  override name = 'InvalidGoalError';
  constructor(message: string) {
    super('goal', message);
  }
}

/** Words that say "a goal" but not which one: "my japan goal", "the car fund", "a trip to japan". */
const NOT_NAME_WORDS = new Set(
  'a an the my our for to of toward towards goal goals fund savings saving save new this that'.split(' '),
);

/** The key a goal is found by, whatever the order and filler: "trip to japan", "the japan trip" → "japan trip". */
export function goalKey(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/'s$/, '').replace(/^'+|'+$/g, ''))
    .filter((w) => w && !NOT_NAME_WORDS.has(w));
  return [...new Set(words)].sort().join(' ');
}

/** The name as kept and said back: the person's words without a leading article or a trailing "goal". */
export function goalDisplayName(said: string): string {
  return said
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(?:a|an|the|my|our)\s+/i, '')
    .replace(/\s+(?:goal|fund|savings)$/i, '')
    .slice(0, 60);
}

const newGoalSchema = z.object({
  name: z.string().trim().min(1).max(60),
  targetMinor: z.number().int(),
  currency: z.string(),
  targetDate: z.string().optional(),
});

export function parseNewGoal(input: unknown): NewGoal {
  const parsed = newGoalSchema.safeParse(input);
  if (!parsed.success)
    throw new InvalidGoalError('A goal needs a name and an amount, like "save 2000 for a car".');
  const currency = normalizeCurrency(parsed.data.currency);
  const targetMinor = validateAmountMinor(parsed.data.targetMinor, currency);
  if (!goalKey(parsed.data.name)) {
    throw new InvalidGoalError('What is the goal for? Say something like "save 2000 for a trip to japan".');
  }
  if (parsed.data.targetDate !== undefined && !isCalendarDate(parsed.data.targetDate)) {
    throw new InvalidGoalError(`"${parsed.data.targetDate}" is not a day I can aim for.`);
  }
  return {
    name: goalDisplayName(parsed.data.name),
    targetMinor,
    currency,
    ...(parsed.data.targetDate ? { targetDate: parsed.data.targetDate } : {}),
  };
}

/**
 * The goal a person means by the words they used ("the japan trip", "japan"): the one whose name holds
 * all of those words; when none does, the one sharing the most; null when none shares any.
 */
export function findGoal<T extends Pick<SavingsGoal, 'key'>>(goals: readonly T[], said: string): T | null {
  const wanted = goalKey(said).split(' ').filter(Boolean);
  if (wanted.length === 0) return null;
  let best: { goal: T; score: number } | null = null;
  for (const goal of goals) {
    const have = new Set(goal.key.split(' '));
    const shared = wanted.filter((w) => have.has(w)).length;
    if (shared === 0) continue;
    // All words said, then fewest extra words in the goal's name.
    const score = (shared === wanted.length ? 1000 : 0) + shared * 10 - have.size;
    if (!best || score > best.score) best = { goal, score };
  }
  return best?.goal ?? null;
}

export interface GoalProgress {
  savedMinor: number;
  leftMinor: number;
  /** Whole percent of the target saved, rounded down, capped at 100. */
  percent: number;
  reached: boolean;
  /** Calendar months from today's to the target day's, both counted; null without a target day. */
  monthsLeft: number | null;
  /** What each of those months needs (rounded up to the minor unit); null without a target day or once reached. */
  perMonthMinor: number | null;
  /** The target day has passed and the goal is not reached. */
  overdue: boolean;
}

const monthIndex = (day: string): number => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

export function goalProgress(
  goal: Pick<SavingsGoal, 'targetMinor' | 'savedMinor' | 'targetDate'>,
  today: string,
): GoalProgress {
  const leftMinor = Math.max(0, goal.targetMinor - goal.savedMinor);
  const reached = leftMinor === 0;
  const percent =
    goal.targetMinor > 0 ? Math.min(100, Math.floor((goal.savedMinor * 100) / goal.targetMinor)) : 100;
  if (!goal.targetDate) {
    return {
      savedMinor: goal.savedMinor,
      leftMinor,
      percent,
      reached,
      monthsLeft: null,
      perMonthMinor: null,
      overdue: false,
    };
  }
  const overdue = !reached && goal.targetDate < today;
  const monthsLeft = overdue ? 0 : Math.max(1, monthIndex(goal.targetDate) - monthIndex(today) + 1);
  return {
    savedMinor: goal.savedMinor,
    leftMinor,
    percent,
    reached,
    monthsLeft,
    perMonthMinor: reached ? null : overdue ? leftMinor : Math.ceil(leftMinor / monthsLeft),
    overdue,
  };
}
