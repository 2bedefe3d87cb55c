/**
 * The Textract receipt reader, mocked only at the SDK's HTTP boundary: a real TextractClient sends a
 * real AnalyzeExpense request, and the answer is the documented response shape in
 * test/fixtures/textract (see its README for where it comes from), parsed by the SDK's own deserializer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { TextractClient } from '@aws-sdk/client-textract';
import { createTextractOcr, linesOfExpense } from './textractOcr';
import { readReceipt } from './readReceipt';

const FIXTURE = readFileSync(resolve(__dirname, '../../test/fixtures/textract/analyzeExpense-cafe.json'));

interface Sent {
  target: string | undefined;
  body: { Document?: { Bytes?: string } };
}

/** A TextractClient whose HTTP handler records the request and answers with `status` and `body`. */
function textract(status: number, body: Buffer | string, sent: Sent[] = []): TextractClient {
  return new TextractClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { headers: Record<string, string>; body: string | Uint8Array }) => {
        sent.push({
          target: request.headers['x-amz-target'],
          body: JSON.parse(Buffer.from(request.body).toString('utf8')) as Sent['body'],
        });
        return {
          response: {
            statusCode: status,
            headers: { 'content-type': 'application/x-amz-json-1.1' },
            body: Readable.from([Buffer.from(body)]),
          },
        };
      },
    },
  });
}

const PROFILE = { currency: 'USD', timeZone: 'UTC', customCategories: [] };

test('AnalyzeExpense is called with the photo; its lines read as the café receipt: $10.62, not the subtotal', async () => {
  const sent: Sent[] = [];
  const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
  const lines = await createTextractOcr(textract(200, FIXTURE, sent)).readLines(photo);

  expect(sent).toHaveLength(1);
  expect(sent[0]!.target).toBe('Textract.AnalyzeExpense');
  expect(Buffer.from(sent[0]!.body.Document!.Bytes!, 'base64')).toEqual(Buffer.from(photo));
  // Two-column rows come back as two LINE blocks (here even right before left): one printed row each.
  expect(lines).toEqual([
    'Blue Bottle Coffee',
    'Order #4471 - 25 Nov 2026',
    'Cappuccino $5.25',
    'Croissant $4.50',
    'Subtotal $9.75',
    'Sales Tax $0.87',
    'Total $10.62',
    'Mastercard ending 9921 $10.62',
  ]);
  expect(readReceipt(lines, PROFILE)).toEqual({
    total: '10.62',
    merchant: 'Blue Bottle Coffee',
    date: '2026-11-25',
    category: 'Food',
  });
});

test('a picture with no receipt gives no lines; a Textract error reaches the caller (the route answers 422)', async () => {
  expect(linesOfExpense([])).toEqual([]);
  expect(linesOfExpense(undefined)).toEqual([]);
  const failing = createTextractOcr(
    textract(
      400,
      JSON.stringify({
        __type: 'UnsupportedDocumentException',
        message: 'Request has unsupported document format',
      }),
    ),
  );
  await expect(failing.readLines(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({
    name: 'UnsupportedDocumentException',
  });
});
