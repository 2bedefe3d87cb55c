/**
 * NLU hot path: `interpret()` (classification + every slot of the top intents) over a varied set of
 * utterances after warm-up, the way the local Lex runtime calls it once per turn: 400 generated ones
 * and the held-out eval lines (typos, slang, currencies, chatter, SQL and HTML).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { budgetBuddyBot, LOCALE_ID } from '@budgetbuddy/bot';
import { createNlu } from '@budgetbuddy/bot/nlu';

export const title = 'NLU interpret latency';

const TEMPLATES = [
  'spent {n} on {c} {d}',
  '{c} {n}',
  'I paid ${n} for {c}',
  'how much did I spend on {c} {d}',
  'set my {c} budget to {n} a month',
  'am I over budget on {c}',
  'show my last {k} transactions',
  'got paid {n} salary {d}',
  'undo that',
  'what is the weather like in {c}',
];
const AMOUNTS = ['12.50', '1,200', '45k', 'fifty', '7', '3.99', '2k', 'twenty five dollars'];
const CATEGORIES = ['lunch', 'groceries', 'uber', 'rent', 'netflix', 'grocceries', 'a haircut', 'the gym'];
const DATES = ['', 'yesterday', 'last friday', 'this month', 'in october', 'two days ago', 'since monday'];

function utterances(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const t = TEMPLATES[i % TEMPLATES.length] ?? '';
    out.push(
      t
        .replace('{n}', AMOUNTS[i % AMOUNTS.length] ?? '')
        .replace('{c}', CATEGORIES[(i * 3) % CATEGORIES.length] ?? '')
        .replace('{d}', DATES[(i * 5) % DATES.length] ?? '')
        .replace('{k}', String((i % 9) + 1))
        .trim(),
    );
  }
  return out;
}

const HELD_OUT = resolve(__dirname, '../../../bot/src/nlu/eval/heldout.jsonl');

function heldOutTexts(): string[] {
  return readFileSync(HELD_OUT, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

export async function run(): Promise<Record<string, number>> {
  const startedAt = performance.now();
  const nlu = await createNlu(budgetBuddyBot, LOCALE_ID);
  const startupMs = performance.now() - startedAt;
  const ctx = { timeZone: 'America/New_York', now: new Date() };
  const texts = [...utterances(400), ...heldOutTexts()];
  for (const text of texts.slice(0, 100)) nlu.interpret(text, ctx);
  const times: number[] = [];
  for (const text of texts) {
    const t0 = performance.now();
    nlu.interpret(text, ctx);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  return {
    nlu_p50_ms: round(percentile(times, 50)),
    nlu_p99_ms: round(percentile(times, 99)),
    nlu_startup_ms: Math.round(startupMs),
  };
}
