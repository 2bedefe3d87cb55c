import { isEnglishWord } from './englishWords';

describe('isEnglishWord', () => {
  it('finds words anywhere in the sorted list, first and last included', () => {
    for (const word of ['a', 'aa', 'table', 'convert', 'groceries', 'zzz', 'zzzs']) {
      expect({ word, found: isEnglishWord(word) }).toEqual({ word, found: true });
    }
  });

  it('does not find typos, brand names, empty or non-lower-case text', () => {
    for (const word of ['grocceries', 'resturant', 'netflix', 'zzzz', '', 'Table', 'caf\u00e9', 'a b']) {
      expect({ word, found: isEnglishWord(word) }).toEqual({ word, found: false });
    }
  });

  it('answers in microseconds', () => {
    isEnglishWord('warm');
    const started = performance.now();
    for (let i = 0; i < 10_000; i += 1) isEnglishWord(i % 2 ? 'restaurant' : 'resturant');
    expect((performance.now() - started) / 10_000).toBeLessThan(0.05);
  });
});
