/**
 * The receipts the tests and the OCR comparison draw (issue 13): written as HTML, drawn by Chromium,
 * and photographed either as a clean screenshot or like a phone would (turned, soft, shadowed, JPEG).
 */
import type { Browser } from 'playwright-core';

export interface Receipt {
  name: string;
  html: string;
  /** What the total line says, or null when none is printed. */
  total: string | null;
}

export const GROCERY: Receipt = {
  name: 'grocery',
  total: '23.47',
  html: `<h2 style="text-align:center">GREEN LEAF MARKET</h2><p style="text-align:center">123 Main St, Springfield</p>
  <p>11/26/2026 14:32</p><pre>
ORGANIC BANANAS      3.49
ALMOND MILK          4.99
SOURDOUGH BREAD      6.50
FREE RANGE EGGS      7.47
SUBTOTAL            22.45
TAX                  1.02
TOTAL               23.47
VISA **** 1234      23.47
</pre><p>THANK YOU FOR SHOPPING</p>`,
};

export const CAFE: Receipt = {
  name: 'cafe',
  total: '10.62',
  html: `<h2 style="text-align:center;font-family:sans-serif">Blue Bottle Coffee</h2>
  <p style="text-align:center">Order #4471 - 25 Nov 2026</p>
  <div style="display:flex;justify-content:space-between"><span>Cappuccino</span><span>$5.25</span></div>
  <div style="display:flex;justify-content:space-between"><span>Croissant</span><span>$4.50</span></div>
  <div style="display:flex;justify-content:space-between"><span>Subtotal</span><span>$9.75</span></div>
  <div style="display:flex;justify-content:space-between"><span>Sales Tax</span><span>$0.87</span></div>
  <div style="display:flex;justify-content:space-between;font-weight:bold;font-size:22px"><span>Total</span><span>$10.62</span></div>
  <div style="display:flex;justify-content:space-between"><span>Mastercard ending 9921</span><span>$10.62</span></div>`,
};

export const NO_TOTAL: Receipt = {
  name: 'no-total',
  total: null,
  html: `<h2 style="text-align:center">CITY PHARMACY</h2><p>11/27/2026</p><pre>
IBUPROFEN 200MG     7.99
BANDAGES            4.25
</pre>`,
};

export const RECEIPTS: readonly Receipt[] = [GROCERY, CAFE, NO_TOTAL];

/**
 * How the picture is taken: a clean PNG screenshot; a phone photo (turned -3°, soft focus, a shadow
 * across, JPEG quality 55); or a worse one (turned +4°, more blur, darker, JPEG quality 40).
 */
export type Shot = 'screenshot' | 'photo' | 'poor-photo';
export const SHOTS: readonly Shot[] = ['screenshot', 'photo', 'poor-photo'];

const LOOK: Record<Shot, string> = {
  screenshot: '',
  photo:
    'transform:rotate(-3deg);filter:blur(0.7px) contrast(0.85);' +
    'background-image:linear-gradient(100deg, rgba(0,0,0,0.28), rgba(255,255,255,0) 60%);',
  'poor-photo':
    'transform:rotate(4deg);filter:blur(1.1px) contrast(0.75) brightness(0.9);' +
    'background-image:linear-gradient(70deg, rgba(0,0,0,0.38), rgba(255,255,255,0) 70%);',
};

export async function photographReceipt(browser: Browser, receipt: Receipt, shot: Shot): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 440, height: 620 } });
  await page.setContent(
    `<body style="margin:0;background:#777"><div style="font-family:monospace;font-size:18px;width:360px;margin:20px;padding:20px;background-color:#fbfaf5;${LOOK[shot]}">${receipt.html}</div></body>`,
  );
  const shotBytes = await page.screenshot(
    shot === 'screenshot' ? { type: 'png' } : { type: 'jpeg', quality: shot === 'photo' ? 55 : 40 },
  );
  await page.close();
  return shotBytes;
}
