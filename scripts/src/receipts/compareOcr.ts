/**
 * PaddleOCR (`@gutenye/ocr-node`, what the local stack runs) against Debian's `tesseract-ocr` on the
 * receipts the tests draw (receiptFixtures.ts): each receipt as a clean screenshot, a phone photo and a
 * poor photo. Both engines' lines go through the same reader (readReceipt), and the total it finds is
 * compared with the one printed. Prints a Markdown table and per-engine figures:
 *
 *   apt-get install -y tesseract-ocr && npx tsx scripts/src/receipts/compareOcr.ts
 *
 * Times are wall-clock per image on this machine, the engine warm (one untimed receipt first);
 * tesseract's include starting its process, as a server would have to.
 */
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { readReceipt } from '@budgetbuddy/fulfillment/proxy';
import { createPaddleOcr } from './paddleOcr';
import { GROCERY, photographReceipt, RECEIPTS, SHOTS } from './receiptFixtures';

const PROFILE = { currency: 'USD', timeZone: 'UTC', customCategories: [] };

/** `tesseract stdin stdout`: English, automatic page segmentation, lines as printed. */
function tesseractLines(image: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', ['stdin', 'stdout', '-l', 'eng', '--psm', '4'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(
            out
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
          )
        : reject(new Error(`tesseract exited with ${code}`)),
    );
    child.stdin.end(image);
  });
}

interface Engine {
  name: string;
  read(image: Buffer): Promise<string[]>;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const paddle = createPaddleOcr(120_000);
  const engines: Engine[] = [
    { name: 'PaddleOCR (@gutenye/ocr-node)', read: (image) => paddle.readLines(image) },
    { name: 'tesseract-ocr 5 (Debian)', read: tesseractLines },
  ];
  try {
    const images = [];
    for (const receipt of RECEIPTS)
      for (const shot of SHOTS)
        images.push({ receipt, shot, bytes: await photographReceipt(browser, receipt, shot) });
    const warmUp = await photographReceipt(browser, GROCERY, 'screenshot');

    const rows: string[] = [];
    const summary: string[] = [];
    for (const engine of engines) {
      await engine.read(warmUp);
      let right = 0;
      const times: number[] = [];
      for (const { receipt, shot, bytes } of images) {
        const started = performance.now();
        const lines = await engine.read(bytes);
        const ms = performance.now() - started;
        times.push(ms);
        const total = readReceipt(lines, PROFILE).total;
        const ok = total === receipt.total;
        if (ok) right++;
        rows.push(
          `| ${engine.name} | ${receipt.name} | ${shot} | ${receipt.total ?? '(none)'} | ${total ?? '(none)'} | ${ok ? 'yes' : 'no'} | ${Math.round(ms)} |`,
        );
      }
      const sorted = [...times].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      summary.push(
        `| ${engine.name} | ${right}/${images.length} | ${Math.round(median)} | ${Math.round(sorted[sorted.length - 1]!)} |`,
      );
    }
    console.log('| engine | receipt | picture | printed total | total read | right | ms |');
    console.log('|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    console.log('\n| engine | totals right | median ms | slowest ms |');
    console.log('|---|---|---|---|');
    for (const line of summary) console.log(line);
  } finally {
    await paddle.close();
    await browser.close();
  }
}

void main();
