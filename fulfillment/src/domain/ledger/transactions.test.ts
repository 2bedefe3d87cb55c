import type { NewTransaction } from './index';
import {
  InvalidAmountError,
  InvalidCategoryError,
  InvalidDateError,
  InvalidNoteError,
  LedgerError,
} from './errors';
import { parseNewTransaction } from './transactions';

const valid: NewTransaction = {
  kind: 'expense',
  amountMinor: 1250,
  currency: 'usd',
  category: '  Food ',
  date: '2028-02-29',
  note: '  lunch ',
  source: 'chat',
  requestId: 'req-1',
};

describe('parseNewTransaction', () => {
  it('normalises a valid transaction', () => {
    expect(parseNewTransaction(valid)).toEqual({
      ...valid,
      currency: 'USD',
      category: 'Food',
      note: 'lunch',
    });
  });

  it('stores a default category in its canonical spelling and keeps a custom one as typed', () => {
    expect(parseNewTransaction({ ...valid, category: 'personal care' }).category).toBe('Personal Care');
    expect(parseNewTransaction({ ...valid, kind: 'income', category: 'SALARY' }).category).toBe('Salary');
    expect(parseNewTransaction({ ...valid, category: 'Pet food' }).category).toBe('Pet food');
  });

  it('drops an empty note', () => {
    expect(parseNewTransaction({ ...valid, note: '   ' })).not.toHaveProperty('note');
  });

  it.each<[string, Partial<NewTransaction>, new (...args: never[]) => LedgerError]>([
    ['a fractional minor amount', { amountMinor: 12.5 }, InvalidAmountError],
    ['an amount over a trillion dollars', { amountMinor: 100_000_000_000_001 }, InvalidAmountError],
    [
      'an amount over a trillion dong',
      { currency: 'VND', amountMinor: 1_000_000_000_001 },
      InvalidAmountError,
    ],
    ['a 51-character category', { category: 'x'.repeat(51) }, InvalidCategoryError],
    ['a 501-character note', { note: 'x'.repeat(501) }, InvalidNoteError],
    ['29 February 2027', { date: '2027-02-29' }, InvalidDateError],
    ['a date with a time', { date: '2026-11-24T10:00' }, InvalidDateError],
  ])('rejects %s', (_label, over, errorClass) => {
    expect(() => parseNewTransaction({ ...valid, ...over })).toThrow(errorClass);
  });

  it('rejects a missing field with a sentence naming it', () => {
    const { requestId: _omitted, ...rest } = valid;
    expect(() => parseNewTransaction(rest)).toThrow(/malformed "requestId".*Nothing was saved/);
  });
});
