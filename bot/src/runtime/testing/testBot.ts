/**
 * A small bot and a scripted keyword NLU for exercising the runtime's dialog semantics without the
 * real NLU: every answer is predictable, so tests can assert exact dialog paths.
 */
import type { BotDefinition, PromptSpecification } from '../../definition/types';
import type { Nlu, NluInterpretation, SlotValue } from '../../dialog/types';

const prompt = (message: string, maxRetries: number): PromptSpecification => ({
  messageGroups: [{ message }],
  maxRetries,
});

export const TEST_TTL_SECONDS = 300;

export const testBot: BotDefinition = {
  name: 'TestBot',
  description: 'Runtime test bot',
  idleSessionTtlInSeconds: TEST_TTL_SECONDS,
  locales: [
    {
      localeId: 'en_US',
      nluConfidenceThreshold: 0.4,
      slotTypes: [],
      intents: [
        {
          name: 'LogExpense',
          sampleUtterances: ['spent {Amount} on {Category}'],
          slots: [
            {
              name: 'Amount',
              slotTypeName: 'AMAZON.Number',
              required: true,
              prompt: prompt('How much did you spend?', 2),
            },
            {
              name: 'Category',
              slotTypeName: 'Category',
              required: true,
              prompt: prompt('What was it for?', 1),
            },
            {
              name: 'Note',
              slotTypeName: 'AMAZON.AlphaNumeric',
              required: false,
              prompt: prompt('Any note?', 0),
            },
          ],
          dialogCodeHook: true,
          fulfillmentCodeHook: true,
          closingResponse: { message: 'Expense logged.' },
        },
        {
          name: 'SetBudget',
          sampleUtterances: ['set my {Category} budget to {Amount}'],
          slots: [
            {
              name: 'Category',
              slotTypeName: 'Category',
              required: true,
              prompt: prompt('Which category?', 1),
            },
            {
              name: 'Amount',
              slotTypeName: 'AMAZON.Number',
              required: true,
              prompt: prompt('How much per month?', 1),
            },
          ],
          confirmation: {
            prompt: prompt('Set that budget?', 1),
            declinationResponse: { message: "Okay, I won't change your budget." },
            confirmationResponse: { message: 'Great.' },
          },
          dialogCodeHook: false,
          fulfillmentCodeHook: false,
          closingResponse: { message: 'Budget saved.' },
          outputContexts: [{ name: 'budgetSet', timeToLiveInSeconds: 90, turnsToLive: 2 }],
        },
        {
          name: 'CheckBudget',
          sampleUtterances: ['how is my budget'],
          slots: [],
          inputContexts: [{ name: 'budgetSet' }],
          dialogCodeHook: false,
          fulfillmentCodeHook: false,
          closingResponse: { message: 'Your budget is fine.' },
        },
        {
          name: 'Greeting',
          sampleUtterances: ['hello'],
          slots: [],
          dialogCodeHook: false,
          fulfillmentCodeHook: false,
          closingResponse: { message: 'Hi there!' },
        },
        {
          name: 'FallbackIntent',
          parentIntentSignature: 'AMAZON.FallbackIntent',
          sampleUtterances: [],
          slots: [],
          dialogCodeHook: false,
          fulfillmentCodeHook: false,
          closingResponse: { message: 'Sorry, I can log expenses and set budgets.' },
        },
      ],
    },
  ],
};

const CATEGORIES: Record<string, string> = {
  groceries: 'Groceries',
  food: 'Food',
  lunch: 'Food',
  taxi: 'Transport',
};

function value(original: string, resolved: string): SlotValue {
  return { originalValue: original, interpretedValue: resolved, resolvedValues: [resolved] };
}

function amountIn(text: string): SlotValue | null {
  const m = /\d+(?:\.\d+)?/.exec(text);
  return m ? value(m[0], m[0]) : null;
}

function categoryIn(text: string): SlotValue | null {
  for (const word of text.toLowerCase().split(/\W+/)) {
    const canonical = CATEGORIES[word];
    if (canonical) return value(word, canonical);
  }
  return null;
}

/** Keyword rules standing in for the trained NLU. */
export const testNlu: Nlu = {
  interpret(text) {
    const lower = text.toLowerCase();
    const scored: NluInterpretation[] = [];
    const slots = { Amount: amountIn(text), Category: categoryIn(text) };
    if (/\b(spent|paid)\b/.test(lower)) scored.push({ intentName: 'LogExpense', confidence: 0.92, slots });
    if (/\bbudget\b/.test(lower) && /\bset\b/.test(lower)) {
      scored.push({ intentName: 'SetBudget', confidence: 0.88, slots });
    }
    if (/\bhow is my budget\b/.test(lower))
      scored.push({ intentName: 'CheckBudget', confidence: 0.9, slots: {} });
    if (/\b(hello|hi)\b/.test(lower)) scored.push({ intentName: 'Greeting', confidence: 0.95, slots: {} });
    // An amount plus a category reads like an expense even without a verb, but only weakly.
    if (scored.length === 0 && slots.Amount && slots.Category) {
      scored.push({ intentName: 'LogExpense', confidence: 0.3, slots });
    }
    const top = scored[0];
    const fallback: NluInterpretation = { intentName: 'FallbackIntent', confidence: 0, slots: {} };
    const rest: NluInterpretation[] = [{ intentName: 'Greeting', confidence: 0.05, slots: {} }];
    if (!top || top.confidence < 0.4) return [fallback, ...scored, ...rest].slice(0, 5);
    return [...scored, fallback, ...rest.filter((r) => !scored.some((s) => s.intentName === r.intentName))];
  },
  resolveSlot(_intent, slotName, text) {
    if (slotName === 'Amount') return amountIn(text);
    if (slotName === 'Category') return categoryIn(text);
    if (slotName === 'Note') return value(text, text);
    return null;
  },
  classifyConfirmation(text) {
    if (/^(yes|yeah|sure|ok)\b/i.test(text.trim())) return 'yes';
    if (/^(no|nope|cancel)\b/i.test(text.trim())) return 'no';
    return null;
  },
};
