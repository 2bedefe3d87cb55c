/**
 * Savings goals in process memory: the same behaviour as DynamoGoalStore (same contract suite). A
 * contribution from an account moves that account's balance through the account store's
 * `applyBalances`, checked before anything changes, as DynamoDB does in the contribution's own write.
 */
import { accountKey } from '../domain/ledger/accounts';
import {
  InvalidGoalError,
  MAX_GOALS,
  fromAccountsOf,
  goalKey,
  moneyToReturn,
  parseNewGoal,
  type ContributionResult,
  type GoalContribution,
  type NewGoal,
  type RemovedGoal,
  type RestoredGoal,
  type SavingsGoal,
  type UndoneContribution,
} from '../domain/ledger/goals';
import { normalizeCurrency } from '../domain/ledger/money';
import { validateAmountMinor } from '../domain/ledger/transactions';
import type { Clock } from '../ports/Clock';
import type { GoalRepository } from '../ports/GoalRepository';
import type { AccountDelta } from './accountDeltas';
import { assertUserId } from './totals';

/** The account store's balance mover (InMemoryAccountStore.applyBalances). */
export interface BalanceMover {
  applyBalances(userId: string, deltas: readonly AccountDelta[], now: string, check: boolean): void;
}

interface ContributionRecord {
  goalKey: string;
  amountMinor: number;
  currency: string;
  account?: string;
  undone: boolean;
}

const copy = <T>(value: T): T => structuredClone(value);

export class InMemoryGoalStore implements GoalRepository {
  private readonly goals = new Map<string, Map<string, SavingsGoal>>();
  /** userId + requestId → what it added, and whether "undo" took it back. */
  private readonly requests = new Map<string, ContributionRecord>();

  constructor(
    private readonly clock: Clock,
    private readonly balances?: BalanceMover,
  ) {}

  private of(userId: string): Map<string, SavingsGoal> {
    const id = assertUserId(userId);
    let goals = this.goals.get(id);
    if (!goals) this.goals.set(id, (goals = new Map()));
    return goals;
  }

  putGoal(userId: string, input: NewGoal): Promise<{ goal: SavingsGoal; created: boolean }> {
    const valid = parseNewGoal(input);
    const goals = this.of(userId);
    const key = goalKey(valid.name);
    const existing = goals.get(key);
    if (!existing && goals.size >= MAX_GOALS) {
      return Promise.reject(
        new InvalidGoalError(
          `You have ${MAX_GOALS} goals already, the most I keep. Delete one you no longer need first.`,
        ),
      );
    }
    const now = this.clock.now().toISOString();
    const goal: SavingsGoal = {
      key,
      name: existing?.name ?? valid.name,
      targetMinor: valid.targetMinor,
      savedMinor: existing?.savedMinor ?? 0,
      currency: valid.currency,
      ...((valid.targetDate ?? existing?.targetDate)
        ? { targetDate: valid.targetDate ?? existing?.targetDate }
        : {}),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      ...(existing?.reachedAt ? { reachedAt: existing.reachedAt } : {}),
    };
    goals.set(key, goal);
    return Promise.resolve({ goal: copy(goal), created: !existing });
  }

