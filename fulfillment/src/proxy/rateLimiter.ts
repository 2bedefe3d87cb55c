/**
 * A per-user token bucket: a burst of `perMinute` turns, refilled evenly over a minute. A person typing
 * or clicking buttons never empties it; a script hammering the bot does, and gets told when to retry.
 */
export interface RateLimiter {
  /** 0 when the turn may go ahead, otherwise the whole seconds to wait. */
  take(key: string): number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets of idle users are dropped once the map grows past this, so memory stays bounded. */
const PRUNE_AT = 10_000;

export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  if (!(perMinute > 0)) throw new Error('rate limit must be a positive number of turns per minute');
  const capacity = perMinute;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(capacity, bucket.tokens + (at - bucket.updatedAt) * perMs);
    bucket.updatedAt = at;
  };

  const prune = (at: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= capacity) buckets.delete(key);
    }
  };

  return {
    take(key) {
      const at = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= PRUNE_AT) prune(at);
        bucket = { tokens: capacity, updatedAt: at };
        buckets.set(key, bucket);
      } else {
        refill(bucket, at);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    },
  };
}
