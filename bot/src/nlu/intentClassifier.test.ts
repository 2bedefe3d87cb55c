import { IntentClassifier, NONE_INTENT } from './intentClassifier';

describe('IntentClassifier', () => {
  let classifier: IntentClassifier;
  beforeAll(async () => {
    classifier = await IntentClassifier.train([
      { utterance: 'spent xnumber on xcategory', intent: 'Log' },
      { utterance: 'i paid xnumber for xcategory', intent: 'Log' },
      { utterance: 'how much did i spend', intent: 'Query' },
      { utterance: 'what have i spent this month', intent: 'Query' },
      { utterance: 'hello there', intent: 'Greet' },
      { utterance: 'hi', intent: 'Greet' },
      { utterance: 'what is the weather', intent: NONE_INTENT },
    ]);
  });

  it('classifies synchronously exactly as NLP.js does asynchronously', async () => {
    for (const text of [
      'I spent xnumber on xcategory',
      'how much have I spent',
      'hello',
      'paid for it',
      'zzz',
    ]) {
      const ours = classifier.classify(text);
      const theirs = await classifier.classifyWithNlpJs(text);
      expect(ours.map((c) => c.intent)).toEqual(theirs.map((c) => c.intent));
      ours.forEach((c, i) => expect(c.score).toBeCloseTo(theirs[i]?.score ?? -1, 6));
    }
  });

  it('ranks the trained intent first', () => {
    expect(classifier.classify('paid xnumber on xcategory')[0]?.intent).toBe('Log');
    expect(classifier.classify('how much did I spend')[0]?.intent).toBe('Query');
  });

  it('knows the stems it was trained on and no others', () => {
    const [spend] = classifier.stems('spending');
    expect(classifier.knows(spend ?? '')).toBe(true);
    expect(classifier.knows('giraff')).toBe(false);
  });
});
