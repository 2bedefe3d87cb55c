/**
 * The LedgerRepository contract for tags (issue 12 point 4), run by runLedgerRepositoryContract for
 * every store with the rest of the contract: tags kept on the entry in one spelling, per-tag totals in the period rollups moved by every
 * log, edit, delete and bulk log, and entries listed by tag.
 */
import { expense, newUser } from './contractEntries';
import { LedgerError } from '../domain/ledger/errors';
import type { LedgerRepository } from '../ports/LedgerRepository';
import type { PeriodKey } from '../domain/ledger';

const month = (key: string): PeriodKey => ({ granularity: 'month', key });
const week = (key: string): PeriodKey => ({ granularity: 'week', key });

export function describeTagContract(repoOf: () => LedgerRepository): void {
  describe('tags (issue 12 point 4)', () => {
    it('keeps tags in one spelling and counts them in the week, month and year of the entry', async () => {
      const repo = repoOf();
      const user = newUser();
      const { transaction } = await repo.logTransaction(user, expense({ tags: ['#Work', 'work', 'Travel'] }));
      expect(transaction.tags).toEqual(['work', 'travel']);
      expect((await repo.getTransaction(user, transaction.id))?.tags).toEqual(['work', 'travel']);
      await repo.logTransaction(user, expense({ amountMinor: 500, tags: ['work'] }));
      const plain = await repo.logTransaction(user, expense({ amountMinor: 300 }));
      expect((await repo.getTagTotals(user, month('2026-11'), 'USD')).expenseByTag).toEqual({
        work: 1750,
        travel: 1250,
      });
      expect((await repo.getPeriodTotals(user, month('2026-11'), 'USD')).expenseTotalMinor).toBe(2050);
      expect((await repo.getTagTotals(user, week('2026-W48'), 'USD')).expenseByTag).toEqual({
        work: 1750,
        travel: 1250,
      });
      // An entry without tags has none, rather than an empty list.
      expect((await repo.getTransaction(user, plain.transaction.id))?.tags).toBeUndefined();
    });

    it('refuses a tag that is not one word, and writes nothing', async () => {
      const repo = repoOf();
      const user = newUser();
      await expect(repo.logTransaction(user, expense({ tags: ['two words'] }))).rejects.toBeInstanceOf(
        LedgerError,
      );
      expect(await repo.listRecent(user, 5)).toEqual([]);
    });

    it('moves tag totals on an edit, on undoing it, and takes them back on a delete', async () => {
      const repo = repoOf();
      const user = newUser();
      const { transaction } = await repo.logTransaction(user, expense({ tags: ['work'] }));
      await repo.editTransaction(user, transaction.id, { tags: ['work', 'travel'], amountMinor: 2000 });
      expect((await repo.getTagTotals(user, month('2026-11'), 'USD')).expenseByTag).toEqual({
        work: 2000,
        travel: 2000,
      });
      // Moving the entry to another month moves its tags' totals with it.
      await repo.editTransaction(user, transaction.id, { date: '2026-10-30' });
      expect((await repo.getTagTotals(user, month('2026-11'), 'USD')).expenseByTag).toEqual({});
      expect((await repo.getTagTotals(user, month('2026-10'), 'USD')).expenseByTag).toEqual({
        work: 2000,
        travel: 2000,
      });
      await repo.editTransaction(user, transaction.id, { tags: [] });
      const untagged = await repo.getTransaction(user, transaction.id);
      expect(untagged?.tags).toBeUndefined();
      expect((await repo.getTagTotals(user, month('2026-10'), 'USD')).expenseByTag).toEqual({});
      await repo.editTransaction(user, transaction.id, { tags: ['work'] });
      await repo.deleteTransaction(user, transaction.id);
      expect((await repo.getTagTotals(user, month('2026-10'), 'USD')).expenseByTag).toEqual({});
      expect((await repo.getPeriodTotals(user, month('2026-10'), 'USD')).expenseTotalMinor).toBe(0);
    });

    it('counts tags of entries logged in bulk', async () => {
      const repo = repoOf();
      const user = newUser();
      await repo.logTransactions(user, [
        expense({ tags: ['work'] }),
        expense({ amountMinor: 700, tags: ['work', 'kids'] }),
        expense({ amountMinor: 100 }),
      ]);
      expect((await repo.getTagTotals(user, month('2026-11'), 'USD')).expenseByTag).toEqual({
        work: 1950,
        kids: 700,
      });
    });

    it('keeps thousands of distinct tags in one period exact, and every write whole', async () => {
      const repo = repoOf();
      const user = newUser();
      // 3,000 distinct tags of the longest allowed length (30), ten to an entry, as a big import brings.
      const tagOf = (i: number) => `t${String(i).padStart(5, '0')}${'x'.repeat(24)}`;
      const entries = Array.from({ length: 300 }, (_, e) =>
        expense({ amountMinor: 100 + e, tags: Array.from({ length: 10 }, (_, k) => tagOf(e * 10 + k)) }),
      );
      for (let i = 0; i < entries.length; i += 100)
        await repo.logTransactions(user, entries.slice(i, i + 100));
      const { transaction } = await repo.logTransaction(
        user,
        expense({ amountMinor: 999, tags: [tagOf(0), 'work'] }),
      );
      const year = await repo.getTagTotals(user, { granularity: 'year', key: '2026' }, 'USD');
      expect(Object.keys(year.expenseByTag)).toHaveLength(3001);
      expect(year.expenseByTag[tagOf(0)]).toBe(100 + 999);
      expect(year.expenseByTag[tagOf(2999)]).toBe(399);
      expect(year.expenseByTag.work).toBe(999);
      expect((await repo.getPeriodTotals(user, month('2026-11'), 'USD')).transactionCount).toBe(301);
      // A delete takes its tags' amounts back; a tag back at zero is no longer listed.
      await repo.deleteTransaction(user, transaction.id);
      const after = await repo.getTagTotals(user, month('2026-11'), 'USD');
      expect(after.expenseByTag.work).toBeUndefined();
      expect(after.expenseByTag[tagOf(0)]).toBe(100);
      expect(Object.keys(after.expenseByTag)).toHaveLength(3000);
    });

    it('lists entries by tag, in any spelling, newest first', async () => {
      const repo = repoOf();
      const user = newUser();
      await repo.logTransaction(user, expense({ date: '2026-11-20', tags: ['work'] }));
      await repo.logTransaction(user, expense({ date: '2026-11-22', tags: ['travel', 'work'] }));
      await repo.logTransaction(user, expense({ date: '2026-11-23', tags: ['travel'] }));
      await repo.logTransaction(user, expense({ date: '2026-11-24' }));
      const work = await repo.listByRange(user, { from: '2026-11-01', to: '2026-11-30', tag: '#Work' });
      expect(work.map((t) => t.date)).toEqual(['2026-11-22', '2026-11-20']);
      const limited = await repo.listByRange(user, {
        from: '2026-11-01',
        to: '2026-11-30',
        tag: 'travel',
        limit: 1,
      });
      expect(limited.map((t) => t.date)).toEqual(['2026-11-23']);
      expect(
        await repo.listByRange(newUser(), { from: '2026-11-01', to: '2026-11-30', tag: 'work' }),
      ).toEqual([]);
    });
  });
}
