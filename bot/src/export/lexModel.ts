/**
 * BotDefinition ↔ the Lex Models V2 API shapes (@aws-sdk/client-lex-models-v2). One snapshot type — the
 * Describe* answers for a bot, its locales, slot types, intents and slots — serves three users:
 * the local models API serves `toLexModel(definition)`, `bot:pull` reads a snapshot from any endpoint and
 * turns it back with `fromLexModel`, and `bot:push` builds its Create/Update requests from the same
 * pieces. Round trip: fromLexModel(toLexModel(def)) deep-equals def.
 */
import { createHash } from 'node:crypto';
import type {
  DescribeBotLocaleResponse,
  DescribeBotResponse,
  DescribeIntentResponse,
  DescribeSlotResponse,
  DescribeSlotTypeResponse,
  IntentConfirmationSetting,
  Message,
  MessageGroup as LexMessageGroup,
  PromptSpecification as LexPromptSpecification,
  ResponseSpecification,
  SlotValueElicitationSetting,
  SlotValueResolutionStrategy,
} from '@aws-sdk/client-lex-models-v2';
import {
  BUILT_IN_SLOT_TYPES,
  type BotDefinition,
  type ConfirmationSetting,
  type IntentDefinition,
  type LocaleDefinition,
  type MessageGroup,
  type PromptSpecification,
  type SlotDefinition,
  type SlotTypeDefinition,
} from '../definition/types';

export const DRAFT_VERSION = 'DRAFT';
/** Lex gives the built-in fallback intent this fixed id in every locale. */
export const FALLBACK_INTENT_ID = 'FALLBCKINT';

export interface IntentSnapshot {
  intent: DescribeIntentResponse;
  slots: DescribeSlotResponse[];
}
export interface LocaleSnapshot {
  locale: DescribeBotLocaleResponse;
  slotTypes: DescribeSlotTypeResponse[];
  intents: IntentSnapshot[];
}
export interface LexModelSnapshot {
  bot: DescribeBotResponse;
  locales: LocaleSnapshot[];
}

export class LexModelConversionError extends Error {
  override readonly name = 'LexModelConversionError';
}

/** A stable 10-character Lex-style id ([0-9A-Z]) for a named resource of the local bot. */
export function localResourceId(...path: string[]): string {
  const digest = createHash('sha256').update(path.join('/')).digest();
  let id = '';
  for (let i = 0; id.length < 10; i++) id += ((digest[i] ?? 0) % 36).toString(36).toUpperCase();
  return id;
}

const RESOLUTION_TO_API: Record<SlotTypeDefinition['resolutionStrategy'], SlotValueResolutionStrategy> = {
  ORIGINAL_VALUE: 'OriginalValue',
  TOP_RESOLUTION: 'TopResolution',
};

// ---------------------------------------------------------------- definition → API shapes

const plainText = (value: string): Message => ({ plainTextMessage: { value } });

export function toLexMessageGroup(group: MessageGroup): LexMessageGroup {
  return {
    message: plainText(group.message),
    ...(group.variations === undefined ? {} : { variations: group.variations.map(plainText) }),
  };
}

const toResponse = (group: MessageGroup): ResponseSpecification => ({
  messageGroups: [toLexMessageGroup(group)],
});

export function toLexPrompt(prompt: PromptSpecification): LexPromptSpecification {
  return {
    messageGroups: prompt.messageGroups.map(toLexMessageGroup),
    maxRetries: prompt.maxRetries,
    ...(prompt.allowInterrupt === undefined ? {} : { allowInterrupt: prompt.allowInterrupt }),
  };
}

function toLexConfirmation(confirmation: ConfirmationSetting): IntentConfirmationSetting {
  return {
    active: true,
    promptSpecification: toLexPrompt(confirmation.prompt),
    declinationResponse: toResponse(confirmation.declinationResponse),
    ...(confirmation.confirmationResponse
      ? { confirmationResponse: toResponse(confirmation.confirmationResponse) }
      : {}),
    ...(confirmation.failureResponse ? { failureResponse: toResponse(confirmation.failureResponse) } : {}),
  };
}

/** The intent's own settings (everything but ids and slots), as CreateIntent/UpdateIntent take them. */
export function toLexIntentSettings(intent: IntentDefinition): Omit<
  DescribeIntentResponse,
  'intentId' | 'botId' | 'botVersion' | 'localeId' | 'slotPriorities'
