import { budgetBuddyBot } from './bot';
import { EXPENSE_CATEGORIES, INCOME_CATEGORIES, IntentName, SlotName } from './names';
import { BUILT_IN_SLOT_TYPES } from './types';

const [locale] = budgetBuddyBot.locales;
if (!locale) throw new Error('the bot has no locale');
const mainIntents = locale.intents.filter((i) => i.parentIntentSignature === undefined);
const normalise = (u: string): string =>
  u
    .toLowerCase()
    .replace(/[^a-z0-9{}' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('budgetBuddyBot', () => {
  it('is the one en_US locale with every contract intent', () => {
    expect(budgetBuddyBot.name).toBe('BudgetBuddy');
    expect(budgetBuddyBot.idleSessionTtlInSeconds).toBe(300);
    expect(budgetBuddyBot.locales.map((l) => l.localeId)).toEqual(['en_US']);
    expect(locale.nluConfidenceThreshold).toBeGreaterThanOrEqual(0.4);
    expect(locale.nluConfidenceThreshold).toBeLessThanOrEqual(0.6);
    expect(locale.intents.map((i) => i.name).sort()).toEqual(Object.values(IntentName).sort());
  });

  it('has a built-in FallbackIntent with no utterances or slots that still reaches fulfillment', () => {
    const fallback = locale.intents.find((i) => i.name === IntentName.FallbackIntent);
    expect(fallback).toMatchObject({
      parentIntentSignature: 'AMAZON.FallbackIntent',
      sampleUtterances: [],
      slots: [],
      fulfillmentCodeHook: true,
    });
  });

  // The dialog hook closes every turn itself (validation, the write and the reply in one invocation), so
  // no other intent declares a fulfillment hook that would never run (README, "The code hook").
  it('runs the dialog code hook, and only it, on every other intent', () => {
    for (const intent of mainIntents) {
      expect({
        intent: intent.name,
        dialog: intent.dialogCodeHook,
        fulfill: intent.fulfillmentCodeHook,
      }).toEqual({
        intent: intent.name,
        dialog: true,
        fulfill: false,
      });
    }
  });

  it('has at least 25 sample utterances per intent', () => {
    for (const intent of mainIntents) {
      expect({ intent: intent.name, enough: intent.sampleUtterances.length >= 25 }).toEqual({
        intent: intent.name,
        enough: true,
      });
    }
  });

  it('only references slots the intent has', () => {
    for (const intent of locale.intents) {
      const names = new Set(intent.slots.map((s) => s.name));
      for (const u of intent.sampleUtterances) {
        for (const [, ref] of u.matchAll(/\{(\w+)\}/g)) {
          expect(`${intent.name}: ${u} -> ${ref}`).toBe(
            `${intent.name}: ${u} -> ${names.has(ref ?? '') ? ref : '(missing)'}`,
          );
        }
      }
    }
  });

  it('writes utterances in plain words, as Lex builds them best', () => {
    const odd = locale.intents.flatMap((i) =>
      i.sampleUtterances.filter((u) => !/^[A-Za-z0-9' ]*(?:\{\w+\}[A-Za-z0-9' ]*)*$/.test(u)),
    );
    expect(odd).toEqual([]);
  });

  it('never lists the same utterance under two intents', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const intent of locale.intents) {
      for (const u of new Set(intent.sampleUtterances.map(normalise))) {
        const other = owner.get(u);
        if (other && other !== intent.name) clashes.push(`"${u}" in ${other} and ${intent.name}`);
        owner.set(u, intent.name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('keeps the utterances the chat buttons send', () => {
    const owners = (text: string): string[] =>
      locale.intents.filter((i) => i.sampleUtterances.map(normalise).includes(text)).map((i) => i.name);
    // "Undo" takes back the last change, whatever it was, not only the last entry (issue 11).
    expect(owners('undo')).toEqual([IntentName.Undo]);
    expect(owners('undo that')).toEqual([IntentName.Undo]);
    expect(owners('delete the last transaction')).toEqual([IntentName.DeleteTransaction]);
    expect(owners('help')).toEqual([IntentName.Help]);
    expect(owners('show my budgets')).toEqual([IntentName.CheckBudget]);
    expect(owners('how much did i spend this month')).toEqual([IntentName.QuerySpending]);
    expect(owners('list my transactions')).toEqual([IntentName.ListTransactions]);
  });

  it('confirms the writes that replace or delete, with retries, a declination and a failure response', () => {
    for (const name of [IntentName.SetBudget, IntentName.DeleteTransaction, IntentName.DeleteBudget]) {
      const confirmation = locale.intents.find((i) => i.name === name)?.confirmation;
      expect({ name, prompt: confirmation?.prompt.messageGroups[0]?.message.endsWith('?') }).toEqual({
        name,
        prompt: true,
      });
      expect(confirmation?.prompt.maxRetries).toBeGreaterThan(0);
      expect(confirmation?.declinationResponse.message).toBeTruthy();
      expect(confirmation?.failureResponse?.message).toBeTruthy();
    }
    // Logging adds a row the user can undo at once: no yes/no question in the way.
    for (const name of [IntentName.LogExpense, IntentName.LogIncome]) {
      expect(locale.intents.find((i) => i.name === name)?.confirmation).toBeUndefined();
    }
  });

  it('uses only slot types that exist, with prompts for every required slot', () => {
    const custom = new Set(locale.slotTypes.map((t) => t.name));
    for (const intent of locale.intents) {
      for (const slot of intent.slots) {
        expect(
          (BUILT_IN_SLOT_TYPES as readonly string[]).includes(slot.slotTypeName) ||
            custom.has(slot.slotTypeName),
        ).toBe(true);
        if (slot.required) {
          expect(slot.prompt.messageGroups[0]?.message.length ?? 0).toBeGreaterThan(0);
          expect(slot.prompt.maxRetries).toBe(2);
        }
      }
    }
  });

  it('maps every synonym of a slot type to exactly one value', () => {
    for (const type of locale.slotTypes) {
      const seen = new Map<string, string>();
      const clashes: string[] = [];
      for (const v of type.values) {
        for (const word of [v.value, ...v.synonyms].map((w) => w.toLowerCase())) {
          const other = seen.get(word);
          if (other !== undefined && other !== v.value)
            clashes.push(`${type.name}: "${word}" is ${other} and ${v.value}`);
          seen.set(word, v.value);
        }
      }
      expect(clashes).toEqual([]);
    }
  });

  it('covers every category with on average at least ten synonyms', () => {
    const typeOf = (intent: string): string =>
      locale.intents.find((i) => i.name === intent)?.slots.find((s) => s.name === SlotName.Category)
        ?.slotTypeName ?? '';
    const expense = locale.slotTypes.find((t) => t.name === typeOf(IntentName.LogExpense));
    const income = locale.slotTypes.find((t) => t.name === typeOf(IntentName.LogIncome));
    expect(expense?.values.map((v) => v.value).sort()).toEqual([...EXPENSE_CATEGORIES].sort());
    expect(income?.values.map((v) => v.value).sort()).toEqual([...INCOME_CATEGORIES].sort());
    for (const type of [expense, income]) {
      const values = type?.values ?? [];
      const average = values.reduce((n, v) => n + v.synonyms.length, 0) / values.length;
      expect(average).toBeGreaterThanOrEqual(10);
    }
  });

  it('has the budget periods with their everyday words', () => {
    const period = locale.slotTypes.find((t) => t.name === 'BudgetPeriodType');
    expect(period?.values.map((v) => v.value)).toEqual(['Daily', 'Weekly', 'Monthly', 'Yearly']);
    expect(period?.values[1]?.synonyms).toEqual(
      expect.arrayContaining(['week', 'weekly', 'a week', 'per week']),
    );
  });
});
