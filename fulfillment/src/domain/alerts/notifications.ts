/**
 * In-app notifications (issue 12 point 5, SpendWise's notifications): what the person was warned or told
 * about, kept with a read/unread state so the overview can show the open ones until they are seen.
 *
 * Each one is raised under a claim `key` that names the event (one budget, period and threshold; one
 * bill and day; one goal and week): a key can be claimed once until its claim ends, so the same event
 * never raises two notifications, and the overspend e-mail rides on the same claim.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const NOTIFICATION_KINDS = ['budget', 'bill', 'goal-behind', 'goal-reached'] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export interface AppNotification {
  /** Stable and opaque to the browser: what POST /api/alerts/read names. Sorts by creation time. */
  id: string;
  /** The claim key it was raised under (not shown). */
  key: string;
  kind: NotificationKind;
  /** A plain sentence, as the person sees it. */
  text: string;
  createdAt: string;
  /** When its claim ends (ISO instant): until then the same key raises nothing new. */
  claimUntil: string;
  read: boolean;
}

export interface NewNotification {
  key: string;
  kind: NotificationKind;
  text: string;
  /** Until when no other notification may be raised under `key` (then the key may be claimed again). */
  claimUntil: Date;
}

/** The newest this many are read for the overview: one bounded Query, whatever the history. */
export const MAX_LISTED_NOTIFICATIONS = 20;
/** A notification is forgotten (TTL) this long after it was raised, read or not. */
export const NOTIFICATION_LIFETIME_DAYS = 30;

/** What ids look like: the creation instant and a short hash ("2026-12-03T10:00:00.000Z_Ab3-x9"). */
export const notificationIdSchema = z.string().regex(/^[0-9A-Za-z:._-]{1,80}$/);

/** "<createdAt>_<10 chars of the key's hash>": unique per key and instant, sorted by time. */
export const notificationId = (createdAt: string, key: string): string =>
  `${createdAt}_${createHash('sha256').update(key).digest('base64url').slice(0, 10)}`;

/** The unread notification raised at `now` for `input`: what every store keeps. */
export function newNotification(input: NewNotification, now: Date): AppNotification {
  const createdAt = now.toISOString();
  return {
    id: notificationId(createdAt, input.key),
    key: input.key,
    kind: input.kind,
    text: input.text,
    createdAt,
    claimUntil: input.claimUntil.toISOString(),
    read: false,
  };
}
