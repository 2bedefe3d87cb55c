/**
 * The Lex V2 code hook: validates the event, identifies the user, loads their profile and memory, and
 * hands the turn to the intent's handler. It runs unchanged as the AWS Lambda and in-process behind
 * the local runtime.
 */
import { lexEventSchema, type CodeHook, type LexEvent, type LexResponse } from '@budgetbuddy/bot/lex';
import { WRITE_INTENTS } from '@budgetbuddy/bot';
import type { Clock } from './ports/Clock';
import type { BudgetNotifier } from './ports/BudgetNotifier';
import type { LedgerStores } from './ports/LedgerStores';
import { LedgerError } from './domain/ledger/errors';
import { localDate } from './domain/ledger/periods';
import { close } from './lex/dialogActions';
import { currentIntent, readRequestKey, readTimeZone, readUserId } from './lex/eventReader';
import { readMemory } from './lex/memory';
import { COULD_NOT_LOOK_UP, COULD_NOT_SAVE, UNKNOWN_USER, UNREADABLE } from './lex/failures';
import { plainText } from './lex/messages';
import { cachedProfile, loadProfile, trackProfileWrites, withProfileContext } from './lex/profile';
import { handleTurn } from './intents/registry';
import { createTurn, type Turn } from './intents/turn';

export interface CodeHookDeps {
  repo: LedgerStores;
  clock: Clock;
  /** Where unexpected failures are reported; defaults to console.error. */
  logError?: (message: string, detail: Record<string, unknown>) => void;
  /** Budget crossings beyond the chat; none by default (offline). */
  notifier?: BudgetNotifier;
}

// `@budgetbuddy/fulfillment/code-hook` is this module: the hook, and the signed identity it trusts.
export type { BudgetAlert, BudgetNotifier } from './ports/BudgetNotifier';
export { COULD_NOT_LOOK_UP, COULD_NOT_SAVE, UNKNOWN_USER } from './lex/failures';
export {
  requireSignedIdentity,
  secretIdentityKeys,
  sessionAttributesSigned,
  type IdentityKeys,
} from './lex/identitySignature';

/** Ends the turn with a sentence, leaving the conversation memory as it was. */
function failWith(event: LexEvent, message: string): LexResponse {
  const { sessionAttributes, activeContexts } = event.sessionState;
  return close(currentIntent(event), 'Failed', [plainText(message)], {
    ...(sessionAttributes ? { sessionAttributes } : {}),
    ...(activeContexts ? { activeContexts } : {}),
  });
}

export function createCodeHook(deps: CodeHookDeps): CodeHook {
  const logError =
    deps.logError ??
    ((message, detail) => console.error(JSON.stringify({ level: 'error', message, ...detail })));

  return async (input) => {
    const parsed = lexEventSchema.safeParse(input);
    if (!parsed.success) {
      logError('Invalid Lex event', { issues: parsed.error.issues.slice(0, 5) });
      const intentName = (input as { sessionState?: { intent?: { name?: unknown } } } | null)?.sessionState
        ?.intent?.name;
      return {
        sessionState: {
          dialogAction: { type: 'Close' },
          intent: {
            name: typeof intentName === 'string' && intentName ? intentName : 'FallbackIntent',
            state: 'Failed',
          },
        },
        messages: [plainText(UNREADABLE)],
      };
    }
    const event = parsed.data;
    const userId = readUserId(event);
    if (!userId) return failWith(event, UNKNOWN_USER);

    let turn: Turn | undefined;
    try {
      const tracked = trackProfileWrites(deps.repo, userId);
      const profile = await loadProfile(
        tracked.repo,
        userId,
        readTimeZone(event),
        cachedProfile(event, userId),
      );
      const intent = currentIntent(event);
      turn = createTurn({
        event,
        intent,
        userId,
        profile,
        today: localDate(deps.clock.now(), profile.timeZone),
        requestKey: readRequestKey(event),
        memory: readMemory(event),
        // Each handler reaches the store it uses through its own narrow port.
        repo: tracked.repo,
        goals: deps.repo.goals,
        recurring: deps.repo.recurring,
        accounts: deps.repo.accounts,
        notifications: deps.repo.notifications,
        clock: deps.clock,
        ...(deps.notifier ? { notifier: deps.notifier } : {}),
        logError,
      });
      const response = await handleTurn(turn);
      return withProfileContext(response, event, userId, tracked.written() ?? profile);
    } catch (error) {
      // A ledger rule we did not catch earlier still has a sentence meant for people.
      if (error instanceof LedgerError) return failWith(event, error.message);
      logError('Code hook failed', {
        intent: event.sessionState.intent?.name,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      // A turn writes when its intent does, or when a handler started a write (a correction the NLU sent to the fallback).
      const writes =
        turn?.writing === true ||
        (WRITE_INTENTS as readonly string[]).includes(event.sessionState.intent?.name ?? '');
      return failWith(event, writes ? COULD_NOT_SAVE : COULD_NOT_LOOK_UP);
    }
  };
}
