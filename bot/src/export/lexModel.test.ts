import { budgetBuddyBot } from '../definition/bot';
import type { BotDefinition } from '../definition/types';
import { fromLexModel, LexModelConversionError, localResourceId, toLexModel } from './lexModel';
import { toCfnBotLocales } from './toCfnBotLocales';

describe('lexModel', () => {
  it('gives every intent, slot and slot type a distinct Lex-style id that is stable across calls', () => {
    const model = toLexModel(budgetBuddyBot, 'BBLOCALBOT');
    const ids = model.locales.flatMap((l) => [
      ...l.slotTypes.map((t) => t.slotTypeId),
      ...l.intents.flatMap((i) => [i.intent.intentId, ...i.slots.map((s) => s.slotId)]),
    ]);
    for (const id of ids) expect(id).toMatch(/^[0-9A-Z]{10}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(localResourceId('a', 'b')).toBe(localResourceId('a', 'b'));
    expect(toLexModel(budgetBuddyBot, 'BBLOCALBOT')).toEqual(model);
  });

  it('refuses, with the place named, what bot/ cannot express instead of dropping it', () => {
    const model = toLexModel(budgetBuddyBot, 'BBLOCALBOT');
    const intent = model.locales[0]?.intents.find((i) => i.slots.length > 0);
    const slot = intent?.slots[0];
    const group = slot?.valueElicitationSetting?.promptSpecification?.messageGroups?.[0];
    if (!intent || !slot || !group) throw new Error('the bot has no slot prompt to alter');
    group.message = { ssmlMessage: { value: '<speak>How much?</speak>' } };
    expect(() => fromLexModel(model)).toThrow(LexModelConversionError);
    expect(() => fromLexModel(model)).toThrow(`${intent.intent.intentName}.${slot.slotName}`);
  });

  it('refuses a slot whose type is neither built in nor defined', () => {
    const broken = structuredClone(budgetBuddyBot) as BotDefinition;
    const slot = broken.locales[0]?.intents
      .flatMap((i) => i.slots)
      .find((s) => !s.slotTypeName.startsWith('AMAZON.'));
    if (!slot) throw new Error('the bot has no custom-typed slot');
    slot.slotTypeName = 'NoSuchType';
    expect(() => toLexModel(broken, 'BBLOCALBOT')).toThrow(
      'Slot type NoSuchType is neither built in nor defined',
    );
  });
});

describe('toCfnBotLocales', () => {
  it('refuses a locale without AMAZON.FallbackIntent, which CloudFormation would reject at deploy time', () => {
    const broken = structuredClone(budgetBuddyBot) as BotDefinition;
    const locale = broken.locales[0];
    if (!locale) throw new Error('no locale');
    locale.intents = locale.intents.filter((i) => i.parentIntentSignature !== 'AMAZON.FallbackIntent');
    expect(() => toCfnBotLocales(broken)).toThrow(/has no AMAZON.FallbackIntent/);
  });
});
