/**
 * Active-context lifetime. A context lives for `turnsToLive` turns after the one that set it and for
 * `timeToLiveInSeconds`, whichever ends first. A context the code hook hands back unchanged is the same
 * context ageing; one with a new timeToLive or new attributes was set afresh.
 */
import type { ActiveContext, StoredContext } from './types';

export function freshContexts(contexts: readonly ActiveContext[], nowMs: number): StoredContext[] {
  return contexts.map((c) => store(c, nowMs + c.timeToLive.timeToLiveInSeconds * 1000));
}

/** Contexts still alive at `nowMs`. */
export function liveContexts(contexts: readonly StoredContext[], nowMs: number): StoredContext[] {
  return contexts.every((c) => c.expiresAtMs > nowMs)
    ? (contexts as StoredContext[])
    : contexts.filter((c) => c.expiresAtMs > nowMs);
}

/**
 * The contexts after a turn: `seen` were visible during the turn, `after` is what the turn ended with,
 * `reset` names contexts the turn set afresh (an intent's output contexts). Contexts carried over
 * unchanged lose one turn; new or reset ones start their lifetime now.
 */
export function ageContexts(
  seen: readonly StoredContext[],
  after: readonly ActiveContext[],
  reset: ReadonlySet<string>,
  nowMs: number,
): StoredContext[] {
  const before = new Map(seen.map((c) => [c.name, c]));
  const result: StoredContext[] = [];
  for (const c of after) {
    const prior = before.get(c.name);
    if (prior && !reset.has(c.name) && unchanged(prior, c)) {
      const turnsToLive = prior.timeToLive.turnsToLive - 1;
      if (turnsToLive > 0) {
        result.push({
          ...store(c, prior.expiresAtMs),
          timeToLive: { ...c.timeToLive, turnsToLive },
        });
      }
    } else {
      result.push(store(c, nowMs + c.timeToLive.timeToLiveInSeconds * 1000));
    }
  }
  return result;
}

export function toWireContexts(contexts: readonly ActiveContext[]): ActiveContext[] {
  return contexts.map((c) => ({
    name: c.name,
    timeToLive: { ...c.timeToLive },
    contextAttributes: { ...c.contextAttributes },
  }));
}

/** Same lifetime and same attributes: the context was carried over, not set again. */
function unchanged(a: ActiveContext, b: ActiveContext): boolean {
  if (
    a.timeToLive.turnsToLive !== b.timeToLive.turnsToLive ||
    a.timeToLive.timeToLiveInSeconds !== b.timeToLive.timeToLiveInSeconds
  ) {
    return false;
  }
  const keys = Object.keys(a.contextAttributes);
  return (
    keys.length === Object.keys(b.contextAttributes).length &&
    keys.every((k) => a.contextAttributes[k] === b.contextAttributes[k])
  );
}

function store(c: ActiveContext, expiresAtMs: number): StoredContext {
  return {
    name: c.name,
    timeToLive: {
      timeToLiveInSeconds: c.timeToLive.timeToLiveInSeconds,
      turnsToLive: c.timeToLive.turnsToLive,
    },
    contextAttributes: { ...c.contextAttributes },
    expiresAtMs,
  };
}
