/**
 * Issue 13's "Done when", walked in the browser by one person, in order: import a bank file, see the
 * preview, commit, re-import without duplicates, export, and log a receipt photo by confirming the
 * draft — then the exported file, imported again, is all duplicates. Each step is also tested on its
 * own (import.test.ts, export.test.ts, receiptUpload.test.ts); this is the whole journey on one ledger.
 * Locally the photo takes the direct path (POST /api/receipts, PaddleOCR).
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { artifactPath } from './support/browser';
import { useStackAndBrowser } from './support/suite';
import { bankFixture, receiptPhoto } from './support/uploads';

jest.setTimeout(180_000);

const USER = 'e2e-issue13-walk';

const e2e = useStackAndBrowser();

test('import → preview → commit → re-import (duplicates only) → receipt photo confirmed → export → the export re-imports as duplicates', async () => {
  const photo = await receiptPhoto(e2e.browser.context);
  const { page, chat } = await e2e.openChat(USER);
  const preview = page.getByTestId('import-preview');
  const title = page.getByTestId('import-title');
  const bankFile = bankFixture('chase-checking.csv');

  // 1. Import a bank file and see the preview; nothing is stored yet.
  await chat.attach('chase-checking.csv', 'text/csv', bankFile);
  await preview.waitFor();
  await expect(title.innerText()).resolves.toBe('Import 5 transactions — 1 duplicate skipped');
  expect(await e2e.stack.repo.listRecent(USER, 10)).toEqual([]);

  // 2. Commit.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await chat.waitForBotText('Imported 5 transactions from chase-checking.csv.', 60_000);
  expect(await e2e.stack.repo.listRecent(USER, 10)).toHaveLength(5);

  // 3. Re-import: every row is a duplicate, nothing is added.
  await chat.attach('chase-checking.csv', 'text/csv', bankFile);
  await preview.waitFor();
  await expect(title.innerText()).resolves.toBe(
    'Nothing new to import — all 6 transactions are already in your ledger',
  );
  await page.getByRole('button', { name: 'Close' }).click();
  await preview.waitFor({ state: 'detached' });
  expect(await e2e.stack.repo.listRecent(USER, 10)).toHaveLength(5);

  // 4. A receipt photo: the draft is proposed, "Yes" logs it.
  await chat.attach('receipt.jpg', 'image/jpeg', photo);
  await page.getByTestId('receipt-reading').waitFor();
  await chat.waitForBotText('Log $23.47 at Green Leaf Market for Groceries on Nov 26', 60_000);
  expect(await e2e.stack.repo.listRecent(USER, 10)).toHaveLength(5);
  await page.getByRole('button', { name: 'Yes' }).last().click();
  await chat.waitForBotText('Logged $23.47 for Groceries', 60_000);
  const all = await e2e.stack.repo.listRecent(USER, 10);
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
  await chat.attach(download.suggestedFilename(), 'text/csv', exported);
  await preview.waitFor();
  await expect(title.innerText()).resolves.toBe(
    'Nothing new to import — all 6 transactions are already in your ledger',
  );
  await page.getByRole('button', { name: 'Close' }).click();
  expect(await e2e.stack.repo.listRecent(USER, 10)).toHaveLength(6);
  await page.close();
});
