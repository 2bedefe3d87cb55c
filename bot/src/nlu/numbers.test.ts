import { findWordAmounts } from './digitAmounts';
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
    ['5 bucks 50 for lunch', 5.5, '5 bucks 50', 'USD'],
    ['3 dollars and 25 cents for gum', 3.25, '3 dollars and 25 cents', 'USD'],
    ['a buck fifty for gum', 1.5, 'a buck fifty', 'USD'],
    ['twelve dollars fifty on lunch', 12.5, 'twelve dollars fifty', 'USD'],
    ['coffee 12,50', 12.5, '12,50', undefined],
    ['rent 1 234', 1234, '1 234', undefined],
    ['rent 1 234.50', 1234.5, '1 234.50', undefined],
    ['rent 1,234', 1234, '1,234', undefined],
    // Dots as thousands with a decimal comma, as typed in Germany and most of Europe: unambiguous.
    ['spent 1.234,56 on a tv', 1234.56, '1.234,56', undefined],
    ['€1.234,56 for a tv', 1234.56, '€1.234,56', 'EUR'],
    ['rent 12.345.678,90', 12345678.9, '12.345.678,90', undefined],
    ['laptop 2.5k', 2500, '2.5k', undefined],
    ['a tenner for the cab', 10, 'a tenner', undefined],
    ['a fiver on coffee', 5, 'a fiver', undefined],
    ['half a dollar for gum', 0.5, 'half a dollar', 'USD'],
    ['50 cents for gum', 0.5, '50 cents', undefined],
    ['fifty cents for gum', 0.5, 'fifty cents', undefined],
    ['20 EUR dinner', 20, '20 EUR', 'EUR'],
    ['$5 coffee', 5, '$5', 'USD'],
    ['forty five on gas', 45, 'forty five', undefined],
    ['🍕 15', 15, '15', undefined],
  ])('"%s" → %d', (text, value, original, currency) => {
    expect(amounts(text)[0]).toEqual({ value, original, ...(currency ? { currency } : {}) });
  });

  it('does not read ordinals, times or words containing digits as amounts', () => {
    expect(amounts('on the 5th')).toEqual([]);
    expect(amounts('at 5pm')).toEqual([]);
    expect(amounts('mp3 player')).toEqual([]);
  });

  it('keeps two amounts apart unless the second is the cents of the first', () => {
    expect(amounts('coffee 4 and muffin 3.50').map((n) => n.value)).toEqual([4, 3.5]);
    expect(amounts('lunch 12 dinner 25').map((n) => n.value)).toEqual([12, 25]);
    // "and" without "cents" may start another item.
    expect(amounts('5 dollars and 25 on lunch').map((n) => n.value)).toEqual([5, 25]);
    expect(amounts('lunch 12, dinner 25').map((n) => n.value)).toEqual([12, 25]);
  });

  it('never reads a word that names an entry as an amount', () => {
    expect(amounts('remove the netflix one')).toEqual([]);
    expect(amounts('delete the last one')).toEqual([]);
    expect(amounts('change that one to 55').map((n) => n.value)).toEqual([55]);
    expect(amounts('spent one dollar on gum').map((n) => n.value)).toEqual([1]);
    const picks = (text: string): (boolean | undefined)[] =>
      findNumbers(text.toLowerCase(), text).map((n) => n.picksEntries);
    expect(picks('delete the first two')).toEqual([true]);
    expect(picks('show my last 3 expenses')).toEqual([true]);
    expect(picks('spent 3 on the last bus')).toEqual([undefined]);
  });

  it('writes numbers the way AMAZON.Number does', () => {
    expect(numberToSlotString(12.5)).toBe('12.5');
    expect(numberToSlotString(2000)).toBe('2000');
    expect(numberToSlotString(-5)).toBe('-5');
  });

  it.each([
    'forty four twenty five for excursion',
    'eight ninety on gifts',
    'a hundred and five for groceries',
    'three hundred and twelve dollars',
    'two thousand for rent and twenty-five on gas',
    'one hundred twenty',
    'fifty cents for gum',
    'seventy one on gas and ninety nine on a coat',
    'remove the netflix one',
  ])('reads number words in "%s" as the recognizer does (the proxy uses the small reader)', (text) => {
    const lower = text.toLowerCase();
    const read = (ns: { originalValue: string; value: number }[]): string[] =>
      ns.map((n) => `${n.originalValue}=${n.value}`);
    expect(read(findWordAmounts(lower, text))).toEqual(
      read(findNumbers(lower, text).filter((n) => n.fromWords)),
    );
  });
});

describe('a list of numbers joined by slashes (issue 12 point 1)', () => {
  it('gives each of the six jar shares as a number', () => {
    expect(amounts('split my salary into jars 55/10/10/10/10/5').map((n) => n.value)).toEqual([
      55, 10, 10, 10, 10, 5,
    ]);
  });
});
