/**
 * `npm run nlu:eval [FILE...] [--in-process] [--time-zone ZONE]`: runs labelled utterances (default
 * ../shared/eval/utterances.jsonl; several files, e.g. ../shared/eval/clinc/*.jsonl, are scored one by
 * one) through the bot and prints the scores defined in the eval README, then the failing lines. Default: the real Lex V2 runtime client against LEX_URL
 * (http://127.0.0.1:4010); --in-process: the NLU alone. Exits 1 below the bars.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { localDay } from '@budgetbuddy/bot/calendar';
import { inProcessRecognizer, lexRecognizer } from './nluEval/recognizers';
import type { EvalLine, EvalReport, LineResult } from './nluEval/scoring';
import type { Bars } from './nluEval/scoring';
import { barsFor, evalLineSchema, meetsBars, scoreLine, summarise } from './nluEval/scoring';

const DEFAULT_FILE = resolve(__dirname, '../../../shared/eval/utterances.jsonl');
const envSchema = z.object({ LEX_URL: z.url().default('http://127.0.0.1:4010') });

export function parseEvalFile(content: string, file: string): EvalLine[] {
  return content
    .split('\n')
    .map((raw, i) => ({ raw: raw.trim(), lineNo: i + 1 }))
    .filter(({ raw }) => raw.length > 0)
    .map(({ raw, lineNo }) => {
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new Error(`${file}:${lineNo}: not JSON`);
      }
      const parsed = evalLineSchema.safeParse(json);
      if (!parsed.success) throw new Error(`${file}:${lineNo}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}

const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;

function describeFailure(r: LineResult): string {
  const wrongSlots = r.slotResults
    .filter((s) => !s.ok)
    .map((s) => `${s.name}: expected ${s.expected}, got ${s.actual ?? '∅'}`);
  const intent = r.intentOk ? '' : ` intent ${r.recognition.intent ?? '∅'} (expected ${r.line.intent})`;
  const flag = r.falseAction ? ' FALSE ACTION' : '';
  return `  ✗ "${r.line.text}"${intent}${wrongSlots.length ? ` ${wrongSlots.join('; ')}` : ''}${flag}`;
}

export function formatReport(report: EvalReport, mode: string, bars: Bars): string {
  return [
    `NLU eval (${mode}), ${report.lines} lines`,
    `  intent accuracy  ${pct(report.intentAccuracy)}  (bar ${pct(bars.intentAccuracy)})`,
    `  slot accuracy    ${pct(report.slotAccuracy)}  (bar ${pct(bars.slotAccuracy)})`,
    `  false actions    ${report.falseActions} (${pct(report.falseActionRate)})  (bar ${pct(bars.falseActionRate)})`,
    `  latency p50      ${report.p50Ms.toFixed(2)} ms`,
    `  latency p99      ${report.p99Ms.toFixed(2)} ms`,
    report.failures.length
      ? `failing lines:\n${report.failures.map(describeFailure).join('\n')}`
      : 'no failing lines',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'in-process': { type: 'boolean', default: false },
      'time-zone': { type: 'string', default: Intl.DateTimeFormat().resolvedOptions().timeZone },
    },
  });
  const files = (positionals.length > 0 ? positionals : [DEFAULT_FILE]).map((f) => resolve(f));
  const timeZone = values['time-zone'];
  const env = envSchema.parse(process.env);
  const lex = values['in-process'] ? null : lexRecognizer(env.LEX_URL);
  const recognize = lex?.recognize ?? (await inProcessRecognizer());
  const mode = lex ? `Lex runtime at ${env.LEX_URL}, ${timeZone}` : `in-process, ${timeZone}`;
  try {
    for (const file of files) {
      const lines = parseEvalFile(readFileSync(file, 'utf8'), file);
      const results: LineResult[] = [];
      for (const [i, line] of lines.entries()) {
        const recognition = await recognize(line.text, timeZone, i);
        results.push(scoreLine(line, recognition, localDay(new Date(), timeZone)));
      }
      const report = summarise(results);
      const bars = barsFor(file);
      console.log(`${files.length > 1 ? `\n${file}\n` : ''}${formatReport(report, mode, bars)}`);
      if (!meetsBars(report, bars)) process.exitCode = 1;
    }
  } finally {
    lex?.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}
