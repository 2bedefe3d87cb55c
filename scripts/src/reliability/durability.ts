/**
 * Durability, measured (issue 14 point 9): does an expense the bot acknowledged survive a SIGKILL of
 * the whole local stack, and if not, was it ever readable?
 *
 * One run: start `npm start`'s entry point on a fresh DATA_DIR, send a burst of concurrent
 * "spent N on lunch" messages through POST /api/chat, and read every acknowledged expense back from
 * DynamoDB Local (Query with ConsistentRead, from outside the stack) as soon as its "Logged …" reply
 * arrives. Once enough of them have been read back, SIGKILL the stack's process group (Node and the
 * Java DynamoDB Local) while the rest of the burst is still in flight, restart on the same DATA_DIR
 * and read everything back again. Each acknowledged expense ends up in one of:
 *
 *   readable before the kill and present after the restart   (durable)
 *   readable before the kill, missing after the restart        (lost by the store at the kill)
 *   not readable before the kill                               (acknowledged before it was visible: ours)
 *   not checked before the kill (its read-back was cut off)    (counted apart)
 *
 * `npx tsx scripts/src/reliability/durability.ts [runs]` prints one line per run and the totals;
 * `durability.test.ts` runs it twice inside `npm test`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildStack, type ChildStack } from './support/childStack';
import { freePort } from './support/freePort';
import { chatAnswered, HttpClient, LOCAL_USER_HEADER, replyText } from './support/httpClient';
import { ledgerUserId } from './support/localUser';
import { stackProcesses } from './support/processes';
import { loggedAmountMinor } from './support/replyClaims';
import { inspectStore, type StoreInspection } from './support/storeInspection';

export interface DurabilityOptions {
  /** Messages in the burst, one user each (a Lex session takes one turn at a time). */
  burst?: number;
  /** Kill once this many acknowledged expenses have been read back. */
  killAfterReadBack?: number;
  log?: (line: string) => void;
}

export interface Sent {
  user: string;
  amountMinor: number;
  acknowledged: boolean;
  /** The HTTP status of the reply, when one came before the kill. */
  status?: number;
  /** Read back before the kill: found, not found, or the read-back had not finished at the kill. */
  beforeKill: 'found' | 'missing' | 'unchecked' | 'n/a';
  /** Copies stored after the restart (0, 1, or more if something was written twice). */
  afterRestart: number;
}

export interface RunFigures {
  sent: number;
  /** Requests still unanswered when the kill was decided. */
  inFlightAtKill: number;
  acknowledged: number;
  readableBeforeKill: number;
  missingBeforeKill: number;
  uncheckedBeforeKill: number;
  presentAfterRestart: number;
  /** Acknowledged, missing after the restart. */
  lost: number;
  /** Acknowledged, readable before the kill, missing after: a loss inside the store. */
  lostAfterReadable: number;
  /**
   * Not acknowledged but stored: cut off by the kill, or answered 502 "could not answer just now — your
   * message was not lost, please try again" after the proxy's 10 s Lex timeout while the code hook went
   * on and saved it (a retry with the same clientMessageId is then answered from the idempotency record).
   * Allowed: the person was never told it was not saved.
   */
  storedUnacknowledged: number;
  /** Replies 502 (the proxy gave up waiting for Lex) before the kill. */
  answered502: number;
  duplicates: number;
  consistencyDifferences: number;
  items: Sent[];
}

const amountOf = (i: number): number => 30_000 + i * 101; // distinct: 300.00, 301.01, …

async function amountsStored(store: StoreInspection, user: string): Promise<number[]> {
  // listRecent is a Query with ConsistentRead (DynamoLedgerRepository.queryTransactions).
  return (await store.repo.listRecent(ledgerUserId(user), 100)).map((t) => t.amountMinor);
}

