import { parsePastDay, previousRange, resolveDateRange } from './dateRange';
import { toDay } from './calendar';

// Sunday.
const today = '2026-11-22';

describe('resolveDateRange', () => {
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
    ['last year', '2025-01-01', '2025-12-31', 'last year'],
    ['since monday', '2026-11-16', '2026-11-22', 'since Monday, Nov 16'],
    ['last 30 days', '2026-10-24', '2026-11-22', 'in the last 30 days'],
    ['past two weeks', '2026-11-09', '2026-11-22', 'in the last 2 weeks'],
    ['over the past few days', '2026-11-20', '2026-11-22', 'in the last 3 days'],
    ['friday', '2026-11-20', '2026-11-20', 'on Friday, Nov 20'],
    ['the day before yesterday', '2026-11-20', '2026-11-20', 'on Friday, Nov 20'],
    ['how much did I spend in 2025', '2025-01-01', '2025-12-31', 'in 2025'],
  ])('%s → %s..%s', (words, from, to, label) => {
    expect(resolveDateRange(words, today)).toMatchObject({ from, to, label });
  });

  it('marks whole calendar periods so totals come from rollups', () => {
    expect(resolveDateRange('last month', today)?.period).toEqual({ granularity: 'month', key: '2026-10' });
    expect(resolveDateRange('last week', today)?.period).toEqual({ granularity: 'week', key: '2026-W46' });
    expect(resolveDateRange('last 30 days', today)?.period).toBeUndefined();
  });

  it('returns null for words that name no time', () => {
    expect(resolveDateRange('what about transport', today)).toBeNull();
  });

  it('compares with the period just before, of the same length', () => {
    const month = resolveDateRange('in October', today)!;
    expect(previousRange(month, today)).toMatchObject({ from: '2026-09-01', to: '2026-09-30' });
    const days = resolveDateRange('last 30 days', today)!;
    expect(previousRange(days, today)).toMatchObject({ from: '2026-09-24', to: '2026-10-23' });
  });
});

describe('parsePastDay', () => {
  it.each([
    ['friday', '2026-11-20'],
    ['sunday', '2026-11-22'],
    ['last sunday', '2026-11-15'],
    ['dec 3', '2025-12-03'],
    ['the 3rd', '2026-11-03'],
    ['3 days ago', '2026-11-19'],
    ['the day before yesterday', '2026-11-20'],
    ['next friday', null],
  ])('%s → %s', (words, expected) => {
    const day = parsePastDay(words, today);
    expect(day ? toDay(day) : null).toBe(expected);
  });
});

describe('calendar edges', () => {
  it('"last week" in early January is ISO week 53 of the year before', () => {
    expect(resolveDateRange('last week', '2027-01-06')).toMatchObject({
      from: '2026-12-28',
      to: '2027-01-03',
      period: { granularity: 'week', key: '2026-W53' },
    });
  });

  it('a month named in January without a year means the one just past', () => {
    expect(resolveDateRange('in December', '2027-01-05')).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-31',
      label: 'in December 2026',
    });
  });

  it('"last month" on March 31 is all of February', () => {
    expect(resolveDateRange('last month', '2028-03-31')).toMatchObject({
      from: '2028-02-01',
      to: '2028-02-29',
    });
  });

  it('"friday" said on a Friday is today, "last friday" a week ago', () => {
    expect(toDay(parsePastDay('friday', '2026-11-20')!)).toBe('2026-11-20');
    expect(toDay(parsePastDay('last friday', '2026-11-20')!)).toBe('2026-11-13');
  });
});
