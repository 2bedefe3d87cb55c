import { InvalidAmountError, UnknownCurrencyError } from './errors';
import { currencyDecimals, formatMoney, toMajorString, toMinor } from './money';

describe('currencyDecimals', () => {
  it.each([
    ['VND', 0],
    ['JPY', 0],
    ['USD', 2],
    ['EUR', 2],
    ['BHD', 3],
  ])('%s has %i decimals', (code, decimals) => {
    expect(currencyDecimals(code)).toBe(decimals);
  });
});

describe('toMinor', () => {
  it('adds 0.1 and 0.2 dollars to exactly 30 cents', () => {
    expect(toMinor('0.1', 'USD') + toMinor('0.2', 'USD')).toBe(30);
  });

  it.each<[number | string, string, number]>([
    ['12.50', 'USD', 1250],
    [12.5, 'usd', 1250],
    ['1,200.50', 'USD', 120050],
    ['45000', 'VND', 45000],
    ['45000.00', 'VND', 45000],
    ['1.234', 'BHD', 1234],
    ['.5', 'EUR', 50],
    [1e12, 'USD', 1e14],
  ])('reads %p %s as %i minor units', (major, currency, minor) => {
    expect(toMinor(major, currency)).toBe(minor);
  });

  it.each<[number | string, string, RegExp]>([
    [0, 'USD', /more than zero/],
    ['0.00', 'USD', /more than zero/],
    [-5, 'USD', /cannot be negative/],
    [Number.NaN, 'USD', /not a number/],
    [Number.POSITIVE_INFINITY, 'USD', /infinite/],
    [1e12 + 0.01, 'USD', /too large/],
    ['1000000000001', 'VND', /too large/],
    ['1.005', 'USD', /at most 2 decimal places/],
    ['1.5', 'VND', /no decimal places/],
    ['1.2345', 'BHD', /at most 3 decimal places/],
    ['twelve', 'USD', /not an amount I understand/],
  ])('rejects %p %s with a sentence', (major, currency, message) => {
    expect(() => toMinor(major, currency)).toThrow(InvalidAmountError);
    expect(() => toMinor(major, currency)).toThrow(message);
  });

  it('rejects an unknown currency by name', () => {
    expect(() => toMinor('1', 'XYZ')).toThrow(UnknownCurrencyError);
    expect(() => toMinor('1', 'dollars')).toThrow(/don't know the currency "dollars"/);
  });
});

describe('formatMoney', () => {
  // Intl separates code and number with a no-break space; compare with plain spaces.
  const plain = (text: string) => text.replace(/\s/g, ' ');

  it('formats by the currency and locale', () => {
    expect(formatMoney(1250, 'USD')).toBe('$12.50');
    expect(formatMoney(45000, 'VND')).toBe('₫45,000');
    expect(plain(formatMoney(1234, 'BHD'))).toBe('BHD 1.234');
    expect(plain(formatMoney(123456, 'EUR', 'de-DE'))).toBe('1.234,56 €');
  });

  it('formats the largest amount without float noise', () => {
    expect(formatMoney(99_999_999_999_999, 'USD')).toBe('$999,999,999,999.99');
    expect(toMajorString(5, 'BHD')).toBe('0.005');
  });
});
