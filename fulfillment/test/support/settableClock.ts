import type { Clock } from '../../src/ports/Clock';

/**
 * A clock a test can move; the code hook and the runtime read it on every turn. Each reading is one
 * millisecond later than the last, so "the most recent transaction" is as well defined as in real life
 * while the test still stands at the instant it chose.
 */
export class SettableClock implements Clock {
  private ms: number;
  constructor(iso: string) {
    this.ms = Date.parse(iso);
  }
  now(): Date {
    return new Date(this.ms++);
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
}
