import { findGoal, goalKey, goalProgress, parseNewGoal } from './goals';

describe('savings goals', () => {
  it('finds a goal by the words a person uses for it, in any order', () => {
    expect(goalKey('a trip to Japan')).toBe('japan trip');
    expect(goalKey('the japan trip')).toBe('japan trip');
    expect(goalKey('my japan goal')).toBe('japan');
    const goals = [{ key: 'japan trip' }, { key: 'car' }, { key: 'car new tires' }];
    expect(findGoal(goals, 'the japan trip')).toEqual({ key: 'japan trip' });
    expect(findGoal(goals, 'japan')).toEqual({ key: 'japan trip' });
    expect(findGoal(goals, 'the car')).toEqual({ key: 'car' });
    expect(findGoal(goals, 'tires')).toEqual({ key: 'car new tires' });
    expect(findGoal(goals, 'wedding')).toBeNull();
  });

  it('says what each month still needs to reach the goal on time, counting this month', () => {
    const goal = { targetMinor: 200_000, savedMinor: 30_000, targetDate: '2027-06-30' };
    // Dec, Jan, Feb, Mar, Apr, May, Jun: 7 months for 1,700.
    expect(goalProgress(goal, '2026-12-03')).toEqual({
      savedMinor: 30_000,
      leftMinor: 170_000,
      percent: 15,
      reached: false,
      monthsLeft: 7,
      perMonthMinor: 24_286,
      overdue: false,
    });
    expect(goalProgress(goal, '2027-06-10')).toMatchObject({ monthsLeft: 1, perMonthMinor: 170_000 });
    expect(goalProgress(goal, '2027-07-01')).toMatchObject({ overdue: true, monthsLeft: 0 });
    expect(goalProgress({ ...goal, savedMinor: 250_000 }, '2026-12-03')).toMatchObject({
      reached: true,
      percent: 100,
      leftMinor: 0,
      perMonthMinor: null,
    });
    expect(goalProgress({ targetMinor: 100, savedMinor: 0 }, '2026-12-03')).toMatchObject({
      monthsLeft: null,
    });
  });

  it('refuses a goal with no name or a bad amount, in a sentence', () => {
    expect(() => parseNewGoal({ name: 'the goal', targetMinor: 100, currency: 'USD' })).toThrow(
      /What is the goal for/,
    );
    expect(() => parseNewGoal({ name: 'car', targetMinor: 0, currency: 'USD' })).toThrow(/more than zero/);
    expect(parseNewGoal({ name: 'a new car goal', targetMinor: 100, currency: 'usd' })).toEqual({
      name: 'new car',
      targetMinor: 100,
      currency: 'USD',
    });
  });
});