export async function durabilityRun(options: DurabilityOptions = {}): Promise<RunFigures> {
  const burst = options.burst ?? 30;
  const killAfter = options.killAfterReadBack ?? 10;
  const log = options.log ?? (() => {});
  const dataDir = mkdtempSync(join(tmpdir(), 'bb-durability-'));
  let stack: ChildStack | undefined;
  let store: StoreInspection | undefined;
  try {
    const port = await freePort();
    const lexPort = await freePort();
    const env = { RATE_LIMIT_PER_MINUTE: '100000' };
    stack = await startChildStack({ port, lexPort, dataDir, env, startTimeoutMs: 120_000 });
    const pgid = stack.pid;
    store = await inspectStore(dataDir);
    const reader = store;

    const items: Sent[] = Array.from({ length: burst }, (_, i) => ({
      user: `durable-${i}`,
      amountMinor: amountOf(i),
      acknowledged: false,
      beforeKill: 'n/a',
      afterRestart: 0,
    }));
    let killed = false;
    let readBack = 0;
    let answered = 0;
    let signalKill: () => void = () => {};
    const killNow = new Promise<void>((resolve) => (signalKill = resolve));
    // Under heavy load the threshold may never be reached: kill anyway after a minute, or once every
    // request has been answered and read back (then nothing is in flight, and the run says so).
    const fallback = setTimeout(signalKill, 60_000);

    // One expense first, so the burst does not also pay for the first turn's warm-up.
    const warm = new HttpClient(stack.chatUrl, 1);
    const first = await chatAnswered(warm, 'spent 1.11 on lunch', {
      user: 'durable-warmup',
      clientMessageId: 'durable-warmup-1',
    });
    warm.close();
    if (loggedAmountMinor(replyText(first)) !== 111)
      throw new Error(`the stack does not log expenses: ${first.status} ${first.text}`);

    const client = new HttpClient(stack.chatUrl, burst);
    const requests = items.map(async (item, i) => {
      let text: string;
      try {
        // A long client timeout: on the loaded machine a turn can take many seconds, and a request the
        // client gave up on is neither acknowledged nor in flight, which would blur the figures.
        const res = await client.request('/api/chat', {
          method: 'POST',
          headers: { 'content-type': 'application/json', [LOCAL_USER_HEADER]: item.user },
          body: JSON.stringify({
            text: `spent ${(item.amountMinor / 100).toFixed(2)} on lunch`,
            clientMessageId: `durable-${String(i).padStart(4, '0')}`,
          }),
          timeoutMs: 180_000,
        });
        item.status = res.status;
        text = res.status === 200 ? replyText(res) : '';
      } catch {
        return; // cut off by the kill
      } finally {
        if (!killed) answered++;
      }
      if (loggedAmountMinor(text) !== item.amountMinor) return;
      item.acknowledged = true;
      item.beforeKill = 'unchecked';
      if (killed) return; // answered while the kill was under way: no read-back possible
      try {
        const stored = await amountsStored(reader, item.user);
        if (killed) return; // the answer may have raced the kill; keep it unchecked
        item.beforeKill = stored.includes(item.amountMinor) ? 'found' : 'missing';
        if (++readBack >= killAfter) signalKill();
      } catch {
        // the read-back was cut off by the kill
      }
    });

    void Promise.all(requests).then(signalKill);
    await killNow;
    clearTimeout(fallback);
    killed = true;
    const inFlightAtKill = burst - answered;
    await stack.kill();
    await Promise.all(requests);
    client.close();
    await store.close();
    store = undefined;
    const leftovers = stackProcesses(pgid, dataDir);
    if (leftovers.length > 0) throw new Error(`processes survived the kill: ${JSON.stringify(leftovers)}`);

    stack = await startChildStack({ port, lexPort, dataDir, startTimeoutMs: 120_000 });
    store = await inspectStore(dataDir);
    for (const item of items) {
      const stored = await amountsStored(store, item.user);
      item.afterRestart = stored.filter((a) => a === item.amountMinor).length;
    }
    const consistency = await store.checkConsistency();

    const acked = items.filter((s) => s.acknowledged);
    const figures: RunFigures = {
      sent: items.length,
      inFlightAtKill,
      acknowledged: acked.length,
      readableBeforeKill: acked.filter((s) => s.beforeKill === 'found').length,
      missingBeforeKill: acked.filter((s) => s.beforeKill === 'missing').length,
      uncheckedBeforeKill: acked.filter((s) => s.beforeKill === 'unchecked').length,
      presentAfterRestart: acked.filter((s) => s.afterRestart > 0).length,
      lost: acked.filter((s) => s.afterRestart === 0).length,
      lostAfterReadable: acked.filter((s) => s.beforeKill === 'found' && s.afterRestart === 0).length,
      storedUnacknowledged: items.filter((s) => !s.acknowledged && s.afterRestart > 0).length,
      answered502: items.filter((s) => s.status === 502).length,
      duplicates: items.filter((s) => s.afterRestart > 1).length,
      consistencyDifferences: consistency.differences.length,
      items,
    };
    log(summaryLine(figures));
    return figures;
  } finally {
    await store?.close();
    await stack?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function summaryLine(f: Omit<RunFigures, 'items'>): string {
  return (
    `sent ${f.sent}, in flight at the kill ${f.inFlightAtKill}, acknowledged ${f.acknowledged}, readable before kill ${f.readableBeforeKill} ` +
    `(missing ${f.missingBeforeKill}, unchecked ${f.uncheckedBeforeKill}), present after restart ` +
    `${f.presentAfterRestart}, lost ${f.lost} (of them readable before: ${f.lostAfterReadable}), ` +
    `stored unacknowledged ${f.storedUnacknowledged} (502 replies ${f.answered502}), duplicates ${f.duplicates}, ` +
    `consistency differences ${f.consistencyDifferences}`
  );
}

export function totals(runs: RunFigures[]): Omit<RunFigures, 'items'> {
  const sum = (k: keyof Omit<RunFigures, 'items'>): number => runs.reduce((a, r) => a + r[k], 0);
  return {
    sent: sum('sent'),
    inFlightAtKill: sum('inFlightAtKill'),
    acknowledged: sum('acknowledged'),
    readableBeforeKill: sum('readableBeforeKill'),
    missingBeforeKill: sum('missingBeforeKill'),
    uncheckedBeforeKill: sum('uncheckedBeforeKill'),
    presentAfterRestart: sum('presentAfterRestart'),
    lost: sum('lost'),
    lostAfterReadable: sum('lostAfterReadable'),
    storedUnacknowledged: sum('storedUnacknowledged'),
    answered502: sum('answered502'),
    duplicates: sum('duplicates'),
    consistencyDifferences: sum('consistencyDifferences'),
  };
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? '20');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('usage: durability.ts [runs]');
  const results: RunFigures[] = [];
  for (let r = 1; r <= runs; r++) {
    const started = performance.now();
    const f = await durabilityRun();
    results.push(f);
    console.log(
      `run ${r}/${runs} (${((performance.now() - started) / 1000).toFixed(0)} s): ${summaryLine(f)}`,
    );
    for (const s of f.items.filter((i) => i.acknowledged && i.afterRestart === 0))
      console.log(`  lost: ${s.user} ${s.amountMinor} (before the kill: ${s.beforeKill})`);
  }
  const t = totals(results);
  console.log(`TOTAL over ${runs} runs: ${summaryLine(t)}`);
  console.log(`runs with a loss: ${results.filter((f) => f.lost > 0).length} of ${runs}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
