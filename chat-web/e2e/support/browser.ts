import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type LaunchOptions } from 'playwright-core';
import { sharedBrowserEndpoint } from './shared';

export const ARTIFACTS_DIR = path.resolve(__dirname, '../../../test-artifacts');

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium (playwright's own browser download does not work here). */
export const CHROMIUM: LaunchOptions = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
const VIEWPORT = { width: 1000, height: 800 };

/**
 * A fresh browser context for one suite: its own cookies and storage, as a browser profile of its own
 * would give. In a jest run it is a context of the run's one Chromium (shared.ts); run alone, the suite
 * launches Chromium with a throwaway profile.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const endpoint = sharedBrowserEndpoint();
  if (endpoint) {
    const browser = await chromium.connect(endpoint);
    const context = await browser.newContext({ viewport: VIEWPORT });
    return {
      context,
      async close() {
        await context.close();
        await browser.close(); // only disconnects: the run's Chromium stays up for the other suites
      },
    };
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { ...CHROMIUM, viewport: VIEWPORT });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function artifactPath(name: string): string {
  return path.join(ARTIFACTS_DIR, name);
}
