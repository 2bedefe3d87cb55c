/**
 * The chat API contract between the browser and the proxy (POST /api/chat). chat-web imports only the
 * types from this file. Documented in README ("Chat API").
 */
import { z } from 'zod';

export const MAX_TEXT_LENGTH = 1024;
export const MAX_BODY_BYTES = 16 * 1024;

export const chatRequestSchema = z.object({
  text: z
    .string({ error: 'Send a JSON object with a "text" string.' })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, 'Type a message first.')
        .max(MAX_TEXT_LENGTH, `Messages can be at most ${MAX_TEXT_LENGTH} characters.`),
    ),
  /** Optional client message id: a Retry of the same message reuses it, so it is never logged twice. */
  clientMessageId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
  /** The browser's IANA time zone (Intl.DateTimeFormat().resolvedOptions().timeZone). */
  timeZone: z.string().max(64).optional(),
});
export type ChatRequest = z.input<typeof chatRequestSchema>;

/** A bar/pie chart of spending by category, sent by the bot as a Lex CustomPayload. */
export const spendingChartSchema = z.object({
  type: z.literal('spendingChart'),
  title: z.string(),
  currency: z.string(),
  /** Values in major units for display, with the already formatted label. */
  data: z.array(z.object({ label: z.string(), value: z.number(), formatted: z.string() })),
  total: z.object({ value: z.number(), formatted: z.string() }),
});
export type SpendingChart = z.infer<typeof spendingChartSchema>;

/**
 * A file the person asked for ("export my transactions"), sent by the bot as a Lex CustomPayload.
 * The URL is a path of this API (never another site), fetched by the app with the person's identity.
 */
export const EXPORT_PATH = '/api/export.csv';
export const downloadSchema = z.object({
  type: z.literal('download'),
  /** The button's words ("Download CSV — last month"). */
  label: z.string().min(1).max(100),
  url: z.string().regex(/^\/api\/[a-z0-9./-]+(?:\?[A-Za-z0-9=&_.-]*)?$/),
});
export type Download = z.infer<typeof downloadSchema>;

export type ChatButton = { text: string; value: string };

export type ChatMessage =
  | { type: 'text'; text: string }
  | { type: 'card'; title: string; subtitle?: string; imageUrl?: string; buttons: ChatButton[] }
  | { type: 'chart'; chart: SpendingChart; text: string }
  | Download;

export interface ChatReply {
  messages: ChatMessage[];
  /** Lex's view of the turn, for the UI (e.g. to show that a question is pending). */
  intent?: string;
  dialogState?: string;
}

export interface ChatError {
  error: { code: string; message: string };
}
