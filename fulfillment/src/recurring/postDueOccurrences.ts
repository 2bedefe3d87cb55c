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
 *
 * Alerts (issue 12 point 5), under the same claims as the chat and the overview use (alerts/
 * notificationRules.ts), so each is raised once however often the job runs: a budget threshold its
 * postings cross (80 %, 100 %, once per threshold and period; the overspend e-mail rides on the same
 * claim), and a bill due tomorrow (once per rule and day). The due index is asked one day further
 * ahead for those. A failure to raise one is logged; it never undoes or fails a posting.
 */
import { addIsoDays, todayIn } from '@budgetbuddy/bot/calendar';
import { billDueNotification } from '../alerts/notificationRules';
import { budgetCrossings, notifyCrossings } from '../intents/support/budgetAlerts';
import { billOf } from '../overview/upcomingBills';
import { silentNotifier, type BudgetNotifier } from '../ports/BudgetNotifier';
import type { RecurringRule } from '../domain/recurring/rules';
import type { Clock } from '../ports/Clock';
import type { UserProfile } from '../domain/ledger';
import type { LedgerStores } from '../ports/LedgerStores';
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
  /** In-app notifications this run raised (budget thresholds crossed, bills due tomorrow). */
  alerts: number;
}

export interface PostDueOptions {
  /** Where the occurrences are logged (as chat entries are), the rules they come from, the alerts they raise. */
  repo: LedgerStores;
  clock: Clock;
  /** Where a budget crossing's e-mail goes (deployed: SES); none by default, as in `npm start`. */
  notifier?: BudgetNotifier;
  logError?: (message: string, detail: Record<string, unknown>) => void;
}

export async function postDueOccurrences(options: PostDueOptions): Promise<PostDueReport> {
  const { repo, clock } = options;
  const now = clock.now();
  const logError = options.logError ?? defaultLog;
  // A day ahead of the furthest-ahead zone: the rules due tomorrow anywhere, for "due tomorrow".
  const due = await repo.recurring.listDueRecurringRules(addIsoDays(todayIn(EARLIEST_ZONE, now), 1));
  const report: PostDueReport = { rules: due.length, posted: 0, alreadyPosted: 0, failed: 0, alerts: 0 };
  const profiles = new Map<string, Promise<UserProfile | null>>();
  for (const { userId, rule } of due) {
    try {
      if (!profiles.has(userId)) profiles.set(userId, repo.getProfile(userId));
      const profile = await profiles.get(userId);
      // The owner's today: a rule due on the 1st posts when the 1st begins where they live.
      const today = todayIn(profile?.timeZone ?? DEFAULT_ZONE, now);
      let day = rule.nextDue;
      const account = rule.account ?? profile?.defaultAccount;
      const posted: { category: string; date: string; amountMinor: number; currency: string }[] = [];
      while (day !== null && day <= today) {
        const result = await repo.logTransaction(userId, {
          kind: rule.kind,
          amountMinor: rule.amountMinor,
          currency: rule.currency,
          category: rule.category,
          date: day,
          note: rule.name,
          // The account the rule names, else where the chat files unnamed entries (the person's
          // default), as a typed entry would go; income fills their jars by their split, as it does there.
          ...(account ? { account } : {}),
          ...(rule.kind === 'income' && profile?.jarSplit ? { jars: profile.jarSplit } : {}),
          source: 'recurring',
          requestId: occurrenceRequestId(rule.id, day),
        });
        if (result.created) report.posted++;
        else report.alreadyPosted++;
        // Already posted too: a run that died before its alerts left them to this one (claims dedupe).
        if (rule.kind === 'expense') posted.push(result.transaction);
        const next = occurrenceAfter(rule.recurrence, day);
        // Another run, a pause or a cancel moved the rule meanwhile: that one decides what follows.
        if (!(await repo.recurring.advanceRecurringRule(userId, rule.id, day, next))) break;
        day = next;
      }
      report.alerts += await raiseAlerts(
        options,
        userId,
        profile?.emailAlerts,
        rule,
        posted,
        day,
        today,
      ).catch((err: unknown) => {
        logError('recurring: alerts skipped', { userId, ruleId: rule.id, detail: String(err) });
        return 0;
      });
    } catch (err) {
      report.failed++;
      logError('recurring: posting failed', {
        userId,
        ruleId: rule.id,
        detail: String(err),
      });
    }
  }
  return report;
}

/** The budget crossings of what this rule just posted, and its bill if it is due tomorrow; how many were raised. */
async function raiseAlerts(
  options: PostDueOptions,
  userId: string,
  emailAlerts: UserProfile['emailAlerts'],
  rule: RecurringRule,
  posted: { category: string; date: string; amountMinor: number; currency: string }[],
  nextDay: string | null,
  today: string,
): Promise<number> {
  const { repo } = options;
  let raised = 0;
  const crossings = await budgetCrossings(repo, userId, posted, today);
  if (crossings.length > 0) {
    raised += await notifyCrossings(
      {
        notifier: options.notifier ?? silentNotifier,
        notifications: repo.notifications,
        userId,
        profile: emailAlerts ? { emailAlerts } : {},
      },
      crossings,
      options.logError ?? defaultLog,
    );
  }
  if (rule.kind === 'expense' && nextDay !== null && nextDay === addIsoDays(today, 1)) {
    if (await repo.notifications.notifyOnce(userId, billDueNotification(billOf(rule, nextDay)))) raised++;
  }
  return raised;
}

const defaultLog = (message: string, detail: Record<string, unknown>) =>
  console.error(JSON.stringify({ level: 'error', message, ...detail }));
