/**
 * In-app notifications on the single table (issue 12 point 5). Raising one is a TransactWriteItems of
 * two puts in the owner's partition: the claim `ALERT#<key>` (conditional: absent, or its claim ended)
 * and the notification `NOTE#<id>`, whose id starts with the creation instant so a descending Query
 * reads the newest first. The claim item is the one budget e-mails were already claimed with, so an
 * alert e-mailed before this change is not told again.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Clock } from '../ports/Clock';
import type { NotificationStore } from '../ports/NotificationStore';
import { StoreUnavailableError } from '../ports/LedgerRepository';
import {
  MAX_LISTED_NOTIFICATIONS,
  NOTIFICATION_LIFETIME_DAYS,
  newNotification,
  notificationIdSchema,
  notificationKindSchema,
  type AppNotification,
  type NewNotification,
} from '../domain/alerts/notifications';
import { ITEM_TYPE } from './items';
import { alertSk, NOTE_PREFIX, noteSk, skPrefixCondition, userPk } from './keys';

const DAY_MS = 86_400_000;
const epochSeconds = (d: Date): number => Math.ceil(d.getTime() / 1000);

const noteItemSchema = z.object({
  SK: z.string(),
  key: z.string(),
  kind: notificationKindSchema,
  text: z.string(),
  createdAt: z.string(),
  claimUntil: z.string(),
  read: z.boolean(),
});

export class DynamoNotifications implements NotificationStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: Clock,
  ) {}

  async notifyOnce(userId: string, input: NewNotification): Promise<AppNotification | null> {
    const now = this.clock.now();
    const note = newNotification(input, now);
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: {
                  PK: userPk(userId),
                  SK: alertSk(input.key),
                  type: ITEM_TYPE.alert,
                  // TTL removes it some time after; until it does, the condition reads the date itself.
                  expiresAt: epochSeconds(input.claimUntil),
                },
                ConditionExpression: 'attribute_not_exists(PK) OR expiresAt <= :now',
                ExpressionAttributeValues: { ':now': epochSeconds(now) },
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: {
                  PK: userPk(userId),
                  SK: noteSk(note.id),
                  type: ITEM_TYPE.notification,
                  ...note,
                  expiresAt: epochSeconds(new Date(now.getTime() + NOTIFICATION_LIFETIME_DAYS * DAY_MS)),
                },
              },
            },
          ],
        }),
      );
      return note;
    } catch (err) {
      const reasons =
        err instanceof Error && err.name === 'TransactionCanceledException'
          ? ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [])
          : [];
      // Claimed already (or a racing turn claimed it first): told before, nothing more to do.
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return null;
      throw new StoreUnavailableError('Could not record the notification: the database is unavailable.', {
        cause: err,
      });
    }
  }

  async listNotifications(userId: string): Promise<AppNotification[]> {
    const now = epochSeconds(this.clock.now());
    let page;
    try {
      page = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          ...skPrefixCondition(userPk(userId), NOTE_PREFIX),
          ScanIndexForward: false,
          Limit: MAX_LISTED_NOTIFICATIONS,
          ConsistentRead: true,
        }),
      );
    } catch (err) {
      throw new StoreUnavailableError('Could not read the notifications: the database is unavailable.', {
        cause: err,
      });
    }
    return (page.Items ?? [])
      .filter((item) => typeof item.expiresAt !== 'number' || item.expiresAt > now)
      .map((item) => {
        const parsed = noteItemSchema.safeParse(item);
        if (!parsed.success)
          throw new StoreUnavailableError('A stored notification is malformed.', { cause: parsed.error });
        const { SK, ...rest } = parsed.data;
        return { id: SK.slice(NOTE_PREFIX.length), ...rest };
      });
  }

  async markNotificationsRead(userId: string, ids: readonly string[]): Promise<number> {
    const valid = [...new Set(ids)].filter((id) => notificationIdSchema.safeParse(id).success);
    const results = await Promise.all(
      valid.map(async (id) => {
        try {
          await this.doc.send(
            new UpdateCommand({
              TableName: this.table,
              Key: { PK: userPk(userId), SK: noteSk(id) },
              UpdateExpression: 'SET #read = :true',
              // Only an existing, unread one: an unknown id must not create an item.
              ConditionExpression: 'attribute_exists(PK) AND #read = :false',
              ExpressionAttributeNames: { '#read': 'read' },
              ExpressionAttributeValues: { ':true': true, ':false': false },
            }),
          );
          return 1;
        } catch (err) {
          if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return 0;
          throw new StoreUnavailableError(
            'Could not mark the notifications read: the database is unavailable.',
            {
              cause: err,
            },
          );
        }
      }),
    );
    return results.reduce<number>((a, b) => a + b, 0);
  }
}