> & {
  intentName: string;
} {
  return {
    intentName: intent.name,
    ...(intent.description === undefined ? {} : { description: intent.description }),
    ...(intent.parentIntentSignature ? { parentIntentSignature: intent.parentIntentSignature } : {}),
    ...(intent.sampleUtterances.length
      ? { sampleUtterances: intent.sampleUtterances.map((utterance) => ({ utterance })) }
      : {}),
    dialogCodeHook: { enabled: intent.dialogCodeHook },
    fulfillmentCodeHook: { enabled: intent.fulfillmentCodeHook },
    ...(intent.confirmation ? { intentConfirmationSetting: toLexConfirmation(intent.confirmation) } : {}),
    ...(intent.closingResponse
      ? { intentClosingSetting: { active: true, closingResponse: toResponse(intent.closingResponse) } }
      : {}),
    ...(intent.inputContexts === undefined
      ? {}
      : { inputContexts: intent.inputContexts.map((c) => ({ name: c.name })) }),
    ...(intent.outputContexts === undefined
      ? {}
      : {
          outputContexts: intent.outputContexts.map((c) => ({
            name: c.name,
            timeToLiveInSeconds: c.timeToLiveInSeconds,
            turnsToLive: c.turnsToLive,
          })),
        }),
  };
}

/** The slot's settings as CreateSlot takes them, given where its slot type lives. */
export function toLexSlotSettings(
  slot: SlotDefinition,
  slotTypeId: string,
): Pick<DescribeSlotResponse, 'description' | 'slotTypeId'> & {
  slotName: string;
  valueElicitationSetting: SlotValueElicitationSetting;
} {
  return {
    slotName: slot.name,
    ...(slot.description === undefined ? {} : { description: slot.description }),
    slotTypeId,
    valueElicitationSetting: {
      slotConstraint: slot.required ? 'Required' : 'Optional',
      promptSpecification: toLexPrompt(slot.prompt),
      ...(slot.sampleUtterances === undefined
        ? {}
        : { sampleUtterances: slot.sampleUtterances.map((utterance) => ({ utterance })) }),
    },
  };
}

export function toLexSlotTypeSettings(slotType: SlotTypeDefinition): Pick<
  DescribeSlotTypeResponse,
  'description' | 'slotTypeValues' | 'valueSelectionSetting'
> & {
  slotTypeName: string;
} {
  return {
    slotTypeName: slotType.name,
    ...(slotType.description === undefined ? {} : { description: slotType.description }),
    slotTypeValues: slotType.values.map((v) => ({
      sampleValue: { value: v.value },
      synonyms: v.synonyms.map((value) => ({ value })),
    })),
    valueSelectionSetting: { resolutionStrategy: RESOLUTION_TO_API[slotType.resolutionStrategy] },
  };
}

const isBuiltInSlotType = (name: string): boolean =>
  (BUILT_IN_SLOT_TYPES as readonly string[]).includes(name);

/** The whole bot as the Describe* operations of the local models API answer for it. */
export function toLexModel(def: BotDefinition, botId: string, version = DRAFT_VERSION): LexModelSnapshot {
  return {
    bot: {
      botId,
      botName: def.name,
      description: def.description,
      dataPrivacy: { childDirected: false },
      idleSessionTTLInSeconds: def.idleSessionTtlInSeconds,
      botStatus: 'Available',
      botType: 'Bot',
    },
    locales: def.locales.map((locale) => toLocaleSnapshot(locale, botId, version)),
  };
}

