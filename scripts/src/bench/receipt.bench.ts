/**
 * Receipt OCR time (issue 13): a receipt drawn in Chromium and degraded like a phone photo (rotated,
 * blurred, JPEG), read by the local OCR worker. `receipt_ocr_ms` is the median of warm reads (the model
 * loads once per process, on the first receipt: `receipt_ocr_first_ms`).
 */
import { chromium } from 'playwright-core';
import { readReceipt } from '@budgetbuddy/fulfillment/proxy';
import { createPaddleOcr } from '../receipts/paddleOcr';

export const title = 'receipt OCR (PaddleOCR via @gutenye/ocr-node)';

const RECEIPT = `<h2 style="text-align:center">GREEN LEAF MARKET</h2><p>11/26/2026 14:32</p><pre>
ORGANIC BANANAS      3.49
ALMOND MILK          4.99
SOURDOUGH BREAD      6.50
FREE RANGE EGGS      7.47
SUBTOTAL            22.45
TAX                  1.02
TOTAL               23.47
VISA **** 1234      23.47
</pre>`;

export async function run(): Promise<Record<string, number>> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  let photo: Buffer;
  try {
    const page = await browser.newPage({ viewport: { width: 440, height: 560 } });
    await page.setContent(
      `<body style="margin:0;background:#777"><div style="font-family:monospace;font-size:18px;width:360px;margin:20px;padding:20px;background:#fbfaf5;transform:rotate(-3deg);filter:blur(0.7px)">${RECEIPT}</div></body>`,
    );
    photo = await page.screenshot({ type: 'jpeg', quality: 60 });
  } finally {
    await browser.close();
  }
  const ocr = createPaddleOcr();
  try {
    let started = performance.now();
    const first = await ocr.readLines(photo);
    const firstMs = performance.now() - started;
    const reading = readReceipt(first, { currency: 'USD', timeZone: 'UTC', customCategories: [] });
    if (reading.total !== '23.47')
      throw new Error(`the bench receipt read as ${reading.total ?? 'no total'}`);
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      started = performance.now();
      await ocr.readLines(photo);
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    return { receipt_ocr_ms: Math.round(samples[2]!), receipt_ocr_first_ms: Math.round(firstMs) };
  } finally {
    await ocr.close();
  }
}
