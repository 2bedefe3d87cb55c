/**
 * From NLU results to Lex's view of them: slots in the Lex wire shape, input-context eligibility and
 * the ranked interpretations Lex reports (and hands the code hook).
 */
import type { LexSlot } from '../lex/schemas';
import type { BotModel, IntentModel } from './BotModel';
import type { Interpretation, NluInterpretation, SessionIntent, SlotValue, StoredContext } from './types';

/** Lex reports at most this many interpretations. */
const MAX_INTERPRETATIONS = 5;

export function toSlot(value: SlotValue): LexSlot {
  return {
    shape: 'Scalar',
    value: {
      originalValue: value.originalValue,
      interpretedValue: value.interpretedValue,
      resolvedValues: [...value.resolvedValues],
    },
  };
}

/** Every slot of the intent, null where the NLU found nothing. */
export function slotsFromNlu(
  model: IntentModel,
  values: Readonly<Record<string, SlotValue | null>>,
): Record<string, LexSlot | null> {
  const slots: Record<string, LexSlot | null> = {};
  for (const name of model.slotsByName.keys()) {
    const value = values[name];
    slots[name] = value ? toSlot(value) : null;
  }
  return slots;
}

/** Drops intents whose input contexts are not all active: Lex never recognises those. */
export function eligibleResults(
  model: BotModel,
  results: readonly NluInterpretation[],
  contexts: readonly StoredContext[],
): NluInterpretation[] {
  const active = new Set(contexts.map((c) => c.name));
  const kept = results.filter((r) => {
    const required = model.intent(r.intentName)?.definition.inputContexts;
    return !required || required.every((c) => active.has(c.name));
  });
  return kept.length > 0 ? kept : [{ intentName: model.fallback.definition.name, confidence: 0, slots: {} }];
}

/**
 * The NLU's alternatives, showing the current intent in its current state. When the text answered a
 * prompt (`pinned`), the prompted intent comes first with full confidence, as Lex reports it.
 * FallbackIntent carries no score, as in real events.
 */
export function rankInterpretations(
  model: BotModel,
  results: readonly NluInterpretation[],
  current: SessionIntent | undefined,
  pinned: boolean,
): Interpretation[] {
  const out: Interpretation[] = [];
  if (pinned && current) out.push({ intent: current, nluConfidence: 1 });
  for (const r of results) {
    if (out.length >= MAX_INTERPRETATIONS) break;
    if (pinned && r.intentName === current?.name) continue;
    const intentModel = model.intent(r.intentName);
    if (!intentModel) continue;
    const intent: SessionIntent =
      r.intentName === current?.name && current
        ? current
        : {
            name: r.intentName,
            slots: slotsFromNlu(intentModel, r.slots),
            state: 'InProgress',
            confirmationState: 'None',
          };
    out.push(intentModel.isFallback ? { intent } : { intent, nluConfidence: round2(r.confidence) });
  }
  return out;
}

function round2(n: number): number {
  return Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;
}
