/**
 * The chat request as the proxy reads it (POST /api/chat). The reply's contract is chatApi/reply.ts,
 * shared with the code hook and chat-web; the limits are chatApi/limits.ts. Documented in README
 * ("Chat API").
 */
import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../chatApi/limits';

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
