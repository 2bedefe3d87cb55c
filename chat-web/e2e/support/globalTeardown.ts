/** jest globalTeardown of the chat-web project: stops what globalSetup.ts started. */
import { takeRunning } from './running';
import { SHARED_BROWSER_ENV, SHARED_STACK_ENV } from './shared';

export default async function globalTeardown(): Promise<void> {
  const running = takeRunning();
  delete process.env[SHARED_STACK_ENV];
  delete process.env[SHARED_BROWSER_ENV];
  await Promise.all([running?.browser.close(), running?.stack.stop()]);
}
