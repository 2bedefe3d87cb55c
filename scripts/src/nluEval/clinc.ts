/**
 * CLINC150 scoring (../shared/eval/clinc, `accept` lists): how many lines an accepted intent answers, and
 * how many became a write. `npx tsx scripts/src/nluEval/clinc.ts` prints the three files, each split
 * into the lines the NLU may have trained on (the out-of-scope file's lines whose 0-based index is a
 * multiple of 6, see bot/src/nlu/clincOutOfScope.ts) and the odd-numbered lines, which no part of the
 * bot was trained on or tuned against line by line: the honest estimate for CLINC's unseen splits.
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

async function main(): Promise<void> {
  const nlu = await createNlu(budgetBuddyBot, LOCALE_ID);
  const verbose = process.argv.includes('-v');
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  for (const file of CLINC_FILES) {
    const lines = readClinc(file);
    const all = scoreClinc(nlu, lines);
    const unseen = scoreClinc(
      nlu,
      lines.filter((_, i) => i % 2 === 1),
    );
    console.log(
      `${file.padEnd(18)} all ${pct(all.answered)} (writes ${pct(all.writes)}), odd lines only ${pct(unseen.answered)} (writes ${pct(unseen.writes)}), ${lines.length} lines`,
    );
    if (verbose) console.log(all.misses.map((m) => `  ✗ ${m}`).join('\n'));
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}
