/**
 * The bot definition of one locale, indexed once so every turn looks intents and slots up in O(1).
 */
import type {
  BotDefinition,
  IntentDefinition,
  LocaleDefinition,
  MessageGroup,
  PromptSpecification,
  SlotDefinition,
} from '../definition/types';
import type { LexMessage } from '../lex/schemas';

export const FALLBACK_INTENT_NAME = 'FallbackIntent';

/** Used only when a definition forgets its fallback intent: Lex adds one to every locale. */
const IMPLICIT_FALLBACK: IntentDefinition = {
  name: FALLBACK_INTENT_NAME,
  parentIntentSignature: 'AMAZON.FallbackIntent',
  sampleUtterances: [],
  slots: [],
  dialogCodeHook: false,
  fulfillmentCodeHook: false,
  closingResponse: { message: "Sorry, I didn't understand that." },
};

export interface IntentModel {
  definition: IntentDefinition;
  slotsByName: ReadonlyMap<string, SlotDefinition>;
  /** Required slots in priority order. */
  requiredSlots: readonly SlotDefinition[];
  isFallback: boolean;
}

export class BotModel {
  readonly localeId: string;
  readonly threshold: number;
  readonly fallback: IntentModel;
  private readonly intents = new Map<string, IntentModel>();

  constructor(locale: LocaleDefinition) {
    this.localeId = locale.localeId;
    this.threshold = locale.nluConfidenceThreshold;
    let fallback: IntentModel | undefined;
    for (const intent of locale.intents) {
      const model: IntentModel = {
        definition: intent,
        slotsByName: new Map(intent.slots.map((s) => [s.name, s])),
        requiredSlots: intent.slots.filter((s) => s.required),
        isFallback: intent.parentIntentSignature === 'AMAZON.FallbackIntent',
      };
      this.intents.set(intent.name, model);
      if (model.isFallback) fallback = model;
    }
    if (!fallback) {
      fallback = {
        definition: IMPLICIT_FALLBACK,
        slotsByName: new Map(),
        requiredSlots: [],
        isFallback: true,
      };
      this.intents.set(IMPLICIT_FALLBACK.name, fallback);
    }
    this.fallback = fallback;
  }

  intent(name: string): IntentModel | undefined {
    return this.intents.get(name);
  }
}

/** One model per locale of the bot. */
export function indexBot(definition: BotDefinition): ReadonlyMap<string, BotModel> {
  return new Map(definition.locales.map((l) => [l.localeId, new BotModel(l)]));
}

/** Lex plays one message per group (a random variation; locally always the first). */
export function groupMessages(groups: readonly MessageGroup[]): LexMessage[] {
  return groups.map((g) => ({ contentType: 'PlainText', content: g.message }));
}

export function promptMessages(prompt: PromptSpecification): LexMessage[] {
  return groupMessages(prompt.messageGroups);
}
