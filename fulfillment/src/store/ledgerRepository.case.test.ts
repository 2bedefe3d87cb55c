/**
 * The LedgerRepository contract: one suite every implementation must pass (in-memory and DynamoDB),
 * run by each store's test (DynamoLedgerRepository.test.ts, InMemoryLedgerRepository.test.ts). It runs
 * the contracts of the narrow ports beside the ledger too (goals, accounts, tags), against the stores
 * the same implementation hands out. Each test uses its own user ids, so one store instance serves the
 * whole suite and tests stay fast. A `*.case.test.ts` file holds a suite, not tests: jest skips it.
 */
import { randomUUID } from 'node:crypto';
import { expense, newUser } from './contractEntries';
import { LedgerError } from '../domain/ledger/errors';
import { toMinor } from '../domain/ledger/money';
import { localDate, periodKeyOf } from '../domain/ledger/periods';
import type { Clock } from '../ports/Clock';
import { SettableClock } from '@budgetbuddy/bot/testing';
import type { LedgerStores } from '../ports/LedgerStores';
import type { NewTransaction, PeriodKey, TransactionKind } from '../domain/ledger';
import { describeGoalContract } from './goalRepository.case.test';
import { describeAccountContract } from './accountRepository.case.test';
import { describeTagContract } from './tags.case.test';

export interface ContractSubject {
  repo: LedgerStores;
  /** Releases whatever the factory started (servers, clients). */
  close?: () => Promise<void>;
}

const week = (key: string): PeriodKey => ({ granularity: 'week', key });
const month = (key: string): PeriodKey => ({ granularity: 'month', key });
const year = (key: string): PeriodKey => ({ granularity: 'year', key });

