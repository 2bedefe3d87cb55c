/**
 * The set-up every browser suite on the run's shared stack repeats, in one place: build the app if it
 * is stale, reach the stack and a browser context of the suite's own before the first test (stack.ts,
 * browser.ts), release them after the last. A suite that needs other stack options (a clock, stand-ins
 * at the SDK boundary) starts its own stack instead, as receiptUpload.test.ts does.
 */
import type { Page } from 'playwright-core';
import { ensureWebBuild } from '@budgetbuddy/scripts/local';
import { startStack, type Stack } from './stack';
import { launchBrowser, type TestBrowser } from './browser';
import { ChatPage } from './ChatPage';

/** Starting a stack of its own (run alone, no globalSetup) trains the NLU and starts a JVM. */
const START_TIMEOUT_MS = 240_000;

export interface StackAndBrowser {
  /** The stack the suite drives (valid from the first test on). */
  readonly stack: Stack;
  /** The suite's own browser context (valid from the first test on). */
  readonly browser: TestBrowser;
  /**
   * A new tab with the chat open for `user`. A viewport given is set before the app loads, so the
   * layout is the one a device of that size gets from the start.
   */
  openChat(
    user: string,
    viewport?: { width: number; height: number },
  ): Promise<{ page: Page; chat: ChatPage }>;
}

/** Registers the suite's beforeAll/afterAll; call it once at the top of a test file. */
export function useStackAndBrowser(): StackAndBrowser {
  let stack: Stack | undefined;
  let browser: TestBrowser | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`The ${what} is not started yet: use it inside a test or a hook.`);
    return value;
  };

  return {
    get stack() {
      return started(stack, 'stack');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async openChat(user, viewport) {
      const page = await started(browser, 'browser').context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const chat = new ChatPage(page);
      await chat.open(started(stack, 'stack').chatUrl, user);
      return { page, chat };
    },
  };
}
