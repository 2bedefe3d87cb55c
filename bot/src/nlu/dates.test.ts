import { findDates } from './dates';

// 03:00 UTC on Tuesday 24 Nov 2026: still Monday 23 Nov in New York, already Tuesday in Tokyo.
const now = new Date('2026-11-24T03:00:00Z');
const resolve = (text: string, timeZone: string): { original: string; value: string } | null => {
  const [d] = findDates(text.toLowerCase(), text, now, timeZone);
  return d ? { original: d.originalValue, value: d.interpretedValue } : null;
};

describe('findDates', () => {
  it.each([
    ['spent 5 today', 'today', '2026-11-23', '2026-11-24'],
    ['yesterday', 'yesterday', '2026-11-22', '2026-11-23'],
    ['two days ago', 'two days ago', '2026-11-21', '2026-11-22'],
    ['3 days ago', '3 days ago', '2026-11-20', '2026-11-21'],
    ['how much this week', 'this week', '2026-11-23', '2026-11-23'],
    ['how much last week', 'last week', '2026-11-16', '2026-11-16'],
    ['spending last month', 'last month', '2026-10-01', '2026-10-01'],
    ['spending this month', 'this month', '2026-11-01', '2026-11-01'],
    ['so far this year', 'so far this year', '2026-01-01', '2026-01-01'],
    ['last year', 'last year', '2025-01-01', '2025-01-01'],
    ['spent 9 on friday', 'on friday', '2026-11-20', '2026-11-20'],
    ['lunch last sunday', 'last sunday', '2026-11-22', '2026-11-22'],
    ['spending since Monday', 'since Monday', '2026-11-23', '2026-11-23'],
    ['drinks last weekend', 'last weekend', '2026-11-21', '2026-11-21'],
    ['how much in October', 'in October', '2026-10-01', '2026-10-01'],
    ['how much in december', 'in december', '2025-12-01', '2025-12-01'],
    ['over the last 30 days', 'over the last 30 days', '2026-10-24', '2026-10-25'],
    ['on march 3', 'march 3', '2026-03-03', '2026-03-03'],
    ['on 2026-11-02', '2026-11-02', '2026-11-02', '2026-11-02'],
  ])('"%s" → "%s" (New York %s, Tokyo %s)', (text, original, newYork, tokyo) => {
    expect(resolve(text, 'America/New_York')).toEqual({ original, value: newYork });
    expect(resolve(text, 'Asia/Tokyo')).toEqual({ original, value: tokyo });
  });

  it('says "last <weekday>" on that weekday means a week ago, a bare weekday means today', () => {
    expect(resolve('last tuesday', 'Asia/Tokyo')?.value).toBe('2026-11-17');
    expect(resolve('tuesday', 'Asia/Tokyo')?.value).toBe('2026-11-24');
  });

  it.each([
    ['spent 20 on the 15th for lunch', 'on the 15th', '2026-11-15'],
    // A day still ahead this month stays in this month: fulfillment confirms a future day.
    ['on the 28th', 'on the 28th', '2026-11-28'],
    ['on the 15th of last month', 'on the 15th of last month', '2026-10-15'],
    ['the 31st of last month', 'the 31st of last month', '2026-10-31'],
    ['nov 3', 'nov 3', '2026-11-03'],
    ['3 nov', '3 nov', '2026-11-03'],
    ['on the 3rd of november', 'the 3rd of november', '2026-11-03'],
    ['november 3rd', 'november 3rd', '2026-11-03'],
    ['dec 3', 'dec 3', '2025-12-03'],
    ['march 3 2025', 'march 3 2025', '2025-03-03'],
    ['groceries 62.40 on 11/20', '11/20', '2026-11-20'],
    ['11/3/26', '11/3/26', '2026-11-03'],
    ['feb 29 2028', 'feb 29 2028', '2028-02-29'],
  ])('"%s" → "%s" (%s, in Tokyo)', (text, original, value) => {
    expect(resolve(text, 'Asia/Tokyo')).toEqual({ original, value });
  });

  it.each([
    ['lunch on the 31st', 'on the 31st'],
    ['on feb 30', 'feb 30'],
    ['feb 29', 'feb 29'],
    ['31 sept', '31 sept'],
    ['2/30', '2/30'],
  ])('keeps a day that does not exist as words with no value: "%s"', (text, original) => {
    // November has 30 days, 2026 is not a leap year.
    expect(resolve(text, 'Asia/Tokyo')).toEqual({ original, value: '' });
  });

  it.each([
    ['morphia 9.80 october 30', 'october 30', '2026-10-30'],
    ['applesauce 67 aug 15', 'aug 15', '2026-08-15'],
    ['kavakava 2 dollars 99 oct 30', 'oct 30', '2026-10-30'],
    ['long pants 86 oct 5', 'oct 5', '2026-10-05'],
    ['bought haircut for 38 nov 14', 'nov 14', '2026-11-14'],
  ])(
    'takes the day after the month when the number before it is the amount: "%s"',
    (text, original, value) => {
      expect(resolve(text, 'Asia/Tokyo')).toEqual({ original, value });
    },
  );

  it('leaves counts and money next to month names alone', () => {
    expect(resolve('the 3rd time this week', 'UTC')?.original).toBe('this week');
    expect(resolve('may 20 dollars be enough', 'UTC')).toBeNull();
    expect(resolve('coffee 4 may be more', 'UTC')).toBeNull();
  });

  it('leaves words that only look like dates alone', () => {
    expect(resolve('I may buy a march ticket', 'UTC')).toBeNull();
    expect(resolve('spent 12.50 on lunch', 'UTC')).toBeNull();
    expect(resolve('sat on a bench', 'UTC')).toBeNull();
    expect(resolve('spent thirty on sun hat', 'UTC')).toBeNull();
    expect(resolve('lunch 12 on wed', 'UTC')?.original).toBe('on wed');
    expect(resolve('lunch 12 on sat for the team', 'UTC')?.original).toBe('on sat');
  });

  it('falls back to UTC for an unknown time zone rather than failing', () => {
    expect(resolve('today', 'Not/AZone')?.value).toBe('2026-11-24');
  });
});

describe('numbers joined by slashes that are no date (issue 12 point 1)', () => {
  it('reads a jar split as six percentages, not as the 5th of October', () => {
    expect(resolve('split my salary into jars 55/10/10/10/10/5', 'America/New_York')).toBeNull();
    expect(resolve('jars 50/10/10/10/10/10', 'America/New_York')).toBeNull();
  });

  it('still reads a month and day written with slashes', () => {
    expect(resolve('groceries 62.40 on 11/20', 'America/New_York')?.value).toBe('2026-11-20');
    expect(resolve('spent 5 on 11/3/2026', 'America/New_York')?.value).toBe('2026-11-03');
  });
});
