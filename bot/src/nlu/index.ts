/**
 * The NLU the local Lex V2 runtime calls: trained at start-up from the bot definition's sample
 * utterances and slot types, then synchronous and sub-millisecond per call. See docs/nlu.md.
 */
import type { BotDefinition } from '../definition/types';
import { classifyConfirmation } from './confirmation';
import { buildInterpreter } from './interpreter';

export interface NluContext {
  timeZone: string;
  now: Date;
}

export interface SlotValue {
  originalValue: string;
  interpretedValue: string;
  resolvedValues: string[];
}

export interface NluInterpretation {
  intentName: string;
  confidence: number;
  slots: Record<string, SlotValue | null>;
}

export interface Nlu {
  /**
   * Up to 5 interpretations, best first. Includes 'FallbackIntent'; if the best is below the locale
   * threshold (or the text is out of scope), FallbackIntent comes first. Every slot of each intent is
   * present (null when not found).
   */
  interpret(text: string, ctx: NluContext): NluInterpretation[];
  /** Resolve one slot from an answer to its elicitation prompt; null if the text holds no value for it. */
  resolveSlot(intentName: string, slotName: string, text: string, ctx: NluContext): SlotValue | null;
  /** Answer to a yes/no confirmation prompt. */
  classifyConfirmation(text: string): 'yes' | 'no' | null;
}

export async function createNlu(definition: BotDefinition, localeId: string): Promise<Nlu> {
  const locale = definition.locales.find((l) => l.localeId === localeId);
  if (!locale) {
    throw new Error(`Bot ${definition.name} has no locale ${localeId}`);
  }
  const interpreter = await buildInterpreter(locale);
  return {
    interpret: (text, ctx) => interpreter.interpret(text, ctx),
    resolveSlot: (intentName, slotName, text, ctx) =>
      interpreter.resolveSlot(intentName, slotName, text, ctx),
    classifyConfirmation,
  };
}

// `@budgetbuddy/bot/nlu` also offers the pieces the proxy and the tools use on their own.
export { splitItems, type Segment } from './segments';
export { tokenize, type Token } from './tokens';
