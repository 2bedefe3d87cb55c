/**
 * What the store contract suites (*.case.test.ts) log: a fresh user id per test and a valid expense
 * that a test changes only where it matters, so the suites share one idea of "an ordinary entry".
 */
import { randomUUID } from 'node:crypto';
import type { NewTransaction } from '../domain/ledger';

export const newUser = (): string => `user-${randomUUID()}`;

/** $12.50 on Food on 2026-11-24, typed in the chat, with its own request id. */
export const expense = (over: Partial<NewTransaction> = {}): NewTransaction => ({
  kind: 'expense',
  amountMinor: 1250,
  currency: 'USD',
  category: 'Food',
  date: '2026-11-24',
  source: 'chat',
  requestId: randomUUID(),
  ...over,
});
