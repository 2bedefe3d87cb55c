/**
 * The NLU on text nobody here wrote (issue 10): CLINC150's crowd-sourced spending questions, "what can
 * you do" and greetings, and 2,000 out-of-scope requests, scored with the issue's goals as thresholds;
 * plus the shared eval file and the held-out file, which must stay right while the NLU generalises.
 * In-process, as `npm run nlu:eval -- --in-process` scores them. The thresholds sit a point or two above
 * the issue's goals (which hold for CLINC's unseen splits): these are the lines the NLU was tuned with.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { budgetBuddyBot, IntentName, LOCALE_ID } from '@budgetbuddy/bot';
import { localDay } from '@budgetbuddy/bot/calendar';
import { createNlu, type Nlu } from '@budgetbuddy/bot/nlu';
import { parseEvalFile } from '../nluEval';
import { readClinc, scoreClinc } from './clinc';
import { scoreLine, summarise, type EvalLine } from './scoring';

let nlu: Nlu;
beforeAll(async () => {
  nlu = await createNlu(budgetBuddyBot, LOCALE_ID);
}, 60_000);

const NOW = new Date('2026-11-18T15:00:00Z');

describe('CLINC150 lines', () => {
  it('answers ≥ 94 % of spending and transaction questions with an accepted read intent', () => {
    const score = scoreClinc(nlu, readClinc('dev-finance'), NOW);
    // The misses are shown when the share falls below the goal.
    expect(score.answered >= 0.94 ? [] : score.misses).toEqual([]);
    expect(score.writes).toBe(0);
  });

  it('answers ≥ 93 % of "what can you do" questions and greetings', () => {
    const score = scoreClinc(nlu, readClinc('dev-meta'), NOW);
    expect(score.answered >= 0.93 ? [] : score.misses).toEqual([]);
    expect(score.writes).toBe(0);
  });

  it('keeps ≥ 96 % of out-of-scope requests harmless and reads ≤ 0.5 % as a write', () => {
    const score = scoreClinc(nlu, readClinc('dev-out-of-scope'), NOW);
    expect(score.answered >= 0.96 ? [] : score.misses).toEqual([]);
    expect(score.writes).toBeLessThanOrEqual(0.005);
  });
});

/**
 * Lines whose label predates an intent that now answers them better. The shared file calls "undo" a
 * DeleteTransaction; since issue 11, Undo takes back the last change, whatever it was (after only a
 * logged expense it deletes that expense, as before).
 */
const RELABELLED: Readonly<Record<string, string>> = { undo: IntentName.Undo };

function scoreFile(path: string): ReturnType<typeof summarise> {
  const lines = parseEvalFile(readFileSync(path, 'utf8'), path).map((l): EvalLine =>
    RELABELLED[l.text] ? { ...l, intent: RELABELLED[l.text] ?? l.intent } : l,
  );
  const timeZone = 'America/New_York';
  const today = localDay(NOW, timeZone);
  return summarise(
    lines.map((line) => {
      const [top] = nlu.interpret(line.text, { timeZone, now: NOW });
      const slots: Record<string, string | null> = {};
      for (const [name, value] of Object.entries(top?.slots ?? {}))
        slots[name] = value?.interpretedValue ?? null;
      return scoreLine(line, { intent: top?.intentName ?? null, slots, latencyMs: 0 }, today);
    }),
  );
}

const failures = (report: ReturnType<typeof summarise>): string[] =>
  report.failures.map((f) => `"${f.line.text}" → ${f.recognition.intent ?? '∅'} (expected ${f.line.intent})`);

describe('labelled files', () => {
  it('keeps ../shared/eval/utterances.jsonl at 100 % with no false action', () => {
    const report = scoreFile(resolve(__dirname, '../../../../shared/eval/utterances.jsonl'));
    expect(failures(report)).toEqual([]);
    expect(report.falseActions).toBe(0);
  });

  it('keeps the held-out file at ≥ 97 % with no false action', () => {
    const report = scoreFile(resolve(__dirname, '../../../bot/src/nlu/eval/heldout.jsonl'));
    expect(report.intentAccuracy >= 0.97 ? [] : failures(report)).toEqual([]);
    expect(report.falseActions).toBe(0);
  });
});
