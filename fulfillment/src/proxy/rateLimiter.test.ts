import { createRateLimiter } from './rateLimiter';

test('a burst of perMinute turns, then a wait that refills one turn at a time, per user', () => {
  let now = 0;
  const limiter = createRateLimiter(6, () => now);
  for (let i = 0; i < 6; i++) expect(limiter.take('script')).toBe(0);
  expect(limiter.take('script')).toBe(10);
  expect(limiter.take('typist')).toBe(0);

  now += 9_000;
  expect(limiter.take('script')).toBe(1);
  now += 1_000;
  expect(limiter.take('script')).toBe(0);
  expect(limiter.take('script')).toBe(10);

  now += 10 * 60_000;
  for (let i = 0; i < 6; i++) expect(limiter.take('script')).toBe(0);
  expect(limiter.take('script')).toBeGreaterThan(0);
});
