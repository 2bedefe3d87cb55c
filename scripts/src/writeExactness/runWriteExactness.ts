/**
 * Sends every generated message as one user's chat turn — POST /api/chat on the chat proxy's own Hono app
 * (in process, so the proxy splits multi-item messages exactly as in production), the proxy's real Lex
 * SDK client over HTTP/2 to the local Lex V2 runtime of the conversation harness, the NLU, the code hook —
 * then reads back what the store holds for that user and scores it against the rows the message must
 * produce. Each message is a fresh user, so no message leans on another's state.
 */
import { performance } from 'node:perf_hooks';
import { LOCAL_BOT_ALIAS_ID, LOCAL_BOT_ID, LOCALE_ID, IntentName } from '@budgetbuddy/bot';
import type { Transaction } from '@budgetbuddy/fulfillment/ledger';
import type { ChatReply } from '@budgetbuddy/fulfillment/chat-api';
import {
  createProxyApp,
  silentLogger,
  createLexClient,
  identifyLocalUser,
  LOCAL_USER_HEADER,
} from '@budgetbuddy/fulfillment/proxy';
import { InMemoryLedgerRepository } from '@budgetbuddy/fulfillment/store';
import { SettableClock } from '@budgetbuddy/bot/testing';
import { startConversationHarness } from '../conversationHarness';
import { DUMMY_CREDENTIALS } from '../dynamoLocal';
import {
  CLOCK_ISO,
  DEFAULT_COUNT,
  DEFAULT_SEED,
  generateMessages,
  TIME_ZONE,
  type ExpectedRow,
  type GeneratedMessage,
} from './generate';

export type Outcome = 'exact' | 'asked' | 'wrong';
export type StoreKind = 'memory' | 'dynamo';

export interface StoredRow {
  kind: string;
  amountMinor: number;
  currency: string;
  category: string;
  date: string;
  note?: string;
}

export interface MessageResult {
  message: GeneratedMessage;
  stored: StoredRow[];
  /** Writes other than transactions (a budget, a changed currency or time zone): never expected here. */
  otherWrites: string[];
  reply: ChatReply | { error: string };
  outcome: Outcome;
  /** asked with some of the message's rows stored (each of them exactly as said). */
  partial: boolean;
  /** For exact: every stored note equals the implied note. */
  notesMatch: boolean;
  /** Short name of what went wrong, for grouping (wrong and asked only). */
  failure?: string;
}

export interface Report {
  total: number;
  counts: Record<Outcome, number>;
  partialAsked: number;
  exactWithNotes: number;
  exactRate: number;
  seconds: number;
  /** CPU seconds this process spent on the messages: comparable across runs on a busy machine. */
  cpuSeconds: number;
  store: StoreKind;
  via: string;
  results: MessageResult[];
}

export interface RunOptions {
  seed?: number;
  count?: number;
  /** Messages in flight at once (different users). */
  concurrency?: number;
  store?: StoreKind;
  onProgress?: (done: number, total: number) => void;
}

const ASKING_STATES = new Set(['ElicitSlot', 'ConfirmIntent', 'ElicitIntent']);

export function isQuestion(reply: ChatReply | { error: string }): boolean {
  if ('error' in reply) return false;
  return (
    (reply.dialogState !== undefined && ASKING_STATES.has(reply.dialogState)) ||
    reply.intent === IntentName.FallbackIntent
  );
}

const rowKey = (r: StoredRow | ExpectedRow) =>
  `${r.kind}|${r.amountMinor}|${r.currency}|${r.category}|${r.date}`;

export function toStoredRow(t: Transaction): StoredRow {
  return {
    kind: t.kind,
    amountMinor: t.amountMinor,
    currency: t.currency,
    category: t.category,
    date: t.date,
    ...(t.note !== undefined ? { note: t.note } : {}),
  };
}

