import { classifyConfirmation } from './confirmation';

describe('classifyConfirmation', () => {
  it.each([
    'yes',
    'Yes!',
    'yeah',
    'yep',
    'sure',
    'ok',
    'okay',
    'go ahead',
    'yes please',
    'do it',
    'correct',
    '👍',
  ])('"%s" is yes', (text) => expect(classifyConfirmation(text)).toBe('yes'));
  it.each(['no', 'No.', 'nope', 'nah', 'cancel', "don't", 'never mind', 'no thanks', 'keep it'])(
    '"%s" is no',
    (text) => expect(classifyConfirmation(text)).toBe('no'),
  );
  it.each(['', 'maybe', 'what?', 'spent 5 on coffee', 'know', 'nobody'])('"%s" is neither', (text) =>
    expect(classifyConfirmation(text)).toBeNull(),
  );
  it('reads a yes taken back as no', () => {
    expect(classifyConfirmation('yes... actually no, cancel')).toBe('no');
  });
});
