/**
 * The shared stack and browser as globalSetup started them, for globalTeardown (jest runs both in its
 * parent process, but loads each as its own module: globalThis is what they have in common).
 */
import type { BrowserServer } from 'playwright-core';
import type { Stack } from '@budgetbuddy/scripts/stack';

interface Running {
  stack: Stack;
  browser: BrowserServer;
}
const KEY = Symbol.for('budgetbuddy.e2e.shared');
type WithRunning = typeof globalThis & { [KEY]?: Running };

export function setRunning(running: Running): void {
  (globalThis as WithRunning)[KEY] = running;
}

export function takeRunning(): Running | undefined {
  const running = (globalThis as WithRunning)[KEY];
  delete (globalThis as WithRunning)[KEY];
  return running;
}
