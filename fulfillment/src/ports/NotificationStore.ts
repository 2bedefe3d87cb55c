/**
 * Where in-app notifications are kept (issue 12 point 5). Part of the ledger's repository: they live in
 * their owner's partition. Every method takes the user id first and touches only that user's data.
 */
import type { AppNotification, NewNotification } from '../domain/alerts/notifications';

export type { AppNotification, NewNotification } from '../domain/alerts/notifications';

export interface NotificationStore {
  /**
   * Claims `key` until `claimUntil` and stores the notification, both or neither (one atomic write).
   * Returns the stored notification, or null when the key was already claimed and the claim has not
   * ended: the event was told before, also when a retry or a second turn races this one.
   */
  notifyOnce(userId: string, notification: NewNotification): Promise<AppNotification | null>;
  /** The newest notifications, read and unread, newest first: at most MAX_LISTED_NOTIFICATIONS, one Query. */
  listNotifications(userId: string): Promise<AppNotification[]>;
  /** Marks these as read; ids that are not the user's (or are gone) are skipped. Returns how many were unread. */
  markNotificationsRead(userId: string, ids: readonly string[]): Promise<number>;
}
