/**
 * The NotificationStore contract (issue 12 point 5), run by notifications.test.ts against the DynamoDB
 * and in-memory stores: a claim raises one notification until it ends, the list is the newest first and
 * bounded, and "read" only touches the owner's own.
 */
import { randomUUID } from 'node:crypto';
import { SettableClock } from '@budgetbuddy/bot/testing';
import { MAX_LISTED_NOTIFICATIONS, type NewNotification } from '../domain/alerts/notifications';
import type { NotificationStore } from '../ports/NotificationStore';

const START = '2026-12-03T12:00:00.000Z';

const note = (key: string, claimUntil = '2026-12-10T00:00:00Z'): NewNotification => ({
  key,
  kind: 'budget',
  text: `About ${key}.`,
  claimUntil: new Date(claimUntil),
});

export function runNotificationStoreContract(
  name: string,
  make: (clock: SettableClock) => Promise<NotificationStore>,
): void {
  describe(`notifications: ${name}`, () => {
    const clock = new SettableClock(START, { advancePerReadMs: 0 });
    let repo: NotificationStore;
    const user = () => `nt-${randomUUID().slice(0, 8)}`;
    beforeAll(async () => {
      repo = await make(clock);
    });
    afterEach(() => clock.set(START));

    it('raises a notification once per claim, and again once the claim has ended', async () => {
      const u = user();
      const first = await repo.notifyOnce(u, note('food#80'));
      expect(first).toMatchObject({ kind: 'budget', text: 'About food#80.', read: false });
      clock.tick(60_000);
      expect(await repo.notifyOnce(u, note('food#80'))).toBeNull();
      expect(await repo.listNotifications(u)).toHaveLength(1);
      clock.set('2026-12-10T00:00:01Z');
      expect(await repo.notifyOnce(u, note('food#80', '2026-12-17T00:00:00Z'))).not.toBeNull();
      expect(await repo.listNotifications(u)).toHaveLength(2);
    });

    it('lists the newest first, at most the bounded number, and marks only the owner’s as read', async () => {
      const u = user();
      for (let i = 0; i < MAX_LISTED_NOTIFICATIONS + 3; i++) {
        clock.tick(1_000);
        await repo.notifyOnce(u, note(`k${String(i).padStart(2, '0')}`));
      }
      const listed = await repo.listNotifications(u);
      expect(listed).toHaveLength(MAX_LISTED_NOTIFICATIONS);
      expect(listed[0]?.key).toBe(`k${MAX_LISTED_NOTIFICATIONS + 2}`);
      const ids = listed.slice(0, 2).map((n) => n.id);
      expect(await repo.markNotificationsRead(user(), ids)).toBe(0);
      expect(await repo.markNotificationsRead(u, [...ids, 'no-such-id'])).toBe(2);
      expect(await repo.markNotificationsRead(u, ids)).toBe(0);
      const after = await repo.listNotifications(u);
      expect(after.filter((n) => n.read).map((n) => n.id)).toEqual(ids);
    });

    it('forgets notifications after 30 days', async () => {
      const u = user();
      await repo.notifyOnce(u, note('old'));
      clock.set('2027-01-03T12:00:01Z');
      expect(await repo.listNotifications(u)).toEqual([]);
    });
  });
}
