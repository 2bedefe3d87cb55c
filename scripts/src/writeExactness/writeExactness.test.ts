/**
 * Issue 11, "How to show it": 2,400 generated money messages (amount forms, items from the bot's own
 * category synonyms, date forms, one to three items per message) through the chat proxy, the real Lex SDK
 * client, the local Lex runtime and the code hook; the rows the store then holds must be exactly the rows
 * each message said. The full report (counts, failure kinds, exact share per form, the first 30 wrong
 * messages with expected vs stored) is printed; `npx tsx scripts/src/writeExactness/run.ts` prints the same.
 */
import {
  describe as describeResult,
  formatReport,
  runWriteExactness,
  type Report,
} from './runWriteExactness';

let report: Report;

beforeAll(async () => {
  report = await runWriteExactness();
  console.log(formatReport(report));
}, 300_000);

it('runs at least 2,000 generated messages through the whole stack', () => {
  expect(report.total).toBeGreaterThanOrEqual(2000);
});

it('never stores a row other than what was said (0 wrong)', () => {
  const wrong = report.results.filter((r) => r.outcome === 'wrong');
  expect({
    wrong: wrong.length,
    first: wrong.slice(0, 30).map((r) => [`[${r.failure}]`, ...describeResult(r)].join('\n')),
  }).toEqual({ wrong: 0, first: [] });
});

it('stores exactly the expected rows for at least 99% of messages (the rest ask)', () => {
  expect(report.exactRate).toBeGreaterThanOrEqual(0.99);
});
