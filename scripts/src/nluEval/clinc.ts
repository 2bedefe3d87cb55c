/**
 * CLINC150 scoring (../shared/eval/clinc, `accept` lists): how many lines an accepted intent answers, and
 * how many became a write. `npx tsx scripts/src/nluEval/clinc.ts` prints the three files, each split
 * into halves: the even-numbered lines (0-based), whose misses were read to decide what to change (the
 * out-of-scope lines trained as None are among them, see bot/src/nlu/clincOutOfScope.ts), and the
 * odd-numbered lines, which were neither trained on nor read: the honest estimate for CLINC's unseen
 * splits. It also prints the NLU's start-up time and interpret() latency over all the lines.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { budgetBuddyBot, LOCALE_ID, WRITE_INTENTS } from '@budgetbuddy/bot';
import { createNlu, type Nlu } from '@budgetbuddy/bot/nlu';
import { parseEvalFile } from '../nluEval';
import type { EvalLine } from './scoring';

export const CLINC_DIR = resolve(__dirname, '../../../../shared/eval/clinc');
export const CLINC_FILES = ['dev-finance', 'dev-meta', 'dev-out-of-scope'] as const;
export type ClincFile = (typeof CLINC_FILES)[number];

export interface ClincScore {
  lines: number;
  /** Share of lines whose top intent is one of `accept`. */
  answered: number;
  /** Share of lines read as a write intent (none of the CLINC lines asks for one). */
  writes: number;
  misses: string[];
}

export function readClinc(file: ClincFile): EvalLine[] {
  const path = resolve(CLINC_DIR, `${file}.jsonl`);
  return parseEvalFile(readFileSync(path, 'utf8'), path);
}

const isWrite = (intent: string): boolean => (WRITE_INTENTS as readonly string[]).includes(intent);

export function scoreClinc(nlu: Nlu, lines: readonly EvalLine[], now = new Date()): ClincScore {
  let answered = 0;
  let writes = 0;
  const misses: string[] = [];
  for (const line of lines) {
    const intent = nlu.interpret(line.text, { timeZone: 'UTC', now })[0]?.intentName ?? '';
    if ([line.intent, ...(line.alt ?? [])].includes(intent)) answered += 1;
    else misses.push(`${intent}\t${line.text}`);
    if (isWrite(intent)) writes += 1;
  }
  const n = Math.max(1, lines.length);
  return { lines: lines.length, answered: answered / n, writes: writes / n, misses };
}

/**
 * Per-utterance time of `interpret()` over `texts`, in ms: the median and the 99th percentile of each
 * line's fastest of `passes` runs. The machine is shared, so the fastest run is the NLU's own cost; a
 * single pass measures the other users' load as much as the NLU.
 */
export function timeInterpret(nlu: Nlu, texts: readonly string[], passes = 3): { p50: number; p99: number } {
  const best = texts.map(() => Infinity);
  const ctx = { timeZone: 'UTC', now: new Date() };
  for (let pass = 0; pass < passes; pass += 1) {
    texts.forEach((text, i) => {
      const t0 = performance.now();
      nlu.interpret(text, ctx);
      best[i] = Math.min(best[i] ?? Infinity, performance.now() - t0);
    });
  }
  const ms = [...best].sort((a, b) => a - b);
  const at = (q: number): number => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const nlu = await createNlu(budgetBuddyBot, LOCALE_ID);
  const startupMs = performance.now() - t0;
  const verbose = process.argv.includes('-v');
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const texts: string[] = [];
  for (const file of CLINC_FILES) {
    const lines = readClinc(file);
    texts.push(...lines.map((l) => l.text));
    const all = scoreClinc(nlu, lines);
    // Even lines (0-based) were read to decide what to change; odd lines were not: the estimate.
    const even = scoreClinc(
      nlu,
      lines.filter((_, i) => i % 2 === 0),
    );
    const odd = scoreClinc(
      nlu,
      lines.filter((_, i) => i % 2 === 1),
    );
    console.log(
      `${file.padEnd(18)} all ${pct(all.answered)} (writes ${pct(all.writes)}), even (tuning) ${pct(even.answered)}, odd (estimate) ${pct(odd.answered)} (writes ${pct(odd.writes)}), ${lines.length} lines`,
    );
    if (verbose) console.log(all.misses.map((m) => `  ✗ ${m}`).join('\n'));
  }
  const single = timeInterpret(nlu, texts, 1);
  const { p50, p99 } = timeInterpret(nlu, texts);
  console.log(
    `start-up ${startupMs.toFixed(0)} ms; interpret() over ${texts.length} lines: one pass p50 ${single.p50.toFixed(2)} ms, p99 ${single.p99.toFixed(2)} ms; fastest of 3 p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`,
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}