  listGoals(userId: string): Promise<SavingsGoal[]> {
    return Promise.resolve(
      [...this.of(userId).values()]
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key))
        .map(copy),
    );
  }

  getGoal(userId: string, key: string): Promise<SavingsGoal | null> {
    const goal = this.of(userId).get(key);
    return Promise.resolve(goal ? copy(goal) : null);
  }

  contributeToGoal(userId: string, input: GoalContribution): Promise<ContributionResult | null> {
    try {
      const currency = normalizeCurrency(input.currency);
      const amountMinor = validateAmountMinor(input.amountMinor, currency);
      const goal = this.of(userId).get(input.goalKey);
      const request = `${userId}\u0000${input.requestId}`;
      if (this.requests.has(request)) {
        return Promise.resolve(goal ? { goal: copy(goal), created: false, reachedNow: false } : null);
      }
      if (!goal) return Promise.resolve(null);
      if (goal.currency !== currency) {
        throw new InvalidGoalError(
          `Your ${goal.name} goal is in ${goal.currency}, so I can only add ${goal.currency} to it.`,
        );
      }
      const now = this.clock.now().toISOString();
      const account = input.account === undefined ? undefined : accountKey(input.account);
      if (account) {
        if (!this.balances) throw new Error('This goal store was given no account store to move money with.');
        // Refuses an account the person does not have before anything changes.
        this.balances.applyBalances(userId, [{ account, currency, amountMinor: -amountMinor }], now, true);
      }
      this.requests.set(request, {
        goalKey: goal.key,
        amountMinor,
        currency,
        ...(account ? { account } : {}),
        undone: false,
      });
      goal.savedMinor += amountMinor;
      if (account) moveFrom(goal, account, amountMinor);
      goal.updatedAt = now;
      const reachedNow = goal.savedMinor >= goal.targetMinor && !goal.reachedAt;
      if (reachedNow) goal.reachedAt = now;
      return Promise.resolve({ goal: copy(goal), created: true, reachedNow });
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  undoGoalContribution(userId: string, requestId: string): Promise<UndoneContribution | null> {
    const record = this.requests.get(`${userId}\u0000${requestId}`);
    const goal = record && !record.undone ? this.of(userId).get(record.goalKey) : undefined;
    if (!record || !goal) return Promise.resolve(null);
    const now = this.clock.now().toISOString();
    if (record.account) {
      const back = { account: record.account, currency: record.currency, amountMinor: record.amountMinor };
      this.balances?.applyBalances(userId, [back], now, false);
    }
    record.undone = true;
    goal.savedMinor -= record.amountMinor;
    if (record.account) moveFrom(goal, record.account, -record.amountMinor);
    goal.updatedAt = now;
    if (goal.reachedAt && goal.savedMinor < goal.targetMinor) delete goal.reachedAt;
    return Promise.resolve({
      goal: copy(goal),
      amountMinor: record.amountMinor,
      ...(record.account ? { account: record.account } : {}),
    });
  }

  restoreGoal(userId: string, input: SavingsGoal): Promise<SavingsGoal> {
    const goals = this.of(userId);
    const existing = goals.get(input.key);
    // Like DynamoDB's update: what is saved and where it came from stay as they are.
    const { fromAccounts: _said, ...said } = copy(input);
    const goal: SavingsGoal = {
      ...said,
      savedMinor: existing?.savedMinor ?? input.savedMinor,
      updatedAt: this.clock.now().toISOString(),
      ...(existing?.fromAccounts ? { fromAccounts: { ...existing.fromAccounts } } : {}),
    };
    goals.set(goal.key, goal);
    return Promise.resolve(copy(goal));
  }

  deleteGoal(userId: string, key: string, returnTo?: string): Promise<RemovedGoal | null> {
    const goals = this.of(userId);
    const goal = goals.get(key);
    if (!goal) return Promise.resolve(null);
    const returned = moneyToReturn(goal, returnTo === undefined ? undefined : accountKey(returnTo));
    try {
      // Checked before the goal goes, as DynamoDB's one write refuses it whole.
      this.moveBalances(userId, goal.currency, returned, 1);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    goals.delete(key);
    return Promise.resolve({ goal: copy(goal), returned });
  }

  async restoreRemovedGoal(userId: string, removed: RemovedGoal): Promise<RestoredGoal> {
    const goals = this.of(userId);
    if (goals.has(removed.goal.key))
      return { goal: await this.restoreGoal(userId, removed.goal), tookBack: [] };
    const tookBack = removed.returned.filter((r) => r.amountMinor > 0);
    this.moveBalances(userId, removed.goal.currency, tookBack, -1);
    const { fromAccounts: _was, ...rest } = copy(removed.goal);
    const from = fromAccountsOf(tookBack) ?? removed.goal.fromAccounts;
    const goal: SavingsGoal = {
      ...rest,
      updatedAt: this.clock.now().toISOString(),
      ...(from ? { fromAccounts: { ...from } } : {}),
    };
    goals.set(goal.key, goal);
    return { goal: copy(goal), tookBack };
  }

  private moveBalances(
    userId: string,
    currency: string,
    money: readonly { account: string; amountMinor: number }[],
    direction: 1 | -1,
  ): void {
    const deltas = money
      .filter((m) => m.amountMinor > 0)
      .map((m) => ({ account: m.account, currency, amountMinor: direction * m.amountMinor }));
    if (deltas.length === 0) return;
    if (!this.balances) throw new Error('This goal store was given no account store to move money with.');
    this.balances.applyBalances(userId, deltas, this.clock.now().toISOString(), true);
  }
}

/** Keeps the goal's per-account record in step with its saved total. */
function moveFrom(goal: SavingsGoal, account: string, minor: number): void {
  const from = { ...goal.fromAccounts };
  from[account] = (from[account] ?? 0) + minor;
  if (from[account] === 0) delete from[account];
  if (Object.keys(from).length) goal.fromAccounts = from;
  else delete goal.fromAccounts;
}
