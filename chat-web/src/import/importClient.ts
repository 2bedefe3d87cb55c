import * as z from 'zod/mini';
import { chatReplySchema, type ChatReply } from '@budgetbuddy/fulfillment/chat-api';

/** Mirrors MAX_IMPORT_BYTES on the server: checked here first so a big file is not uploaded for nothing. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const TOO_BIG_MESSAGE =
  'That file is too big: bank files can be at most 5 MB. Export a shorter date range and try again.';
export const NOT_CSV_MESSAGE =
  'Only .csv bank files and JPEG or PNG receipt photos can be added. In your online banking, export your transactions as CSV and drop that file here.';
const NETWORK_ERROR = "Couldn't reach BudgetBuddy. Check your connection, then try again.";
const SERVER_ERROR = 'BudgetBuddy had a problem reading that file. Please try again.';

const lineNote = z.object({ line: z.number(), message: z.string() });
const previewSchema = z.object({
  importId: z.string(),
  rows: z.number(),
  new: z.number(),
  duplicates: z.number(),
  errors: z.array(lineNote),
  skipped: z.optional(z.array(lineNote)),
  preview: z.array(
    z.object({
      line: z.number(),
      date: z.string(),
      kind: z.string(),
      amount: z.string(),
      currency: z.string(),
      category: z.string(),
      description: z.string(),
      duplicate: z.boolean(),
    }),
  ),
  /** The person's accounts the rows can go to (none: the default account) and the one picked at first. */
  accounts: z.optional(z.array(z.object({ key: z.string(), name: z.string(), type: z.string() }))),
  account: z.optional(z.string()),
});
export type ImportPreview = z.infer<typeof previewSchema>;

const commitSchema = z.object({ imported: z.number(), remaining: z.optional(z.number()) });
const errorSchema = z.object({ error: z.object({ message: z.string() }) });

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

function failure(status: number, body: unknown): { ok: false; message: string } {
  const error = errorSchema.safeParse(body);
  if (error.success) return { ok: false, message: error.data.error.message };
  return { ok: false, message: status === 0 ? NETWORK_ERROR : SERVER_ERROR };
}

export const MAX_RECEIPT_BYTES = 10 * 1024 * 1024;
export const RECEIPT_TOO_BIG_MESSAGE = 'That photo is too big: it can be at most 10 MB.';
export const UPLOAD_EXPIRED_MESSAGE =
  'The photo took too long to upload and its upload permission ran out. Send it again.';
export const UPLOAD_REFUSED_MESSAGE =
  'The photo could not be uploaded: the storage refused it. Send it again, or type the expense instead, like "spent 23.47 at Green Leaf Market".';

const EMPTY_PHOTO_MESSAGE = 'That photo is empty. Take the picture again.';

export function isReceiptImage(file: File): boolean {
  return file.type === 'image/jpeg' || file.type === 'image/png';
}

/**
 * POST /api/receipts/uploads answers how to send the photo: straight to the API (`direct`, locally), or
 * to S3 with a presigned POST (deployed: API Gateway and Lambda cannot carry a 10 MB photo). The URL
 * must be https: the form carries the photo.
 */
const uploadPlanSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('direct') }),
  z.object({
    mode: z.literal('presigned'),
    url: z.url({ protocol: /^https$/ }),
    fields: z.record(z.string(), z.string()),
    key: z.string().check(z.minLength(1)),
    maxBytes: z.number(),
    expiresInSeconds: z.number(),
  }),
]);
type UploadPlan = z.infer<typeof uploadPlanSchema>;

async function postJson(
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; body: unknown } | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  } catch {
    return null;
  }
}

/** A chat reply, or why there is none. */
function replyOrFailure(answer: { status: number; body: unknown } | null): Outcome<ChatReply> {
  if (answer === null) return { ok: false, message: NETWORK_ERROR };
  if (answer.status === 200) {
    const reply = chatReplySchema.safeParse(answer.body);
    if (reply.success) return { ok: true, value: reply.data };
  }
  return failure(answer.status, answer.body);
}

/** POST /api/receipts with the photo itself (the local server; it reads the photo with its own OCR). */
async function sendDirect(apiBase: string, file: File, headers: Record<string, string>) {
  let response: Response;
  try {
    response = await fetch(`${apiBase}/api/receipts`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': file.type },
      body: file,
    });
  } catch {
    return { ok: false as const, message: NETWORK_ERROR };
  }
  return replyOrFailure({ status: response.status, body: await response.json().catch(() => undefined) });
}

