/**
 * The NLU on labelled lines it was never trained on (bot/src/nlu/eval/heldout.jsonl): realistic
 * requests in other words than the bot's samples (typos, slang, "€20", "3.5k", follow-ups like "and in
 * october?") and out-of-scope chatter that must never be read as a write. Scored exactly as
 * `npm run nlu:eval`, on fixed days in three time zones, so relative dates are checked too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { budgetBuddyBot, IntentName, LOCALE_ID, WRITE_INTENTS } from '@budgetbuddy/bot';
import { localDay } from '@budgetbuddy/bot/calendar';
import { createNlu, type Nlu } from '@budgetbuddy/bot/nlu';
import { parseEvalFile } from '../nluEval';
import { scoreLine, summarise, type LineResult } from './scoring';

const FILE = resolve(__dirname, '../../../bot/src/nlu/eval/heldout.jsonl');
const lines = parseEvalFile(readFileSync(FILE, 'utf8'), FILE);
const isChatter = (intent: string): boolean => intent === IntentName.FallbackIntent;

/** A mid-week day, the first days of a year (Tokyo is a day ahead of UTC), and a Sunday that starts a month. */
const DAYS = [
  { now: '2026-11-18T15:00:00Z', timeZone: 'America/New_York' },
  { now: '2027-01-03T23:30:00Z', timeZone: 'Asia/Tokyo' },
  { now: '2026-03-01T12:00:00Z', timeZone: 'UTC' },
] as const;

let nlu: Nlu;
beforeAll(async () => {
  nlu = await createNlu(budgetBuddyBot, LOCALE_ID);
});

function run(nowIso: string, timeZone: string): LineResult[] {
  const now = new Date(nowIso);
  const today = localDay(now, timeZone);
  return lines.map((line) => {
    const [top] = nlu.interpret(line.text, { timeZone, now });
    const slots: Record<string, string | null> = {};
    for (const [name, value] of Object.entries(top?.slots ?? {}))
      slots[name] = value?.interpretedValue ?? null;
    return scoreLine(line, { intent: top?.intentName ?? null, slots, latencyMs: 0 }, today);
  });
}

const show = (results: LineResult[]): string[] =>
  results.map((r) => `"${r.line.text}" → ${r.recognition.intent ?? '∅'} (expected ${r.line.intent})`);

it('has enough lines of each kind', () => {
  const inScope = lines.filter((l) => !isChatter(l.intent));
  expect(inScope.length).toBeGreaterThanOrEqual(300);
  expect(lines.length - inScope.length).toBeGreaterThanOrEqual(100);
  for (const intent of Object.values(IntentName).filter((i) => !isChatter(i))) {
    expect({ intent, enough: inScope.filter((l) => l.intent === intent).length >= 5 }).toEqual({
      intent,
      enough: true,
    });
  }
});

describe.each(DAYS)('held-out lines on $now in $timeZone', ({ now, timeZone }) => {
  let results: LineResult[];
  beforeAll(() => {
    results = run(now, timeZone);
  });

  it('never takes chatter, code or a statement for a write', () => {
    const falseActions = results.filter((r) => r.falseAction);
    expect(show(falseActions)).toEqual([]);
  });

  it('recognises in-scope requests and fills their slots', () => {
    const report = summarise(results.filter((r) => !isChatter(r.line.intent)));
    expect(report.intentAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.slotAccuracy).toBeGreaterThanOrEqual(0.97);
  });

  it('sends most chatter to FallbackIntent and none of it to a write intent', () => {
    const chatter = results.filter((r) => isChatter(r.line.intent));
    const fellBack = chatter.filter((r) => r.intentOk).length / chatter.length;
    expect(fellBack).toBeGreaterThanOrEqual(0.85);
    const written = chatter.filter((r) =>
      (WRITE_INTENTS as readonly string[]).includes(r.recognition.intent ?? ''),
    );
    expect(show(written)).toEqual([]);
  });
});
