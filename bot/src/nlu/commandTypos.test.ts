import { correctCommandVerb } from './commandTypos';
import { isEnglishWord } from './englishWords';

const correct = (text: string) => correctCommandVerb(text, isEnglishWord);

describe('correctCommandVerb: a misspelt verb at the start of a request', () => {
  it.each([
    ['chnage the costco one to 5.50', 'change the costco one to 5.50'],
    ['cahnge it to food', 'change it to food'],
    ['udpate the costco one to 5', 'update the costco one to 5'],
    ['delte the coffee', 'delete the coffee'],
    ['pls remvoe the coffee', 'pls remove the coffee'],
    ['no, chnage it to 14', 'no, change it to 14'],
  ])('"%s" → "%s"', (text, expected) => {
    expect(correct(text)).toBe(expected);
  });

  it.each([
    'cheese 5',
    'remote 40',
    'changes 5 coffee',
    'spent 5 on lunch chnage',
    'coffee chnage 4',
    'change the costco one',
    'edt the coffee',
  ])('leaves "%s" alone (a real word, too short, or not where a verb goes)', (text) => {
    expect(correct(text)).toBe(text);
  });
});