function toLocaleSnapshot(locale: LocaleDefinition, botId: string, botVersion: string): LocaleSnapshot {
  const { localeId } = locale;
  const where = { botId, botVersion, localeId };
  const slotTypeId = (name: string): string => {
    if (isBuiltInSlotType(name)) return name;
    if (!locale.slotTypes.some((t) => t.name === name)) {
      throw new LexModelConversionError(
        `Slot type ${name} is neither built in nor defined in locale ${localeId}`,
      );
    }
    return localResourceId(botId, localeId, 'slotType', name);
  };
  return {
    locale: {
      ...where,
      localeName: localeId,
      ...(locale.description === undefined ? {} : { description: locale.description }),
      nluIntentConfidenceThreshold: locale.nluConfidenceThreshold,
      intentsCount: locale.intents.length,
      slotTypesCount: locale.slotTypes.length,
      botLocaleStatus: 'Built',
    },
    slotTypes: locale.slotTypes.map((slotType) => ({
      ...where,
      slotTypeId: slotTypeId(slotType.name),
      ...toLexSlotTypeSettings(slotType),
    })),
    intents: locale.intents.map((intent) => {
      const intentId =
        intent.parentIntentSignature === 'AMAZON.FallbackIntent'
          ? FALLBACK_INTENT_ID
          : localResourceId(botId, localeId, 'intent', intent.name);
      const slotId = (name: string): string =>
        localResourceId(botId, localeId, 'intent', intent.name, 'slot', name);
      return {
        intent: {
          ...where,
          intentId,
          ...toLexIntentSettings(intent),
          ...(intent.slots.length
            ? { slotPriorities: intent.slots.map((s, i) => ({ priority: i + 1, slotId: slotId(s.name) })) }
            : {}),
        },
        slots: intent.slots.map((slot) => ({
          ...where,
          intentId,
          slotId: slotId(slot.name),
          ...toLexSlotSettings(slot, slotTypeId(slot.slotTypeName)),
        })),
      };
    }),
  };
}

// ---------------------------------------------------------------- API shapes → definition

function need<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null)
    throw new LexModelConversionError(`The Lex model has no ${what}`);
  return value;
}

function fromMessage(message: Message | undefined, where: string): string {
  const text = message?.plainTextMessage?.value;
  if (text === undefined) {
    throw new LexModelConversionError(
      `${where}: only plain-text messages can be expressed in bot/ (found another kind)`,
    );
  }
  return text;
}

function fromMessageGroup(group: LexMessageGroup, where: string): MessageGroup {
  return {
    message: fromMessage(group.message, where),
    ...(group.variations === undefined
      ? {}
      : { variations: group.variations.map((m) => fromMessage(m, where)) }),
  };
}

function fromResponse(response: ResponseSpecification | undefined, where: string): MessageGroup | undefined {
  const groups = response?.messageGroups ?? [];
  if (groups.length > 1)
    throw new LexModelConversionError(`${where}: bot/ supports one message group per response`);
  return groups[0] ? fromMessageGroup(groups[0], where) : undefined;
}

function fromPrompt(prompt: LexPromptSpecification | undefined, where: string): PromptSpecification {
  const p = need(prompt, `prompt for ${where}`);
  return {
    messageGroups: need(p.messageGroups, `messages for ${where}`).map((g) => fromMessageGroup(g, where)),
    maxRetries: need(p.maxRetries, `maxRetries for ${where}`),
    ...(p.allowInterrupt === undefined ? {} : { allowInterrupt: p.allowInterrupt }),
  };
}

function fromSlotType(t: DescribeSlotTypeResponse): SlotTypeDefinition {
  const name = need(t.slotTypeName, 'slot type name');
  const strategy = t.valueSelectionSetting?.resolutionStrategy ?? 'OriginalValue';
  if (strategy === 'Concatenation')
    throw new LexModelConversionError(`Slot type ${name}: Concatenation is not supported`);
  return {
    name,
    ...(t.description === undefined ? {} : { description: t.description }),
    resolutionStrategy: strategy === 'TopResolution' ? 'TOP_RESOLUTION' : 'ORIGINAL_VALUE',
    values: (t.slotTypeValues ?? []).map((v) => ({
      value: need(v.sampleValue?.value, `value in slot type ${name}`),
      synonyms: (v.synonyms ?? []).map((s) => need(s.value, `synonym in slot type ${name}`)),
    })),
  };
}

