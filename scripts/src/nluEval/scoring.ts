/**
 * Scores NLU results exactly as ../shared/eval/README.md defines: intent accuracy, slot accuracy over
 * lines whose intent was right, false-action rate (a write intent where none was acceptable), latency.
 */
import { basename } from 'node:path';
import { z } from 'zod';
import { WRITE_INTENTS } from '@budgetbuddy/bot';
import {
  addDays,
  addMonths,
  firstOfMonth,
  isoDate,
  mondayOf,
  weekdayNumber,
} from '@budgetbuddy/bot/calendar';

/**
 * One labelled line: `intent` (plus `alt`), or an `accept` list as in ../shared/eval/clinc (the first
 * accepted intent becomes `intent`, the others `alt`, so both formats score the same way).
 */
export const evalLineSchema = z
  .object({
    text: z.string().min(1),
    intent: z.string().min(1).optional(),
    alt: z.array(z.string()).optional(),
    accept: z.array(z.string().min(1)).min(1).optional(),
    slots: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
  })
  .refine((l) => l.intent !== undefined || l.accept !== undefined, {
    message: 'a line needs "intent" or "accept"',
  })
  .transform(({ accept, intent, alt, ...rest }) => {
    const others = [...(alt ?? []), ...((intent === undefined ? accept?.slice(1) : accept) ?? [])];
    const line: { text: string; intent: string; alt?: string[]; slots: Record<string, number | string> } = {
      ...rest,
      intent: intent ?? accept?.[0] ?? '',
    };
    if (others.length > 0) line.alt = others;
    return line;
  });
export type EvalLine = z.infer<typeof evalLineSchema>;

/** What the bot recognised for one line. */
export interface Recognition {
  intent: string | null;
  /** interpretedValue per slot name (null or absent: not filled). */
  slots: Record<string, string | null | undefined>;
  latencyMs: number;
}

export interface SlotResult {
  name: string;
  expected: number | string;
  actual: string | null;
  ok: boolean;
}

export interface LineResult {
  line: EvalLine;
  recognition: Recognition;
  intentOk: boolean;
  slotResults: SlotResult[];
  falseAction: boolean;
}

export interface EvalReport {
  lines: number;
  intentAccuracy: number;
  slotAccuracy: number;
  falseActionRate: number;
  falseActions: number;
  p50Ms: number;
  p99Ms: number;
  failures: LineResult[];
}

export interface Bars {
  intentAccuracy: number;
  slotAccuracy: number;
  /** The share of lines that may be read as a write nobody asked for. */
  falseActionRate: number;
}

/** The bars of ../shared/eval/utterances.jsonl (and of any file without goals of its own). */
export const BARS: Bars = { intentAccuracy: 0.95, slotAccuracy: 0.95, falseActionRate: 0 };

/**
 * The goals issue 10 sets for the CLINC150 sets (../shared/eval/clinc/), by file name: spending and
 * transaction questions ≥ 92 % answered by a read intent, help and greetings ≥ 90 %, out-of-scope ≥ 95 %
 * harmless with ≤ 0.5 % writes.
 */
const CLINC_GOALS: Readonly<Record<string, Bars>> = {
  'dev-finance.jsonl': { intentAccuracy: 0.92, slotAccuracy: 0.95, falseActionRate: 0 },
  'dev-meta.jsonl': { intentAccuracy: 0.9, slotAccuracy: 0.95, falseActionRate: 0 },
  'dev-out-of-scope.jsonl': { intentAccuracy: 0.95, slotAccuracy: 0.95, falseActionRate: 0.005 },
};

/** The bars a file is held to: CLINC's goals for the CLINC sets, BARS otherwise. */
export const barsFor = (file: string): Bars => CLINC_GOALS[basename(file)] ?? BARS;

const isWrite = (intent: string | null): boolean =>
  intent !== null && (WRITE_INTENTS as readonly string[]).includes(intent);

function isoWeek(d: Date): string {
  const thursday = addDays(mondayOf(d), 3);
  const yearStart = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 1));
  const week = Math.floor((thursday.getTime() - yearStart.getTime()) / (7 * 86_400_000)) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The accepted interpretedValues of a Date spec (day:N, weekday:NAME, week:N, month:N, monthname:M, year:N). */
