import { BudgetPeriodType } from '../definition/slotTypes/BudgetPeriodType';
import { ExpenseCategoryType } from '../definition/slotTypes/ExpenseCategoryType';
import { IncomeCategoryType } from '../definition/slotTypes/IncomeCategoryType';
import { analyseText } from './analyseText';
import { SlotTypeMatcher } from './slotTypeMatcher';

const matchers = [ExpenseCategoryType, IncomeCategoryType, BudgetPeriodType].map(
  (t) => new SlotTypeMatcher(t),
);
const values = (text: string): Record<string, string[]> => {
  const a = analyseText(text, {
    now: new Date('2026-11-24T12:00:00Z'),
    timeZone: 'UTC',
    matchers,
    isKnownWord: () => true,
  });
  return Object.fromEntries([...a.slotTypeMatches].map(([type, list]) => [type, list.map((m) => m.value)]));
};

describe('analyseText', () => {
  it('reads a period word inside a category phrase as the category only', () => {
    expect(values('weekly shop ten sixty')).toEqual({
      [ExpenseCategoryType.name]: ['Groceries'],
      [IncomeCategoryType.name]: [],
      [BudgetPeriodType.name]: [],
    });
    expect(values('set a weekly budget of 100 for groceries')[BudgetPeriodType.name]).toEqual(['Weekly']);
  });

  it('keeps both readings when an expense and an income category claim the same words', () => {
    const v = values('birthday gift 50');
    expect(v[ExpenseCategoryType.name]).toEqual(['Gifts']);
    expect(v[IncomeCategoryType.name]).toEqual(['Gift']);
  });
});
