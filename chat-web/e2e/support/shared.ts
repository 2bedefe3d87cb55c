/**
 * What the browser suites share: one local stack and one Chromium for the whole jest run, started by
 * the chat-web project's globalSetup (globalSetup.ts) and stopped by its globalTeardown. Each suite
 * used to start its own (a JVM for DynamoDB Local, the NLU's training, a browser): about ten seconds
 * of every suite on 2 cores, spent six times.
 *
 * The setup tells the suites where things are through environment variables, which jest's workers
 * inherit. A suite reaches them only through `startStack()` and `launchBrowser()` (stack.ts,
 * browser.ts), which fall back to starting their own when the variables are absent, so a new suite
 * needs to know nothing about this file.
 */
import { z } from 'zod';

export const SHARED_STACK_ENV = 'BB_E2E_SHARED_STACK';
export const SHARED_BROWSER_ENV = 'BB_E2E_SHARED_BROWSER';

/** Where the shared stack listens: enough to drive the app and read its store. */
export const sharedStackSchema = z.object({
  chatUrl: z.url(),
  lexUrl: z.url(),
  dynamoEndpoint: z.url(),
  tableName: z.string().min(1),
});
export type SharedStack = z.infer<typeof sharedStackSchema>;

export function sharedStack(): SharedStack | null {
  const raw = process.env[SHARED_STACK_ENV];
  return raw ? sharedStackSchema.parse(JSON.parse(raw)) : null;
}

/** The shared Chromium's websocket endpoint (playwright's `launchServer`), or null. */
export function sharedBrowserEndpoint(): string | null {
  return process.env[SHARED_BROWSER_ENV] || null;
}
