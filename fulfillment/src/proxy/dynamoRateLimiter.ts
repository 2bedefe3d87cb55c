/**
 * The per-user turn limit kept in DynamoDB, so it holds across every warm Lambda instance (an in-memory
 * bucket per instance lets one user multiply the limit by the number of instances, starving others up to
 * the stage-wide limit and running up Lex cost). A counter per user and minute that a conditional
 * UpdateItem never lets pass `perMinute`, removed by the table's TTL an hour after its minute ends.
 *
 *   PK             SK               item
 *   RATE#<userId>  MINUTE#<epoch>   turns (number), expiresAt (TTL)
 *
 * An instance reserves turns in leases rather than one round trip per turn: 1, then 2, 4, up to
 * MAX_LEASE turns at a time while the same user keeps talking to it within the minute. Someone typing
 * at human pace costs one update per turn or two; a busy conversation costs one per MAX_LEASE turns,
 * which is most of a local chat turn's DynamoDB time saved. The sum of the leases never passes
 * `perMinute`, so the limit still holds across instances; what a lease leaves unspent on an instance the
 * user stops using is lost for that minute (at most MAX_LEASE − 1 turns per instance — a stricter limit,
 * never a looser one).
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

/** The largest number of turns one instance reserves at once. */
export const MAX_LEASE = 8;

interface Lease {
  minute: number;
  /** Turns reserved in DynamoDB and not used yet. */
  remaining: number;
  /** What the next reservation asks for. */
  next: number;
  /** The table refused even one more turn this minute. */
  exhausted: boolean;
  /** A reservation on its way: concurrent turns of the same user wait for it instead of asking too. */
  pending?: Promise<void>;
}

export function dynamoRateLimiter(opts: DynamoRateLimiterOptions): AsyncRateLimiter {
  if (!(opts.perMinute > 0)) throw new Error('rate limit must be a positive number of turns per minute');
  const now = opts.now ?? Date.now;
  let leases = new Map<string, Lease>();
  let leasesMinute = -1;

  /**
   * Adds `turns` to the user's counter unless that would pass the limit. When it would, the answer is
   * how many turns the counter still has room for (DynamoDB returns the item that failed the check).
   */
  const reserve = async (userId: string, minute: number, turns: number): Promise<true | number> => {
    try {
      await opts.client.send(
        new UpdateItemCommand({
          TableName: opts.tableName,
          Key: { PK: { S: `${RATE_KEY_PREFIX}${userId}` }, SK: { S: `MINUTE#${minute}` } },
          UpdateExpression: 'ADD #turns :turns SET #ttl = if_not_exists(#ttl, :ttl)',
          ConditionExpression: 'attribute_not_exists(#turns) OR #turns <= :most',
          ExpressionAttributeNames: { '#turns': 'turns', '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':turns': { N: String(turns) },
            ':most': { N: String(opts.perMinute - turns) },
            ':ttl': { N: String((minute + 1) * (WINDOW_MS / 1000) + KEEP_SECONDS) },
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) {
        const used = Number(err.Item?.turns?.N ?? opts.perMinute);
        return Number.isFinite(used) ? Math.max(0, opts.perMinute - used) : 0;
      }
      throw err;
    }
  };

  const renew = async (userId: string, lease: Lease): Promise<void> => {
    let asked = Math.min(lease.next, opts.perMinute);
    // Near the limit a full lease no longer fits: ask for the room left, until the counter is full
    // (other instances may be taking the same room at the same time).
    for (;;) {
      const answer = await reserve(userId, lease.minute, asked);
      if (answer === true) {
        lease.remaining += asked;
        lease.next = Math.min(asked * 2, MAX_LEASE);
        return;
      }
      if (answer === 0) {
        lease.exhausted = true;
        return;
      }
      asked = Math.min(asked, answer);
    }
  };

  return {
    async take(userId) {
      const at = now();
      const minute = Math.floor(at / WINDOW_MS);
      if (minute !== leasesMinute) {
        // Leases are per minute: dropping last minute's keeps memory to the users of this one.
        leases = new Map();
        leasesMinute = minute;
      }
      let lease = leases.get(userId);
      if (!lease) {
        lease = { minute, remaining: 0, next: 1, exhausted: false };
        leases.set(userId, lease);
      }
      for (;;) {
        if (lease.remaining > 0) {
          lease.remaining -= 1;
          return 0;
        }
        if (lease.exhausted) return Math.max(1, Math.ceil(((minute + 1) * WINDOW_MS - at) / 1000));
        if (!lease.pending) {
          lease.pending = renew(userId, lease).finally(() => {
            lease.pending = undefined;
          });
        }
        try {
          await lease.pending;
        } catch (err) {
          // Failing open: a store outage already fails the turn in the code hook, with a clear answer.
          opts.onError?.(err);
          return 0;
        }
      }
    },
  };
}
