/**
 * "export my transactions" in the browser (issue 13): the bot answers with a download button, pressing
 * it fetches GET /api/export.csv with the person's identity and saves the file; the file's rows are
 * this person's, limited to the period said. axe-core checks the reply at desktop and phone widths.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { axeViolations } from './support/axe';
import { useStackAndBrowser } from './support/suite';

jest.setTimeout(90_000);

const e2e = useStackAndBrowser();

/** Days relative to the stack's real clock, in the browser's (UTC) calendar. */
const today = new Date();
const iso = (d: Date) => d.toISOString().slice(0, 10);
const thisMonthDay = iso(today);
const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
const lastMonthEnd = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
const lastMonthDay = (n: number) => iso(new Date(lastMonth.getTime() + (n - 1) * 86_400_000));

let seq = 0;
async function seed(user: string, date: string, amountMinor: number, category: string, note: string) {
  await e2e.stack.repo.logTransaction(user, {
    kind: 'expense',
    amountMinor,
    currency: 'USD',
    category,
    date,
    note,
    source: 'seed',
    requestId: `export-seed-${++seq}`,
  });
}

/** Presses the newest download button and returns the saved file's name and rows. */
async function downloadNewest(page: Page): Promise<{ name: string; rows: string[][] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-button').last().click(),
  ]);
  // saveAs, not path(): the run's shared Chromium is remote to the suite (support/shared.ts).
  const file = artifactPath(`download-${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const rows = parse(fs.readFileSync(file, 'utf8')) as string[][];
  fs.rmSync(file);
  return { name: download.suggestedFilename(), rows };
}

describe('exporting from the chat', () => {
  test('"export my transactions" gives a download button; the file holds this person\'s rows', async () => {
    await seed('e2e-export', lastMonthDay(3), 4512, 'Groceries', 'green leaf market');
    await seed('e2e-export', lastMonthDay(20), 1800, 'Transport', 'uber');
    await seed('e2e-export', thisMonthDay, 450, 'Food', 'latte');
    // Someone else's entry on the same days must never reach this person's file.
    await seed('e2e-export-other', lastMonthDay(3), 99999, 'Shopping', 'not yours');

    const { page, chat } = await e2e.openChat('e2e-export');

    const answer = await chat.say('export my transactions');
    expect(answer).toMatch(/All your transactions are ready as a CSV file\./);
    const button = page.getByTestId('download-button').last();
    await expect(button.innerText()).resolves.toBe('Download CSV (all transactions)');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('export-desktop.png') });

    const all = await downloadNewest(page);
    expect(all.name).toMatch(/^budgetbuddy-\d{4}-\d{2}-\d{2}\.csv$/);
    // Entries logged before any account was named belong to the default account, "main" (issue 12).
    expect(all.rows).toEqual([
      ['date', 'kind', 'amount', 'currency', 'category', 'account', 'note', 'tags'],
      [lastMonthDay(3), 'expense', '45.12', 'USD', 'Groceries', 'main', 'green leaf market', ''],
      [lastMonthDay(20), 'expense', '18.00', 'USD', 'Transport', 'main', 'uber', ''],
      [thisMonthDay, 'expense', '4.50', 'USD', 'Food', 'main', 'latte', ''],
    ]);
    await expect(page.getByText(`Saved ${all.name}.`).isVisible()).resolves.toBe(true);

    // A period said in the chat limits the file to it.
    await chat.say("export last month's spending");
    await expect(page.getByTestId('download-button').last().innerText()).resolves.toBe(
      `Download CSV (${iso(lastMonth)} to ${iso(lastMonthEnd)})`,
    );
    const month = await downloadNewest(page);
    expect(month.name).toBe(`budgetbuddy-${iso(lastMonth)}-to-${iso(lastMonthEnd)}.csv`);
    expect(month.rows.slice(1).map((r) => [r[0], r[2], r[6]])).toEqual([
      [lastMonthDay(3), '45.12', 'green leaf market'],
      [lastMonthDay(20), '18.00', 'uber'],
    ]);
    await page.close();
  });

  test('on a phone: the download button fits and passes axe; after reload it still downloads', async () => {
    await seed('e2e-export-phone', thisMonthDay, 1250, 'Food', 'lunch');
    const { page, chat } = await e2e.openChat('e2e-export-phone', { width: 360, height: 640 });
    await chat.say('download my data as csv');
    const button = page.getByTestId('download-button').last();
    const box = await button.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('export-phone.png') });

    // The conversation is kept in the browser: the old reply's button makes the file afresh.
    await page.reload();
    await chat.composer.waitFor();
    const again = await downloadNewest(page);
    expect(again.rows.slice(1)).toEqual([
      [thisMonthDay, 'expense', '12.50', 'USD', 'Food', 'main', 'lunch', ''],
    ]);
    await page.close();
  });
});
