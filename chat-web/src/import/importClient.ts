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

export function isReceiptImage(file: File): boolean {
  return file.type === 'image/jpeg' || file.type === 'image/png';
}

/** POST /api/receipts: the reply proposes the expense, like a chat turn. Never throws. */
export async function sendReceipt(
  apiBase: string,
  file: File,
  headers: Record<string, string>,
): Promise<Outcome<ChatReply>> {
  let response: Response;
  try {
    response = await fetch(`${apiBase}/api/receipts`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': file.type },
      body: file,
    });
  } catch {
    return { ok: false, message: NETWORK_ERROR };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const reply = chatReplySchema.safeParse(body);
    if (reply.success) return { ok: true, value: reply.data };
  }
  return failure(response.status, body);
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
): Promise<Outcome<{ imported: number; remaining: number }>> {
  let response: Response;
  try {
    response = await fetch(`${apiBase}/api/import/${encodeURIComponent(importId)}/commit`, {
      method: 'POST',
      headers,
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
