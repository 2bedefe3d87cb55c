import * as z from 'zod/mini';
import type { ChatMessage, ChatReply } from '@budgetbuddy/fulfillment/chat-api';

// The contract module is imported for types only (its zod schemas are server code); these
// schemas check what actually arrives and are tied to the contract types by `satisfies`.
// zod/mini: the same checks as classic zod at a fraction of the bundle size.
const buttonSchema = z.object({ text: z.string(), value: z.string() });

const chartSchema = z.object({
  type: z.literal('spendingChart'),
  title: z.string(),
  currency: z.string(),
  data: z.array(z.object({ label: z.string(), value: z.number(), formatted: z.string() })),
  total: z.object({ value: z.number(), formatted: z.string() }),
});

const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({
    type: z.literal('card'),
    title: z.string(),
    subtitle: z.optional(z.string()),
    imageUrl: z.optional(z.string()),
    buttons: z.array(buttonSchema),
  }),
  z.object({ type: z.literal('chart'), chart: chartSchema, text: z.string() }),
  // A path of this API only: the app fetches it with the person's identity, never another site.
  z.object({
    type: z.literal('download'),
    label: z.string(),
    url: z.string().check(z.regex(/^\/api\/[a-z0-9./-]+(?:\?[A-Za-z0-9=&_.-]*)?$/)),
  }),
]) satisfies z.ZodMiniType<ChatMessage>;

export const chatReplySchema = z.object({
  messages: z.array(messageSchema),
  intent: z.optional(z.string()),
  dialogState: z.optional(z.string()),
}) satisfies z.ZodMiniType<ChatReply>;

export const chatErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export { messageSchema as chatMessageSchema };
