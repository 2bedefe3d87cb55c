/**
 * POST /api/receipts (issue 13): a photo of a receipt becomes a proposed expense, decided in the chat.
 * The image is read (ReceiptOcr), the reading goes to Lex with PutSession as a LogExpense waiting for
 * confirmation ("Log $23.47 at Green Leaf Market for Groceries on Nov 26?"), so the next /api/chat turn
 * — "yes", "no" — is answered by the bot's own dialog and code hook, which logs it or drops it. Without
 * a readable total the bot asks for the amount instead (ElicitSlot). Nothing is logged by this route
 * and the image is not kept.
 *
 * Deployed (issue 13 point 3) the photo cannot pass through API Gateway and Lambda (10 MB / 6 MB
 * limits), so POST /api/receipts/uploads tells the browser how to send it: `{ mode: "direct" }` locally
 * (then POST /api/receipts as above), or a presigned S3 POST under the user's own prefix, after which
 * POST /api/receipts/analyze `{ key }` has Textract read it from S3 and answers with the same turn.
 */
import {
  PutSessionCommand,
  type LexRuntimeV2Client,
  type Message,
  type SessionState,
  type Slot,
} from '@aws-sdk/client-lex-runtime-v2';
import { IntentName, SlotName } from '@budgetbuddy/bot';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { formatMoney, toMinor } from '../domain/ledger/money';
import { localDate } from '../domain/ledger/periods';
import type { Clock } from '../ports/Clock';
import type { LedgerRepository } from '../ports/LedgerRepository';
import type { BotConfig } from '../proxy/botConfig';
import { toChatReply } from '../proxy/replyMapper';
import { sessionIdFor } from '../proxy/sessionIds';
import { signedSessionAttributes, type IdentityKeys } from '../lex/identitySignature';
import { z } from 'zod';
import type { ReceiptOcr } from './ReceiptOcr';
import { readReceipt, type ReceiptReading } from './readReceipt';
import type { ReceiptUploads } from './s3Uploads';

export const MAX_RECEIPT_BYTES = 10 * 1024 * 1024;

export interface ReceiptRoutesDeps {
  lex: LexRuntimeV2Client;
  botConfig: () => Promise<BotConfig>;
  /** The proxy's identity keys: the receipt's session carries the same signed user id as a chat turn. */
  identityKeys: () => Promise<IdentityKeys>;
  identify: (c: Context) => string | null;
  /** Reads photos sent to POST /api/receipts (locally); without it that route is absent. */
  ocr?: ReceiptOcr;
  /** Presigned S3 uploads read by Textract (deployed); without it the browser is told to POST directly. */
  uploads?: ReceiptUploads;
  ledger: LedgerRepository;
  clock: Clock;
  logError: (message: string, detail: Record<string, unknown>) => void;
}

const fail = (c: Context, status: ContentfulStatusCode, code: string, message: string) =>
  c.json({ error: { code, message } }, status);

const NOT_IMAGE =
  'That file is not a photo I can read. Send a JPEG or PNG picture of the receipt (Content-Type image/jpeg or image/png).';
const UNREADABLE =
  'I could not read a receipt in that photo. Try again with the whole receipt flat, in good light.';

/** The file's own first bytes, not its label: a renamed PDF is not a JPEG. */
function isImage(bytes: Uint8Array, type: string): boolean {
  if (type === 'image/jpeg') return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
}

const slot = (value: string): Slot => ({
  value: { originalValue: value, interpretedValue: value, resolvedValues: [value] },
});

function dayLabel(date: string, today: string): string {
  if (date === today) return 'today';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const label = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
    ...(date.slice(0, 4) !== today.slice(0, 4) ? { year: 'numeric' } : {}),
  });
  return `on ${label}`;
}

/** null when the total is missing or not an amount in the currency (too many decimals, zero). */
function amountMinorOf(total: string | null, currency: string): number | null {
  if (total === null) return null;
  try {
    return toMinor(total, currency);
  } catch {
    return null;
  }
}

