import { findDates } from './dates';
import {
  dayOfDateSlot,
  dayOfDateSlotWithin,
  previousRange,
  rangeOfDateSlot,
  thisMonth,
  type DateSlotValue,
} from './dateRange';

// Sunday.
const today = '2026-11-22';

/** The Date slot the NLU fills for these words, said at noon on `on` (UTC). */
function slot(words: string, on = today): DateSlotValue {
  const [match] = findDates(words.toLowerCase(), words, new Date(`${on}T12:00:00Z`), 'UTC');
  return match ?? { originalValue: words };
}

const range = (words: string, on = today) => rangeOfDateSlot(slot(words, on), on);

describe('rangeOfDateSlot: the range around the day the NLU resolved', () => {
  it.each([
    ['today', '2026-11-22', '2026-11-22', 'today'],
    ['yesterday', '2026-11-21', '2026-11-21', 'yesterday'],
    ['this week', '2026-11-16', '2026-11-22', 'this week'],
    ['last week', '2026-11-09', '2026-11-15', 'last week'],
    ['this month', '2026-11-01', '2026-11-30', 'this month'],
    ['last month', '2026-10-01', '2026-10-31', 'last month'],
    ['in October', '2026-10-01', '2026-10-31', 'in October'],
    ['and in October?', '2026-10-01', '2026-10-31', 'in October'],
    ['in December', '2025-12-01', '2025-12-31', 'in December 2025'],
    ['so far this year', '2026-01-01', '2026-12-31', 'this year'],
    ['year to date', '2026-01-01', '2026-12-31', 'this year'],
    ['last year', '2025-01-01', '2025-12-31', 'last year'],
    ['since monday', '2026-11-16', '2026-11-22', 'since Monday, Nov 16'],
    ['last 30 days', '2026-10-24', '2026-11-22', 'in the last 30 days'],
    ['past two weeks', '2026-11-09', '2026-11-22', 'in the last 2 weeks'],
    ['the last 3 months', '2026-08-23', '2026-11-22', 'in the last 3 months'],
    ['past week', '2026-11-16', '2026-11-22', 'in the last week'],
    ['over the past few days', '2026-11-20', '2026-11-22', 'in the last 3 days'],
    ['friday', '2026-11-20', '2026-11-20', 'on Friday, Nov 20'],
    ['the day before yesterday', '2026-11-20', '2026-11-20', 'on Friday, Nov 20'],
    ['dec 3', '2025-12-03', '2025-12-03', 'on Dec 3, 2025'],
  ])('%s → %s..%s', (words, from, to, label) => {
    expect(range(words)).toMatchObject({ from, to, label });
  });

  it('reads the period values Lex itself resolves to, and a year said alone', () => {
    expect(
      rangeOfDateSlot({ originalValue: 'this week', interpretedValue: '2026-W47' }, today),
    ).toMatchObject({
      from: '2026-11-16',
      to: '2026-11-22',
      unit: 'week',
    });
    expect(rangeOfDateSlot({ originalValue: 'october', interpretedValue: '2026-10' }, today)).toMatchObject({
      from: '2026-10-01',
      to: '2026-10-31',
      label: 'in October',
    });
    expect(
      rangeOfDateSlot({ originalValue: 'throughout the year 2025', interpretedValue: '2025-01-01' }, today),
    ).toMatchObject({ from: '2025-01-01', to: '2025-12-31', unit: 'year' });
    expect(rangeOfDateSlot({ originalValue: 'in 2025' }, today)).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      label: 'in 2025',
    });
  });

  it('marks whole calendar periods so totals come from rollups', () => {
    expect(range('last month')?.unit).toBe('month');
    expect(range('last week')?.unit).toBe('week');
    expect(range('last 30 days')?.unit).toBeUndefined();
  });

  it('names no range when the slot carries no day', () => {
    expect(rangeOfDateSlot({ originalValue: 'feb 30', interpretedValue: '' }, today)).toBeNull();
    expect(rangeOfDateSlot({}, today)).toBeNull();
  });

  it('compares with the period just before, of the same length', () => {
    expect(previousRange(range('in October')!, today)).toMatchObject({
      from: '2026-09-01',
      to: '2026-09-30',
    });
    expect(previousRange(range('last 30 days')!, today)).toMatchObject({
      from: '2026-09-24',
      to: '2026-10-23',
    });
    expect(previousRange(thisMonth(today), today)).toMatchObject({ from: '2026-10-01', label: 'in October' });
  });
});

