/**
 * Where sessions live between turns. Lex forgets a session after `idleSessionTtlInSeconds` without a
 * turn; the store applies that on read so an expired session starts fresh.
 */
import type { Clock, SessionData } from './types';

export interface SessionStore {
  get(key: string): SessionData | undefined;
  put(key: string, data: SessionData): void;
  delete(key: string): boolean;
}

/** How many writes between sweeps of expired sessions, so memory stays bounded without a timer. */
const SWEEP_EVERY = 1000;

export class InMemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, { data: SessionData; lastActiveMs: number }>();
  private writes = 0;

  constructor(
    private readonly idleTtlMs: number,
    private readonly clock: Clock,
  ) {}

  get(key: string): SessionData | undefined {
    const entry = this.sessions.get(key);
    if (!entry) return undefined;
    if (this.clock.now().getTime() - entry.lastActiveMs >= this.idleTtlMs) {
      this.sessions.delete(key);
      return undefined;
    }
    return entry.data;
  }

  put(key: string, data: SessionData): void {
    const nowMs = this.clock.now().getTime();
    this.sessions.set(key, { data, lastActiveMs: nowMs });
    if (++this.writes % SWEEP_EVERY === 0) this.sweep(nowMs);
  }

  delete(key: string): boolean {
    return this.sessions.delete(key);
  }

  private sweep(nowMs: number): void {
    for (const [key, entry] of this.sessions) {
      if (nowMs - entry.lastActiveMs >= this.idleTtlMs) this.sessions.delete(key);
    }
  }
}