/** The proposal and the Lex session that waits for the answer. */
export function receiptTurn(
  reading: ReceiptReading,
  currency: string,
  today: string,
): { messages: Message[]; sessionState: Omit<SessionState, 'sessionAttributes'> } {
  const date = reading.date ?? today;
  const slots: Record<string, Slot> = { [SlotName.Date]: slot(date) };
  if (reading.category) slots[SlotName.Category] = slot(reading.category);
  if (reading.merchant) slots[SlotName.Note] = slot(reading.merchant);
  const at = reading.merchant ? ` at ${reading.merchant}` : '';
  const forCategory = reading.category ? ` for ${reading.category}` : '';
  const minor = amountMinorOf(reading.total, currency);
  if (minor === null) {
    return {
      messages: [
        {
          contentType: 'PlainText',
          content: `I read a receipt${at}${forCategory} ${dayLabel(date, today)}, but not its total. How much was it?`,
        },
      ],
      sessionState: {
        dialogAction: { type: 'ElicitSlot', slotToElicit: SlotName.Amount },
        intent: { name: IntentName.LogExpense, state: 'InProgress', confirmationState: 'None', slots },
      },
    };
  }
  slots[SlotName.Amount] = slot(reading.total!);
  return {
    messages: [
      {
        contentType: 'PlainText',
        content: `Log ${formatMoney(minor, currency)}${at}${forCategory} ${dayLabel(date, today)}?`,
      },
      {
        contentType: 'ImageResponseCard',
        imageResponseCard: {
          title: 'Log this receipt?',
          buttons: [
            { text: 'Yes', value: 'yes' },
            { text: 'No', value: 'no' },
          ],
        },
      },
    ],
    sessionState: {
      dialogAction: { type: 'ConfirmIntent' },
      intent: { name: IntentName.LogExpense, state: 'InProgress', confirmationState: 'None', slots },
    },
  };
}

/** A reading turned into the proposal turn, put in the user's Lex session, and answered as a chat reply. */
async function propose(c: Context, deps: ReceiptRoutesDeps, userId: string, lines: string[]) {
  const profile = (await deps.ledger.getProfile(userId)) ?? {
    currency: 'USD',
    timeZone: 'UTC',
    customCategories: [],
  };
  const reading = readReceipt(lines, profile);
  if (reading.total === null && reading.merchant === null) {
    return fail(c, 422, 'unreadable_receipt', UNREADABLE);
  }
  const today = localDate(deps.clock.now(), profile.timeZone);
  const turn = receiptTurn(reading, profile.currency, today);
  try {
    const [bot, keys] = await Promise.all([deps.botConfig(), deps.identityKeys()]);
    const sessionId = sessionIdFor(keys, userId);
    await deps.lex.send(
      new PutSessionCommand({
        botId: bot.botId,
        botAliasId: bot.botAliasId,
        localeId: bot.localeId,
        sessionId,
        messages: turn.messages,
        sessionState: {
          ...turn.sessionState,
          sessionAttributes: signedSessionAttributes(keys, userId, sessionId),
        },
      }),
    );
  } catch (err) {
    deps.logError('receipt PutSession failed', {
      detail: err instanceof Error ? err.message : String(err),
    });
    return fail(
      c,
      502,
      'bot_unavailable',
      'BudgetBuddy could not answer just now — please send the photo again.',
    );
  }
  return c.json(toChatReply({ messages: turn.messages, sessionState: turn.sessionState }));
}

const uploadRequestSchema = z.object({
  contentType: z.enum(['image/jpeg', 'image/png']),
  size: z.number().int().nonnegative(),
});
const analyzeRequestSchema = z.object({ key: z.string().min(1).max(300) });

/** The JSON body of a small request, or the 4xx to answer instead. */
async function jsonBody(
  c: Context,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const type = (c.req.header('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    return {
      ok: false,
      response: fail(
        c,
        415,
        'unsupported_media_type',
        'Send the request as JSON (Content-Type: application/json).',
      ),
    };
  }
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false, response: fail(c, 400, 'invalid_json', 'The request body is not valid JSON.') };
  }
}

/** The small JSON requests' limit (a few fields): anything bigger is refused before it is read. */
const smallBody = bodyLimit({
  maxSize: 4096,
  onError: (c) => fail(c, 413, 'payload_too_large', 'Request too large.'),
});

/**
 * What every small JSON receipt request checks first: who is asking, and that the body is JSON. The
 * person's id and the body, or the 4xx to answer instead.
 */
