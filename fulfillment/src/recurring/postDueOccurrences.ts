/**
 * The scheduled job (issue 12 point 2): posts every due occurrence of every active recurring rule,
 * exactly once. Deployed, EventBridge runs it daily in a Lambda (handlers/postRecurring.ts); locally
 * `npm start` runs it at start-up and on a timer, so a laptop that slept posts everything it missed.
 *
 * Exactly once: each occurrence is logged through `logTransaction` — the same path as a chat entry,
 * rollups included — with the idempotency key rule id + day, and the rule's nextDue then moves past
 * that day with a conditional write. A run that dies between the two logs nothing twice when it is
 * run again (the key is remembered for 7 days, far longer than the next run); two runs at once race
 * on the conditional move, and the loser stops.
 */
import { todayIn } from '@budgetbuddy/bot/calendar';
import type { Clock } from '../ports/Clock';
import type { UserProfile } from '../domain/ledger';
import type { LedgerRepository } from '../ports/LedgerRepository';
import type { RecurringRuleStore } from '../ports/RecurringRuleStore';
import { occurrenceRequestId } from '../domain/recurring/rules';
import { occurrenceAfter } from '../domain/recurring/schedule';

/** The zone whose calendar is furthest ahead (UTC+14): nothing is due anywhere later than its today. */
const EARLIEST_ZONE = 'Pacific/Kiritimati';
/** A rule's owner without a profile yet: their days are UTC's. */
const DEFAULT_ZONE = 'UTC';

export interface PostDueReport {
  /** Rules the due index returned. */
  rules: number;
  /** Occurrences logged by this run. */
  posted: number;
  /** Occurrences an earlier run had already logged (found by their idempotency key). */
  alreadyPosted: number;
  /** Rules that failed this run (each retried by the next run). */
  failed: number;
}

export interface PostDueOptions {
  /** Where the occurrences are logged, as chat entries are, and the rules they come from. */
  repo: LedgerRepository & { readonly recurring: RecurringRuleStore };
  clock: Clock;
  logError?: (message: string, detail: Record<string, unknown>) => void;
}

export async function postDueOccurrences(options: PostDueOptions): Promise<PostDueReport> {
  const { repo, clock } = options;
  const now = clock.now();
  const due = await repo.recurring.listDueRecurringRules(todayIn(EARLIEST_ZONE, now));
  const report: PostDueReport = { rules: due.length, posted: 0, alreadyPosted: 0, failed: 0 };
  const profiles = new Map<string, Promise<UserProfile | null>>();
  for (const { userId, rule } of due) {
    try {
      if (!profiles.has(userId)) profiles.set(userId, repo.getProfile(userId));
      const profile = await profiles.get(userId);
      // The owner's today: a rule due on the 1st posts when the 1st begins where they live.
      const today = todayIn(profile?.timeZone ?? DEFAULT_ZONE, now);
      let day = rule.nextDue;
      while (day !== null && day <= today) {
        const result = await repo.logTransaction(userId, {
          kind: rule.kind,
          amountMinor: rule.amountMinor,
          currency: rule.currency,
          category: rule.category,
          date: day,
          note: rule.name,
          source: 'recurring',
          requestId: occurrenceRequestId(rule.id, day),
        });
        if (result.created) report.posted++;
        else report.alreadyPosted++;
        const next = occurrenceAfter(rule.recurrence, day);
        // Another run, a pause or a cancel moved the rule meanwhile: that one decides what follows.
        if (!(await repo.recurring.advanceRecurringRule(userId, rule.id, day, next))) break;
        day = next;
      }
    } catch (err) {
      report.failed++;
      (options.logError ?? defaultLog)('recurring: posting failed', {
        userId,
        ruleId: rule.id,
        detail: String(err),
      });
    }
  }
  return report;
}

const defaultLog = (message: string, detail: Record<string, unknown>) =>
  console.error(JSON.stringify({ level: 'error', message, ...detail }));
