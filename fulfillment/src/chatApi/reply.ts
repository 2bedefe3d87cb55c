/**
 * The reply the browser receives: messages (text, cards with buttons, charts), the intent and the
 * dialog state. One module for the three parties: the code hook builds charts with it, the proxy maps
 * Lex's messages onto it, and chat-web checks what arrives against it. Written with `zod/mini` because
 * it ships to the browser: the same checks as classic zod at a fraction of the bundle size, and this
 * file imports nothing else, so only zod and these schemas reach the bundle.
 * Documented in README ("Chat API") and docs/chat-api.md.
 */
import * as z from 'zod/mini';

/** A choice under a card: `text` is what the person sees, `value` what is sent as their next message. */
export const buttonSchema = z.object({ text: z.string(), value: z.string() });
export type Button = z.infer<typeof buttonSchema>;

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

/** The paths a download may point to: this API's own (never another site), with a plain query. */
export const EXPORT_PATH = '/api/export.csv';
const API_PATH = /^\/api\/[a-z0-9./-]+(?:\?[A-Za-z0-9=&_.-]*)?$/;

/**
 * A file the person asked for ("export my transactions"), sent by the bot as a Lex CustomPayload. The
 * app fetches `url` with the person's identity (a bare link could not carry it) and saves the response.
 */
export const downloadSchema = z.object({
  type: z.literal('download'),
  /** The button's words ("Download CSV (2026-10-01 to 2026-10-31)"). */
  label: z.string().check(z.minLength(1), z.maxLength(100)),
  url: z.string().check(z.regex(API_PATH)),
});
export type Download = z.infer<typeof downloadSchema>;

export const chatMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({
    type: z.literal('card'),
    title: z.string(),
    subtitle: z.optional(z.string()),
    imageUrl: z.optional(z.string()),
    buttons: z.array(buttonSchema),
  }),
  z.object({ type: z.literal('chart'), chart: spendingChartSchema, text: z.string() }),
  downloadSchema,
]);
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const chatReplySchema = z.object({
  messages: z.array(chatMessageSchema),
  /** Lex's view of the turn, for the UI (e.g. to show that a question is pending). */
  intent: z.optional(z.string()),
  dialogState: z.optional(z.string()),
});
export type ChatReply = z.infer<typeof chatReplySchema>;

/** Every error the chat endpoints answer: a code for programs and a sentence for people. */
export const chatErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ChatError = z.infer<typeof chatErrorSchema>;
