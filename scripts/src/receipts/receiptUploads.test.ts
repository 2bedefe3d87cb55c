/**
 * The deployed receipt route, request by request (issue 13 point 3): POST /api/receipts/uploads and
 * POST /api/receipts/analyze through the real HTTP app of the local stack (proxy, local Lex runtime,
 * code hook, DynamoDB Local). S3 and Textract cannot run here, so they stand in at the SDK boundary
 * only (sdkBoundaryReceiptUploads.ts): the S3 and Textract clients, their request signing and the
 * presigned-POST policy signing are the real SDK's; AnalyzeExpense answers the documented response
 * shape in fulfillment/test/fixtures/textract (README there), DeleteObject its empty 204.
 */
import { createHmac } from 'node:crypto';
import { fixedClock } from '@budgetbuddy/fulfillment/ledger';
import type { ChatReply } from '@budgetbuddy/fulfillment/chat-api';
import { startStack, type Stack } from '../stack';
import { sharedDynamoOption } from '../sharedDynamo';
import {
  RECEIPT_TEST_BUCKET,
  RECEIPT_TEST_REGION,
  sdkBoundaryReceiptUploads,
  type SdkBoundaryReceiptUploads,
} from './sdkBoundaryReceiptUploads';

jest.setTimeout(60_000);

let stack: Stack;
let aws: SdkBoundaryReceiptUploads;

