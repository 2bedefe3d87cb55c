/**
 * The GoalRepository contract (issue 12 point 3): run by runLedgerRepositoryContract against the goal
 * store of every implementation (DynamoGoalStore, InMemoryGoalStore), so both behave alike.
 */
import { randomUUID } from 'node:crypto';
import { MAX_GOALS } from '../domain/ledger/goals';
import type { AccountRepository } from '../ports/AccountRepository';
import type { GoalRepository } from '../ports/GoalRepository';

/** @param getAccounts the account store the same implementation hands out beside the goals */
export function describeGoalContract(
  getRepo: () => GoalRepository,
  getAccounts: () => AccountRepository,
): void {
  describe('savings goals', () => {
    const newUser = () => `user-${randomUUID()}`;
    const trip = { name: 'trip to japan', targetMinor: 200_000, currency: 'USD', targetDate: '2027-06-30' };

    it('creates a goal with nothing saved, finds it by its key, and lists it', async () => {
      const repo = getRepo();
      const user = newUser();
      const { goal, created } = await repo.putGoal(user, trip);
      expect(created).toBe(true);
      expect(goal).toMatchObject({
        key: 'japan trip',
        name: 'trip to japan',
        targetMinor: 200_000,
        savedMinor: 0,
        currency: 'USD',
        targetDate: '2027-06-30',
      });
      expect(await repo.getGoal(user, 'japan trip')).toEqual(goal);
      expect(await repo.listGoals(user)).toEqual([goal]);
      expect(await repo.listGoals(newUser())).toEqual([]);
    });

    it('setting the same goal again changes its target and keeps what was saved', async () => {
      const repo = getRepo();
      const user = newUser();
      await repo.putGoal(user, trip);
      await repo.contributeToGoal(user, {
        goalKey: 'japan trip',
        amountMinor: 30_000,
        currency: 'USD',
        requestId: 'r1',
      });
      const again = await repo.putGoal(user, {
        name: 'the japan trip',
        targetMinor: 250_000,
        currency: 'USD',
      });
      expect(again.created).toBe(false);
      expect(again.goal).toMatchObject({
        name: 'trip to japan',
        targetMinor: 250_000,
        savedMinor: 30_000,
        targetDate: '2027-06-30',
      });
    });

    it('adds a contribution once per request id, and says when the target is reached', async () => {
      const repo = getRepo();
      const user = newUser();
      await repo.putGoal(user, { name: 'bike', targetMinor: 50_000, currency: 'USD' });
      const first = await repo.contributeToGoal(user, {
        goalKey: 'bike',
        amountMinor: 30_000,
        currency: 'USD',
        requestId: 'a',
      });
      expect(first).toMatchObject({ created: true, reachedNow: false, goal: { savedMinor: 30_000 } });
      const retried = await repo.contributeToGoal(user, {
        goalKey: 'bike',
        amountMinor: 30_000,
        currency: 'USD',
        requestId: 'a',
      });
      expect(retried).toMatchObject({ created: false, reachedNow: false, goal: { savedMinor: 30_000 } });
      const second = await repo.contributeToGoal(user, {
        goalKey: 'bike',
        amountMinor: 25_000,
        currency: 'USD',
        requestId: 'b',
      });
      expect(second).toMatchObject({ created: true, reachedNow: true, goal: { savedMinor: 55_000 } });
      expect(second?.goal.reachedAt).toEqual(expect.any(String));
      const third = await repo.contributeToGoal(user, {
        goalKey: 'bike',
        amountMinor: 100,
        currency: 'USD',
        requestId: 'c',
      });
      expect(third).toMatchObject({ created: true, reachedNow: false, goal: { savedMinor: 55_100 } });
    });

    it('concurrent contributions all count, each once', async () => {
      const repo = getRepo();
      const user = newUser();
      await repo.putGoal(user, { name: 'car', targetMinor: 1_000_000, currency: 'USD' });
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          repo.contributeToGoal(user, {
            goalKey: 'car',
            amountMinor: 1_000,
            currency: 'USD',
            requestId: `c${i % 4}`,
          }),
        ),
      );
      expect((await repo.getGoal(user, 'car'))?.savedMinor).toBe(4_000);
    });

    it('refuses to add to a goal that does not exist or is in another currency, writing nothing', async () => {
      const repo = getRepo();
      const user = newUser();
      expect(
        await repo.contributeToGoal(user, {
          goalKey: 'nope',
          amountMinor: 100,
          currency: 'USD',
          requestId: 'x',
        }),
      ).toBeNull();
      await repo.putGoal(user, { name: 'car', targetMinor: 1_000_000, currency: 'USD' });
      await expect(
        repo.contributeToGoal(user, { goalKey: 'car', amountMinor: 100, currency: 'EUR', requestId: 'y' }),
      ).rejects.toThrow(/USD/);
      await expect(
        repo.contributeToGoal(user, { goalKey: 'car', amountMinor: -5, currency: 'USD', requestId: 'z' }),
      ).rejects.toThrow(/negative/);
      expect((await repo.getGoal(user, 'car'))?.savedMinor).toBe(0);
      // The refused request id was not used up: the same id may add once the request is right.
      expect(
        await repo.contributeToGoal(user, {
          goalKey: 'car',
          amountMinor: 100,
          currency: 'USD',
          requestId: 'y',
        }),
      ).toMatchObject({ created: true });
    });

    it("deletes a goal, and one user never sees or changes another user's goals", async () => {
      const repo = getRepo();
      const alice = newUser();
      const bob = newUser();
      await repo.putGoal(alice, trip);
      expect(await repo.deleteGoal(bob, 'japan trip')).toBeNull();
      expect(
        await repo.contributeToGoal(bob, {
          goalKey: 'japan trip',
          amountMinor: 100,
          currency: 'USD',
          requestId: 'b',
        }),
      ).toBeNull();
      expect((await repo.deleteGoal(alice, 'japan trip'))?.goal.name).toBe('trip to japan');
      expect(await repo.deleteGoal(alice, 'japan trip')).toBeNull();
      expect(await repo.listGoals(alice)).toEqual([]);
    });

    it(`keeps at most ${MAX_GOALS} goals`, async () => {
      const repo = getRepo();
      const user = newUser();
      for (let i = 0; i < MAX_GOALS; i++) {
        await repo.putGoal(user, { name: `goal number${i}`, targetMinor: 100, currency: 'USD' });
      }
      await expect(
        repo.putGoal(user, { name: 'one more', targetMinor: 100, currency: 'USD' }),
      ).rejects.toThrow(/Delete one/);
      expect(await repo.listGoals(user)).toHaveLength(MAX_GOALS);
      // Changing an existing one is still allowed.
      await expect(
        repo.putGoal(user, { name: 'goal number0', targetMinor: 200, currency: 'USD' }),
      ).resolves.toMatchObject({ created: false });
    });

    it('takes a contribution back once, in one write, and a reached goal is no longer marked reached', async () => {
      const repo = getRepo();
      const user = newUser();
      await repo.putGoal(user, { ...trip, targetMinor: 50_000 });
      await repo.contributeToGoal(user, {
        goalKey: 'japan trip',
        amountMinor: 20_000,
        currency: 'USD',
        requestId: 'a',
      });
      const reached = await repo.contributeToGoal(user, {
        goalKey: 'japan trip',
        amountMinor: 30_000,
        currency: 'USD',
        requestId: 'b',
      });
      expect(reached?.reachedNow).toBe(true);
      const undone = await repo.undoGoalContribution(user, 'b');
      expect(undone).toMatchObject({ amountMinor: 30_000, goal: { savedMinor: 20_000 } });
      expect(undone?.goal.reachedAt).toBeUndefined();
      expect((await repo.getGoal(user, 'japan trip'))?.reachedAt).toBeUndefined();
      expect(await repo.undoGoalContribution(user, 'b')).toBeNull();
      expect(await repo.undoGoalContribution(user, 'never')).toBeNull();
      // The same request again adds nothing: it was made, then taken back.
      await repo.contributeToGoal(user, {
        goalKey: 'japan trip',
        amountMinor: 30_000,
        currency: 'USD',
        requestId: 'b',
      });
      expect((await repo.getGoal(user, 'japan trip'))?.savedMinor).toBe(20_000);
    });

    it('puts a deleted goal back as it was, and keeps the saved total of one that is there', async () => {
      const repo = getRepo();
      const user = newUser();
      await repo.putGoal(user, trip);
      await repo.contributeToGoal(user, {
        goalKey: 'japan trip',
        amountMinor: 5_000,
        currency: 'USD',
        requestId: 'a',
      });
      const removed = await repo.deleteGoal(user, 'japan trip');
      const back = await repo.restoreGoal(user, removed!.goal);
      expect(back).toMatchObject({
        name: 'trip to japan',
        targetMinor: 200_000,
        savedMinor: 5_000,
        targetDate: '2027-06-30',
      });
      await repo.putGoal(user, { name: 'trip to japan', targetMinor: 300_000, currency: 'USD' });
      await repo.contributeToGoal(user, {
        goalKey: 'japan trip',
        amountMinor: 1_000,
        currency: 'USD',
        requestId: 'b',
      });
      const { targetDate: _day, ...noDay } = removed!.goal;
      expect(await repo.restoreGoal(user, noDay)).toMatchObject({ targetMinor: 200_000, savedMinor: 6_000 });
      expect((await repo.getGoal(user, 'japan trip'))?.targetDate).toBeUndefined();
    });
  });

  describe('savings goals paid from an account (issue 12 point 3)', () => {
    const newUser = () => `user-${randomUUID()}`;
    const balances = async (user: string) =>
      Object.fromEntries(
        (await getAccounts().listAccounts(user)).map((a) => [a.key, a.balances[a.currency] ?? 0]),
      );
    const withSavings = async () => {
      const user = newUser();
      await getAccounts().addAccount(user, {
        name: 'Savings',
        type: 'savings',
        currency: 'USD',
        openingMinor: 500_000,
      });
      await getRepo().putGoal(user, { name: 'trip to japan', targetMinor: 200_000, currency: 'USD' });
      return user;
    };
    const put = (requestId: string, account?: string) => ({
      goalKey: 'japan trip',
      amountMinor: 30_000,
      currency: 'USD',
      requestId,
      ...(account ? { account } : {}),
    });

    it('lowers the account by what the goal gains, once per request id, and undo gives both back', async () => {
      const repo = getRepo();
      const user = await withSavings();
      expect(await repo.contributeToGoal(user, put('a', 'Savings'))).toMatchObject({
        created: true,
        goal: { savedMinor: 30_000 },
      });
      expect(await balances(user)).toEqual({ savings: 470_000 });
      await repo.contributeToGoal(user, put('a', 'Savings'));
      expect(await balances(user)).toEqual({ savings: 470_000 });
      expect((await repo.getGoal(user, 'japan trip'))?.savedMinor).toBe(30_000);

      expect(await repo.undoGoalContribution(user, 'a')).toMatchObject({
        amountMinor: 30_000,
        account: 'savings',
        goal: { savedMinor: 0 },
      });
      expect(await balances(user)).toEqual({ savings: 500_000 });
      expect(await repo.undoGoalContribution(user, 'a')).toBeNull();
      expect(await balances(user)).toEqual({ savings: 500_000 });
    });

    it('refuses an account the person does not have, moving nothing and keeping the request id', async () => {
      const repo = getRepo();
      const user = await withSavings();
      await expect(repo.contributeToGoal(user, put('a', 'visa'))).rejects.toThrow(/account called "visa"/);
      expect((await repo.getGoal(user, 'japan trip'))?.savedMinor).toBe(0);
      expect(await balances(user)).toEqual({ savings: 500_000 });
      expect(await repo.undoGoalContribution(user, 'a')).toBeNull();
      await repo.contributeToGoal(user, put('a', 'savings'));
      expect(await balances(user)).toEqual({ savings: 470_000 });
    });

    it('the default account is opened by the first money that leaves it; no account moves no balance', async () => {
      const repo = getRepo();
      const user = await withSavings();
      await repo.contributeToGoal(user, put('a', 'main'));
      await repo.contributeToGoal(user, put('b'));
      expect(await balances(user)).toEqual({ savings: 500_000, main: -30_000 });
      expect((await repo.getGoal(user, 'japan trip'))?.savedMinor).toBe(60_000);
      expect(await repo.undoGoalContribution(user, 'b')).not.toHaveProperty('account');
      expect(await balances(user)).toEqual({ savings: 500_000, main: -30_000 });
    });

    it('removing a goal gives each account its share back in the same write, the rest to the default', async () => {
      const repo = getRepo();
      const user = await withSavings();
      await getAccounts().addAccount(user, {
        name: 'Checking',
        type: 'checking',
        currency: 'USD',
        openingMinor: 100_000,
      });
      await repo.contributeToGoal(user, put('a', 'Savings'));
      await repo.contributeToGoal(user, put('b', 'Savings'));
      await repo.contributeToGoal(user, put('c', 'Checking'));
      await repo.contributeToGoal(user, put('d')); // from no account: before accounts, as it were
      await repo.undoGoalContribution(user, 'b');
      expect(await repo.getGoal(user, 'japan trip')).toMatchObject({
        savedMinor: 90_000,
        fromAccounts: { savings: 30_000, checking: 30_000 },
      });
      expect(await balances(user)).toEqual({ savings: 470_000, checking: 70_000 });

      const removed = await repo.deleteGoal(user, 'japan trip', 'checking');
      expect(removed?.goal.savedMinor).toBe(90_000);
      expect(removed?.returned).toEqual(
        expect.arrayContaining([
          { account: 'savings', amountMinor: 30_000 },
          { account: 'checking', amountMinor: 60_000 },
        ]),
      );
      expect(removed?.returned).toHaveLength(2);
      expect(await balances(user)).toEqual({ savings: 500_000, checking: 130_000 });
      expect(await repo.getGoal(user, 'japan trip')).toBeNull();
      expect(await repo.deleteGoal(user, 'japan trip', 'checking')).toBeNull();
      expect(await balances(user)).toEqual({ savings: 500_000, checking: 130_000 });

      // Undo: the goal is back with what it held, and the accounts give it again, in one write.
      const restored = await repo.restoreRemovedGoal(user, removed!);
      expect(restored.goal).toMatchObject({
        savedMinor: 90_000,
        fromAccounts: { savings: 30_000, checking: 60_000 },
      });
      expect(restored.tookBack).toHaveLength(2);
      expect(await balances(user)).toEqual({ savings: 470_000, checking: 70_000 });
    });

    it('someone who keeps no accounts removes a goal without moving any balance', async () => {
      const repo = getRepo();
      const user = newUser();
      await repo.putGoal(user, { name: 'trip to japan', targetMinor: 200_000, currency: 'USD' });
      await repo.contributeToGoal(user, put('a'));
      expect(await repo.deleteGoal(user, 'japan trip')).toMatchObject({ returned: [] });
      expect(await balances(user)).toEqual({});
      const restored = await repo.restoreRemovedGoal(user, {
        goal: { ...(await repo.putGoal(user, { name: 'bike', targetMinor: 100, currency: 'USD' })).goal },
        returned: [],
      });
      expect(restored.tookBack).toEqual([]);
    });

    it('a goal set again before the undo is kept, and no money moves', async () => {
      const repo = getRepo();
      const user = await withSavings();
      await repo.contributeToGoal(user, put('a', 'Savings'));
      const removed = await repo.deleteGoal(user, 'japan trip', 'main');
      expect(await balances(user)).toEqual({ savings: 500_000 });
      await repo.putGoal(user, { name: 'trip to japan', targetMinor: 100_000, currency: 'USD' });
      const restored = await repo.restoreRemovedGoal(user, removed!);
      expect(restored).toMatchObject({ tookBack: [], goal: { savedMinor: 0, targetMinor: 200_000 } });
      expect(await balances(user)).toEqual({ savings: 500_000 });
    });
  });
}
