/**
 * Inputs and outputs of the runtime operations, shaped as the Lex V2 runtime API (restJson1) carries
 * them, plus zod schemas for the JSON request bodies.
 */
import { z } from 'zod';
import {
  messageSchema,
  sessionStateSchema,
  type LexDialogAction,
  type LexMessage,
  type LexSessionState,
} from '../lex/schemas';
import type { ActiveContext, SessionIntent } from '../dialog/types';

const attributesSchema = z.record(z.string(), z.string());

export const recognizeTextBodySchema = z.looseObject({
  text: z.string(),
  sessionState: sessionStateSchema.optional(),
  requestAttributes: attributesSchema.optional(),
});

export const putSessionBodySchema = z.looseObject({
  sessionState: sessionStateSchema,
  messages: z.array(messageSchema).max(10).optional(),
  requestAttributes: attributesSchema.optional(),
});

export interface SessionPath {
  botId: string;
  botAliasId: string;
  localeId: string;
  sessionId: string;
}

export interface RequestContext {
  /** Echoed as `originatingRequestId` and `x-amzn-requestid`. */
  requestId?: string;
}

export interface RecognizeTextInput extends SessionPath, RequestContext {
  text: string;
  sessionState?: LexSessionState;
  requestAttributes?: Record<string, string>;
}

export interface PutSessionInput extends SessionPath, RequestContext {
  sessionState: LexSessionState;
  messages?: LexMessage[];
  requestAttributes?: Record<string, string>;
  responseContentType?: string;
}

export interface WireSessionState {
  dialogAction?: LexDialogAction;
  intent?: SessionIntent;
  sessionAttributes: Record<string, string>;
  activeContexts: ActiveContext[];
  originatingRequestId?: string;
}

export interface WireInterpretation {
  intent: SessionIntent;
  nluConfidence?: { score: number };
}

export interface RecognizeTextOutput {
  messages: LexMessage[];
  sessionState: WireSessionState;
  interpretations: WireInterpretation[];
  requestAttributes: Record<string, string>;
  sessionId: string;
}

export interface GetSessionOutput {
  sessionId: string;
  messages: LexMessage[];
  interpretations: WireInterpretation[];
  sessionState: WireSessionState;
}

export interface PutSessionOutput {
  contentType: string;
  messages: LexMessage[];
  sessionState: WireSessionState;
  requestAttributes: Record<string, string>;
  sessionId: string;
}

export interface DeleteSessionOutput {
  botId: string;
  botAliasId: string;
  localeId: string;
  sessionId: string;
}
