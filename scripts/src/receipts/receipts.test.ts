/**
 * Receipt photos end to end (issue 13): receipts drawn in Chromium, then degraded like phone photos
 * (rotated, blurred, uneven light, JPEG), are read by the real offline OCR, proposed through the real
 * proxy and Lex runtime, and logged only when the person says "yes".
 */
import { chromium, type Browser } from 'playwright-core';
import { fixedClock } from '@budgetbuddy/fulfillment/ledger';
import type { ChatReply } from '@budgetbuddy/fulfillment/chat-api';
import { startStack, type Stack } from '../stack';
import { sharedDynamoOption } from '../sharedDynamo';
import { CAFE, GROCERY, NO_TOTAL, photographReceipt } from './receiptFixtures';

jest.setTimeout(120_000);

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({
      ...sharedDynamoOption(),
      port: 0,
      lexPort: 0,
      quiet: true,
      clock: fixedClock('2026-11-28T15:00:00Z'),
    }),
    chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] }),
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const photograph = (receipt: Parameters<typeof photographReceipt>[1], degrade: boolean) =>
  photographReceipt(browser, receipt, degrade ? 'photo' : 'screenshot');

async function sendReceipt(user: string, image: Buffer, type = 'image/jpeg') {
  const res = await fetch(`${stack.chatUrl}/api/receipts`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-bb-local-user': user },
    body: image,
  });
  return { status: res.status, body: (await res.json()) as ChatReply & { error?: { message: string } } };
}

async function say(user: string, text: string): Promise<ChatReply> {
  const res = await fetch(`${stack.chatUrl}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bb-local-user': user },
    body: JSON.stringify({ text, timeZone: 'America/New_York' }),
  });
  return (await res.json()) as ChatReply;
}

const textOf = (reply: ChatReply) =>
  reply.messages
    .map((m) => (m.type === 'card' ? m.title : m.type === 'download' ? m.label : m.text))
    .join('\n');

describe('POST /api/receipts', () => {
  test('a clean grocery receipt: the total, not the subtotal or card line; "yes" logs it', async () => {
    await say('receipt-yes', 'hello');
    const { status, body } = await sendReceipt('receipt-yes', await photograph(GROCERY, false), 'image/png');
    expect(status).toBe(200);
    expect(textOf(body)).toMatch(/^Log \$23\.47 at Green Leaf Market for Groceries on Nov 26\?/);
    expect(body).toMatchObject({ intent: 'LogExpense', dialogState: 'ConfirmIntent' });
    expect(await stack.repo.listRecent('receipt-yes', 5)).toEqual([]);

    const reply = await say('receipt-yes', 'yes');
    expect(textOf(reply)).toMatch(/Logged \$23\.47 for Groceries/);
    const saved = await stack.repo.listRecent('receipt-yes', 5);
    expect(saved.map((t) => [t.amountMinor, t.category, t.date, t.note])).toEqual([
      [2347, 'Groceries', '2026-11-26', 'Green Leaf Market'],
    ]);
  });

  test('the same receipt photographed badly still reads right; "no" drops it', async () => {
    const { body } = await sendReceipt('receipt-no', await photograph(GROCERY, true));
    expect(textOf(body)).toMatch(/^Log \$23\.47 at Green Leaf Market for Groceries on Nov 26\?/);
    const reply = await say('receipt-no', 'no');
    expect(textOf(reply)).toMatch(/didn't log anything/);
    expect(await stack.repo.listRecent('receipt-no', 5)).toEqual([]);
  });

  test('a café receipt in two columns, photographed badly: total 10.62, a day-month-name date', async () => {
    const { body } = await sendReceipt('receipt-cafe', await photograph(CAFE, true));
    expect(textOf(body)).toMatch(/^Log \$10\.62 at Blue Bottle Coffee for Food on Nov 25\?/);
    await say('receipt-cafe', 'yes');
    const saved = await stack.repo.listRecent('receipt-cafe', 5);
    expect(saved.map((t) => [t.amountMinor, t.category, t.date])).toEqual([[1062, 'Food', '2026-11-25']]);
  });

  test('no total printed: the bot asks for the amount instead of guessing', async () => {
    const { body } = await sendReceipt('receipt-ask', await photograph(NO_TOTAL, false), 'image/png');
    expect(body.dialogState).toBe('ElicitSlot');
    expect(textOf(body)).toMatch(/City Pharmacy.*Health.*not its total\. How much was it\?/);
    expect(await stack.repo.listRecent('receipt-ask', 5)).toEqual([]);
    await say('receipt-ask', '12.24');
    const saved = await stack.repo.listRecent('receipt-ask', 5);
    expect(saved.map((t) => [t.amountMinor, t.category, t.date])).toEqual([[1224, 'Health', '2026-11-27']]);
  });

  test('bad input gets a sentence and nothing is logged', async () => {
    const notImage = await sendReceipt('receipt-bad', Buffer.from('%PDF-1.7 not a photo'), 'image/png');
    expect(notImage.status).toBe(422);
    expect(notImage.body.error?.message).toMatch(/not a photo I can read/);
    const wrongType = await sendReceipt('receipt-bad', Buffer.from('hello'), 'text/plain');
    expect(wrongType.status).toBe(415);
    const empty = await sendReceipt('receipt-bad', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    const tooBig = await sendReceipt('receipt-bad', Buffer.alloc(10 * 1024 * 1024 + 1, 0xff));
    expect(tooBig.status).toBe(413);
    expect(await stack.repo.listRecent('receipt-bad', 5)).toEqual([]);
  });
});
