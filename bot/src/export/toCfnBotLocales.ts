/**
 * BotDefinition → the `botLocales` of a CloudFormation `AWS::Lex::Bot` (CDK `CfnBot`). Pure: the CDK
 * BotStack passes the very definition the local runtime loads, so the deployed bot cannot drift from the
 * one that is tested offline. Only the type comes from aws-cdk-lib (erased at runtime).
 */
import type { CfnBot } from 'aws-cdk-lib/aws-lex';
import type {
  BotDefinition,
  ConfirmationSetting,
  IntentDefinition,
  LocaleDefinition,
  MessageGroup,
  PromptSpecification,
  SlotDefinition,
  SlotTypeDefinition,
} from '../definition/types';

type CfnMessageGroup = CfnBot.MessageGroupProperty;

const plainText = (value: string): CfnBot.MessageProperty => ({ plainTextMessage: { value } });

export function toCfnMessageGroup(group: MessageGroup): CfnMessageGroup {
  return {
    message: plainText(group.message),
    ...(group.variations?.length ? { variations: group.variations.map(plainText) } : {}),
  };
}

function toCfnResponse(group: MessageGroup): CfnBot.ResponseSpecificationProperty {
  return { messageGroupsList: [toCfnMessageGroup(group)] };
}

function toCfnPrompt(prompt: PromptSpecification): CfnBot.PromptSpecificationProperty {
  return {
    messageGroupsList: prompt.messageGroups.map(toCfnMessageGroup),
    maxRetries: prompt.maxRetries,
    ...(prompt.allowInterrupt === undefined ? {} : { allowInterrupt: prompt.allowInterrupt }),
  };
}

function toCfnSlot(slot: SlotDefinition): CfnBot.SlotProperty {
  return {
    name: slot.name,
    ...(slot.description ? { description: slot.description } : {}),
    slotTypeName: slot.slotTypeName,
    valueElicitationSetting: {
      slotConstraint: slot.required ? 'Required' : 'Optional',
      promptSpecification: toCfnPrompt(slot.prompt),
      ...(slot.sampleUtterances?.length
        ? { sampleUtterances: slot.sampleUtterances.map((utterance) => ({ utterance })) }
        : {}),
    },
  };
}

function toCfnConfirmation(confirmation: ConfirmationSetting): CfnBot.IntentConfirmationSettingProperty {
  return {
    isActive: true,
    promptSpecification: toCfnPrompt(confirmation.prompt),
    declinationResponse: toCfnResponse(confirmation.declinationResponse),
    ...(confirmation.confirmationResponse
      ? { confirmationResponse: toCfnResponse(confirmation.confirmationResponse) }
      : {}),
    ...(confirmation.failureResponse ? { failureResponse: toCfnResponse(confirmation.failureResponse) } : {}),
  };
}

export function toCfnIntent(intent: IntentDefinition): CfnBot.IntentProperty {
  return {
    name: intent.name,
    ...(intent.description ? { description: intent.description } : {}),
    ...(intent.parentIntentSignature ? { parentIntentSignature: intent.parentIntentSignature } : {}),
    // Lex rejects sample utterances, slots and confirmation on AMAZON.FallbackIntent.
    ...(intent.sampleUtterances.length
      ? { sampleUtterances: intent.sampleUtterances.map((utterance) => ({ utterance })) }
      : {}),
    ...(intent.slots.length
      ? {
          slots: intent.slots.map(toCfnSlot),
          slotPriorities: intent.slots.map((slot, i) => ({ priority: i + 1, slotName: slot.name })),
        }
      : {}),
    ...(intent.confirmation ? { intentConfirmationSetting: toCfnConfirmation(intent.confirmation) } : {}),
    dialogCodeHook: { enabled: intent.dialogCodeHook },
    fulfillmentCodeHook: { enabled: intent.fulfillmentCodeHook },
    ...(intent.closingResponse
      ? { intentClosingSetting: { isActive: true, closingResponse: toCfnResponse(intent.closingResponse) } }
      : {}),
    ...(intent.inputContexts?.length
      ? { inputContexts: intent.inputContexts.map((c) => ({ name: c.name })) }
      : {}),
    ...(intent.outputContexts?.length
      ? {
          outputContexts: intent.outputContexts.map((c) => ({
            name: c.name,
            timeToLiveInSeconds: c.timeToLiveInSeconds,
            turnsToLive: c.turnsToLive,
          })),
        }
      : {}),
  };
}

export function toCfnSlotType(slotType: SlotTypeDefinition): CfnBot.SlotTypeProperty {
  return {
    name: slotType.name,
    ...(slotType.description ? { description: slotType.description } : {}),
    valueSelectionSetting: { resolutionStrategy: slotType.resolutionStrategy },
    slotTypeValues: slotType.values.map((v) => ({
      sampleValue: { value: v.value },
      ...(v.synonyms.length ? { synonyms: v.synonyms.map((value) => ({ value })) } : {}),
    })),
  };
}

export function toCfnBotLocale(locale: LocaleDefinition): CfnBot.BotLocaleProperty {
  return {
    localeId: locale.localeId,
    ...(locale.description ? { description: locale.description } : {}),
    nluConfidenceThreshold: locale.nluConfidenceThreshold,
    slotTypes: locale.slotTypes.map(toCfnSlotType),
    intents: locale.intents.map(toCfnIntent),
  };
}

/** Every locale of the bot in CloudFormation form; CloudFormation requires AMAZON.FallbackIntent in each. */
export function toCfnBotLocales(bot: BotDefinition): CfnBot.BotLocaleProperty[] {
  for (const locale of bot.locales) {
    if (!locale.intents.some((i) => i.parentIntentSignature === 'AMAZON.FallbackIntent')) {
      throw new Error(
        `Locale ${locale.localeId} of bot ${bot.name} has no AMAZON.FallbackIntent; Lex requires one.`,
      );
    }
  }
  return bot.locales.map(toCfnBotLocale);
}