describe('calendar edges', () => {
  it('"last week" in early January is the last ISO week of the year before', () => {
    expect(range('last week', '2027-01-06')).toMatchObject({
      from: '2026-12-28',
      to: '2027-01-03',
      unit: 'week',
    });
  });

  it('a month named in January without a year means the one just past', () => {
    expect(range('in December', '2027-01-05')).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-31',
      label: 'in December 2026',
    });
  });

  it('"last month" on March 31 is all of February', () => {
    expect(range('last month', '2028-03-31')).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
  });
});

describe('dayOfDateSlot: the day, as resolved', () => {
  it.each([
    ['friday', '2026-11-20'],
    ['sunday', '2026-11-22'],
    ['last sunday', '2026-11-15'],
    ['the 3rd', '2026-11-03'],
    ['3 days ago', '2026-11-19'],
    ['the day before yesterday', '2026-11-20'],
  ])('%s → %s', (words, expected) => {
    expect(dayOfDateSlot(slot(words), today)).toBe(expected);
  });

  it('"friday" said on a Friday is today, "last friday" a week ago', () => {
    expect(dayOfDateSlot(slot('friday', '2026-11-20'), '2026-11-20')).toBe('2026-11-20');
    expect(dayOfDateSlot(slot('last friday', '2026-11-20'), '2026-11-20')).toBe('2026-11-13');
  });

  it('takes a bare weekday Lex resolved into the coming week as the latest one', () => {
    expect(dayOfDateSlot({ originalValue: 'friday', interpretedValue: '2026-11-27' }, today)).toBe(
      '2026-11-20',
    );
    expect(dayOfDateSlot({ originalValue: 'next friday', interpretedValue: '2026-11-27' }, today)).toBe(
      '2026-11-27',
    );
  });

  it('keeps a day of this month still to come ("on the 28th" said on the 24th), never last month\'s', () => {
    expect(dayOfDateSlot(slot('on the 28th', '2026-11-24'), '2026-11-24')).toBe('2026-11-28');
  });
});

describe('dayOfDateSlotWithin: the answer to "Which day last month?" read inside that range', () => {
  const lastMonth = { from: '2026-10-01', to: '2026-10-31' };
  const lastWeek = { from: '2026-11-09', to: '2026-11-15' };
  it.each([
    ['the 15th', lastMonth, '2026-10-15'],
    ['15th', lastMonth, '2026-10-15'],
    ['on the 3rd', lastMonth, '2026-10-03'],
    ['wednesday', lastWeek, '2026-11-11'],
    ['on fri', lastWeek, '2026-11-13'],
    // A day named in full is that day, in the range or not.
    ['oct 3', lastMonth, '2026-10-03'],
    ['yesterday', lastMonth, '2026-11-21'],
    ['nov 2', lastWeek, '2026-11-02'],
  ])('%s → %s', (words, within, day) => {
    expect(dayOfDateSlotWithin(slot(words), within, today)).toBe(day);
  });

  it('a day of the month the range lacks stays what the NLU made of it; one it has is found', () => {
    expect(dayOfDateSlotWithin(slot('the 31st'), { from: '2026-11-01', to: '2026-11-30' }, today)).toBe(null);
    // The NLU finds no 31st in November, the month it is said in; October has one.
    expect(dayOfDateSlotWithin(slot('the 31st'), lastMonth, today)).toBe('2026-10-31');
  });
});

describe('one reader for the NLU and fulfillment', () => {
  it('reads "the last 2 years" (the NLU found no date in it before) as the two years up to today', () => {
    expect(range('how much in the last 2 years')).toMatchObject({
      from: '2024-11-23',
      to: '2026-11-22',
      label: 'in the last 2 years',
    });
  });

  it('reads words Lex resolved that the NLU would not find in a sentence: "15th", "for 2025"', () => {
    expect(rangeOfDateSlot({ originalValue: '15th', interpretedValue: '2026-11-15' }, today)).toMatchObject({
      from: '2026-11-15',
      to: '2026-11-15',
    });
    expect(rangeOfDateSlot({ originalValue: 'for 2025' }, today)).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      unit: 'year',
    });
  });
});
