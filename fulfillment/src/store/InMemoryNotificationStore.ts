/**
 * In-app notifications in process memory: the same behaviour as DynamoNotifications (the same contract
 * suite). The claim of a notification's key shares the ledger's alert claims, as both share the user's
 * partition on DynamoDB, so the in-memory ledger hands its claims over.
 */
import {
  MAX_LISTED_NOTIFICATIONS,
  NOTIFICATION_LIFETIME_DAYS,
  newNotification,
  type AppNotification,
  type NewNotification,
} from '../domain/alerts/notifications';
import type { Clock } from '../ports/Clock';
import type { NotificationStore } from '../ports/NotificationStore';
import { assertUserId } from './totals';

const copy = <T>(value: T): T => structuredClone(value);

export class InMemoryNotificationStore implements NotificationStore {
  /** userId → notifications, oldest first. */
  private readonly notes = new Map<string, AppNotification[]>();

  constructor(
    private readonly clock: Clock,
    /** The user's claimed keys → until when: the ledger's `claimAlert` map. */
    private readonly claimsOf: (userId: string) => Map<string, Date>,
  ) {}

  private of(userId: string): AppNotification[] {
    const id = assertUserId(userId);
    let notes = this.notes.get(id);
    if (!notes) this.notes.set(id, (notes = []));
    return notes;
  }

  async notifyOnce(userId: string, input: NewNotification): Promise<AppNotification | null> {
    const claims = this.claimsOf(userId);
    const now = this.clock.now();
    const until = claims.get(input.key);
    if (until && until.getTime() > now.getTime()) return null;
    claims.set(input.key, new Date(input.claimUntil));
    const note = newNotification(input, now);
    this.of(userId).push(note);
    return copy(note);
  }

  async listNotifications(userId: string): Promise<AppNotification[]> {
    const oldest = this.clock.now().getTime() - NOTIFICATION_LIFETIME_DAYS * 86_400_000;
    return this.of(userId)
      .filter((n) => Date.parse(n.createdAt) > oldest)
      .sort((a, b) => b.id.localeCompare(a.id))
      .slice(0, MAX_LISTED_NOTIFICATIONS)
      .map(copy);
  }

  async markNotificationsRead(userId: string, ids: readonly string[]): Promise<number> {
    let marked = 0;
    for (const note of this.of(userId)) {
      if (!note.read && ids.includes(note.id)) {
        note.read = true;
        marked++;
      }
    }
    return marked;
  }
}
