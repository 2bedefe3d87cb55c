/**
 * The AccountRepository contract (issue 12 point 1): balances kept with every entry, transfers, jars.
 * Run by runLedgerRepositoryContract for each implementation: an entry's balance change is the
 * ledger's write, so the suite drives the ledger and the account store it hands out together.
 */
import { randomUUID } from 'node:crypto';
import { AccountError } from '../domain/ledger/errors';
import type { LedgerStores } from '../ports/LedgerStores';
import type { NewTransaction } from '../domain/ledger';

export function describeAccountContract(getRepo: () => LedgerStores): void {
  describe('accounts and balances', () => {
    const newUser = () => `acct-${randomUUID()}`;
    const entry = (over: Partial<NewTransaction> = {}): NewTransaction => ({
      kind: 'expense',
      amountMinor: 4000,
      currency: 'USD',
      category: 'Groceries',
      date: '2026-11-24',
      source: 'chat',
      requestId: randomUUID(),
      ...over,
    });
    const balances = async (user: string) =>
      Object.fromEntries(
        (await getRepo().accounts.listAccounts(user)).map((a) => [a.key, a.balances[a.currency] ?? 0]),
      );
    const month = { granularity: 'month', key: '2026-11' } as const;

    it('files an entry without an account under the default one, opened by that entry', async () => {
      const repo = getRepo();
      const user = newUser();
      const { transaction } = await repo.logTransaction(user, entry());
      expect(transaction.account).toBe('main');
      expect(await repo.accounts.listAccounts(user)).toMatchObject([
        { key: 'main', name: 'Main account', currency: 'USD', balances: { USD: -4000 } },
      ]);
    });

    it('keeps each account balance as opening + income − spending, through edits and deletes', async () => {
      const repo = getRepo();
      const user = newUser();
      const opened = await repo.accounts.addAccount(user, {
        name: 'Checking',
        type: 'checking',
        currency: 'usd',
        openingMinor: 250_000,
      });
      expect(opened).toMatchObject({
        created: true,
        account: { key: 'checking', balances: { USD: 250_000 } },
      });
      expect(
        (
          await repo.accounts.addAccount(user, {
            name: 'checking',
            type: 'checking',
            currency: 'USD',
            openingMinor: 1,
          })
        ).created,
      ).toBe(false);
      await repo.accounts.addAccount(user, {
        name: 'Visa',
        type: 'credit',
        currency: 'USD',
        openingMinor: 0,
      });
      const spent = await repo.logTransaction(user, entry({ account: 'checking' }));
      await repo.logTransaction(
        user,
        entry({ kind: 'income', category: 'Salary', amountMinor: 10_000, account: 'Checking' }),
      );
      await repo.logTransaction(user, entry({ account: 'visa', amountMinor: 6000, category: 'Transport' }));
      expect(await balances(user)).toEqual({ checking: 256_000, visa: -6000 });

      await repo.editTransaction(user, spent.transaction.id, { amountMinor: 5000 });
      expect((await balances(user)).checking).toBe(255_000);
      await repo.deleteTransaction(user, spent.transaction.id);
      expect((await balances(user)).checking).toBe(260_000);
    });

    it('refuses an entry on an account the person does not have, writing nothing', async () => {
      const repo = getRepo();
      const user = newUser();
      await expect(repo.logTransaction(user, entry({ account: 'amex' }))).rejects.toBeInstanceOf(
        AccountError,
      );
      expect(await repo.listRecent(user, 5)).toEqual([]);
      expect((await repo.getPeriodTotals(user, month, 'USD')).expenseTotalMinor).toBe(0);
    });

    it('moves money between accounts once per request, outside spending and income, and takes it back', async () => {
      const repo = getRepo();
      const user = newUser();
      await repo.accounts.addAccount(user, {
        name: 'checking',
        type: 'checking',
        currency: 'USD',
        openingMinor: 50_000,
      });
      await repo.accounts.addAccount(user, {
        name: 'cash',
        type: 'cash',
        currency: 'USD',
        openingMinor: 2000,
      });
      const move = {
        from: 'checking',
        to: 'cash',
        amountMinor: 10_000,
        currency: 'USD',
        date: '2026-11-24',
        requestId: 'move-1',
      };
      const first = await repo.accounts.transfer(user, move);
      const again = await repo.accounts.transfer(user, move);
      expect(first.created).toBe(true);
      expect(again).toEqual({ transfer: first.transfer, created: false });
      expect(await balances(user)).toEqual({ checking: 40_000, cash: 12_000 });
      const totals = await repo.getPeriodTotals(user, month, 'USD');
      expect([totals.expenseTotalMinor, totals.incomeTotalMinor]).toEqual([0, 0]);

      await expect(
        repo.accounts.transfer(user, { ...move, to: 'savings', requestId: 'move-2' }),
      ).rejects.toBeInstanceOf(AccountError);
      expect(await balances(user)).toEqual({ checking: 40_000, cash: 12_000 });

      expect(await repo.accounts.deleteTransfer(user, first.transfer.id)).toMatchObject({
        amountMinor: 10_000,
      });
      expect(await repo.accounts.deleteTransfer(user, first.transfer.id)).toBeNull();
      expect(await balances(user)).toEqual({ checking: 50_000, cash: 2000 });
    });

    it('fills jars from income by the split, and a delete empties them again', async () => {
      const repo = getRepo();
      const user = newUser();
      for (const name of ['play', 'give'])
        await repo.accounts.addAccount(user, { name, type: 'jar', currency: 'USD', openingMinor: 0 });
      const income = await repo.logTransaction(
        user,
        entry({
          kind: 'income',
          category: 'Salary',
          amountMinor: 100_001,
          jars: [
            { account: 'play', percent: 10 },
            { account: 'give', percent: 5 },
          ],
        }),
      );
      expect(income.transaction.jars).toHaveLength(2);
      // 10 % and 5 % of 1,000.01, rounded down; the rest stays in the receiving account.
      expect(await balances(user)).toEqual({ play: 10_000, give: 5000, main: 85_001 });
      await repo.deleteTransaction(user, income.transaction.id);
      expect(await balances(user)).toEqual({ play: 0, give: 0, main: 0 });
    });
  });
}
