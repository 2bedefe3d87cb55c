/**
 * Whole chat turns: browser API → proxy → Lex runtime → fulfillment → DynamoDB Local → reply.
 *
 * The stack is `npm start` itself (scripts/src/start.ts in its own process, DynamoDB Local on disk in a
 * temporary DATA_DIR) and the load comes from this process, as a browser's would from its own. Every
 * user is a different local user sending a realistic mix of expenses, questions and budget checks.
 *
 * Two kinds of load, both reported:
 * - paced: 20 users each sending a turn every PACE_MS (far faster than anyone types), their starts
 *   spread over one PACE_MS because people do not press Enter in step — the latency a person feels
 *   while 19 others are chatting too: `turn_p50_ms`, `turn_p99_ms`. Driven by node:http with one
 *   keep-alive socket per user: autocannon's rate limit fires all connections of a run in the same
 *   millisecond, and twenty single-connection runs side by side add their own bookkeeping (about 4 ms a
 *   turn here) to what they measure;
 * - saturated (autocannon): 20 and 100 users each sending their next turn the moment the last reply
 *   arrives — the most turns a second the stack answers (`turn_rps_20`, `turn_rps_100`) and the
 *   queueing latency at that point (`turn_saturated_p50_ms`, `turn_saturated_p99_ms`).
 * The paced driver against a bare node:http server that answers at once gives the floor of the client
 * and loopback themselves (`loopback_echo_p50_ms`).
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startChildStack } from '../reliability/support/childStack';
import { freePort } from '../reliability/support/freePort';
import { postTurn, utteranceFor } from './chatTurns';

export const title = 'Chat turns through the proxy (POST /api/chat)';

/**
 * A turn every second per user, back to back: people type, read the reply and think for several seconds
 * between messages, so 20 users at this pace are already several times busier than 20 real ones.
 */
const PACE_MS = 1000;

interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  label: string;
}

let runCounter = 0;

/** Saturating load: every connection sends its next turn the moment the last reply arrives. */
async function load(opts: LoadOptions): Promise<autocannon.Result> {
  const runId = runCounter++;
  let nextUser = 0;
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.durationSeconds,
    requests: [
      {
        method: 'POST',
        path: '/api/chat',
        setupRequest: (req, context) => {
          const state = context as { user?: string; turn?: number };
          state.user ??= `bench-${runId}-${nextUser++}`;
          const turn = (state.turn = (state.turn ?? -1) + 1);
          return {
            ...req,
            headers: { 'content-type': 'application/json', 'x-bb-local-user': state.user },
            body: JSON.stringify({ text: utteranceFor(turn), timeZone: 'UTC' }),
          };
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${opts.label}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts — not real turns`,
    );
  }
  return result;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? 0) * 100) / 100;
}

/** `users` users, each sending a turn every PACE_MS, their starts spread evenly over one PACE_MS. */
async function paced(base: string, users: number, durationSeconds: number) {
  const url = new URL(base);
  const runId = runCounter++;
  const latencies: number[] = [];
  const until = performance.now() + durationSeconds * 1000;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await Promise.all(
    Array.from({ length: users }, async (_, user) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        await sleep((user * PACE_MS) / users);
        for (let turn = 0; performance.now() < until; turn++) {
          const started = performance.now();
          const text = utteranceFor(turn);
          latencies.push(await postTurn(agent, url, `bench-${runId}-${user}`, text));
          await sleep(PACE_MS - (performance.now() - started));
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: Math.round(latencies.length / durationSeconds),
  };
}

async function loopbackEchoP50(): Promise<number> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    // Driven exactly like the paced turns, so turn_p50_ms reads as a multiple of this floor.
    return (await paced(`http://127.0.0.1:${port}`, 20, 5)).p50;
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

export async function run(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bb-bench-turn-'));
  const stack = await startChildStack({
    port: await freePort(),
    lexPort: await freePort(),
    dataDir,
    env: { RATE_LIMIT_PER_MINUTE: '1000000' },
    startTimeoutMs: 120_000,
  });
  try {
    const url = stack.chatUrl;
    // Warm the JIT of both Node and the JVM (DynamoDB Local needs a few thousand requests) first.
    await load({ url, connections: 20, durationSeconds: 30, label: 'warm-up' });
    const at20Paced = await paced(url, 20, 20);
    const at20 = await load({ url, connections: 20, durationSeconds: 8, label: '20 users, saturated' });
    const at100 = await load({ url, connections: 100, durationSeconds: 5, label: '100 users, saturated' });
    return {
      turn_p50_ms: at20Paced.p50,
      turn_p99_ms: at20Paced.p99,
      turn_paced_rps_20: at20Paced.rps,
      turn_rps_20: Math.round(at20.requests.average),
      turn_saturated_p50_ms: at20.latency.p50,
      turn_saturated_p99_ms: at20.latency.p99,
      turn_rps_100: Math.round(at100.requests.average),
      loopback_echo_p50_ms: await loopbackEchoP50(),
    };
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
