import { ageContexts, freshContexts, liveContexts } from './activeContexts';

const ctx = (name: string, turnsToLive: number, attrs: Record<string, string> = {}) => ({
  name,
  timeToLive: { timeToLiveInSeconds: 60, turnsToLive },
  contextAttributes: attrs,
});

describe('active context lifetime', () => {
  const t0 = 1_000_000;

  it('ages a carried-over context by one turn and drops it at zero', () => {
    const seen = freshContexts([ctx('a', 2)], t0);
    const once = ageContexts(seen, seen, new Set(), t0 + 1000);
    expect(once.map((c) => c.timeToLive.turnsToLive)).toEqual([1]);
    expect(once[0]?.expiresAtMs).toBe(t0 + 60_000);
    expect(ageContexts(once, once, new Set(), t0 + 2000)).toEqual([]);
  });

  it('restarts a context set again with new attributes or marked as reset', () => {
    const seen = freshContexts([ctx('a', 2, { v: '1' })], t0);
    const changed = ageContexts(seen, [ctx('a', 2, { v: '2' })], new Set(), t0 + 5000);
    expect(changed[0]).toMatchObject({ timeToLive: { turnsToLive: 2 }, expiresAtMs: t0 + 65_000 });
    const reset = ageContexts(seen, [ctx('a', 2, { v: '1' })], new Set(['a']), t0 + 5000);
    expect(reset[0]?.timeToLive.turnsToLive).toBe(2);
  });

  it('expires contexts by time', () => {
    const seen = freshContexts(
      [ctx('a', 5), { ...ctx('b', 5), timeToLive: { timeToLiveInSeconds: 600, turnsToLive: 5 } }],
      t0,
    );
    expect(liveContexts(seen, t0 + 61_000).map((c) => c.name)).toEqual(['b']);
  });
});
