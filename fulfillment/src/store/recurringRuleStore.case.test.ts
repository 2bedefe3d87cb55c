/**
 * The RecurringRuleStore contract (issue 12 point 2), run by recurringRules.test.ts against the DynamoDB
 * and in-memory rule stores: both keep rules the same way, and the due list — the scheduled job's one cross-user read — holds exactly the active rules
 * due by a day.
 */
import { randomUUID } from 'node:crypto';
import { LedgerError } from '../domain/ledger/errors';
import type { NewRecurringRule } from '../domain/recurring/rules';
import { recurrenceText } from '../domain/recurring/schedule';
import type { Clock } from '../ports/Clock';
import type { RecurringRuleStore } from '../ports/RecurringRuleStore';

const monthlyOn1st = recurrenceText({ frequency: 'Monthly', interval: 1, start: '2026-12-01', monthDay: 1 });

const rent = (over: Partial<NewRecurringRule> = {}): NewRecurringRule => ({
  name: 'rent',
  kind: 'expense',
  amountMinor: 150_000,
  currency: 'USD',
  category: 'Housing',
  recurrence: monthlyOn1st,
  nextDue: '2027-01-01',
  requestId: randomUUID(),
  ...over,
});

export function runRecurringRuleContract(
  name: string,
  factory: (clock: Clock) => Promise<{ repo: RecurringRuleStore; close?: () => Promise<void> }>,
): void {
  describe(`recurring rules: ${name}`, () => {
    const clock: Clock = { now: () => new Date('2026-12-03T15:00:00.000Z') };
    let repo: RecurringRuleStore;
    let close: (() => Promise<void>) | undefined;
    const user = () => `rr-${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      ({ repo, close } = await factory(clock));
    });
    afterAll(async () => close?.());

    it("keeps a rule in its owner's partition, and the same request id creates it once", async () => {
      const [alice, bob] = [user(), user()];
      const input = rent();
      const first = await repo.addRecurringRule(alice, input);
      const again = await repo.addRecurringRule(alice, input);
      expect(again).toEqual(first);
      expect(first).toMatchObject({
        name: 'rent',
        status: 'active',
        nextDue: '2027-01-01',
        category: 'Housing',
      });
      expect(await repo.listRecurringRules(alice)).toEqual([first]);
      expect(await repo.listRecurringRules(bob)).toEqual([]);
      expect(await repo.getRecurringRule(bob, first.id)).toBeNull();
    });

    it('refuses a rule with a bad amount or an unreadable recurrence, in words', async () => {
      await expect(repo.addRecurringRule(user(), rent({ amountMinor: -5 }))).rejects.toBeInstanceOf(
        LedgerError,
      );
      await expect(
        repo.addRecurringRule(user(), rent({ recurrence: 'RRULE:FREQ=NEVER' })),
      ).rejects.toBeInstanceOf(LedgerError);
    });

    it('lists as due exactly the active rules due on or before the day, across users', async () => {
      const [a, b] = [user(), user()];
      const due1 = await repo.addRecurringRule(a, rent({ nextDue: '2026-12-25' }));
      const due2 = await repo.addRecurringRule(b, rent({ name: 'gym', nextDue: '2026-12-20' }));
      const later = await repo.addRecurringRule(a, rent({ name: 'later', nextDue: '2026-12-26' }));
      const paused = await repo.addRecurringRule(b, rent({ name: 'paused', nextDue: '2026-12-01' }));
      await repo.setRecurringRuleStatus(b, paused.id, 'paused', null);
      const mine = (await repo.listDueRecurringRules('2026-12-25')).filter((d) => [a, b].includes(d.userId));
      expect(mine.map((d) => [d.userId, d.rule.id])).toEqual([
        [b, due2.id],
        [a, due1.id],
      ]);
      expect(mine.map((d) => d.rule.id)).not.toContain(later.id);
      // Resumed, it is due again.
      await repo.setRecurringRuleStatus(b, paused.id, 'active', '2026-12-01');
      const again = (await repo.listDueRecurringRules('2026-12-25')).filter((d) => d.userId === b);
      expect(again.map((d) => d.rule.name).sort()).toEqual(['gym', 'paused']);
    });

    it('moves a rule on only from the day it is at, and only while active', async () => {
      const u = user();
      const rule = await repo.addRecurringRule(u, rent({ nextDue: '2026-12-01' }));
      expect(await repo.advanceRecurringRule(u, rule.id, '2026-12-01', '2027-01-01')).toBe(true);
      // A second run that read the old day loses.
      expect(await repo.advanceRecurringRule(u, rule.id, '2026-12-01', '2027-01-01')).toBe(false);
      expect((await repo.getRecurringRule(u, rule.id))?.nextDue).toBe('2027-01-01');
      await repo.setRecurringRuleStatus(u, rule.id, 'paused', null);
      expect(await repo.advanceRecurringRule(u, rule.id, '2027-01-01', '2027-02-01')).toBe(false);
      // A series that ended leaves the due list.
      await repo.setRecurringRuleStatus(u, rule.id, 'active', '2027-01-01');
      expect(await repo.advanceRecurringRule(u, rule.id, '2027-01-01', null)).toBe(true);
      expect((await repo.listDueRecurringRules('2099-01-01')).some((d) => d.rule.id === rule.id)).toBe(false);
    });

    it('deletes a rule, which then is neither listed nor due', async () => {
      const u = user();
      const rule = await repo.addRecurringRule(u, rent({ nextDue: '2026-12-01' }));
      expect((await repo.deleteRecurringRule(u, rule.id))?.id).toBe(rule.id);
      expect(await repo.deleteRecurringRule(u, rule.id)).toBeNull();
      expect(await repo.listRecurringRules(u)).toEqual([]);
      expect((await repo.listDueRecurringRules('2099-01-01')).some((d) => d.userId === u)).toBe(false);
      expect(await repo.setRecurringRuleStatus(u, rule.id, 'paused', null)).toBeNull();
    });

    it('puts a removed rule back with its id, status and due day, due again; an existing one stays', async () => {
      const u = user();
      const rule = await repo.addRecurringRule(u, rent({ nextDue: '2026-12-01' }));
      const removed = await repo.deleteRecurringRule(u, rule.id);
      const back = await repo.restoreRecurringRule(u, removed!);
      expect(back).toMatchObject({
        id: rule.id,
        status: 'active',
        nextDue: '2026-12-01',
        amountMinor: 150_000,
      });
      expect((await repo.listDueRecurringRules('2026-12-01')).some((d) => d.rule.id === rule.id)).toBe(true);
      // Restoring over a rule that is there changes nothing.
      await repo.setRecurringRuleStatus(u, rule.id, 'paused', null);
      expect(await repo.restoreRecurringRule(u, removed!)).toMatchObject({ status: 'paused', nextDue: null });
    });
  });
}
