import {
  customRange,
  daysLeftInPeriod,
  localDate,
  periodKeyOf,
  periodKeysFor,
  periodRange,
  previousPeriod,
  rangeOfPeriod,
} from './periods';

describe('periods', () => {
  it('puts the same instant on different local days in Auckland and Los Angeles', () => {
    const instant = new Date('2026-11-30T20:00:00Z');
    expect(localDate(instant, 'Pacific/Auckland')).toBe('2026-12-01');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-11-30');
    expect(localDate(instant, 'UTC')).toBe('2026-11-30');
  });

  it('refuses an unknown time zone', () => {
    expect(() => localDate(new Date(), 'Mars/Olympus')).toThrow(/not a time zone I know/);
  });

  it('uses ISO weeks across the year end', () => {
    expect(periodKeyOf('week', '2026-12-31').key).toBe('2026-W53');
    expect(periodKeyOf('week', '2027-01-01').key).toBe('2026-W53');
    expect(periodKeyOf('week', '2027-01-03').key).toBe('2026-W53');
    expect(periodKeyOf('week', '2027-01-04').key).toBe('2027-W01');
    expect(periodKeyOf('week', '2025-12-29').key).toBe('2026-W01');
    expect(rangeOfPeriod({ granularity: 'week', key: '2026-W53' })).toEqual({
      from: '2026-12-28',
      to: '2027-01-03',
    });
  });

  it('lists the week, month and year a date falls in', () => {
    expect(periodKeysFor('2028-02-29')).toEqual([
      { granularity: 'week', key: '2028-W09' },
      { granularity: 'month', key: '2028-02' },
      { granularity: 'year', key: '2028' },
    ]);
  });

  it('gives inclusive ranges, including leap February', () => {
    expect(periodRange('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('month', '2027-02-10')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(periodRange('week', '2026-11-24')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodRange('year', '2026-06-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('steps back to the previous period', () => {
    expect(previousPeriod({ granularity: 'week', key: '2027-W01' })).toEqual({
      granularity: 'week',
      key: '2026-W53',
    });
    expect(previousPeriod({ granularity: 'month', key: '2026-01' })).toEqual({
      granularity: 'month',
      key: '2025-12',
    });
    expect(previousPeriod({ granularity: 'month', key: '2026-03' })).toEqual({
      granularity: 'month',
      key: '2026-02',
    });
    expect(previousPeriod({ granularity: 'year', key: '2026' })).toEqual({
      granularity: 'year',
      key: '2025',
    });
  });

  it('counts days left including today', () => {
    expect(daysLeftInPeriod('month', '2026-11-30')).toBe(1);
    expect(daysLeftInPeriod('month', '2026-11-01')).toBe(30);
    expect(daysLeftInPeriod('week', '2026-11-23')).toBe(7);
    expect(daysLeftInPeriod('year', '2028-01-01')).toBe(366);
  });

  it('rejects unreal dates and backwards ranges', () => {
    expect(() => periodKeysFor('2027-02-29')).toThrow(/not a real calendar date/);
    expect(() => periodKeysFor('24/11/2026')).toThrow(/not a date I understand/);
    expect(() => customRange('2026-12-01', '2026-11-01')).toThrow(/before it starts/);
    expect(() => rangeOfPeriod({ granularity: 'week', key: '2027-W53' })).toThrow(/not a week/);
  });
});
