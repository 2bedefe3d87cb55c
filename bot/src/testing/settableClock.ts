import type { Clock } from '../dialog/types';

/**
 * A clock a test can move; the code hook and the runtime read it on every turn. By default each
 * reading is one millisecond later than the last, so "the most recent transaction" is as well defined
 * as in real life while the test still stands at the instant it chose. The store contract suite asks
 * for `advancePerReadMs: 0`: it checks exact timestamps, so its clock stands still until moved.
 */
export class SettableClock implements Clock {
  private ms: number;
  private readonly advancePerReadMs: number;
  constructor(iso: string, options: { advancePerReadMs?: number } = {}) {
    this.ms = Date.parse(iso);
    this.advancePerReadMs = options.advancePerReadMs ?? 1;
  }
  now(): Date {
    const reading = new Date(this.ms);
    this.ms += this.advancePerReadMs;
    return reading;
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  tick(ms = 1): void {
    this.ms += ms;
  }
}