export function runLedgerRepositoryContract(
  name: string,
  factory: (clock: Clock) => Promise<ContractSubject>,
): void {
  describe(`LedgerRepository contract: ${name}`, () => {
    const clock = new SettableClock('2026-11-24T12:00:00.000Z', { advancePerReadMs: 0 });
    let subject: ContractSubject;
    let repo: LedgerStores;

    beforeAll(async () => {
      subject = await factory(clock);
      repo = subject.repo;
    });
    afterAll(async () => {
      await subject?.close?.();
    });

    describe('logging and reading', () => {
      it('logs an expense, returns it, and counts it in its week, month and year', async () => {
        const user = newUser();
        const { transaction, created } = await repo.logTransaction(
          user,
          expense({ note: ' lunch with Sam ' }),
        );
        expect(created).toBe(true);
        expect(transaction).toMatchObject({
          kind: 'expense',
          amountMinor: 1250,
          currency: 'USD',
          category: 'Food',
          date: '2026-11-24',
          note: 'lunch with Sam',
          source: 'chat',
        });
        expect(await repo.getTransaction(user, transaction.id)).toEqual(transaction);
        for (const period of [week('2026-W48'), month('2026-11'), year('2026')]) {
          const totals = await repo.getPeriodTotals(user, period, 'USD');
          expect(totals).toMatchObject({
            expenseTotalMinor: 1250,
            incomeTotalMinor: 0,
            expenseByCategory: { Food: 1250 },
            transactionCount: 1,
          });
        }
        expect((await repo.getPeriodTotals(user, month('2026-10'), 'USD')).expenseTotalMinor).toBe(0);
      });

      it('keeps expense and income totals apart, by category', async () => {
        const user = newUser();
        await repo.logTransaction(user, expense({ amountMinor: 500, category: 'Transport' }));
        await repo.logTransaction(user, expense({ amountMinor: 700, category: 'Food' }));
        await repo.logTransaction(user, expense({ kind: 'income', amountMinor: 300000, category: 'Salary' }));
        const totals = await repo.getPeriodTotals(user, month('2026-11'), 'USD');
        expect(totals).toEqual({
          period: month('2026-11'),
          currency: 'USD',
          expenseTotalMinor: 1200,
          incomeTotalMinor: 300000,
          expenseByCategory: { Transport: 500, Food: 700 },
          incomeByCategory: { Salary: 300000 },
          transactionCount: 3,
        });
      });

      it('totals a default category however it was spelled', async () => {
        const user = newUser();
        await repo.logTransaction(user, expense({ amountMinor: 100, category: 'food' }));
        await repo.logTransaction(user, expense({ amountMinor: 200, category: 'FOOD' }));
        const totals = await repo.getPeriodTotals(user, month('2026-11'), 'USD');
        expect(totals.expenseByCategory).toEqual({ Food: 300 });
      });

      it('lists recent transactions newest first by date, then by time logged', async () => {
        const user = newUser();
        clock.set('2026-11-24T10:00:00.000Z');
        const a = await repo.logTransaction(user, expense({ date: '2026-11-20' }));
        clock.tick(1000);
        const b = await repo.logTransaction(user, expense({ date: '2026-11-22' }));
        clock.tick(1000);
        const c = await repo.logTransaction(user, expense({ date: '2026-11-20' }));
        const ids = (await repo.listRecent(user, 10)).map((t) => t.id);
        expect(ids).toEqual([b.transaction.id, c.transaction.id, a.transaction.id]);
        expect((await repo.listRecent(user, 2)).map((t) => t.id)).toEqual([
          b.transaction.id,
          c.transaction.id,
        ]);
        expect(await repo.listRecent(newUser(), 10)).toEqual([]);
      });
    });

    describe('idempotency', () => {
      it('logs a repeated request id once and returns the first transaction', async () => {
        const user = newUser();
        const input = expense({ amountMinor: 999 });
        const first = await repo.logTransaction(user, input);
        const again = await repo.logTransaction(user, { ...input, amountMinor: 5 });
        expect(again.created).toBe(false);
        expect(again.transaction).toEqual(first.transaction);
        expect(await repo.listRecent(user, 10)).toHaveLength(1);
        expect((await repo.getPeriodTotals(user, month('2026-11'), 'USD')).expenseTotalMinor).toBe(999);
      });

      it('treats the same request id from another user as a new request', async () => {
        const input = expense();
        const a = await repo.logTransaction(newUser(), input);
        const b = await repo.logTransaction(newUser(), input);
        expect(b.created).toBe(true);
        expect(b.transaction.id).not.toBe(a.transaction.id);
      });

      it('answers concurrent retries of one request with a single transaction', async () => {
        const user = newUser();
        const input = expense({ amountMinor: 321 });
        const results = await Promise.all(Array.from({ length: 5 }, () => repo.logTransaction(user, input)));
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.transaction.id)).size).toBe(1);
        expect((await repo.getPeriodTotals(user, month('2026-11'), 'USD')).expenseTotalMinor).toBe(321);
      });
    });

    describe('concurrency', () => {
      it('keeps rollups equal to the sum of 50 concurrent expenses', async () => {
        const user = newUser();
        const amounts = Array.from({ length: 50 }, (_, i) => 100 + i * 37);
        const categories = ['Food', 'Transport', 'Shopping'];
        await Promise.all(
          amounts.map((amountMinor, i) =>
            repo.logTransaction(user, expense({ amountMinor, category: categories[i % 3] ?? 'Food' })),
          ),
        );
        const sum = amounts.reduce((s, a) => s + a, 0);
        const byCategory: Record<string, number> = {};
        amounts.forEach((a, i) => {
          const c = categories[i % 3] ?? 'Food';
          byCategory[c] = (byCategory[c] ?? 0) + a;
        });
        for (const period of [week('2026-W48'), month('2026-11'), year('2026')]) {
          const totals = await repo.getPeriodTotals(user, period, 'USD');
          expect(totals.expenseTotalMinor).toBe(sum);
          expect(totals.transactionCount).toBe(50);
          expect(totals.expenseByCategory).toEqual(byCategory);
        }
        expect(await repo.listRecent(user, 100)).toHaveLength(50);
      });
    });

    describe('deleting', () => {
      it('removes the transaction and restores every rollup exactly', async () => {
        const user = newUser();
        await repo.logTransaction(user, expense({ amountMinor: 400, category: 'Food' }));
        const periods = [week('2026-W48'), month('2026-11'), year('2026')];
        const before = await Promise.all(periods.map((p) => repo.getPeriodTotals(user, p, 'USD')));
        const { transaction } = await repo.logTransaction(
          user,
          expense({ amountMinor: 2599, category: 'Entertainment' }),
        );
        const removed = await repo.deleteTransaction(user, transaction.id);
        expect(removed).toEqual(transaction);
        const after = await Promise.all(periods.map((p) => repo.getPeriodTotals(user, p, 'USD')));
        expect(after).toEqual(before);
        expect(await repo.getTransaction(user, transaction.id)).toBeNull();
        expect((await repo.listRecent(user, 10)).map((t) => t.id)).not.toContain(transaction.id);
      });

      it('treats a second delete of the same transaction as a no-op', async () => {
        const user = newUser();
        await repo.logTransaction(user, expense({ amountMinor: 100 }));
        const { transaction } = await repo.logTransaction(user, expense({ amountMinor: 250 }));
        expect(await repo.deleteTransaction(user, transaction.id)).not.toBeNull();
        expect(await repo.deleteTransaction(user, transaction.id)).toBeNull();
        expect(await repo.deleteTransaction(user, 'no-such-id')).toBeNull();
        const totals = await repo.getPeriodTotals(user, month('2026-11'), 'USD');
        expect(totals.expenseTotalMinor).toBe(100);
        expect(totals.transactionCount).toBe(1);
      });

      it('does not log again when a request is retried after its transaction was deleted', async () => {
        const user = newUser();
        const input = expense();
        const first = await repo.logTransaction(user, input);
        await repo.deleteTransaction(user, first.transaction.id);
        const retry = await repo.logTransaction(user, input);
        expect(retry.created).toBe(false);
        expect(await repo.listRecent(user, 10)).toEqual([]);
      });
    });

    describe('editing', () => {
      const periodsOf = (...keys: [string, string, string][]) =>
        keys.flatMap(([w, m, y]) => [week(w), month(m), year(y)]);

      it('changes amount, category, date and note in place, with every rollup moved exactly', async () => {
        const user = newUser();
        await repo.logTransaction(user, expense({ amountMinor: 700, category: 'Food', date: '2026-10-05' }));
        const periods = periodsOf(['2026-W48', '2026-11', '2026'], ['2026-W41', '2026-10', '2026']);
        const { transaction } = await repo.logTransaction(
          user,
          expense({ amountMinor: 4500, category: 'Shopping', note: 'costco' }),
        );
        clock.tick(1000);
        const result = await repo.editTransaction(user, transaction.id, {
          amountMinor: 5500,
          category: 'Groceries',
          date: '2026-10-05',
          note: 'costco run',
        });
        expect(result?.before).toEqual(transaction);
        expect(result?.after).toMatchObject({
          id: transaction.id,
          createdAt: transaction.createdAt,
          amountMinor: 5500,
          category: 'Groceries',
          date: '2026-10-05',
          note: 'costco run',
        });
        expect(await repo.getTransaction(user, transaction.id)).toEqual(result?.after);
        const rows = await repo.listRecent(user, 10);
        expect(rows).toHaveLength(2);
        const nov = await repo.getPeriodTotals(user, month('2026-11'), 'USD');
        expect(nov).toMatchObject({ expenseTotalMinor: 0, transactionCount: 0, expenseByCategory: {} });
        const oct = await repo.getPeriodTotals(user, month('2026-10'), 'USD');
        expect(oct).toMatchObject({
          expenseTotalMinor: 6200,
          transactionCount: 2,
          expenseByCategory: { Food: 700, Groceries: 5500 },
        });
        // Every rollup equals what logging the edited entry afresh would have made.
        const fresh = newUser();
        await repo.logTransaction(fresh, expense({ amountMinor: 700, category: 'Food', date: '2026-10-05' }));
        await repo.logTransaction(
          fresh,
          expense({ amountMinor: 5500, category: 'Groceries', date: '2026-10-05', note: 'costco run' }),
        );
        for (const p of periods) {
          const mine = await repo.getPeriodTotals(user, p, 'USD');
          const theirs = await repo.getPeriodTotals(fresh, p, 'USD');
          expect(mine).toEqual(theirs);
        }
      });

      it('an edit back restores the entry and the totals as they were; a note can be removed', async () => {
        const user = newUser();
        const { transaction } = await repo.logTransaction(
          user,
          expense({ amountMinor: 1200, note: 'lunch' }),
        );
        const before = await repo.getPeriodTotals(user, week('2026-W48'), 'USD');
        await repo.editTransaction(user, transaction.id, { amountMinor: 1500, note: null });
        expect((await repo.getTransaction(user, transaction.id))?.note).toBeUndefined();
        await repo.editTransaction(user, transaction.id, { amountMinor: 1200, note: 'lunch' });
        expect(await repo.getPeriodTotals(user, week('2026-W48'), 'USD')).toEqual(before);
        expect(await repo.getTransaction(user, transaction.id)).toMatchObject({
          amountMinor: 1200,
          note: 'lunch',
        });
      });

      it('refuses a bad value and changes nothing; an unknown id is null', async () => {
        const user = newUser();
        const { transaction } = await repo.logTransaction(user, expense({ amountMinor: 900 }));
        await expect(repo.editTransaction(user, transaction.id, { amountMinor: -5 })).rejects.toBeInstanceOf(
          LedgerError,
        );
        await expect(
          repo.editTransaction(user, transaction.id, { date: '2026-02-30' }),
        ).rejects.toBeInstanceOf(LedgerError);
        expect(await repo.getTransaction(user, transaction.id)).toEqual(transaction);
        expect((await repo.getPeriodTotals(user, month('2026-11'), 'USD')).expenseTotalMinor).toBe(900);
        expect(await repo.editTransaction(user, 'no-such-id', { amountMinor: 100 })).toBeNull();
        expect(await repo.editTransaction(newUser(), transaction.id, { amountMinor: 100 })).toBeNull();
      });
    });

    describe('learned categories', () => {
      it('recalls what this user taught, per kind, case-insensitively, and nothing of other users', async () => {
        const user = newUser();
        await repo.rememberCategory(user, { word: 'Costco', kind: 'expense', category: 'Groceries' });
        await repo.rememberCategory(user, { word: 'costco', kind: 'expense', category: 'Shopping' });
        expect(await repo.recallCategories(user, 'expense', ['the', 'COSTCO', 'x'])).toEqual([
          { word: 'costco', kind: 'expense', category: 'Shopping' },
        ]);
        expect(await repo.recallCategories(user, 'income', ['costco'])).toEqual([]);
        expect(await repo.recallCategories(newUser(), 'expense', ['costco'])).toEqual([]);
        expect(await repo.recallCategories(user, 'expense', [])).toEqual([]);
      });
    });

    describe('budget alerts sent', () => {
      it('claims an alert key once per user, also when two claims race', async () => {
        const user = newUser();
        const key = 'Monthly#food#USD#2026-11-01#80';
        const until = new Date(Date.now() + 40 * 86_400_000);
        const raced = await Promise.all([
          repo.claimAlert(user, key, until),
          repo.claimAlert(user, key, until),
          repo.claimAlert(user, key, until),
        ]);
        expect(raced.filter(Boolean)).toHaveLength(1);
        expect(await repo.claimAlert(user, key, until)).toBe(false);
        expect(await repo.claimAlert(user, 'Monthly#food#USD#2026-11-01#100', until)).toBe(true);
        expect(await repo.claimAlert(newUser(), key, until)).toBe(true);
      });
    });

    describe('user isolation', () => {
      it("never lets one user read, list or delete another user's transaction", async () => {
        const alice = newUser();
        const bob = newUser();
        const { transaction } = await repo.logTransaction(alice, expense({ amountMinor: 777 }));
        expect(await repo.getTransaction(bob, transaction.id)).toBeNull();
        expect(await repo.deleteTransaction(bob, transaction.id)).toBeNull();
        expect(await repo.listRecent(bob, 10)).toEqual([]);
        expect(await repo.listByRange(bob, { from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
        expect((await repo.getPeriodTotals(bob, month('2026-11'), 'USD')).expenseTotalMinor).toBe(0);
        expect(await repo.getTransaction(alice, transaction.id)).toEqual(transaction);
        expect((await repo.getPeriodTotals(alice, month('2026-11'), 'USD')).expenseTotalMinor).toBe(777);
      });
    });

    it('refuses to write or delete for an empty user id', async () => {
      await expect(repo.logTransaction('', expense())).rejects.toThrow(/user id is required/);
      await expect(repo.deleteTransaction(' ', 'x')).rejects.toThrow(/user id is required/);
    });

    describe('period edges', () => {
      it('puts the last day of a month and the first of the next in different months', async () => {
        const user = newUser();
        await repo.logTransaction(user, expense({ date: '2026-11-30', amountMinor: 100 }));
        await repo.logTransaction(user, expense({ date: '2026-12-01', amountMinor: 200 }));
        expect((await repo.getPeriodTotals(user, month('2026-11'), 'USD')).expenseTotalMinor).toBe(100);
        expect((await repo.getPeriodTotals(user, month('2026-12'), 'USD')).expenseTotalMinor).toBe(200);
        expect((await repo.getPeriodTotals(user, week('2026-W49'), 'USD')).expenseTotalMinor).toBe(300);
      });

      it('counts 29 February 2028 in February and in ISO week 9', async () => {
        const user = newUser();
        await repo.logTransaction(user, expense({ date: '2028-02-29', amountMinor: 2900 }));
        expect((await repo.getPeriodTotals(user, month('2028-02'), 'USD')).expenseTotalMinor).toBe(2900);
        expect((await repo.getPeriodTotals(user, week('2028-W09'), 'USD')).expenseTotalMinor).toBe(2900);
        expect((await repo.getPeriodTotals(user, month('2028-03'), 'USD')).expenseTotalMinor).toBe(0);
      });

      it('keeps 2026-12-31 and 2027-01-01 in ISO week 2026-W53 but in different years', async () => {
        const user = newUser();
        await repo.logTransaction(user, expense({ date: '2026-12-31', amountMinor: 10 }));
        await repo.logTransaction(user, expense({ date: '2027-01-01', amountMinor: 20 }));
        await repo.logTransaction(user, expense({ date: '2027-01-04', amountMinor: 40 }));
        expect((await repo.getPeriodTotals(user, week('2026-W53'), 'USD')).expenseTotalMinor).toBe(30);
        expect((await repo.getPeriodTotals(user, week('2027-W01'), 'USD')).expenseTotalMinor).toBe(40);
        expect((await repo.getPeriodTotals(user, year('2026'), 'USD')).expenseTotalMinor).toBe(10);
        expect((await repo.getPeriodTotals(user, year('2027'), 'USD')).expenseTotalMinor).toBe(60);
      });

      it('files the same instant under each user’s own local day (Auckland vs Los Angeles)', async () => {
        const instant = new Date('2026-11-30T20:00:00.000Z');
        const auckland = newUser();
        const losAngeles = newUser();
        const aklDate = localDate(instant, 'Pacific/Auckland');
        const laDate = localDate(instant, 'America/Los_Angeles');
        expect([aklDate, laDate]).toEqual(['2026-12-01', '2026-11-30']);
        await repo.logTransaction(auckland, expense({ date: aklDate }));
        await repo.logTransaction(losAngeles, expense({ date: laDate }));
        const monthOf = (d: string) => periodKeyOf('month', d);
        expect((await repo.getPeriodTotals(auckland, monthOf(aklDate), 'USD')).transactionCount).toBe(1);
        expect((await repo.getPeriodTotals(auckland, month('2026-11'), 'USD')).transactionCount).toBe(0);
        expect((await repo.getPeriodTotals(losAngeles, month('2026-11'), 'USD')).transactionCount).toBe(1);
        expect((await repo.getPeriodTotals(losAngeles, month('2026-12'), 'USD')).transactionCount).toBe(0);
      });
    });

    describe('currencies', () => {
      it('stores 0-, 2- and 3-decimal currencies exactly and totals each currency apart', async () => {
        const user = newUser();
        await repo.logTransaction(user, expense({ currency: 'VND', amountMinor: toMinor('45000', 'VND') }));
        await repo.logTransaction(user, expense({ currency: 'USD', amountMinor: toMinor('0.1', 'USD') }));
        await repo.logTransaction(user, expense({ currency: 'USD', amountMinor: toMinor('0.2', 'USD') }));
        await repo.logTransaction(user, expense({ currency: 'bhd', amountMinor: toMinor('1.234', 'BHD') }));
        expect((await repo.getPeriodTotals(user, month('2026-11'), 'VND')).expenseTotalMinor).toBe(45000);
        expect((await repo.getPeriodTotals(user, month('2026-11'), 'USD')).expenseTotalMinor).toBe(30);
        const bhd = await repo.getPeriodTotals(user, month('2026-11'), 'BHD');
        expect(bhd.expenseTotalMinor).toBe(1234);
        expect(bhd.transactionCount).toBe(1);
      });
    });

    describe('rejecting bad input', () => {
      const cases: Array<[string, Partial<NewTransaction>, RegExp]> = [
        ['zero', { amountMinor: 0 }, /more than zero/],
        ['negative', { amountMinor: -500 }, /cannot be negative/],
        ['NaN', { amountMinor: Number.NaN }, /not a number/],
        ['Infinity', { amountMinor: Number.POSITIVE_INFINITY }, /infinite/],
        ['more than a trillion', { amountMinor: 1e12 * 100 + 1 }, /too large/],
        ['an unknown currency', { currency: 'XYZ' }, /don't know the currency "XYZ"/],
        ['an empty category', { category: '   ' }, /category is empty/],
        ['a 200-character category', { category: 'x'.repeat(200) }, /200 characters.*50 or fewer/],
        ['a note over 500 characters', { note: 'n'.repeat(501) }, /501 characters.*500 or fewer/],
        ['an unreal date', { date: '2027-02-29' }, /not a real calendar date/],
      ];
      it.each(cases)('rejects %s with a clear sentence and writes nothing', async (_label, over, message) => {
        const user = newUser();
        const attempt = repo.logTransaction(user, expense(over));
        await expect(attempt).rejects.toBeInstanceOf(LedgerError);
        await expect(attempt).rejects.toThrow(message);
        expect(await repo.listRecent(user, 10)).toEqual([]);
        expect((await repo.getPeriodTotals(user, month('2026-11'), 'USD')).transactionCount).toBe(0);
      });

      it('accepts the largest allowed amount and a 500-character note', async () => {
        const user = newUser();
        const { transaction } = await repo.logTransaction(
          user,
          expense({ amountMinor: 1e14, note: 'n'.repeat(500) }),
        );
        expect(transaction.amountMinor).toBe(1e14);
        expect(transaction.note).toHaveLength(500);
      });
    });

    describe('listing by range', () => {
      it('returns inclusive date ranges, newest first, filtered by category and kind', async () => {
        const user = newUser();
        const log = (date: string, category: string, kind: TransactionKind = 'expense') =>
          repo.logTransaction(user, expense({ date, category, kind })).then((r) => r.transaction);
        await log('2026-10-31', 'Food');
        const f1 = await log('2026-11-01', 'Food');
        const t1 = await log('2026-11-15', 'Transport');
        const f2 = await log('2026-11-30', 'Food');
        const s1 = await log('2026-11-20', 'Salary', 'income');
        await log('2026-12-01', 'Food');
        const november = { from: '2026-11-01', to: '2026-11-30' };
        expect((await repo.listByRange(user, november)).map((t) => t.id)).toEqual([
          f2.id,
          s1.id,
          t1.id,
          f1.id,
        ]);
        expect((await repo.listByRange(user, { ...november, category: 'food' })).map((t) => t.id)).toEqual([
          f2.id,
          f1.id,
        ]);
        expect((await repo.listByRange(user, { ...november, kind: 'income' })).map((t) => t.id)).toEqual([
          s1.id,
        ]);
        expect((await repo.listByRange(user, { ...november, limit: 2 })).map((t) => t.id)).toEqual([
          f2.id,
          s1.id,
        ]);
        expect(
          (await repo.listByRange(user, { ...november, category: 'Food', limit: 1 })).map((t) => t.id),
        ).toEqual([f2.id]);
      });

      it('rejects a range that ends before it starts', async () => {
        await expect(repo.listByRange(newUser(), { from: '2026-12-01', to: '2026-11-01' })).rejects.toThrow(
          /ends .* before it starts/,
        );
      });
    });

    describe('budgets', () => {
      it('creates, replaces, finds case-insensitively, lists and deletes budgets', async () => {
        const user = newUser();
        clock.set('2026-11-24T12:00:00.000Z');
        const food = await repo.putBudget(user, {
          category: 'Groceries',
          period: 'Monthly',
          limitMinor: 40000,
          currency: 'USD',
          requestId: randomUUID(),
        });
        expect(food).toMatchObject({
          category: 'Groceries',
          period: 'Monthly',
          limitMinor: 40000,
          currency: 'USD',
        });
        clock.tick(60_000);
        const replaced = await repo.putBudget(user, {
          category: 'Groceries',
          period: 'Monthly',
          limitMinor: 45000,
          currency: 'USD',
          requestId: randomUUID(),
        });
        expect(replaced.limitMinor).toBe(45000);
        expect(replaced.createdAt).toBe(food.createdAt);
        expect(replaced.updatedAt).not.toBe(food.updatedAt);
        await repo.putBudget(user, {
          category: null,
          period: 'Weekly',
          limitMinor: 20000,
          currency: 'USD',
          requestId: randomUUID(),
        });
        expect(await repo.getBudget(user, 'groceries', 'Monthly')).toEqual(replaced);
        expect(await repo.getBudget(user, null, 'Weekly')).toMatchObject({
          category: null,
          limitMinor: 20000,
        });
        expect(await repo.getBudget(user, null, 'Monthly')).toBeNull();
        expect(await repo.getBudget(newUser(), 'Groceries', 'Monthly')).toBeNull();
        expect(await repo.listBudgets(user)).toHaveLength(2);
        expect(await repo.deleteBudget(user, 'Groceries', 'Monthly')).toBe(true);
        expect(await repo.deleteBudget(user, 'Groceries', 'Monthly')).toBe(false);
        expect(await repo.listBudgets(user)).toEqual([
          expect.objectContaining({ category: null, period: 'Weekly' }),
        ]);
      });

      it('rejects a budget of zero', async () => {
        const user = newUser();
        await expect(
          repo.putBudget(user, {
            category: 'Food',
            period: 'Monthly',
            limitMinor: 0,
            currency: 'USD',
            requestId: 'r',
          }),
        ).rejects.toThrow(/more than zero/);
        expect(await repo.listBudgets(user)).toEqual([]);
      });
    });

    describe('profiles', () => {
      it('stores and returns a profile, normalised', async () => {
        const user = newUser();
        expect(await repo.getProfile(user)).toBeNull();
        await repo.putProfile(user, {
          currency: 'vnd',
          timeZone: 'Asia/Ho_Chi_Minh',
          customCategories: ['Pets', 'pets'],
        });
        expect(await repo.getProfile(user)).toEqual({
          currency: 'VND',
          timeZone: 'Asia/Ho_Chi_Minh',
          customCategories: ['Pets'],
        });
      });

      it('rejects an unknown time zone', async () => {
        await expect(
          repo.putProfile(newUser(), { currency: 'USD', timeZone: 'Mars/Olympus', customCategories: [] }),
        ).rejects.toThrow(/not a time zone I know/);
      });
    });

    describe('bulk logging, full listing and pending imports (issue 13)', () => {
      it('logs 120 transactions over many weeks in one call, with rollups equal to a one-by-one log', async () => {
        const bulkUser = newUser();
        const singleUser = newUser();
        const inputs = Array.from({ length: 120 }, (_, i) =>
          expense({
            amountMinor: 100 + i,
            category: i % 3 === 0 ? 'Groceries' : 'Food',
            kind: i % 10 === 0 ? 'income' : 'expense',
            date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
            note: `row ${i}`,
            source: 'import',
          }),
        ).map((t) => (t.kind === 'income' ? { ...t, category: 'Refund' } : t));
        const results = await repo.logTransactions(bulkUser, inputs);
        expect(results.map((r) => r.created)).toEqual(inputs.map(() => true));
        expect(results.map((r) => r.transaction.note)).toEqual(inputs.map((t) => t.note));
        for (const input of inputs) await repo.logTransaction(singleUser, input);
        for (const period of [month('2026-01'), month('2026-07'), week('2026-W10'), year('2026')]) {
          const bulk = await repo.getPeriodTotals(bulkUser, period, 'USD');
          const single = await repo.getPeriodTotals(singleUser, period, 'USD');
          expect(bulk).toEqual(single);
        }
        expect((await repo.getPeriodTotals(bulkUser, year('2026'), 'USD')).transactionCount).toBe(120);
      });

      it('logs nothing again for request ids seen before, in or across calls', async () => {
        const user = newUser();
        const a = expense({ amountMinor: 111 });
        const b = expense({ amountMinor: 222 });
        const first = await repo.logTransaction(user, a);
        const results = await repo.logTransactions(user, [a, b, b]);
        expect(results.map((r) => r.created)).toEqual([false, true, false]);
        expect(results[0]!.transaction).toEqual(first.transaction);
        expect(results[2]!.transaction).toEqual(results[1]!.transaction);
        expect(await repo.logTransactions(user, [a, b])).toEqual([
          { transaction: first.transaction, created: false },
          { transaction: results[1]!.transaction, created: false },
        ]);
        expect((await repo.getPeriodTotals(user, month('2026-11'), 'USD')).expenseTotalMinor).toBe(333);
      });

      it('answers in the order asked, and writes the first of a repeated request id, whatever the dates', async () => {
        const user = newUser();
        const december = expense({ amountMinor: 300, date: '2026-12-01', requestId: 'same-row' });
        const sameIdEarlier = expense({ amountMinor: 999, date: '2026-01-05', requestId: 'same-row' });
        const january = expense({ amountMinor: 100, date: '2026-01-10' });
        const results = await repo.logTransactions(user, [december, sameIdEarlier, january]);
        expect(results.map((r) => [r.created, r.transaction.amountMinor, r.transaction.date])).toEqual([
          [true, 300, '2026-12-01'],
          [false, 300, '2026-12-01'],
          [true, 100, '2026-01-10'],
        ]);
        expect(results[1]!.transaction).toEqual(results[0]!.transaction);
        expect((await repo.getPeriodTotals(user, month('2026-01'), 'USD')).expenseTotalMinor).toBe(100);
      });

      it('rejects a bad row before writing any of the call', async () => {
        const user = newUser();
        await expect(
          repo.logTransactions(user, [expense(), expense({ amountMinor: -5 })]),
        ).rejects.toBeInstanceOf(LedgerError);
        expect(await repo.listRecent(user, 10)).toEqual([]);
      });

      it('lists every transaction oldest first, optionally within dates, past any page size', async () => {
        const user = newUser();
        const inputs = Array.from({ length: 1100 }, (_, i) =>
          expense({ amountMinor: 1 + i, date: i < 600 ? '2026-10-05' : '2026-11-05' }),
        );
        await repo.logTransactions(user, inputs);
        const all = await repo.listAllTransactions(user);
        expect(all).toHaveLength(1100);
        expect(all[0]!.date <= all[1099]!.date).toBe(true);
        const november = await repo.listAllTransactions(user, { from: '2026-11-01', to: '2026-11-30' });
        expect(november).toHaveLength(500);
        expect(await repo.listAllTransactions(newUser())).toEqual([]);
      });

      it('keeps a pending import for its owner until it expires', async () => {
        const user = newUser();
        clock.set('2026-11-24T12:00:00.000Z');
        const rows = Array.from({ length: 1234 }, (_, i) => ({
          kind: 'expense' as const,
          amountMinor: 100 + i,
          currency: 'USD',
          category: 'Food',
          date: '2026-11-20',
          note: `STARBUCKS #${i}, "quoted"`,
          requestId: `import:${i}`,
        }));
        const pending = {
          importId: 'imp-1',
          rows,
          createdAt: '2026-11-24T12:00:00.000Z',
          expiresAt: '2026-11-24T13:00:00.000Z',
        };
        await repo.savePendingImport(user, pending);
        expect(await repo.getPendingImport(user, 'imp-1')).toEqual(pending);
        await repo.setPendingImportProgress(user, 'imp-1', 500);
        expect(await repo.getPendingImport(user, 'imp-1')).toEqual({ ...pending, committedRows: 500 });
        await repo.setPendingImportProgress(user, 'no-such-import', 5);
        expect(await repo.getPendingImport(user, 'no-such-import')).toBeNull();
        expect(await repo.getPendingImport(newUser(), 'imp-1')).toBeNull();
        expect(await repo.getPendingImport(user, 'imp-2')).toBeNull();
        clock.set('2026-11-24T13:00:01.000Z');
        expect(await repo.getPendingImport(user, 'imp-1')).toBeNull();
        clock.set('2026-11-24T12:00:00.000Z');
      });
    });

    describeGoalContract(
      () => repo.goals,
      () => repo.accounts,
    );
    describeAccountContract(() => repo);
    describeTagContract(() => repo);
  });
}
