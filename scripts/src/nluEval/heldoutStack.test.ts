/**
 * The held-out lines through everything a user's words pass: the Lex V2 runtime over HTTP with the real
 * SDK client, the NLU, and the real code hook on DynamoDB Local. The fulfillment's fallback handler can
 * still answer text the NLU gave up on ("no, make that 15", "spnt 12 on lnch"), so the NLU alone cannot
 * prove that chatter never becomes a write: this does, scored as `npm run nlu:eval` scores it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IntentName } from '@budgetbuddy/bot';
import { localDay } from '@budgetbuddy/bot/calendar';
import { startConversationHarness, type ConversationHarness } from '../conversationHarness';
import { parseEvalFile } from '../nluEval';
import { EVAL_USER_ID, lexRecognizer } from './recognizers';
import { scoreLine, summarise, type LineResult } from './scoring';

const FILE = resolve(__dirname, '../../../bot/src/nlu/eval/heldout.jsonl');
const lines = parseEvalFile(readFileSync(FILE, 'utf8'), FILE);
const TIME_ZONE = 'America/New_York';

let harness: ConversationHarness;
const results: LineResult[] = [];
const storedByChatter: string[] = [];

beforeAll(async () => {
  harness = await startConversationHarness();
  const lex = lexRecognizer(harness.lexUrl, harness.identityKeys);
  const stored = async () => (await harness.repo.listRecent(EVAL_USER_ID, 50)).length;
  try {
    for (const [index, line] of lines.entries()) {
      const chatter = line.intent === IntentName.FallbackIntent;
      const before = chatter ? await stored() : 0;
      const recognition = await lex.recognize(line.text, TIME_ZONE, index);
      results.push(scoreLine(line, recognition, localDay(new Date(), TIME_ZONE)));
      if (chatter && (await stored()) !== before) storedByChatter.push(line.text);
    }
  } finally {
    lex.close();
  }
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

it('never turns chatter, code or a statement into a write, in the NLU or in the fulfillment', () => {
  const falseActions = results
    .filter((r) => r.falseAction)
    .map((r) => `"${r.line.text}" → ${r.recognition.intent}`);
  expect(falseActions).toEqual([]);
  expect(storedByChatter).toEqual([]);
});

it('understands the held-out requests end to end', () => {
  const report = summarise(results);
  expect(report.intentAccuracy).toBeGreaterThanOrEqual(0.93);
  expect(report.slotAccuracy).toBeGreaterThanOrEqual(0.95);
});
