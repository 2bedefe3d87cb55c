/**
 * "export my transactions" (issue 13), end to end: the real Lex SDK client → the local runtime trained
 * from the bot definition → the code hook → DynamoDB Local. The answer is a download message for
 * GET /api/export.csv, limited to the period said; nothing is written.
 */
import { dialogType, intentName, replyPayloads, replyText } from '../support/replies';
import { useConversationHarness } from '../support/conversation';

// Sunday 2026-11-22, noon in New York.

const { h } = useConversationHarness('2026-11-22T17:00:00Z');

test('"export my transactions": a download of everything, nothing written', async () => {
  await h.say('ex-1', 'spent 12.50 on lunch');
  const reply = await h.say('ex-1', 'export my transactions');
  expect(intentName(reply)).toBe('GetExport');
  expect(dialogType(reply)).toBe('Close');
  expect(replyText(reply)).toMatch(/^All your transactions are ready as a CSV file\./);
  expect(replyPayloads(reply)).toEqual([
    { type: 'download', label: 'Download CSV (all transactions)', url: '/api/export.csv' },
  ]);
  expect(await h.repo.listRecent('ex-1', 10)).toHaveLength(1);
});

test.each([
  ["export last month's spending", '2026-10-01', '2026-10-31', 'last month'],
  ['download my transactions from october as csv', '2026-10-01', '2026-10-31', 'in October'],
  ['give me a csv of this year', '2026-01-01', '2026-12-31', 'this year'],
])('"%s": the download names the range', async (text, from, to, words) => {
  await h.say('ex-2', 'spent 30 on groceries on october 5');
  const reply = await h.say('ex-2', text);
  expect(intentName(reply)).toBe('GetExport');
  expect(replyText(reply)).toContain(`Your transactions ${words} are ready as a CSV file.`);
  expect(replyPayloads(reply)).toEqual([
    {
      type: 'download',
      label: `Download CSV (${from} to ${to})`,
      url: `/api/export.csv?from=${from}&to=${to}`,
    },
  ]);
});

test('nothing to export: says so, and offers a way on instead of an empty file', async () => {
  const reply = await h.say('ex-3', 'download my data as csv');
  expect(intentName(reply)).toBe('GetExport');
  expect(replyText(reply)).toBe(
    'You have no transactions yet, so there is nothing to export. Log an expense or import a bank file first.',
  );
  expect(replyPayloads(reply)).toEqual([]);
});
