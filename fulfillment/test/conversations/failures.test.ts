/**
 * When things go wrong, end to end through the real Lex client: a DynamoDB failure while saving says so
 * and stores nothing partial, a retry then saves once, a failure halfway through a correction leaves the
 * entry as it was, and a turn without the proxy's verified user id is refused.
 */
import {
  LexRuntimeV2Client,
  RecognizeTextCommand,
  type RecognizeTextCommandOutput,
} from '@aws-sdk/client-lex-runtime-v2';
import { LOCAL_BOT_ALIAS_ID, LOCAL_BOT_ID, LOCALE_ID, TIME_ZONE_ATTRIBUTE } from '@budgetbuddy/bot';
import { DUMMY_CREDENTIALS } from '@budgetbuddy/scripts/local';
import { StoreUnavailableError, type LedgerRepository } from '../../src/ports/LedgerRepository';
import type { LedgerStores } from '../../src/ports/LedgerStores';
import { dialogType, replyText } from '../support/replies';
import { useConversationHarness } from '../support/conversation';

/** Store methods that fail while listed here; a count makes only that many calls fail. */
const failing = new Map<keyof LedgerRepository, number>();
const failAlways = (name: keyof LedgerRepository) => failing.set(name, Infinity);

/** The store with chosen methods failing the way an unreachable DynamoDB does. */
function flaky(repo: LedgerStores): LedgerStores {
  return new Proxy(repo, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const left = failing.get(name as keyof LedgerRepository) ?? 0;
        if (left > 0) {
          failing.set(name as keyof LedgerRepository, left - 1);
          return Promise.reject(new StoreUnavailableError('DynamoDB is unreachable'));
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const { h } = useConversationHarness('2026-11-22T17:00:00Z', { wrapRepo: flaky });
afterEach(() => failing.clear());

const recent = (user: string) => h.repo.listRecent(user, 50);

test('a failed save says so, stores nothing, and the retry saves once', async () => {
  failAlways('logTransaction');
  const failed = await h.say('fail-1', 'spent 12.50 on lunch', { requestId: 'fail-1-a' });
  expect(replyText(failed)).toBe("I couldn't save that — please try again.");
  expect(await recent('fail-1')).toHaveLength(0);
  failing.clear();
  const retried = await h.say('fail-1', 'spent 12.50 on lunch', { requestId: 'fail-1-a' });
  expect(replyText(retried)).toBe('Logged $12.50 for Food today.');
  const again = await h.say('fail-1', 'spent 12.50 on lunch', { requestId: 'fail-1-a' });
  expect(replyText(again)).toBe('Logged $12.50 for Food today.');
  expect(await recent('fail-1')).toHaveLength(1);
});

test('a budget that cannot be saved says so and leaves the old one', async () => {
  await h.say('fail-2', 'set my food budget to 100');
  await h.say('fail-2', 'set my food budget to 150');
  failAlways('putBudget');
  const yes = await h.say('fail-2', 'yes');
  expect(replyText(yes)).toBe("I couldn't save that — please try again.");
  expect((await h.repo.getBudget('fail-2', 'Food', 'Monthly'))?.limitMinor).toBe(10000);
});

test('a correction whose write fails leaves the entry as it was, once', async () => {
  await h.say('fail-3', 'spent 10 on lunch');
  // The correction is one atomic write: when it fails, nothing of it is stored.
  failing.set('editTransaction', 1);
  const failed = await h.say('fail-3', 'no, make that 15');
  expect(replyText(failed)).toBe("I couldn't save that — please try again.");
  failing.clear();
  expect(await recent('fail-3')).toMatchObject([{ amountMinor: 1000 }]);
  const fixed = await h.say('fail-3', 'no, make that 15');
  expect(replyText(fixed)).toBe('Fixed: $15.00 for Food today (lunch) — it was $10.00.');
  expect(await recent('fail-3')).toMatchObject([{ amountMinor: 1500 }]);
});

test('a correction never logs a second entry, however often it fails', async () => {
  await h.say('fail-3b', 'spent 10 on lunch');
  failAlways('editTransaction');
  await h.say('fail-3b', 'make it 12');
  expect(await recent('fail-3b')).toMatchObject([{ amountMinor: 1000 }]);
  const failed = await h.say('fail-3b', 'make it 12');
  expect(replyText(failed)).toBe("I couldn't save that — please try again.");
  failing.clear();
  const fixed = await h.say('fail-3b', 'make it 12');
  expect(replyText(fixed)).toBe('Fixed: $12.00 for Food today (lunch) — it was $10.00.');
  expect(await recent('fail-3b')).toMatchObject([{ amountMinor: 1200 }]);
  expect(await recent('fail-3b')).toHaveLength(1);
});

test('a failed read says it could not look it up, and the next question works', async () => {
  await h.say('fail-4', 'spent 10 on lunch');
  failAlways('getPeriodTotals');
  const failed = await h.say('fail-4', 'how much did I spend this month');
  expect(replyText(failed)).toBe("I couldn't look that up just now — please try again. Nothing was changed.");
  failing.clear();
  const ok = await h.say('fail-4', 'how much did I spend this month');
  expect(replyText(ok)).toContain('You spent $10.00 this month.');
});

test('a turn without the verified user id is refused and never filed under anyone', async () => {
  const lex = new LexRuntimeV2Client({
    endpoint: h.lexUrl,
    region: 'us-east-1',
    credentials: DUMMY_CREDENTIALS,
    maxAttempts: 1,
  });
  try {
    const say = (
      text: string,
      sessionAttributes: Record<string, string>,
    ): Promise<RecognizeTextCommandOutput> =>
      lex.send(
        new RecognizeTextCommand({
          botId: LOCAL_BOT_ID,
          botAliasId: LOCAL_BOT_ALIAS_ID,
          localeId: LOCALE_ID,
          sessionId: 'no-user-session',
          text,
          sessionState: { sessionAttributes },
          requestAttributes: { [TIME_ZONE_ATTRIBUTE]: 'America/New_York' },
        }),
      );
    const refused = await say('spent 12.50 on lunch', {});
    expect(replyText(refused)).toBe(
      "I can't tell who you are, so I didn't save anything. Please sign in again and retry.",
    );
    expect(dialogType(refused)).toBe('Close');
    const blank = await say('spent 5 on coffee', { 'bb:userId': '  ' });
    expect(replyText(blank)).toContain("I can't tell who you are");
    for (const user of ['default', 'anonymous', 'local-user', 'no-user-session', 'user-1']) {
      expect(await recent(user)).toHaveLength(0);
    }
  } finally {
    lex.destroy();
  }
});
