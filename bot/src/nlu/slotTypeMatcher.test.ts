import { ExpenseCategoryType } from '../definition/slotTypes/ExpenseCategoryType';
import { SlotTypeMatcher } from './slotTypeMatcher';
import { tokenize } from './tokens';

const matcher = new SlotTypeMatcher(ExpenseCategoryType);
const known = new Set(['spent', 'on', 'in', 'for', 'the', 'a']);
const find = (text: string): string[] =>
  matcher
    .findAll(tokenize(text.toLowerCase()), text, (w) => known.has(w))
    .map((m) => `${m.value}:${m.originalValue}`);

describe('SlotTypeMatcher', () => {
  it('resolves synonyms to the canonical value, longest phrase first', () => {
    expect(find('spent 5 on a latte')).toEqual(['Food:latte']);
    expect(find('gas bill')).toEqual(['Utilities:gas bill']);
    expect(find('gas')).toEqual(['Transport:gas']);
    expect(find('Trader Joe’s run')).toEqual(['Groceries:Trader Joe’s']);
  });

  it('accepts plural and singular forms', () => {
    expect(find('two burritos')).toEqual(['Food:burritos']);
    expect(find('a drink')).toEqual(['Food:drink']);
  });

  it('corrects typos in longer words only', () => {
    expect(find('grocceries')).toEqual(['Groceries:grocceries']);
    expect(find('resturant')).toEqual(['Food:resturant']);
    expect(find('the bas')).toEqual([]);
  });

  it('never matches inside another word', () => {
    expect(find('trip to vegas')).toEqual(['Travel:trip']);
    expect(find('my parents')).toEqual([]);
  });
});
