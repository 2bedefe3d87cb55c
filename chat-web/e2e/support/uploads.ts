/** What the upload suites give the paperclip: the bank exports of the fixtures and a receipt photo. */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

const BANK_FIXTURES = path.resolve(__dirname, '../../../fulfillment/test/fixtures/bank');

/** A bank export of fulfillment's import fixtures (chase-checking.csv, amex.csv…). */
export function bankFixture(name: string): Buffer {
  return fs.readFileSync(path.join(BANK_FIXTURES, name));
}

/**
 * A grocery receipt (Green Leaf Market, Nov 26, total 23.47) drawn in the browser, turned 2° and saved
 * as a JPEG at quality 70: a phone photo of sorts, which the local OCR reads line by line.
 */
export async function receiptPhoto(context: BrowserContext): Promise<Buffer> {
  const drawing = await context.newPage();
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