/** The fields in which a stored row differs from the expected row closest to it. */
function differingFields(expected: ExpectedRow, stored: StoredRow): string[] {
  const out: string[] = [];
  if (expected.kind !== stored.kind) out.push('kind');
  if (expected.amountMinor !== stored.amountMinor) out.push('amount');
  if (expected.currency !== stored.currency) out.push('currency');
  if (expected.category !== stored.category) out.push('category');
  if (expected.date !== stored.date) out.push('date');
  return out;
}

/** Removes from `pool` and returns the rows of `rows` found there (multiset intersection). */
function takeMatching<T extends StoredRow | ExpectedRow>(rows: readonly StoredRow[], pool: T[]): StoredRow[] {
  const matched: StoredRow[] = [];
  for (const row of rows) {
    const i = pool.findIndex((p) => rowKey(p) === rowKey(row));
    if (i >= 0) {
      pool.splice(i, 1);
      matched.push(row);
    }
  }
  return matched;
}

export function score(
  message: GeneratedMessage,
  stored: StoredRow[],
  reply: ChatReply | { error: string },
  otherWrites: string[] = [],
): MessageResult {
  const expected = message.expected;
  const unmatchedExpected = [...expected];
  const matched = takeMatching(stored, unmatchedExpected);
  const extra = stored.filter((s) => !matched.includes(s));
  const base = { message, stored, otherWrites, reply, partial: false, notesMatch: false };
  if (otherWrites.length > 0) {
    return {
      ...base,
      outcome: 'wrong',
      failure: `wrote ${otherWrites.map((w) => w.split(' ')[0]).join('+')}`,
    };
  }

  if (extra.length === 0 && unmatchedExpected.length === 0) {
    const notesMatch = expected.every((e) =>
      stored.some((s) => rowKey(s) === rowKey(e) && (s.note ?? '') === (e.note ?? '')),
    );
    return { ...base, outcome: 'exact', notesMatch };
  }
  if (extra.length === 0 && isQuestion(reply)) {
    const partial = stored.length > 0;
    const what = 'error' in reply ? '' : `${reply.intent ?? '?'}/${reply.dialogState ?? '?'}`;
    return {
      ...base,
      outcome: 'asked',
      partial,
      failure: `${partial ? 'stored part, asked' : 'asked'} (${what})`,
    };
  }
  return { ...base, outcome: 'wrong', failure: wrongKind(message, stored, extra, unmatchedExpected, reply) };
}

function wrongKind(
  message: GeneratedMessage,
  stored: StoredRow[],
  extra: StoredRow[],
  missing: ExpectedRow[],
  reply: ChatReply | { error: string },
): string {
  if ('error' in reply) return `chat error: ${reply.error}`;
  if (stored.length === 0)
    return `nothing stored, no question (${reply.intent ?? '?'}/${reply.dialogState ?? '?'})`;
  if (extra.length === 0) return `stored ${stored.length} of ${message.expected.length} rows, no question`;
  if (stored.length !== message.expected.length) {
    return `stored ${stored.length} rows for ${message.expected.length} items`;
  }
  // Same count: name the fields that differ between each extra row and its nearest missing row.
  const fields = new Set<string>();
  const pool = [...missing];
  for (const row of extra) {
    let best = 0;
    let bestFields: string[] = ['kind', 'amount', 'category', 'date'];
    pool.forEach((e, i) => {
      const f = differingFields(e, row);
      if (f.length < bestFields.length) {
        best = i;
        bestFields = f;
      }
    });
    pool.splice(best, 1);
    bestFields.forEach((f) => fields.add(f));
  }
  return `wrong ${[...fields].sort().join('+')}`;
}

// ---------------------------------------------------------------------------------------------------

