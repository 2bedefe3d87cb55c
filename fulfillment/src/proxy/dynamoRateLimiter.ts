/**
 * The per-user turn limit kept in DynamoDB, so it holds across every warm Lambda instance (an in-memory
 * bucket per instance lets one user multiply the limit by the number of instances, starving others up to
 * the stage-wide limit and running up Lex cost). One conditional UpdateItem per turn: a counter per user
 * and minute that refuses to pass `perMinute`, removed by the table's TTL an hour after its minute ends.
 *
 *   PK             SK               item
 *   RATE#<userId>  MINUTE#<epoch>   turns (number), expiresAt (TTL)
 *
 * Its own partition, outside `USER#<id>`: it is not ledger data, and the ledger's consistency checks
 * never see it. The proxy's IAM policy allows it UpdateItem on `RATE#` keys only.
 */
import {
  ConditionalCheckFailedException,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { TTL_ATTRIBUTE } from '../store/table';

export const RATE_KEY_PREFIX = 'RATE#';
const WINDOW_MS = 60_000;
/** Counters stay a little past their minute so a clock skew between instances cannot reuse one. */
const KEEP_SECONDS = 3600;

export interface AsyncRateLimiter {
  /** 0 when the turn may go ahead, otherwise the whole seconds to wait. */
  take(userId: string): Promise<number>;
}

export interface DynamoRateLimiterOptions {
  client: DynamoDBClient;
  tableName: string;
  perMinute: number;
  now?: () => number;
  /** Called when DynamoDB cannot be asked; the turn then goes ahead (the stage throttle still holds). */
  onError?: (error: unknown) => void;
}

export function dynamoRateLimiter(opts: DynamoRateLimiterOptions): AsyncRateLimiter {
  if (!(opts.perMinute > 0)) throw new Error('rate limit must be a positive number of turns per minute');
  const now = opts.now ?? Date.now;
  return {
    async take(userId) {
      const at = now();
      const minute = Math.floor(at / WINDOW_MS);
      const windowEnd = (minute + 1) * WINDOW_MS;
      try {
        await opts.client.send(
          new UpdateItemCommand({
            TableName: opts.tableName,
            Key: { PK: { S: `${RATE_KEY_PREFIX}${userId}` }, SK: { S: `MINUTE#${minute}` } },
            UpdateExpression: 'ADD #turns :one SET #ttl = if_not_exists(#ttl, :ttl)',
            ConditionExpression: 'attribute_not_exists(#turns) OR #turns < :limit',
            ExpressionAttributeNames: { '#turns': 'turns', '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: {
              ':one': { N: '1' },
              ':limit': { N: String(opts.perMinute) },
              ':ttl': { N: String(Math.ceil(windowEnd / 1000) + KEEP_SECONDS) },
            },
          }),
        );
        return 0;
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException) {
          return Math.max(1, Math.ceil((windowEnd - at) / 1000));
        }
        // Failing open: a store outage already fails the turn in the code hook, with a clear answer.
        opts.onError?.(err);
        return 0;
      }
    },
  };
}
