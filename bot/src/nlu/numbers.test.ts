import { findNumbers, numberToSlotString } from './numbers';

const amounts = (text: string): { value: number; original: string; currency?: string }[] =>
  findNumbers(text.toLowerCase(), text).map((n) => ({
    value: n.value,
    original: n.originalValue,
    ...(n.currency ? { currency: n.currency } : {}),
  }));

describe('findNumbers', () => {
  it.each([
    ['spent 12.50 on lunch', 12.5, '12.50', undefined],
    ['rent 1,200.50', 1200.5, '1,200.50', undefined],
    ['$3.80 latte', 3.8, '$3.80', 'USD'],
    ['€5 coffee', 5, '€5', 'EUR'],
    ['12€ lunch', 12, '12€', 'EUR'],
    ['12 usd uber', 12, '12 usd', 'USD'],
    ['USD 40 dinner', 40, 'USD 40', 'USD'],
    ['a cab for 18 dollars', 18, '18 dollars', 'USD'],
    ['45k VND pho', 45000, '45k VND', 'VND'],
    ['3.5k laptop', 3500, '3.5k', undefined],
    ['spent 2k', 2000, '2k', undefined],
    ['spent -5', -5, '-5', undefined],
    ['minus 5 for coffee', -5, 'minus 5', undefined],
    ['spent fifty on drinks', 50, 'fifty', undefined],
    ['a hundred and twenty for groceries', 120, 'a hundred and twenty', undefined],
    ['twelve fifty for lunch', 12.5, 'twelve fifty', undefined],
    ['twenty dollars for a cab', 20, 'twenty dollars', 'USD'],
  ])('"%s" → %d', (text, value, original, currency) => {
    expect(amounts(text)[0]).toEqual({ value, original, ...(currency ? { currency } : {}) });
  });

  it('does not read ordinals, times or words containing digits as amounts', () => {
    expect(amounts('on the 5th')).toEqual([]);
    expect(amounts('at 5pm')).toEqual([]);
    expect(amounts('mp3 player')).toEqual([]);
  });

  it('writes numbers the way AMAZON.Number does', () => {
    expect(numberToSlotString(12.5)).toBe('12.5');
    expect(numberToSlotString(2000)).toBe('2000');
    expect(numberToSlotString(-5)).toBe('-5');
  });
});