interface WriteStack {
  send(userId: string, text: string): Promise<ChatReply | { error: string }>;
  rows(userId: string): Promise<StoredRow[]>;
  otherWrites(userId: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The conversation harness (DynamoDB Local, the Lex runtime trained from bot/, the code hook) with the
 * chat proxy's app in front of it. With store 'memory' the code hook writes to an InMemoryLedgerRepository
 * (the harness's store seam), which keeps 2,000+ messages inside the time budget; 'dynamo' keeps the
 * harness's DynamoDB store.
 */
async function startWriteStack(store: StoreKind): Promise<WriteStack> {
  const clock = new SettableClock(CLOCK_ISO);
  const memory = new InMemoryLedgerRepository({ clock });
  const harness = await startConversationHarness({
    clock,
    ...(store === 'memory' ? { wrapRepo: () => memory } : {}),
  });
  const repo = store === 'memory' ? memory : harness.repo;
  const lex = createLexClient({
    endpoint: harness.lexUrl,
    region: 'us-east-1',
    credentials: DUMMY_CREDENTIALS,
    maxAttempts: 1,
  });
  const app = createProxyApp({
    lex,
    botConfig: () =>
      Promise.resolve({ botId: LOCAL_BOT_ID, botAliasId: LOCAL_BOT_ALIAS_ID, localeId: LOCALE_ID }),
    // The stack's key: the code hook acts only on a user id signed with it.
    identityKeys: harness.identityKeys,
    identify: identifyLocalUser,
    rateLimit: { perMinute: 1_000_000 },
    logger: silentLogger,
    // The proxy's clock is the scripted one too, so whatever it dates stands on the same day as Lex.
    now: () => clock.now().getTime(),
  });
  return {
    async send(userId, text) {
      const res = await app.fetch(
        new Request('http://writeexactness.local/api/chat', {
          method: 'POST',
          headers: { 'content-type': 'application/json', [LOCAL_USER_HEADER]: userId },
          body: JSON.stringify({ text, timeZone: TIME_ZONE }),
        }),
      );
      const body: unknown = await res.json();
      if (!res.ok) return { error: `${res.status} ${JSON.stringify(body)}` };
      return body as ChatReply;
    },
    async rows(userId) {
      return (await repo.listRecent(userId, 50)).map(toStoredRow);
    },
    async otherWrites(userId) {
      const budgets = (await repo.listBudgets(userId)).map(
        (b) => `budget ${b.category ?? 'overall'} ${b.period} ${b.limitMinor} ${b.currency}`,
      );
      const profile = await repo.getProfile(userId);
      const settings =
        profile && (profile.currency !== 'USD' || profile.timeZone !== TIME_ZONE)
          ? [`settings currency ${profile.currency}, time zone ${profile.timeZone}`]
          : [];
      return [...budgets, ...settings];
    },
    async close() {
      lex.destroy();
      await harness.close();
    },
  };
}

export async function runWriteExactness(opts: RunOptions = {}): Promise<Report> {
  const messages = generateMessages({
    seed: opts.seed ?? DEFAULT_SEED,
    count: opts.count ?? DEFAULT_COUNT,
  });
  const store = opts.store ?? 'memory';
  const stack = await startWriteStack(store);
  const results: MessageResult[] = new Array<MessageResult>(messages.length);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  try {
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < messages.length) {
        const message = messages[next++]!;
        const userId = `wx-${opts.seed ?? DEFAULT_SEED}-${message.id}`;
        const reply = await stack.send(userId, message.text).catch((e: unknown) => ({ error: String(e) }));
        const stored = await stack.rows(userId);
        results[message.id] = score(message, stored, reply, await stack.otherWrites(userId));
        opts.onProgress?.(++done, messages.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));
  } finally {
    await stack.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const counts: Record<Outcome, number> = { exact: 0, asked: 0, wrong: 0 };
  for (const r of results) counts[r.outcome]++;
  return {
    total: results.length,
    counts,
    partialAsked: results.filter((r) => r.partial).length,
    exactWithNotes: results.filter((r) => r.outcome === 'exact' && r.notesMatch).length,
    exactRate: counts.exact / results.length,
    seconds,
    cpuSeconds,
    store,
    via: 'POST /api/chat (proxy app in process) → Lex SDK client → local Lex runtime → code hook',
    results,
  };
}

// ---------------------------------------------------------------------------------------------------
// Reports

const pct = (n: number, total: number) => `${((100 * n) / Math.max(1, total)).toFixed(1)}%`;
const fmtRow = (r: StoredRow | ExpectedRow) =>
  `${r.kind} ${r.amountMinor} ${r.currency} ${r.category} ${r.date}${r.note ? ` "${r.note}"` : ''}`;
const fmtRows = (rows: readonly (StoredRow | ExpectedRow)[]) =>
  rows.length === 0 ? '(none)' : rows.map(fmtRow).join('; ');
const replyText = (reply: ChatReply | { error: string }) =>
  'error' in reply
    ? reply.error
    : `[${reply.intent ?? '?'}/${reply.dialogState ?? '?'}] ${reply.messages
        .map((m) => ('text' in m ? m.text : 'title' in m ? m.title : m.label))
        .join(' | ')
        .slice(0, 160)}`;

/** Exact share per value of one feature of the generated message (amount form, date form, …). */
function byFeature(results: readonly MessageResult[], feature: (r: MessageResult) => string[]): string[] {
  const table = new Map<string, { n: number; exact: number; wrong: number }>();
  for (const r of results) {
    for (const key of new Set(feature(r))) {
      const row = table.get(key) ?? { n: 0, exact: 0, wrong: 0 };
      row.n++;
      if (r.outcome === 'exact') row.exact++;
      if (r.outcome === 'wrong') row.wrong++;
      table.set(key, row);
    }
  }
  return [...table.entries()]
    .sort((a, b) => a[1].exact / a[1].n - b[1].exact / b[1].n)
    .map(
      ([k, v]) =>
        `  ${k.padEnd(22)} ${String(v.n).padStart(5)}  exact ${pct(v.exact, v.n).padStart(6)}  wrong ${v.wrong}`,
    );
}

/**
 * The group a failed message falls in: outcome, what went wrong, whether it had one item or several,
 * and for a one-item message with a wrong amount or date, the form that was misread.
 */
function failureKey(r: MessageResult): string {
  const items = r.message.items;
  let key = `${r.outcome}: ${items.length === 1 ? '1 item' : `${items.length} items (${r.message.joiner})`}: ${r.failure ?? '?'}`;
  if (items.length === 1 && r.outcome === 'wrong') {
    const item = items[0]!;
    if (r.failure?.includes('amount')) key += ` [${item.amountForm}]`;
    if (r.failure?.includes('date')) key += ` [${item.dateForm}]`;
  }
  return key;
}

export function failureKinds(results: readonly MessageResult[]): [string, MessageResult[]][] {
  const groups = new Map<string, MessageResult[]>();
  for (const r of results) {
    if (r.outcome === 'exact') continue;
    const key = failureKey(r);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
}

export function describe(r: MessageResult): string[] {
  return [
    `  "${r.message.text}"`,
    `     expected: ${fmtRows(r.message.expected)}`,
    `     stored:   ${fmtRows(r.stored)}${r.otherWrites.map((w) => `; ${w}`).join('')}`,
    `     reply:    ${replyText(r.reply)}`,
  ];
}

export function formatReport(report: Report, maxWrong = 30): string {
  const { total, counts } = report;
  const exact = report.results.filter((r) => r.outcome === 'exact');
  const lines = [
    `Write exactness: ${total} generated messages through ${report.via}; store: ${report.store}; ${report.seconds.toFixed(1)} s (${report.cpuSeconds.toFixed(1)} s CPU)`,
    `  exact ${counts.exact} (${pct(counts.exact, total)})   asked ${counts.asked} (${report.partialAsked} of them after storing part)   wrong ${counts.wrong}`,
    `  thresholds: exact ≥ 99.0%, wrong = 0, every message not exact asks`,
    `  notes (scored apart): ${report.exactWithNotes} of ${counts.exact} exact messages also carry the implied note on every row`,
    '',
    'Failure kinds:',
    ...failureKinds(report.results)
      .slice(0, 30)
      .map(([k, rs]) => `  ${String(rs.length).padStart(5)}  ${k}`),
    '',
    'Exact share by amount form (a message counts under each form it uses):',
    ...byFeature(report.results, (r) => r.message.items.map((i) => i.amountForm)),
    '',
    'By date form:',
    ...byFeature(report.results, (r) => r.message.items.map((i) => i.dateForm)),
    '',
    'By template:',
    ...byFeature(report.results, (r) => r.message.items.map((i) => i.template)),
    '',
    'By item source (hand-written synonym or WordNet item noun):',
    ...byFeature(report.results, (r) => r.message.items.map((i) => i.itemSource)),
    '',
    'By items in the message and joiner:',
    ...byFeature(report.results, (r) => [
      `${r.message.items.length} item(s) ${r.message.joiner ?? ''}`.trim(),
    ]),
    '',
    `First ${maxWrong} wrong:`,
    ...report.results
      .filter((r) => r.outcome === 'wrong')
      .slice(0, maxWrong)
      .flatMap((r) => [`  [${r.failure}]`, ...describe(r)]),
  ];
  const noteMisses = exact.filter((r) => !r.notesMatch).slice(0, 5);
  if (noteMisses.length > 0)
    lines.push('', 'Notes that differ (first 5 exact messages):', ...noteMisses.flatMap(describe));
  return lines.join('\n');
}

/** FAILURES.md: the figures and the top failure kinds with examples, for the people fixing them. */
export function formatFailuresMarkdown(report: Report, commit: string, remark = '', examples = 3): string {
  const { total, counts } = report;
  const kinds = failureKinds(report.results);
  const single = report.results.filter((r) => r.message.items.length === 1);
  const singleExact = single.filter((r) => r.outcome === 'exact').length;
  const out = [
    '# Write exactness: latest failures (generated, overwritten on each run)',
    '',
    `Run at ${new Date().toISOString()} on commit ${commit}: ${total} generated messages, store ${report.store}, ${report.seconds.toFixed(1)} s (${report.cpuSeconds.toFixed(1)} s CPU).`,
    `Regenerate: \`npx tsx scripts/src/writeExactness/run.ts --failures scripts/src/writeExactness/FAILURES.md\`.`,
    '',
    ...(remark ? [remark, ''] : []),
    `- **exact ${counts.exact} (${pct(counts.exact, total)})**, asked ${counts.asked} (${report.partialAsked} after storing part), **wrong ${counts.wrong}** — target: exact ≥ 99 %, wrong 0.`,
    `- one-item messages: ${singleExact}/${single.length} exact (${pct(singleExact, single.length)}); messages of 2–3 items: ${counts.exact - singleExact}/${total - single.length} exact.`,
    `- notes (scored apart): ${report.exactWithNotes} of ${counts.exact} exact messages carry the implied note on every row.`,
    '',
    '## Failure kinds, most frequent first',
    '',
  ];
  for (const [kind, rs] of kinds.slice(0, 25)) {
    out.push(`### ${rs.length} × ${kind}`, '', '```');
    for (const r of rs.slice(0, examples)) out.push(...describe(r).map((l) => l.slice(2)));
    out.push('```', '');
  }
  if (kinds.length > 25) {
    out.push(
      `…and ${kinds.length - 25} rarer kinds (${kinds.slice(25).reduce((n, [, rs]) => n + rs.length, 0)} messages).`,
      '',
    );
  }
  out.push(
    '## Exact share by form',
    '',
    '```',
    'amount form:',
    ...byFeature(report.results, (r) => r.message.items.map((i) => i.amountForm)),
    'date form:',
    ...byFeature(report.results, (r) => r.message.items.map((i) => i.dateForm)),
    'template:',
    ...byFeature(report.results, (r) => r.message.items.map((i) => i.template)),
    'item source:',
    ...byFeature(report.results, (r) => r.message.items.map((i) => i.itemSource)),
    'items / joiner:',
    ...byFeature(report.results, (r) => [
      `${r.message.items.length} item(s) ${r.message.joiner ?? ''}`.trim(),
    ]),
    '```',
    '',
  );
  return out.join('\n');
}
