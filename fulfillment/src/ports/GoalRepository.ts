/**
 * Savings goals' persistence (issue 12 point 3). Part of the ledger's port (LedgerRepository extends
 * it), kept in its own file so the goal store can grow without touching the transaction store.
 * Every method takes the user id first and touches only that user's data.
 */
import type {
  ContributionResult,
  GoalContribution,
  NewGoal,
  SavingsGoal,
  UndoneContribution,
} from '../domain/ledger/goals';

export type {
  ContributionResult,
  GoalContribution,
  NewGoal,
  SavingsGoal,
  UndoneContribution,
} from '../domain/ledger/goals';

export interface GoalRepository {
  /**
   * Creates the goal, or changes the target (and day) of the goal with the same key, keeping what was
   * saved. Refuses a new goal beyond MAX_GOALS (InvalidGoalError).
   */
  putGoal(userId: string, goal: NewGoal): Promise<{ goal: SavingsGoal; created: boolean }>;
  /** Every goal of the user, oldest first: one Query, at most MAX_GOALS items. */
  listGoals(userId: string): Promise<SavingsGoal[]>;
  getGoal(userId: string, key: string): Promise<SavingsGoal | null>;
  /**
   * Adds to a goal's saved total and records the request id in one atomic write: a retried request
   * adds once. null when there is no such goal (nothing written). A contribution in another currency
   * than the goal's is refused (InvalidGoalError).
   */
  contributeToGoal(userId: string, contribution: GoalContribution): Promise<ContributionResult | null>;
  /**
   * Takes back the contribution made under `requestId` ("undo"): the goal's saved total goes down by its
   * amount and the contribution is marked undone, in one atomic write, so a second undo (or a retry)
   * takes nothing more. null when there is no such contribution, it was taken back already, or its goal
   * is gone. A goal that drops below its target again is no longer marked reached.
   */
  undoGoalContribution(userId: string, requestId: string): Promise<UndoneContribution | null>;
  /**
   * Puts a goal back as `goal` says (undo of a delete or of a change of target): name, target, day and
   * creation time. A saved total already there is kept (money put toward it since stays counted).
   */
  restoreGoal(userId: string, goal: SavingsGoal): Promise<SavingsGoal>;
  /** Removes it; returns what was removed, or null when there was none. */
  deleteGoal(userId: string, key: string): Promise<SavingsGoal | null>;
}
