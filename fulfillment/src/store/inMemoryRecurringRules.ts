/** Recurring rules in process memory, behaving as recurringRules.ts does on DynamoDB. */
import type { Clock } from '../ports/Clock';
import type { RecurringRuleStore } from '../ports/RecurringRuleStore';
import {
  isDueOn,
  isScheduled,
  newRecurringRule,
  parseNewRecurringRule,
  recurringRuleIdFor,
} from '../domain/recurring/rules';
import type {
  DueRecurringRule,
  NewRecurringRule,
  RecurringRule,
  RecurringStatus,
} from '../domain/recurring/rules';
import { assertUserId } from './totals';

const copy = <T>(value: T): T => structuredClone(value);

export class InMemoryRecurringRules implements RecurringRuleStore {
  private readonly byUser = new Map<string, Map<string, RecurringRule>>();

  constructor(private readonly clock: Clock) {}

  private rules(userId: string): Map<string, RecurringRule> {
    let rules = this.byUser.get(assertUserId(userId));
    if (!rules) {
      rules = new Map();
      this.byUser.set(userId, rules);
    }
    return rules;
  }

  async addRecurringRule(userId: string, input: NewRecurringRule): Promise<RecurringRule> {
    const valid = parseNewRecurringRule(input);
    const rules = this.rules(userId);
    const existing = rules.get(recurringRuleIdFor(valid.requestId));
    if (existing) return copy(existing);
    const rule = newRecurringRule(valid, this.clock.now().toISOString());
    rules.set(rule.id, rule);
    return copy(rule);
  }

  async getRecurringRule(userId: string, ruleId: string): Promise<RecurringRule | null> {
    const rule = this.rules(userId).get(ruleId);
    return rule ? copy(rule) : null;
  }

  async listRecurringRules(userId: string): Promise<RecurringRule[]> {
    return [...this.rules(userId).values()]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map(copy);
  }

  async setRecurringRuleStatus(
    userId: string,
    ruleId: string,
    status: RecurringStatus,
    nextDue: string | null,
  ): Promise<RecurringRule | null> {
    const rule = this.rules(userId).get(ruleId);
    if (!rule) return null;
    Object.assign(rule, { status, nextDue, updatedAt: this.clock.now().toISOString() });
    return copy(rule);
  }

  async restoreRecurringRule(userId: string, input: RecurringRule): Promise<RecurringRule> {
    const rules = this.rules(userId);
    const existing = rules.get(input.id);
    if (existing) return copy(existing);
    const rule = { ...copy(input), updatedAt: this.clock.now().toISOString() };
    rules.set(rule.id, rule);
    return copy(rule);
  }

  async deleteRecurringRule(userId: string, ruleId: string): Promise<RecurringRule | null> {
    const rules = this.rules(userId);
    const rule = rules.get(ruleId);
    if (!rule) return null;
    rules.delete(ruleId);
    return rule;
  }

  async advanceRecurringRule(
    userId: string,
    ruleId: string,
    from: string,
    to: string | null,
  ): Promise<boolean> {
    const rule = this.rules(userId).get(ruleId);
    if (!rule || !isDueOn(rule, from)) return false;
    Object.assign(rule, { nextDue: to, updatedAt: this.clock.now().toISOString() });
    return true;
  }

  async listDueRecurringRules(day: string): Promise<DueRecurringRule[]> {
    const due: DueRecurringRule[] = [];
    for (const [userId, rules] of this.byUser) {
      for (const rule of rules.values()) {
        if (isScheduled(rule) && rule.nextDue !== null && rule.nextDue <= day)
          due.push({ userId, rule: copy(rule) });
      }
    }
    return due.sort((a, b) => (a.rule.nextDue ?? '').localeCompare(b.rule.nextDue ?? ''));
  }
}
