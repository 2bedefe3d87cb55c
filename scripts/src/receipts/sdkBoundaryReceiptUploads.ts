/**
 * The deployed receipt path (presigned S3 upload → Textract AnalyzeExpense → delete) with S3 and
 * Textract standing in AT THE SDK BOUNDARY, because neither can run on this machine. Everything above
 * the HTTP handler is real: `s3ReceiptUploads` with real S3Client and TextractClient objects, the SDK's
 * own serializers, request signing, presigned-POST policy signing and response deserializers. Only the
 * clients' `requestHandler` is replaced: it records each request and answers with a documented response
 * shape — DeleteObject's empty 204, and AnalyzeExpense's JSON from
 * fulfillment/test/fixtures/textract (its README says where that shape comes from).
 *
 * Used by the request-level tests of /api/receipts/uploads and /analyze and by the browser test of the
 * presigned path (startStack's `receiptUploads`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { TextractClient } from '@aws-sdk/client-textract';
import { s3ReceiptUploads, type ReceiptUploads } from '@budgetbuddy/fulfillment/proxy';

export const RECEIPT_TEST_BUCKET = 'bb-receipts-test';
export const RECEIPT_TEST_REGION = 'us-east-1';

const TEXTRACT_FIXTURES = resolve(__dirname, '../../../fulfillment/test/fixtures/textract');
/** AnalyzeExpense's answer for the café receipt (Blue Bottle Coffee, $10.62, 25 Nov 2026). */
export const analyzeExpenseCafe = (): string =>
  readFileSync(resolve(TEXTRACT_FIXTURES, 'analyzeExpense-cafe.json'), 'utf8');

export interface SdkCall {
  service: 's3' | 'textract';
  method: string;
  /** S3: the object path (`/uploads/…`); Textract: `/`. */
  path: string;
  /** Textract's X-Amz-Target (`Textract.AnalyzeExpense`). */
  target?: string;
  body: string;
}

export interface SdkAnswer {
  status: number;
  body: string;
}

export interface SdkBoundaryReceiptUploads {
  uploads: ReceiptUploads;
  /** Every request the SDK clients sent, in order. */
  calls: SdkCall[];
  /** What AnalyzeExpense answers next (first in, first out); when empty, the café receipt. */
  textractAnswers: SdkAnswer[];
}

interface HttpRequestLike {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

// The bytes themselves: the SDK's JSON body is a Uint8Array that warns when read as a string.
const bodyText = (body: unknown): string =>
  typeof body === 'string'
    ? body
    : body instanceof Uint8Array
      ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')
      : '';

function handler(service: SdkCall['service'], answer: (call: SdkCall) => SdkAnswer, calls: SdkCall[]) {
  return {
    handle: async (request: HttpRequestLike) => {
      const call: SdkCall = {
        service,
        method: request.method,
        path: decodeURIComponent(request.path),
        body: bodyText(request.body),
      };
      const target = request.headers['x-amz-target'];
      if (target) call.target = target;
      calls.push(call);
      const { status, body } = answer(call);
      return {
        response: {
          statusCode: status,
          headers:
            service === 'textract'
              ? { 'content-type': 'application/x-amz-json-1.1' }
              : { 'x-amz-request-id': 'TEST' },
          body: Readable.from([Buffer.from(body)]),
        },
      };
    },
  };
}

export function sdkBoundaryReceiptUploads(bucket = RECEIPT_TEST_BUCKET): SdkBoundaryReceiptUploads {
  const calls: SdkCall[] = [];
  const textractAnswers: SdkAnswer[] = [];
  const common = {
    region: RECEIPT_TEST_REGION,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'test-secret' },
    maxAttempts: 1,
  };
  const s3 = new S3Client({
    ...common,
    // DeleteObject answers 204 No Content with an empty body (S3 API reference, DeleteObject).
    requestHandler: handler('s3', () => ({ status: 204, body: '' }), calls),
  });
  const textract = new TextractClient({
    ...common,
    requestHandler: handler(
      'textract',
      () => textractAnswers.shift() ?? { status: 200, body: analyzeExpenseCafe() },
      calls,
    ),
  });
  return { uploads: s3ReceiptUploads({ s3, textract, bucket }), calls, textractAnswers };
}