export function acceptedDates(spec: string, today: Date): string[] {
  const [kind, arg = ''] = spec.split(':');
  const n = Number(arg);
  switch (kind) {
    case 'day':
      return [isoDate(addDays(today, n))];
    case 'weekday': {
      const target = weekdayNumber(arg.toLowerCase());
      if (target < 0) return [];
      const back = (today.getUTCDay() - target + 7) % 7;
      const ahead = (target - today.getUTCDay() + 7) % 7;
      // "the nearest such day before or after today"; on that very weekday, a week ago counts too.
      return [
        ...new Set(
          [addDays(today, -back), addDays(today, back === 0 ? -7 : -back), addDays(today, ahead)].map(
            isoDate,
          ),
        ),
      ];
    }
    case 'week': {
      const monday = addDays(mondayOf(today), 7 * n);
      return [isoDate(monday), isoWeek(monday)];
    }
    case 'month': {
      const first = addMonths(firstOfMonth(today), n);
      return [isoDate(first), isoDate(first).slice(0, 7)];
    }
    case 'monthname': {
      const year = today.getUTCFullYear();
      return [year, year - 1].flatMap((y) => {
        const ym = `${y}-${String(n).padStart(2, '0')}`;
        return [ym, `${ym}-01`];
      });
    }
    case 'year': {
      const y = String(today.getUTCFullYear() + n);
      return [y, `${y}-01-01`];
    }
    default:
      return [];
  }
}

/** The number in an AMAZON.Number value ("12.50", "USD 12.50", "1,200"). */
export function numberIn(value: string): number | null {
  const m = /-?\d+(?:\.\d+)?/.exec(value.replace(/,/g, ''));
  return m ? Number(m[0]) : null;
}

export function slotMatches(
  name: string,
  expected: number | string,
  actual: string | null,
  today: Date,
): boolean {
  if (actual === null) return false;
  if (typeof expected === 'number') {
    const n = numberIn(actual);
    return n !== null && Math.abs(n - expected) < 1e-9;
  }
  if (name === 'Date') return acceptedDates(expected, today).includes(actual);
  return actual.trim().toLowerCase() === expected.trim().toLowerCase();
}

/** @param today the local calendar day (UTC midnight) in the time zone the line was sent with */
export function scoreLine(line: EvalLine, recognition: Recognition, today: Date): LineResult {
  const acceptable = [line.intent, ...(line.alt ?? [])];
  const intentOk = recognition.intent !== null && acceptable.includes(recognition.intent);
  const slotResults = Object.entries(line.slots).map(([name, expected]) => {
    const actual = recognition.slots[name] ?? null;
    return { name, expected, actual, ok: slotMatches(name, expected, actual, today) };
  });
  const falseAction = isWrite(recognition.intent) && !acceptable.some((i) => isWrite(i));
  return { line, recognition, intentOk, slotResults, falseAction };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

export function summarise(results: LineResult[]): EvalReport {
  const lines = results.length;
  const intentRight = results.filter((r) => r.intentOk);
  const scoredSlots = intentRight.flatMap((r) => r.slotResults);
  const falseActions = results.filter((r) => r.falseAction).length;
  const latencies = results.map((r) => r.recognition.latencyMs).sort((a, b) => a - b);
  return {
    lines,
    intentAccuracy: lines ? intentRight.length / lines : 0,
    slotAccuracy: scoredSlots.length ? scoredSlots.filter((s) => s.ok).length / scoredSlots.length : 1,
    falseActionRate: lines ? falseActions / lines : 0,
    falseActions,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    failures: results.filter((r) => !r.intentOk || r.falseAction || r.slotResults.some((s) => !s.ok)),
  };
}

export const meetsBars = (r: EvalReport, bars: Bars = BARS): boolean =>
  r.intentAccuracy >= bars.intentAccuracy &&
  r.slotAccuracy >= bars.slotAccuracy &&
  r.falseActionRate <= bars.falseActionRate;
