/**
 * The preamble every conversation suite repeated, in one place: a settable clock at the suite's chosen
 * instant, the harness (the whole local stack, spoken to with the real Lex client) started before the
 * first test and closed after the last, and the seed and read-back helpers several suites share.
 */
import { SettableClock } from '@budgetbuddy/bot/testing';
import { overviewSchema, type Overview } from '../../src/chatApi/overview';
import type { LedgerRepository } from '../../src/ports/LedgerRepository';
import type { LedgerStores } from '../../src/ports/LedgerStores';
import {
  startConversationHarness,
  type ConversationHarness,
  type HarnessOptions,
} from '@budgetbuddy/scripts/harness';

/** Starting the stack trains the NLU and starts DynamoDB Local's JVM; some suites walk long dialogs. */
jest.setTimeout(120_000);

export interface ConversationSuiteOptions extends Omit<HarnessOptions, 'clock'> {
  /** Put the clock back to the start before each test (for suites whose tests move it). */
  resetClock?: boolean;
}

export interface ConversationSuite {
  /** The suite's clock: the code hook and the Lex runtime read it on every turn. */
  clock: SettableClock;
  /** The harness, usable from the first test on (its members are read when called). */
  h: ConversationHarness;
}

/**
 * Registers the suite's beforeAll/afterAll (and the clock reset) and returns the clock and the harness;
 * call it once at the top of a test file, with the instant the conversation happens at.
 */
export function useConversationHarness(
  startsAt: string,
  options: ConversationSuiteOptions = {},
): ConversationSuite {
  const { resetClock, ...harnessOptions } = options;
  const clock = new SettableClock(startsAt);
  let started: ConversationHarness | undefined;

  // Starting the stack takes seconds alone but minutes on a busy 2-core machine: give it its own limit.
  beforeAll(async () => {
    started = await startConversationHarness({ clock, ...harnessOptions });
  }, 240_000);
  afterAll(() => started?.close());
  if (resetClock) beforeEach(() => clock.set(startsAt));

  const harness = (): ConversationHarness => {
    if (!started) throw new Error('The conversation harness is not started yet: use it inside a test.');
    return started;
  };
  // Members are looked up on each use, so tests can write `h.say(...)` although `h` exists before the
  // stack does.
  const h: ConversationHarness = {
    say: (...args) => harness().say(...args),
    get repo() {
      return harness().repo;
    },
    get lexUrl() {
      return harness().lexUrl;
    },
    get chatUrl() {
      return harness().chatUrl;
    },
    identityKeys: () => harness().identityKeys(),
    postRecurring: (...args) => harness().postRecurring(...args),
    close: () => harness().close(),
  };
  return { clock, h };
}

let seq = 0;

/** Expenses in USD, logged straight into the store: `[date, amount in dollars, category, note?]`. */
export async function seedExpenses(
  repo: LedgerRepository,
  user: string,
  rows: [date: string, amount: number, category: string, note?: string][],
): Promise<void> {
  for (const [date, amount, category, note] of rows) {
    await repo.logTransaction(user, {
      kind: 'expense',
      amountMinor: Math.round(amount * 100),
      currency: 'USD',
      category,
      date,
      ...(note ? { note } : {}),
      source: 'seed',
      requestId: `seed-${++seq}`,
    });
  }
}

/** GET /api/overview as the person's browser asks for it (the local identity header), checked. */
export async function fetchOverview(h: ConversationHarness, user: string): Promise<Overview> {
  const res = await fetch(`${h.chatUrl}/api/overview`, { headers: { 'X-BB-Local-User': user } });
  expect(res.status).toBe(200);
  return overviewSchema.parse(await res.json());
}

/** Each account's balance in its own currency, in minor units, as stored: `{ checking: 248_800 }`. */
export async function storedBalances(repo: LedgerStores, user: string): Promise<Record<string, number>> {
  const accounts = await repo.accounts.listAccounts(user);
  return Object.fromEntries(accounts.map((a) => [a.key, a.balances[a.currency] ?? 0]));
}