async function signedInJson(
  c: Context,
  identify: ReceiptRoutesDeps['identify'],
): Promise<{ ok: true; userId: string; value: unknown } | { ok: false; response: Response }> {
  const userId = identify(c);
  if (userId === null) {
    return { ok: false, response: fail(c, 401, 'unauthenticated', 'Please sign in to send a receipt.') };
  }
  const body = await jsonBody(c);
  return body.ok ? { ok: true, userId, value: body.value } : body;
}

const TOO_BIG = 'That photo is too big: it can be at most 10 MB.';
const EMPTY = 'That photo is empty. Take the picture again.';

export function registerReceiptRoutes(app: Hono, deps: ReceiptRoutesDeps): void {
  // How to send a photo: directly (locally), or to S3 with a presigned POST (deployed).
  app.post('/api/receipts/uploads', smallBody, async (c) => {
    const request = await signedInJson(c, deps.identify);
    if (!request.ok) return request.response;
    const { userId } = request;
    const parsed = uploadRequestSchema.safeParse(request.value);
    if (!parsed.success) return fail(c, 415, 'not_an_image', NOT_IMAGE);
    if (parsed.data.size === 0) return fail(c, 400, 'empty_file', EMPTY);
    if (parsed.data.size > MAX_RECEIPT_BYTES) return fail(c, 413, 'payload_too_large', TOO_BIG);
    if (!deps.uploads) return c.json({ mode: 'direct' as const });
    const upload = await deps.uploads.presign(userId, parsed.data.contentType);
    return c.json({ mode: 'presigned' as const, ...upload });
  });

  if (deps.uploads) {
    const uploads = deps.uploads;
    app.post('/api/receipts/analyze', smallBody, async (c) => {
      const request = await signedInJson(c, deps.identify);
      if (!request.ok) return request.response;
      const { userId } = request;
      const parsed = analyzeRequestSchema.safeParse(request.value);
      // Another person's upload (or any other object) is answered as if it did not exist.
      if (!parsed.success || !uploads.belongsTo(userId, parsed.data.key)) {
        return fail(c, 404, 'upload_not_found', 'That photo was not found. Send it again.');
      }
      const { key } = parsed.data;
      let lines: string[];
      try {
        lines = await uploads.readLines(key);
      } catch (err) {
        const name = err instanceof Error ? err.name : '';
        deps.logError('receipt Textract failed', {
          error: name,
          detail: err instanceof Error ? err.message : String(err),
        });
        if (name === 'InvalidS3ObjectException') {
          return fail(c, 404, 'upload_not_found', 'That photo was not found. Send it again.');
        }
        if (name === 'UnsupportedDocumentException' || name === 'BadDocumentException') {
          return fail(c, 422, 'not_an_image', NOT_IMAGE);
        }
        return fail(c, 422, 'unreadable_receipt', UNREADABLE);
      } finally {
        await uploads.discard(key).catch((err: unknown) =>
          deps.logError('receipt upload not deleted (the lifecycle rule will)', {
            detail: err instanceof Error ? err.message : String(err),
          }),
        );
      }
      return propose(c, deps, userId, lines);
    });
  }

  if (!deps.ocr) return;
  const ocr = deps.ocr;
  app.post(
    '/api/receipts',
    (c, next) => {
      const type = (c.req.header('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
      if (type !== 'image/jpeg' && type !== 'image/png') {
        return Promise.resolve(fail(c, 415, 'not_an_image', NOT_IMAGE));
      }
      return next();
    },
    bodyLimit({
      maxSize: MAX_RECEIPT_BYTES,
      onError: (c) => {
        c.header('Connection', 'close');
        return fail(c, 413, 'payload_too_large', TOO_BIG);
      },
    }),
    async (c) => {
      const userId = deps.identify(c);
      if (userId === null) return fail(c, 401, 'unauthenticated', 'Please sign in to send a receipt.');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) return fail(c, 400, 'empty_file', EMPTY);
      const type = (c.req.header('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
      if (!isImage(bytes, type)) return fail(c, 422, 'not_an_image', NOT_IMAGE);

      let lines: string[];
      try {
        lines = await ocr.readLines(bytes);
      } catch (err) {
        deps.logError('receipt OCR failed', { detail: err instanceof Error ? err.message : String(err) });
        return fail(c, 422, 'unreadable_receipt', UNREADABLE);
      }
      return propose(c, deps, userId, lines);
    },
  );
}
