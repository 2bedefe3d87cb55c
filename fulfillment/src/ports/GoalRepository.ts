/**
 * Savings goals' persistence (issue 12 point 3). Part of the ledger's port (LedgerRepository extends
 * it), kept in its own file so the goal store can grow without touching the transaction store.
 * Every method takes the user id first and touches only that user's data.
 */
import type {
  ContributionResult,
  GoalContribution,
  NewGoal,
  RemovedGoal,
  RestoredGoal,
  SavingsGoal,
  UndoneContribution,
} from '../domain/ledger/goals';

export type {
  ContributionResult,
  GoalContribution,
  NewGoal,
  RemovedGoal,
  RestoredGoal,
  ReturnedMoney,
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
  /**
   * Removes it and gives its money back (moneyToReturn): each account what came from it, the rest to
   * `returnTo` (the person's default account; absent for someone who keeps no accounts), in the same
   * atomic write as the removal. Returns what was removed and where the money went, or null when there
   * was no such goal.
   */
  deleteGoal(userId: string, key: string, returnTo?: string): Promise<RemovedGoal | null>;
  /**
   * Undo of deleteGoal: puts the goal back as it was and takes the money it gave back from those
   * accounts again, in one atomic write. A goal set again since under the same name is kept as it is
   * (restoreGoal's rule) and no money moves (`tookBack` empty).
   */
  restoreRemovedGoal(userId: string, removed: RemovedGoal): Promise<RestoredGoal>;
}
