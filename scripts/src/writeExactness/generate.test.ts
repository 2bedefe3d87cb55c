import { ExpenseCategoryType, IncomeCategoryType } from '@budgetbuddy/bot';
import { DEFAULT_COUNT, generateMessages, itemsFromBotDefinition, numberWords, ordinal } from './generate';

const messages = generateMessages();

it('is deterministic for a seed and different for another', () => {
  expect(generateMessages({ count: 50 })).toEqual(messages.slice(0, 50));
  expect(generateMessages({ count: 50, seed: 7 }).map((m) => m.text)).not.toEqual(
    messages.slice(0, 50).map((m) => m.text),
  );
});

it('generates at least 2,000 distinct messages using every form', () => {
  expect(messages).toHaveLength(DEFAULT_COUNT);
  expect(DEFAULT_COUNT).toBeGreaterThanOrEqual(2000);
  expect(new Set(messages.map((m) => m.text)).size).toBeGreaterThan(DEFAULT_COUNT * 0.98);
  const items = messages.flatMap((m) => m.items);
  expect(new Set(items.map((i) => i.amountForm)).size).toBe(17);
  expect(new Set(items.map((i) => i.dateForm)).size).toBe(8);
  expect(new Set(items.map((i) => i.template)).size).toBe(8);
  expect(new Set(messages.map((m) => m.items.length))).toEqual(new Set([1, 2, 3]));
  expect(new Set(messages.map((m) => m.joiner))).toEqual(new Set([null, 'and', 'comma', 'none']));
});

it("takes each item's category from the bot's own slot types", () => {
  const types = { expense: ExpenseCategoryType, income: IncomeCategoryType };
  for (const item of itemsFromBotDefinition()) {
    const owner = types[item.kind].values.find(
      (v) => v.value.toLowerCase() === item.word || v.synonyms.some((s) => s.toLowerCase() === item.word),
    );
    expect(owner?.value).toBe(item.category);
  }
  for (const m of messages) for (const i of m.items) expect(m.text).toContain(i.item);
});

it('writes amounts and dates the way people do', () => {
  expect([numberWords(12), numberWords(45), numberWords(90)]).toEqual(['twelve', 'forty five', 'ninety']);
  expect([1, 2, 3, 11, 12, 13, 21, 22].map(ordinal)).toEqual([
    '1st',
    '2nd',
    '3rd',
    '11th',
    '12th',
    '13th',
    '21st',
    '22nd',
  ]);
  const byText = new Map(messages.flatMap((m) => m.items.map((i) => [i.text, i] as const)));
  const sample = [...byText.values()];
  const first = (form: string) => sample.find((i) => i.amountForm === form)!;
  expect(first('dollarsAndCents').text).toMatch(/\d+ dollars? and \d+ cents/);
  expect(first('kSuffix').expected.amountMinor % 10_000).toBe(0);
  // The fixed clock is Wednesday 2026-11-18 in New York.
  for (const i of sample.filter((x) => x.dateForm === 'yesterday'))
    expect(i.expected.date).toBe('2026-11-17');
  for (const i of sample.filter((x) => x.dateForm === 'weekday')) {
    expect(i.expected.date >= '2026-11-12' && i.expected.date <= '2026-11-17').toBe(true);
  }
});
