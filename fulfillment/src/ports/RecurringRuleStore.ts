/**
 * Where recurring rules are kept (issue 12 point 2). Part of the ledger's repository: a rule lives in
 * its owner's partition, and the occurrences it posts go through `logTransaction` like any chat entry.
 */
import type {
  DueRecurringRule,
  NewRecurringRule,
  RecurringRule,
  RecurringStatus,
} from '../domain/recurring/rules';

export interface RecurringRuleStore {
  /** Creates an active rule; the same request id twice creates one rule and returns it both times. */
  addRecurringRule(userId: string, input: NewRecurringRule): Promise<RecurringRule>;
  getRecurringRule(userId: string, ruleId: string): Promise<RecurringRule | null>;
  /** All of the user's rules, active and paused, in creation order. */
  listRecurringRules(userId: string): Promise<RecurringRule[]>;
  /**
   * Pauses (nextDue null: the rule leaves the due index) or resumes (nextDue the next day to post).
   * Returns the rule as changed, or null when there is none.
   */
  setRecurringRuleStatus(
    userId: string,
    ruleId: string,
    status: RecurringStatus,
    nextDue: string | null,
  ): Promise<RecurringRule | null>;
  /**
   * Puts a removed rule back as it was, with its id, status and next due day ("undo" after a cancel or
   * a replacement). A rule with that id already there stays as it is. Returns the rule as kept.
   */
  restoreRecurringRule(userId: string, rule: RecurringRule): Promise<RecurringRule>;
  /** Removes the rule (entries it posted stay); returns what was removed, or null. */
  deleteRecurringRule(userId: string, ruleId: string): Promise<RecurringRule | null>;
  /**
   * The scheduled job's progress: moves nextDue from `from` to `to` (null = the series ended) only if
   * it is still `from` and the rule is active. false when another run, a pause or a delete came first.
   */
  advanceRecurringRule(userId: string, ruleId: string, from: string, to: string | null): Promise<boolean>;
  /**
   * Active rules of every user whose next due day is on or before `day` (YYYY-MM-DD), read from the
   * due index (a Query per index partition, never a Scan), oldest due first.
   */
  listDueRecurringRules(day: string): Promise<DueRecurringRule[]>;
}
