/**
 * Receipt photos the deployed way, in Chromium (issue 13 point 3): the app asks POST
 * /api/receipts/uploads how to send the photo, gets a presigned S3 POST, posts the photo to S3 with the
 * signed fields, then asks POST /api/receipts/analyze to read it, and shows the same proposal turn.
 *
 * What stands in for what (S3 and Textract cannot run on this machine):
 * - This suite starts its own stack whose proxy has the real deployed receipt routes, with S3 and
 *   Textract stood in at the SDK boundary only (sdkBoundaryReceiptUploads in @budgetbuddy/scripts/local):
 *   /uploads really presigns (the SDK signs the policy locally), /analyze really runs, AnalyzeExpense
 *   answers the documented café receipt fixture, DeleteObject its 204.
 * - S3 itself is Playwright's `page.route` on the bucket's URL: it checks the form the browser sends
 *   and answers as S3 does (204 on success, S3's XML errors otherwise).
 * - The page's CSP lets it connect to the bucket's origin, as deployed (docker-entrypoint.sh adds
 *   UPLOAD_ORIGIN to connect-src); the local server's CSP is `connect-src 'self'`, so the test adds it.
 * The direct path (locally: the photo to POST /api/receipts, PaddleOCR) is in import.test.ts.
 */
import type { Page, Request, Route } from 'playwright-core';
import { fixedClock } from '@budgetbuddy/fulfillment/ledger';
import { startStack, type Stack } from '@budgetbuddy/scripts/stack';
import {
  ensureWebBuild,
  RECEIPT_TEST_BUCKET,
  RECEIPT_TEST_REGION,
  sdkBoundaryReceiptUploads,
  type SdkBoundaryReceiptUploads,
} from '@budgetbuddy/scripts/local';
import { launchBrowser, type TestBrowser } from './support/browser';
import { ChatPage } from './support/ChatPage';

jest.setTimeout(90_000);

const BUCKET_ORIGIN = `https://${RECEIPT_TEST_BUCKET}.s3.${RECEIPT_TEST_REGION}.amazonaws.com`;
/** A JPEG's first bytes and some more: the stand-in for S3 does not look at the picture. */
const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);

let stack: Stack;
let browser: TestBrowser;
let aws: SdkBoundaryReceiptUploads;

