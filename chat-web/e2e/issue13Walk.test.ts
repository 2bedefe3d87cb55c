/**
 * Issue 13's "Done when", walked in the browser by one person, in order: import a bank file, see the
 * preview, commit, re-import without duplicates, export, and log a receipt photo by confirming the
 * draft — then the exported file, imported again, is all duplicates. Each step is also tested on its
 * own (import.test.ts, export.test.ts, receiptUpload.test.ts); this is the whole journey on one ledger.
 * Locally the photo takes the direct path (POST /api/receipts, PaddleOCR).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { ensureWebBuild } from '@budgetbuddy/scripts/local';
import { startStack, type Stack } from './support/stack';
import { artifactPath, launchBrowser, type TestBrowser } from './support/browser';
import { ChatPage } from './support/ChatPage';

jest.setTimeout(180_000);

const FIXTURES = path.resolve(__dirname, '../../fulfillment/test/fixtures/bank');
const USER = 'e2e-issue13-walk';

let stack: Stack;
let browser: TestBrowser;

beforeAll(async () => {
  ensureWebBuild();
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function attach(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByTestId('attach-input').setInputFiles({ name, mimeType, buffer });
}

async function waitForBotText(page: Page, text: string) {
  await page.waitForFunction(
    (t) =>
      [...document.querySelectorAll('[data-testid="bot-message"]')].some((m) => m.textContent?.includes(t)),
    text,
    { timeout: 60_000 },
  );
}

/** A grocery receipt drawn in the browser, turned 2° and saved as a JPEG: a phone photo of sorts. */
async function receiptPhoto(): Promise<Buffer> {
  const drawing = await browser.context.newPage();
  await drawing.setViewportSize({ width: 440, height: 560 });
  await drawing.setContent(
    `<body style="margin:0;background:#777"><div style="font-family:monospace;font-size:18px;width:360px;margin:20px;padding:20px;background:#fbfaf5;transform:rotate(2deg)"><h2 style="text-align:center">GREEN LEAF MARKET</h2><p>11/26/2026 14:32</p><pre>
ALMOND MILK          4.99
SUBTOTAL            22.45
TAX                  1.02
TOTAL               23.47
VISA **** 1234      23.47</pre></div></body>`,
  );
  const photo = await drawing.screenshot({ type: 'jpeg', quality: 70 });
  await drawing.close();
  return photo;
}

test('import → preview → commit → re-import (duplicates only) → receipt photo confirmed → export → the export re-imports as duplicates', async () => {
  const photo = await receiptPhoto();
  const page = await browser.context.newPage();
  const chat = new ChatPage(page);
  await chat.open(stack.chatUrl, USER);
  const preview = page.getByTestId('import-preview');
  const title = page.getByTestId('import-title');
  const bankFile = fs.readFileSync(path.join(FIXTURES, 'chase-checking.csv'));

  // 1. Import a bank file and see the preview; nothing is stored yet.
  await attach(page, 'chase-checking.csv', 'text/csv', bankFile);
  await preview.waitFor();
  await expect(title.innerText()).resolves.toBe('Import 5 transactions — 1 duplicate skipped');
  expect(await stack.repo.listRecent(USER, 10)).toEqual([]);

  // 2. Commit.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await waitForBotText(page, 'Imported 5 transactions from chase-checking.csv.');
  expect(await stack.repo.listRecent(USER, 10)).toHaveLength(5);

  // 3. Re-import: every row is a duplicate, nothing is added.
  await attach(page, 'chase-checking.csv', 'text/csv', bankFile);
  await preview.waitFor();
  await expect(title.innerText()).resolves.toBe(
    'Nothing new to import — all 6 transactions are already in your ledger',
  );
  await page.getByRole('button', { name: 'Close' }).click();
  await preview.waitFor({ state: 'detached' });
  expect(await stack.repo.listRecent(USER, 10)).toHaveLength(5);

  // 4. A receipt photo: the draft is proposed, "Yes" logs it.
  await attach(page, 'receipt.jpg', 'image/jpeg', photo);
  await page.getByTestId('receipt-reading').waitFor();
  await waitForBotText(page, 'Log $23.47 at Green Leaf Market for Groceries on Nov 26');
  expect(await stack.repo.listRecent(USER, 10)).toHaveLength(5);
  await page.getByRole('button', { name: 'Yes' }).last().click();
  await waitForBotText(page, 'Logged $23.47 for Groceries');
  const all = await stack.repo.listRecent(USER, 10);
  expect(all).toHaveLength(6);
  expect(all.find((t) => t.source !== 'import')).toMatchObject({
    amountMinor: 2347,
    category: 'Groceries',
    date: '2026-11-26',
  });

  // 5. Export: the download holds the five imported rows and the receipt.
  await chat.say('export my transactions');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-button').last().click(),
  ]);
  const saved = artifactPath(`walk-${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(saved);
  const exported = fs.readFileSync(saved);
  fs.rmSync(saved);
  const rows = parse(exported.toString('utf8')) as string[][];
  expect(rows[0]).toEqual(['date', 'kind', 'amount', 'currency', 'category', 'account', 'note', 'tags']);
  expect(rows.slice(1).map((r) => [r[0], r[2], r[4]])).toEqual(
    expect.arrayContaining([
      ['2026-11-24', '5.75', 'Food'],
      ['2026-11-15', '2500.00', 'Salary'],
      ['2026-11-26', '23.47', 'Groceries'],
    ]),
  );
  expect(rows).toHaveLength(7);

  // 6. The exported file, imported back, is all duplicates.
  await attach(page, download.suggestedFilename(), 'text/csv', exported);
  await preview.waitFor();
  await expect(title.innerText()).resolves.toBe(
    'Nothing new to import — all 6 transactions are already in your ledger',
  );
  await page.getByRole('button', { name: 'Close' }).click();
  expect(await stack.repo.listRecent(USER, 10)).toHaveLength(6);
  await page.close();
});