function fromIntent(snapshot: IntentSnapshot, slotTypeNames: Map<string, string>): IntentDefinition {
  const { intent } = snapshot;
  const name = need(intent.intentName, 'intent name');
  const priority = new Map(
    (intent.slotPriorities ?? []).map((p) => [p.slotId, p.priority ?? Number.MAX_SAFE_INTEGER]),
  );
  const slots = [...snapshot.slots].sort(
    (a, b) =>
      (priority.get(a.slotId) ?? Number.MAX_SAFE_INTEGER) -
      (priority.get(b.slotId) ?? Number.MAX_SAFE_INTEGER),
  );
  const parent = intent.parentIntentSignature;
  if (parent !== undefined && parent !== 'AMAZON.FallbackIntent') {
    throw new LexModelConversionError(
      `Intent ${name}: built-in parent ${parent} cannot be expressed in bot/`,
    );
  }
  const confirmation = intent.intentConfirmationSetting;
  const closing = intent.intentClosingSetting;
  const declination = fromResponse(confirmation?.declinationResponse, `${name} declination`);
  const confirmationResponse = fromResponse(
    confirmation?.confirmationResponse,
    `${name} confirmation response`,
  );
  const failureResponse = fromResponse(confirmation?.failureResponse, `${name} confirmation failure`);
  const closingResponse =
    closing?.active === false ? undefined : fromResponse(closing?.closingResponse, `${name} closing`);
  return {
    name,
    ...(intent.description === undefined ? {} : { description: intent.description }),
    ...(parent ? { parentIntentSignature: parent } : {}),
    sampleUtterances: (intent.sampleUtterances ?? []).map((u) => need(u.utterance, `utterance of ${name}`)),
    slots: slots.map((slot) => fromSlot(slot, name, slotTypeNames)),
    ...(confirmation && confirmation.active !== false
      ? {
          confirmation: {
            prompt: fromPrompt(confirmation.promptSpecification, `${name} confirmation`),
            declinationResponse: need(declination, `declination response of ${name}`),
            ...(confirmationResponse ? { confirmationResponse } : {}),
            ...(failureResponse ? { failureResponse } : {}),
          },
        }
      : {}),
    dialogCodeHook: intent.dialogCodeHook?.enabled ?? false,
    fulfillmentCodeHook: intent.fulfillmentCodeHook?.enabled ?? false,
    ...(closingResponse ? { closingResponse } : {}),
    ...(intent.inputContexts === undefined
      ? {}
      : {
          inputContexts: intent.inputContexts.map((c) => ({
            name: need(c.name, `input context of ${name}`),
          })),
        }),
    ...(intent.outputContexts === undefined
      ? {}
      : {
          outputContexts: intent.outputContexts.map((c) => ({
            name: need(c.name, `output context of ${name}`),
            timeToLiveInSeconds: need(c.timeToLiveInSeconds, `context time to live of ${name}`),
            turnsToLive: need(c.turnsToLive, `context turns to live of ${name}`),
          })),
        }),
  };
}

function fromSlot(
  slot: DescribeSlotResponse,
  intentName: string,
  slotTypeNames: Map<string, string>,
): SlotDefinition {
  const name = need(slot.slotName, `slot name in ${intentName}`);
  const typeId = need(slot.slotTypeId, `slot type of ${intentName}.${name}`);
  const slotTypeName = isBuiltInSlotType(typeId) ? typeId : slotTypeNames.get(typeId);
  if (!slotTypeName)
    throw new LexModelConversionError(`Slot ${intentName}.${name} uses unknown slot type ${typeId}`);
  const setting = need(slot.valueElicitationSetting, `elicitation setting of ${intentName}.${name}`);
  return {
    name,
    ...(slot.description === undefined ? {} : { description: slot.description }),
    slotTypeName,
    required: setting.slotConstraint === 'Required',
    prompt: fromPrompt(setting.promptSpecification, `${intentName}.${name}`),
    ...(setting.sampleUtterances === undefined
      ? {}
      : {
          sampleUtterances: setting.sampleUtterances.map((u) =>
            need(u.utterance, `utterance of ${intentName}.${name}`),
          ),
        }),
  };
}

/** A snapshot read from a Lex Models endpoint, in bot/'s format; throws on anything bot/ cannot express. */
export function fromLexModel(snapshot: LexModelSnapshot): BotDefinition {
  const { bot } = snapshot;
  return {
    name: need(bot.botName, 'bot name'),
    description: bot.description ?? '',
    idleSessionTtlInSeconds: need(bot.idleSessionTTLInSeconds, 'idle session TTL'),
    locales: snapshot.locales.map(({ locale, slotTypes, intents }) => {
      const slotTypeNames = new Map(
        slotTypes.map((t) => [need(t.slotTypeId, 'slot type id'), need(t.slotTypeName, 'slot type name')]),
      );
      return {
        localeId: need(locale.localeId, 'locale id'),
        ...(locale.description === undefined ? {} : { description: locale.description }),
        nluConfidenceThreshold: need(locale.nluIntentConfidenceThreshold, 'NLU confidence threshold'),
        intents: intents.map((i) => fromIntent(i, slotTypeNames)),
        slotTypes: slotTypes.map(fromSlotType),
      };
    }),
  };
}