beforeAll(async () => {
  ensureWebBuild();
  aws = sdkBoundaryReceiptUploads();
  [stack, browser] = await Promise.all([
    startStack({
      quiet: true,
      jvm: 'quick',
      rateLimitPerMinute: 1000,
      recurringEveryMs: 0,
      clock: fixedClock('2026-11-28T15:00:00Z'),
      receiptUploads: aws.uploads,
    }),
    launchBrowser(),
  ]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

beforeEach(() => {
  aws.calls.length = 0;
});

/** The page with the deployed CSP's extra connect-src origin, and S3 answered by `s3`. */
async function openWithBucket(user: string, s3: (route: Route, request: Request) => Promise<void>) {
  const page = await browser.context.newPage();
  await page.route(
    (url) => url.origin === new URL(stack.chatUrl).origin && url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      const csp = (response.headers()['content-security-policy'] ?? '').replace(
        "connect-src 'self'",
        `connect-src 'self' ${BUCKET_ORIGIN}`,
      );
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    },
  );
  await page.route(`${BUCKET_ORIGIN}/**`, (route) => s3(route, route.request()));
  const chat = new ChatPage(page);
  await chat.open(stack.chatUrl, user);
  return { page, chat };
}

/** S3's CORS answer for the app's origin (the bucket's CORS rule allows POST from it). */
const cors = (page: Page) => ({ 'access-control-allow-origin': new URL(page.url()).origin });

const s3Error = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>TEST</RequestId></Error>`;

/** The multipart form's text fields (the file part is binary and comes last). */
function formFields(request: Request): Record<string, string> {
  const body = request.postDataBuffer()?.toString('latin1') ?? '';
  const fields: Record<string, string> = {};
  for (const m of body.matchAll(/name="([^"]+)"\r\n\r\n([^\r]*)\r\n/g)) fields[m[1]!] = m[2]!;
  return fields;
}

async function attachPhoto(page: Page, name = 'receipt.jpg', buffer = PHOTO) {
  await page.getByTestId('attach-input').setInputFiles({ name, mimeType: 'image/jpeg', buffer });
}

describe('a receipt photo, deployed path (presigned S3 upload, then analyze)', () => {
  test('the photo goes to S3 with the signed fields, the thumbnail shows while it is read, then the proposal; Yes logs it', async () => {
    let release!: () => void;
    const s3Answered = new Promise<void>((resolve) => (release = resolve));
    let sent: { fields: Record<string, string>; hasPhoto: boolean; authorization?: string } | null = null;
    const { page, chat } = await openWithBucket('e2e-presigned', async (route, request) => {
      const body = request.postDataBuffer() ?? Buffer.alloc(0);
      sent = {
        fields: formFields(request),
        hasPhoto: body.includes(PHOTO),
        ...(request.headers()['authorization'] ? { authorization: request.headers()['authorization'] } : {}),
      };
      await s3Answered;
      await route.fulfill({ status: 204, headers: cors(page), body: '' });
    });
    const direct: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/receipts') direct.push(r.url());
    });

    await attachPhoto(page);
    // While the photo is on its way, its thumbnail is in the conversation.
    await page.getByTestId('receipt-reading').waitFor();
    await expect(page.getByRole('img', { name: 'Receipt photo receipt.jpg' }).isVisible()).resolves.toBe(
      true,
    );
    release();

    await chat.waitForBotMessages(1);
    await expect(chat.botMessages.first().innerText()).resolves.toMatch(
      /Log \$10\.62 at Blue Bottle Coffee for Food on Nov 25\?/,
    );
    await page.getByTestId('receipt-reading').waitFor({ state: 'detached' });

    // The form carried every signed field (key and policy included) and the photo, and nothing else.
    expect(sent).not.toBeNull();
    const { fields, hasPhoto, authorization } = sent!;
    expect(hasPhoto).toBe(true);
    expect(authorization).toBeUndefined();
    expect(fields['key']).toMatch(/^uploads\/e2e-presigned\/[0-9a-f-]{36}\.jpg$/);
    expect(Object.keys(fields)).toEqual(
      expect.arrayContaining(['key', 'Content-Type', 'Policy', 'X-Amz-Signature', 'X-Amz-Credential']),
    );
    expect(fields['Content-Type']).toBe('image/jpeg');
    // The server then had Textract read exactly that object, and deleted it; no direct upload happened.
    expect(aws.calls.map((c) => [c.service, c.target ?? c.path])).toEqual([
      ['textract', 'Textract.AnalyzeExpense'],
      ['s3', `/${fields['key']}`],
    ]);
    expect(direct).toEqual([]);
    expect(await stack.repo.listRecent('e2e-presigned', 5)).toEqual([]);

    await page.getByRole('button', { name: 'Yes' }).click();
    await chat.waitForBotMessages(3);
    await expect(chat.botMessages.nth(2).innerText()).resolves.toMatch(/Logged \$10\.62 for Food/);
    const saved = await stack.repo.listRecent('e2e-presigned', 5);
    expect(saved.map((t) => [t.amountMinor, t.category, t.date])).toEqual([[1062, 'Food', '2026-11-25']]);
    await page.close();
  });

  test('S3 refusing the upload (expired, too big, refused) puts a sentence in the conversation; nothing is read or logged', async () => {
    const answers = [
      { status: 403, body: s3Error('AccessDenied', 'Invalid according to Policy: Policy expired.') },
      {
        status: 400,
        body: s3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size'),
      },
      { status: 403, body: s3Error('AccessDenied', 'Invalid according to Policy: Policy Condition failed') },
    ];
    const { page, chat } = await openWithBucket('e2e-presigned-errors', async (route) => {
      const answer = answers.shift()!;
      await route.fulfill({
        status: answer.status,
        headers: { ...cors(page), 'content-type': 'application/xml' },
        body: answer.body,
      });
    });
    const expected = [
      /took too long to upload and its upload permission ran out\. Send it again\./,
      /That photo is too big: it can be at most 10 MB\./,
      /could not be uploaded: the storage refused it\./,
    ];
    for (const [i, sentence] of expected.entries()) {
      await attachPhoto(page, `receipt-${i}.jpg`);
      await chat.waitForBotMessages(i + 1);
      await expect(chat.botMessages.nth(i).innerText()).resolves.toMatch(sentence);
      // The thumbnail is gone and the paperclip works again.
      await page.getByTestId('receipt-reading').waitFor({ state: 'detached' });
      await expect(page.getByTestId('attach').isEnabled()).resolves.toBe(true);
    }
    expect(aws.calls).toEqual([]);
    expect(await stack.repo.listRecent('e2e-presigned-errors', 5)).toEqual([]);
    await page.close();
  });

  test('a photo over 10 MB is refused before anything is sent', async () => {
    let s3Posts = 0;
    const { page, chat } = await openWithBucket('e2e-presigned-big', async (route) => {
      s3Posts += 1;
      await route.fulfill({ status: 204, headers: cors(page), body: '' });
    });
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/receipts')) asked.push(new URL(r.url()).pathname);
    });
    await attachPhoto(page, 'huge.jpg', Buffer.concat([PHOTO, Buffer.alloc(10 * 1024 * 1024)]));
    await chat.waitForBotMessages(1);
    await expect(chat.botMessages.first().innerText()).resolves.toMatch(/at most 10 MB/);
    expect([s3Posts, asked]).toEqual([0, []]);
    await page.close();
  });
});
