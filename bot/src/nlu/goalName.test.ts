import { findGoalName } from './goalName';

const goal = (text: string, claimed: { start: number; end: number }[] = []) =>
  findGoalName(text.toLowerCase(), text, claimed)?.originalValue ?? null;
const claim = (text: string, ...parts: string[]) =>
  parts.map((p) => ({ start: text.toLowerCase().indexOf(p), end: text.toLowerCase().indexOf(p) + p.length }));

describe('findGoalName', () => {
  it.each([
    ['I want to save 2,000 for a trip to Japan by june', ['2,000', 'june'], 'trip to Japan'],
    ['put 300 toward the japan trip', ['300'], 'japan trip'],
    ['how is my japan goal going', [], 'japan'],
    ['delete the japan goal', [], 'japan'],
    ['add 50 to my car fund', ['50'], 'car'],
    ['how much have I saved for the new car?', [], 'new car'],
    ['my goal is to save 5000 for a house deposit', ['5000'], 'house deposit'],
    ['I want to save up for a wedding', [], 'wedding'],
    ['contribute 100 to the emergency fund', ['100'], 'emergency'],
    ["what's my progress on the vacation goal", [], 'vacation'],
  ])('%s → %s', (text, claimed, expected) => {
    expect(goal(text, claim(text, ...claimed))).toBe(expected);
  });

  it.each(['list my goals', 'what are my savings goals', 'how are my goals going', 'add a savings goal'])(
    '%s names no goal',
    (text) => {
      expect(goal(text)).toBeNull();
    },
  );
});