/**
 * The S3 POST: the signed fields, then the file (S3 ignores fields after it). No identity header goes
 * along: S3 trusts the signed policy, and the person's token is not S3's business. S3 answers errors as
 * XML `<Error><Code>…</Code><Message>…</Message></Error>`; the ones a person can cause get their sentence.
 */
async function postToS3(
  plan: Extract<UploadPlan, { mode: 'presigned' }>,
  file: File,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(plan.fields)) form.append(name, value);
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(plan.url, { method: 'POST', body: form, credentials: 'omit' });
  } catch {
    return { ok: false, message: NETWORK_ERROR };
  }
  if (response.ok) return { ok: true };
  const xml = await response.text().catch(() => '');
  const code = /<Code>([^<]*)<\/Code>/.exec(xml)?.[1] ?? '';
  const detail = /<Message>([^<]*)<\/Message>/.exec(xml)?.[1] ?? '';
  if (code === 'EntityTooLarge') return { ok: false, message: RECEIPT_TOO_BIG_MESSAGE };
  if (code === 'EntityTooSmall') return { ok: false, message: EMPTY_PHOTO_MESSAGE };
  if (/expired/i.test(detail) || code === 'ExpiredToken')
    return { ok: false, message: UPLOAD_EXPIRED_MESSAGE };
  return { ok: false, message: UPLOAD_REFUSED_MESSAGE };
}

/**
 * A receipt photo in, the reply proposing its expense out (like a chat turn). Asks the API how to send
 * it first: directly, or presigned to S3 and then POST /api/receipts/analyze with the key. Never throws.
 */
export async function sendReceipt(
  apiBase: string,
  file: File,
  headers: Record<string, string>,
): Promise<Outcome<ChatReply>> {
  if (file.size > MAX_RECEIPT_BYTES) return { ok: false, message: RECEIPT_TOO_BIG_MESSAGE };
  if (file.size === 0) return { ok: false, message: EMPTY_PHOTO_MESSAGE };
  const asked = await postJson(`${apiBase}/api/receipts/uploads`, headers, {
    contentType: file.type,
    size: file.size,
  });
  if (asked === null) return { ok: false, message: NETWORK_ERROR };
  if (asked.status !== 200) return failure(asked.status, asked.body);
  const plan = uploadPlanSchema.safeParse(asked.body);
  if (!plan.success) return { ok: false, message: SERVER_ERROR };
  if (plan.data.mode === 'direct') return sendDirect(apiBase, file, headers);

  if (file.size > plan.data.maxBytes) return { ok: false, message: RECEIPT_TOO_BIG_MESSAGE };
  const uploaded = await postToS3(plan.data, file);
  if (!uploaded.ok) return uploaded;
  return replyOrFailure(await postJson(`${apiBase}/api/receipts/analyze`, headers, { key: plan.data.key }));
}

export function isCsvFile(file: File): boolean {
  return /\.(csv|txt)$/i.test(file.name) || file.type === 'text/csv';
}

/** POST /api/import with upload progress (fetch cannot report it, XMLHttpRequest can). Never throws. */
export function uploadCsv(
  apiBase: string,
  file: File,
  headers: Record<string, string>,
  onProgress: (fraction: number) => void,
): Promise<Outcome<ImportPreview>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${apiBase}/api/import`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => resolve({ ok: false, message: NETWORK_ERROR });
    xhr.ontimeout = () => resolve({ ok: false, message: NETWORK_ERROR });
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 200) {
        const preview = previewSchema.safeParse(body);
        if (preview.success) return resolve({ ok: true, value: preview.data });
      }
      resolve(failure(xhr.status, body));
    };
    xhr.timeout = 120_000;
    xhr.send(file);
  });
}

export async function commitImport(
  apiBase: string,
  importId: string,
  headers: Record<string, string>,
  account?: string,
): Promise<Outcome<{ imported: number; remaining: number }>> {
  let response: Response;
  try {
    response = await fetch(`${apiBase}/api/import/${encodeURIComponent(importId)}/commit`, {
      method: 'POST',
      ...(account === undefined
        ? { headers }
        : {
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: JSON.stringify({ account }),
          }),
    });
  } catch {
    return { ok: false, message: NETWORK_ERROR };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const result = commitSchema.safeParse(body);
    if (result.success)
      return { ok: true, value: { imported: result.data.imported, remaining: result.data.remaining ?? 0 } };
  }
  return failure(response.status, body);
}
