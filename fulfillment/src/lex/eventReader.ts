/**
 * Read-only accessors over a validated Lex event: slots, identity, time zone, idempotency key and the
 * conversation memory kept in active contexts.
 */
import { createHash } from 'node:crypto';
import {
  REQUEST_ID_ATTRIBUTE,
  TIME_ZONE_ATTRIBUTE,
  USER_ID_ATTRIBUTE,
  type SlotName,
} from '@budgetbuddy/bot';
import type { LexActiveContext, LexEvent, LexIntent } from '@budgetbuddy/bot/lex';
import { isKnownTimeZone } from '../domain/ledger/periods';

export interface SlotReading {
  /** Lex's interpretedValue (canonical value for TOP_RESOLUTION slot types). */
  interpreted: string | undefined;
  /** What the user actually said. */
  original: string | undefined;
  resolved: string[];
}

export function currentIntent(event: LexEvent): LexIntent {
  return (
    event.sessionState.intent ?? event.interpretations[0]?.intent ?? { name: 'FallbackIntent', slots: {} }
  );
}

function slotReading(intent: LexIntent, name: SlotName): SlotReading | null {
  const slot = intent.slots?.[name];
  const value = slot?.value ?? slot?.values?.[0]?.value;
  if (!value) return null;
  const interpreted = value.interpretedValue?.trim() || undefined;
  const original = value.originalValue?.trim() || undefined;
  if (interpreted === undefined && original === undefined) return null;
  return { interpreted, original, resolved: value.resolvedValues ?? [] };
}

export function readSlot(event: LexEvent, name: SlotName): SlotReading | null {
  return slotReading(currentIntent(event), name);
}

/** The verified user id set by the proxy; nothing else may name the user. */
export function readUserId(event: LexEvent): string | null {
  const id = event.sessionState.sessionAttributes?.[USER_ID_ATTRIBUTE]?.trim();
  return id ? id : null;
}

/** The browser's IANA time zone for this turn; an unknown zone counts as none rather than failing the turn. */
export function readTimeZone(event: LexEvent): string | null {
  const tz = event.requestAttributes?.[TIME_ZONE_ATTRIBUTE]?.trim();
  return tz && isKnownTimeZone(tz) ? tz : null;
}

/**
 * One key per user turn. A retried invocation carries the same event, so it yields the same key and the
 * store writes nothing new.
 */
export function readRequestKey(event: LexEvent): string {
  const explicit = event.requestAttributes?.[REQUEST_ID_ATTRIBUTE] ?? event.sessionState.originatingRequestId;
  if (explicit) return explicit;
  const intent = currentIntent(event);
  return createHash('sha256')
    .update(JSON.stringify([event.sessionId, event.inputTranscript, intent.name, intent.slots ?? {}]))
    .digest('hex')
    .slice(0, 32);
}

export function readContext(event: LexEvent, name: string): Record<string, string> | null {
  const ctx = event.sessionState.activeContexts?.find((c) => c.name === name);
  return ctx ? ctx.contextAttributes : null;
}

export function activeContexts(event: LexEvent): LexActiveContext[] {
  return event.sessionState.activeContexts ?? [];
}
