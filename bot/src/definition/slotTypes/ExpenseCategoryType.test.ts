import { analyseText } from '../../nlu/analyseText';
import { SlotTypeMatcher } from '../../nlu/slotTypeMatcher';
import { CATEGORY_EMOJI } from './categoryEmoji';
import { ExpenseCategoryType, HAND_SYNONYMS } from './ExpenseCategoryType';
import { WORDNET_SYNONYMS } from './wordnetCategoryLexicon';

const matcher = new SlotTypeMatcher(ExpenseCategoryType);
const category = (text: string): string | undefined =>
  analyseText(text, {
    now: new Date('2026-11-24T12:00:00Z'),
    timeZone: 'UTC',
    matchers: [matcher],
    isKnownWord: () => true,
  }).slotTypeMatches.get(ExpenseCategoryType.name)?.[0]?.value;

describe('ExpenseCategoryType beyond the hand-written synonyms', () => {
  it.each([
    ['hoagie 9', 'Food'],
    ['2 hoagies for 14', 'Food'],
    ['mascara 12', 'Personal Care'],
    ['aspirin 6', 'Health'],
    ['ibuprofen 6', 'Health'],
    ['donut 3', 'Food'],
    ['bought a cardigan for 40', 'Shopping'],
    ['baklava 7', 'Food'],
    ['eggplant 3', 'Groceries'],
    ['🍕 15', 'Food'],
    ['☕️ 4.50', 'Food'],
    ['⛽ 40', 'Transport'],
  ])('"%s" → %s', (text, expected) => {
    expect(category(text)).toBe(expected);
  });

  it('leaves words with other everyday meanings out', () => {
    for (const word of ['stole', 'apple', 'vintage', 'drawers', 'boxers', 'patty', 'juice']) {
      expect(WORDNET_SYNONYMS.Food?.includes(word) || WORDNET_SYNONYMS.Shopping?.includes(word)).toBeFalsy();
    }
  });

  it('stays within Amazon Lex limits and a reviewed size', () => {
    const total = ExpenseCategoryType.values.reduce((n, v) => n + 1 + v.synonyms.length, 0);
    // Lex: 10,000 values and synonyms per slot type, 140 characters a value.
    expect(total).toBeLessThan(5_000);
    for (const v of ExpenseCategoryType.values)
      for (const s of v.synonyms) expect(s.length).toBeLessThanOrEqual(140);
    const generated = Object.values(WORDNET_SYNONYMS).reduce((n, l) => n + l.length, 0);
    expect(generated).toBeGreaterThan(1_000);
    expect(generated).toBeLessThan(3_500);
  });

  it('keeps the hand-written synonym first when a generated one repeats it', () => {
    const food = ExpenseCategoryType.values.find((v) => v.value === 'Food')?.synonyms ?? [];
    expect(food.slice(0, HAND_SYNONYMS.Food.length)).toEqual(HAND_SYNONYMS.Food);
    expect(new Set(food).size).toBe(food.length);
    expect(food).toEqual(expect.arrayContaining([...(CATEGORY_EMOJI.Food ?? [])]));
  });
});
