/**
 * The Lex V2 code hook contract (messageVersion 1.0) as zod schemas: the local runtime produces events
 * that parse with `lexEventSchema`, the fulfillment handler validates its input with it, and the runtime
 * validates what the handler returns with `lexResponseSchema`. Parsing is lenient about unknown fields
 * (Lex adds fields without bumping messageVersion) and strict about what we rely on.
 * Source: ../shared/reference/lex-v2-facts.md §2–3.
 */
import { z } from 'zod';

export const DIALOG_ACTION_TYPES = [
  'Close',
  'ConfirmIntent',
  'Delegate',
  'ElicitIntent',
  'ElicitSlot',
  'None',
] as const;
export const INTENT_STATES = [
  'Failed',
  'Fulfilled',
  'InProgress',
  'ReadyForFulfillment',
  'Waiting',
  'FulfillmentInProgress',
] as const;
export const CONFIRMATION_STATES = ['Confirmed', 'Denied', 'None'] as const;

export const valueSchema = z.looseObject({
  interpretedValue: z.string().optional(),
  originalValue: z.string().optional(),
  resolvedValues: z.array(z.string()).optional(),
});
export type LexValue = z.infer<typeof valueSchema>;

export type LexSlot = {
  value?: LexValue | undefined;
  shape?: 'Scalar' | 'List' | 'Composite' | undefined;
  values?: LexSlot[] | undefined;
  subSlots?: Record<string, LexSlot | null> | undefined;
};
export const slotSchema: z.ZodType<LexSlot> = z.lazy(() =>
  z.looseObject({
    value: valueSchema.optional(),
    shape: z.enum(['Scalar', 'List', 'Composite']).optional(),
    values: z.array(slotSchema).optional(),
    subSlots: z.record(z.string(), slotSchema.nullable()).optional(),
  }),
);

export const intentSchema = z.looseObject({
  name: z.string().min(1),
  slots: z.record(z.string(), slotSchema.nullable()).optional(),
  state: z.enum(INTENT_STATES).optional(),
  confirmationState: z.enum(CONFIRMATION_STATES).optional(),
});
export type LexIntent = z.infer<typeof intentSchema>;

export const dialogActionSchema = z.looseObject({
  type: z.enum(DIALOG_ACTION_TYPES),
  slotToElicit: z.string().optional(),
  slotElicitationStyle: z.enum(['Default', 'SpellByLetter', 'SpellByWord']).optional(),
});
export type LexDialogAction = z.infer<typeof dialogActionSchema>;

export const activeContextSchema = z.looseObject({
  name: z.string().min(1),
  timeToLive: z.looseObject({
    timeToLiveInSeconds: z.number().int().min(5).max(86400),
    turnsToLive: z.number().int().min(1).max(20),
  }),
  contextAttributes: z.record(z.string(), z.string()),
});
export type LexActiveContext = z.infer<typeof activeContextSchema>;

export const sessionStateSchema = z.looseObject({
  dialogAction: dialogActionSchema.optional(),
  intent: intentSchema.optional(),
  activeContexts: z.array(activeContextSchema).max(20).optional(),
  sessionAttributes: z.record(z.string(), z.string()).optional(),
  originatingRequestId: z.string().optional(),
});
export type LexSessionState = z.infer<typeof sessionStateSchema>;

/**
 * A button on the Lex wire, with Lex's own limits. The one definition of the wire's button: the code hook
 * builds its cards with this type and the proxy reads Lex's cards with this schema; the browser's button
 * (`@budgetbuddy/fulfillment/chat-api`) is what the proxy maps it onto.
 */
export const buttonSchema = z.object({ text: z.string().min(1).max(50), value: z.string().min(1).max(50) });
export type LexButton = z.infer<typeof buttonSchema>;
export const imageResponseCardSchema = z.looseObject({
  title: z.string().min(1).max(250),
  subtitle: z.string().max(250).optional(),
  imageUrl: z.string().max(250).optional(),
  buttons: z.array(buttonSchema).max(5).optional(),
});
export const messageSchema = z.looseObject({
  contentType: z.enum(['PlainText', 'CustomPayload', 'SSML', 'ImageResponseCard']),
  content: z.string().min(1).max(1024).optional(),
  imageResponseCard: imageResponseCardSchema.optional(),
});
export type LexMessage = z.infer<typeof messageSchema>;

/** In the Lambda event nluConfidence is a plain number (the runtime API wraps it as {score}). */
export const eventInterpretationSchema = z.looseObject({
  intent: intentSchema,
  nluConfidence: z.number().min(0).max(1).optional(),
  sentimentResponse: z.unknown().optional(),
  interpretationSource: z.string().optional(),
});

export const lexEventSchema = z.looseObject({
  messageVersion: z.literal('1.0'),
  invocationSource: z.enum(['DialogCodeHook', 'FulfillmentCodeHook']),
  inputMode: z.enum(['Text', 'Speech', 'DTMF']),
  responseContentType: z.string(),
  sessionId: z.string().min(1),
  inputTranscript: z.string(),
  invocationLabel: z.string().optional(),
  bot: z.looseObject({
    id: z.string(),
    name: z.string(),
    aliasId: z.string(),
    aliasName: z.string().optional(),
    localeId: z.string(),
    version: z.string(),
  }),
  interpretations: z.array(eventInterpretationSchema),
  proposedNextState: z
    .looseObject({
      dialogAction: dialogActionSchema,
      intent: intentSchema.optional(),
      prompt: z.looseObject({ attempt: z.string() }).optional(),
    })
    .optional(),
  requestAttributes: z.record(z.string(), z.string()).optional(),
  sessionState: sessionStateSchema,
  transcriptions: z.array(z.unknown()).optional(),
});
export type LexEvent = z.infer<typeof lexEventSchema>;

export const lexResponseSchema = z
  .looseObject({
    sessionState: sessionStateSchema.extend({ dialogAction: dialogActionSchema }),
    messages: z.array(messageSchema).max(10).optional(),
    requestAttributes: z.record(z.string(), z.string()).optional(),
  })
  .superRefine((r, ctx) => {
    const type = r.sessionState.dialogAction.type;
    if (type === 'ElicitSlot' && !r.sessionState.dialogAction.slotToElicit) {
      ctx.addIssue({ code: 'custom', message: 'ElicitSlot needs slotToElicit' });
    }
    if ((type === 'ElicitIntent' || type === 'ConfirmIntent') && !r.messages?.length) {
      ctx.addIssue({ code: 'custom', message: `${type} needs messages` });
    }
    if (type !== 'ElicitIntent' && type !== 'Delegate' && !r.sessionState.intent) {
      ctx.addIssue({ code: 'custom', message: `${type} needs sessionState.intent` });
    }
  });
export type LexResponse = z.infer<typeof lexResponseSchema>;

/** What the runtime calls: the very function AWS Lambda would call (`handler` in fulfillment). */
export type CodeHook = (event: LexEvent) => Promise<LexResponse>;