beforeAll(async () => {
  aws = sdkBoundaryReceiptUploads();
  stack = await startStack({
    ...sharedDynamoOption(),
    quiet: true,
    clock: fixedClock('2026-11-28T15:00:00Z'),
    receiptUploads: aws.uploads,
    recurringEveryMs: 0,
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

beforeEach(() => {
  aws.calls.length = 0;
  aws.textractAnswers.length = 0;
});

interface ApiError {
  error: { code: string; message: string };
}

async function post(path: string, user: string, body: string, type = 'application/json') {
  const res = await fetch(`${stack.chatUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-bb-local-user': user },
    body,
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

const askUpload = (user: string, request: unknown) =>
  post('/api/receipts/uploads', user, JSON.stringify(request));
const analyze = (user: string, key: unknown) => post('/api/receipts/analyze', user, JSON.stringify({ key }));

interface Presigned {
  mode: 'presigned';
  url: string;
  key: string;
  fields: Record<string, string>;
  maxBytes: number;
  expiresInSeconds: number;
}

async function presign(user: string, contentType = 'image/jpeg'): Promise<Presigned> {
  const { status, body } = await askUpload(user, { contentType, size: 2_400_000 });
  expect(status).toBe(200);
  return body as Presigned;
}

const textOf = (reply: ChatReply) =>
  reply.messages.map((m) => (m.type === 'card' ? m.title : m.type === 'text' ? m.text : '')).join('\n');

/** SigV4 for a POST policy: the signature is the HMAC of the base64 policy with the day's signing key. */
function policySignature(policy: string, credential: string, secret: string): string {
  const [, day, region, service] = credential.split('/') as [string, string, string, string];
  let key: Buffer = Buffer.from(`AWS4${secret}`);
  for (const part of [day, region, service, 'aws4_request'])
    key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(policy).digest('hex');
}

describe('POST /api/receipts/uploads', () => {
  test('answers a presigned S3 POST whose signed policy pins the key under the caller, ≤ 10 MB, the type and 5 minutes', async () => {
    const before = Date.now();
    const upload = await presign('rcpt-policy');
    expect(upload.mode).toBe('presigned');
    expect(upload.maxBytes).toBe(10 * 1024 * 1024);
    expect(upload.expiresInSeconds).toBe(300);
    expect(new URL(upload.url).hostname).toBe(
      `${RECEIPT_TEST_BUCKET}.s3.${RECEIPT_TEST_REGION}.amazonaws.com`,
    );
    expect(upload.key).toMatch(/^uploads\/rcpt-policy\/[0-9a-f-]{36}\.jpg$/);
    expect(upload.fields).toMatchObject({
      key: upload.key,
      bucket: RECEIPT_TEST_BUCKET,
      'Content-Type': 'image/jpeg',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    });

    const policy = JSON.parse(Buffer.from(upload.fields.Policy!, 'base64').toString('utf8')) as {
      expiration: string;
      conditions: unknown[];
    };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: RECEIPT_TEST_BUCKET },
        { key: upload.key },
        { 'Content-Type': 'image/jpeg' },
        ['content-length-range', 1, 10 * 1024 * 1024],
        ['eq', '$Content-Type', 'image/jpeg'],
        { 'X-Amz-Credential': upload.fields['X-Amz-Credential'] },
      ]),
    );
    const expires = Date.parse(policy.expiration);
    expect(expires).toBeGreaterThanOrEqual(before + 299_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 301_000);
    // Signed here, by the SDK, with the function's credentials: S3 checks exactly this signature.
    expect(upload.fields['X-Amz-Signature']).toBe(
      policySignature(upload.fields.Policy!, upload.fields['X-Amz-Credential']!, 'test-secret'),
    );
    // Presigning is local work: nothing was sent to S3 or Textract.
    expect(aws.calls).toEqual([]);
  });

  test('each person gets their own prefix and a fresh key; a PNG gets a PNG key and policy', async () => {
    const [a, b, again] = [
      await presign('rcpt-a'),
      await presign('rcpt-b', 'image/png'),
      await presign('rcpt-a'),
    ];
    expect(a.key.startsWith('uploads/rcpt-a/')).toBe(true);
    expect(b.key).toMatch(/^uploads\/rcpt-b\/[0-9a-f-]{36}\.png$/);
    expect(b.fields['Content-Type']).toBe('image/png');
    expect(again.key).not.toBe(a.key);
  });

  test('bad requests get a 4xx with a sentence, and nothing is presigned', async () => {
    const cases: [string, string, number, RegExp][] = [
      ['{"contentType":"image/jpeg","size":10}', 'text/plain', 415, /as JSON/],
      ['{"contentType":', 'application/json', 400, /not valid JSON/],
      ['{"contentType":"application/pdf","size":1000}', 'application/json', 415, /JPEG or PNG/],
      ['{"contentType":"image/jpeg"}', 'application/json', 415, /JPEG or PNG/],
      ['{"contentType":"image/jpeg","size":0}', 'application/json', 400, /empty/],
      [
        `{"contentType":"image/jpeg","size":${10 * 1024 * 1024 + 1}}`,
        'application/json',
        413,
        /at most 10 MB/,
      ],
      [
        JSON.stringify({ contentType: 'image/jpeg', size: 1, pad: 'x'.repeat(5000) }),
        'application/json',
        413,
        /too large/i,
      ],
    ];
    for (const [body, type, status, sentence] of cases) {
      const res = await post('/api/receipts/uploads', 'rcpt-bad', body, type);
      expect([body.slice(0, 40), res.status]).toEqual([body.slice(0, 40), status]);
      expect((res.body as ApiError).error.message).toMatch(sentence);
    }
    const anonymous = await post(
      '/api/receipts/uploads',
      'not a user!',
      '{"contentType":"image/jpeg","size":1}',
    );
    expect(anonymous.status).toBe(401);
    expect((anonymous.body as ApiError).error.message).toMatch(/sign in/);
    expect(aws.calls).toEqual([]);
  });
});

describe('POST /api/receipts/analyze', () => {
  test('reads the caller\'s upload with AnalyzeExpense, deletes it, proposes the expense; "yes" logs it', async () => {
    const { key } = await presign('rcpt-analyze');
    const { status, body } = await analyze('rcpt-analyze', key);
    expect(status).toBe(200);
    const reply = body as ChatReply;
    expect(textOf(reply)).toMatch(/^Log \$10\.62 at Blue Bottle Coffee for Food on Nov 25\?/);
    expect(reply.dialogState).toBe('ConfirmIntent');
    expect(reply.intent).toBe('LogExpense');

    // Textract was asked to read the object from S3 (the photo never passed through the proxy) …
    expect(aws.calls.map((c) => [c.service, c.method, c.target ?? c.path])).toEqual([
      ['textract', 'POST', 'Textract.AnalyzeExpense'],
      ['s3', 'DELETE', `/${key}`],
    ]);
    expect(JSON.parse(aws.calls[0]!.body)).toEqual({
      Document: { S3Object: { Bucket: RECEIPT_TEST_BUCKET, Name: key } },
    });
    // … and nothing is logged before the person answers.
    expect(await stack.repo.listRecent('rcpt-analyze', 5)).toEqual([]);

    const yes = await post('/api/chat', 'rcpt-analyze', JSON.stringify({ text: 'yes' }));
    expect(textOf(yes.body as ChatReply)).toMatch(/Logged \$10\.62 for Food/);
    const saved = await stack.repo.listRecent('rcpt-analyze', 5);
    expect(saved.map((t) => [t.amountMinor, t.category, t.date, t.note])).toEqual([
      [1062, 'Food', '2026-11-25', 'Blue Bottle Coffee'],
    ]);
  });

  test("another person's key, a made-up key or a path trick is a 404, and nothing is read or deleted", async () => {
    const { key } = await presign('rcpt-owner');
    const others = [
      key,
      // A prefix that merely starts like the caller's is not theirs.
      key.replace('rcpt-owner', 'rcpt-thief2'),
      'uploads/rcpt-thief/../rcpt-owner/x.jpg',
      'uploads/rcpt-thief/00000000-0000-0000-0000-000000000000.pdf',
      'some/other/object',
    ];
    for (const k of others) {
      const res = await analyze('rcpt-thief', k);
      expect([k, res.status]).toEqual([k, 404]);
      expect((res.body as ApiError).error.message).toBe('That photo was not found. Send it again.');
    }
    for (const bad of [{}, { key: '' }, { key: 42 }]) {
      const res = await post('/api/receipts/analyze', 'rcpt-thief', JSON.stringify(bad));
      expect(res.status).toBe(404);
    }
    const notJson = await post(
      '/api/receipts/analyze',
      'rcpt-thief',
      `key=${key}`,
      'application/x-www-form-urlencoded',
    );
    expect(notJson.status).toBe(415);
    expect((notJson.body as ApiError).error.message).toMatch(/as JSON/);
    expect(aws.calls).toEqual([]);
  });

  test('Textract errors: an object that is gone is a 404, a picture it cannot read a 422; the upload is deleted either way', async () => {
    const gone = await presign('rcpt-errors');
    aws.textractAnswers.push({
      status: 400,
      body: JSON.stringify({
        __type: 'InvalidS3ObjectException',
        Message: 'Unable to get object metadata from S3. Check object key, region and/or access permissions.',
      }),
    });
    const res = await analyze('rcpt-errors', gone.key);
    expect(res.status).toBe(404);
    expect((res.body as ApiError).error.message).toMatch(/not found\. Send it again/);

    const pdf = await presign('rcpt-errors');
    aws.textractAnswers.push({
      status: 400,
      body: JSON.stringify({
        __type: 'UnsupportedDocumentException',
        Message: 'Request has unsupported document format',
      }),
    });
    const unsupported = await analyze('rcpt-errors', pdf.key);
    expect(unsupported.status).toBe(422);
    expect((unsupported.body as ApiError).error.message).toMatch(/JPEG or PNG picture/);

    const blank = await presign('rcpt-errors');
    aws.textractAnswers.push({
      status: 200,
      body: JSON.stringify({ DocumentMetadata: { Pages: 1 }, ExpenseDocuments: [] }),
    });
    const unreadable = await analyze('rcpt-errors', blank.key);
    expect(unreadable.status).toBe(422);
    expect((unreadable.body as ApiError).error.message).toMatch(/could not read a receipt/);

    expect(aws.calls.filter((c) => c.service === 's3').map((c) => c.path)).toEqual([
      `/${gone.key}`,
      `/${pdf.key}`,
      `/${blank.key}`,
    ]);
    expect(await stack.repo.listRecent('rcpt-errors', 5)).toEqual([]);
  });
});
