/**
 * Receipt photos on AWS (issue 13 point 3). API Gateway's HTTP API takes at most 10 MB and a synchronous
 * Lambda invocation 6 MB (less once base64-encoded), so deployed the photo never passes through the
 * proxy: the browser posts it straight to S3 with a presigned POST policy, and Textract's AnalyzeExpense
 * reads it from there (S3Object input). The policy pins the key under the signed-in user's own prefix
 * (the user id comes from the verified JWT, never from the browser), the size (1 byte to 10 MB) and the
 * content type; the object is deleted once read, and the bucket expires anything left after a day.
 */
import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { AnalyzeExpenseCommand, type TextractClient } from '@aws-sdk/client-textract';
import { linesOfExpense } from './textractOcr';

/** The largest photo Textract's synchronous AnalyzeExpense reads from S3 (and the local route takes). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Every upload lives under this prefix; the bucket's lifecycle rule and the IAM grants name it. */
export const UPLOAD_PREFIX = 'uploads/';
/** How long the browser has to send the photo after asking. */
export const UPLOAD_EXPIRES_SECONDS = 300;

export type ReceiptImageType = 'image/jpeg' | 'image/png';
const EXTENSION: Record<ReceiptImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

/** What the browser needs to upload one photo: a form POST of `fields` then the file, to `url`. */
export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  key: string;
  maxBytes: number;
  expiresInSeconds: number;
}

/** The deployed receipt store: presigned uploads in, Textract lines out. */
export interface ReceiptUploads {
  presign(userId: string, contentType: ReceiptImageType): Promise<PresignedUpload>;
  /** True when `key` is an upload key under this user's own prefix (anything else is refused). */
  belongsTo(userId: string, key: string): boolean;
  /** The printed lines of the uploaded photo, read by AnalyzeExpense from S3. */
  readLines(key: string): Promise<string[]>;
  /** The photo is not kept: deleted once read (the lifecycle rule catches any left behind). */
  discard(key: string): Promise<void>;
}

/** Cognito `sub`s are UUIDs; anything that could escape its prefix is refused outright. */
const SAFE_USER_ID = /^[A-Za-z0-9_-]{1,128}$/;
const KEY_PATTERN = /^uploads\/[A-Za-z0-9_-]{1,128}\/[0-9a-f-]{36}\.(?:jpg|png)$/;

export const userPrefix = (userId: string): string => {
  if (!SAFE_USER_ID.test(userId)) throw new Error('user id not usable in an upload key');
  return `${UPLOAD_PREFIX}${userId}/`;
};

export function s3ReceiptUploads(deps: {
  s3: S3Client;
  textract: TextractClient;
  bucket: string;
}): ReceiptUploads {
  return {
    async presign(userId, contentType) {
      const key = `${userPrefix(userId)}${randomUUID()}.${EXTENSION[contentType]}`;
      const post = await createPresignedPost(deps.s3, {
        Bucket: deps.bucket,
        Key: key,
        Fields: { 'Content-Type': contentType },
        Conditions: [
          ['content-length-range', 1, MAX_UPLOAD_BYTES],
          ['eq', '$Content-Type', contentType],
        ],
        Expires: UPLOAD_EXPIRES_SECONDS,
      });
      return {
        url: post.url,
        fields: post.fields,
        key,
        maxBytes: MAX_UPLOAD_BYTES,
        expiresInSeconds: UPLOAD_EXPIRES_SECONDS,
      };
    },
    belongsTo(userId, key) {
      return SAFE_USER_ID.test(userId) && KEY_PATTERN.test(key) && key.startsWith(userPrefix(userId));
    },
    async readLines(key) {
      const output = await deps.textract.send(
        new AnalyzeExpenseCommand({ Document: { S3Object: { Bucket: deps.bucket, Name: key } } }),
      );
      return linesOfExpense(output.ExpenseDocuments);
    },
    async discard(key) {
      await deps.s3.send(new DeleteObjectCommand({ Bucket: deps.bucket, Key: key }));
    },
  };
}
