/**
 * jest globalSetup of the chat-web project: builds the app if needed, starts the run's one stack and
 * one Chromium, and tells the suites where they are (shared.ts). Runs only when a browser suite is
 * selected.
 */
import { chromium } from 'playwright-core';
import { ensureWebBuild } from '@budgetbuddy/scripts/local';
import { CHROMIUM } from './browser';
import { startOwnStack } from './stack';
import { SHARED_BROWSER_ENV, SHARED_STACK_ENV, type SharedStack } from './shared';
import { setRunning } from './running';

export default async function globalSetup(): Promise<void> {
  ensureWebBuild();
  const [stack, browser] = await Promise.all([startOwnStack(), chromium.launchServer(CHROMIUM)]);
  setRunning({ stack, browser });
  const shared: SharedStack = {
    chatUrl: stack.chatUrl,
    lexUrl: stack.lexUrl,
    dynamoEndpoint: stack.dynamoEndpoint,
    tableName: stack.tableName,
  };
  process.env[SHARED_STACK_ENV] = JSON.stringify(shared);
  process.env[SHARED_BROWSER_ENV] = browser.wsEndpoint();
}
