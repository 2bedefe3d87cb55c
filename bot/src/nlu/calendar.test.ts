import { addDays, addMonths, day, daysBetween, isoDate, lastOfMonth, mondayOf, spanOf } from './calendar';

describe('the one calendar (date-fns on UTC-pinned days)', () => {
  it('gives the week, month and year holding a day, across year ends and leap days', () => {
    expect(spanOf('week', '2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(spanOf('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(spanOf('year', '2026-11-22')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('keeps days whole whatever the server zone: a month on is the same day or the month end', () => {
    expect(isoDate(addMonths(day(2026, 1, 31), 1))).toBe('2026-02-28');
    expect(isoDate(addDays(day(2026, 3, 28), 2))).toBe('2026-03-30');
    expect(isoDate(mondayOf(day(2026, 11, 22)))).toBe('2026-11-16');
    expect(isoDate(lastOfMonth(day(2026, 11, 3)))).toBe('2026-11-30');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
  });
});
