/**
 * Whole chat turns under load: autocannon drives POST /api/chat on a local stack (in-memory DynamoDB
 * Local, real NLU, real code hook), each connection a different local user sending a realistic mix
 * of expenses, questions and budget checks. The same autocannon setup against a bare node:http server
 * that answers at once gives the floor the load generator itself costs on this machine.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { startStack } from '../stack';

export const title = 'Chat turns through the proxy (POST /api/chat)';

const UTTERANCES = [
  'spent 12.50 on lunch',
  'how much did I spend on food this month?',
  'paid 40 for gas yesterday',
  'how is my food budget?',
  'spent 3.75 on coffee',
  'how much did I spend last week?',
  'bought groceries for 86.20',
  'check my grocery budget',
];

interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
}

function load(opts: LoadOptions): Promise<autocannon.Result> {
  let nextUser = 0;
  return autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.durationSeconds,
    requests: [
      {
        method: 'POST',
        path: '/api/chat',
        setupRequest: (req, context) => {
          const state = context as { user?: string; turn?: number };
          state.user ??= `bench-${opts.connections}-${nextUser++}`;
          const turn = (state.turn = (state.turn ?? -1) + 1);
          return {
            ...req,
            headers: { 'content-type': 'application/json', 'x-bb-local-user': state.user },
            body: JSON.stringify({ text: UTTERANCES[turn % UTTERANCES.length], timeZone: 'UTC' }),
          };
        },
      },
    ],
  });
}

function assertAllAnswered(result: autocannon.Result, label: string): void {
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${label}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts — not real turns`,
    );
  }
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
    const result = await load({ url: `http://127.0.0.1:${port}`, connections: 20, durationSeconds: 5 });
    assertAllAnswered(result, 'loopback echo');
    return result.latency.p50;
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

export async function run(): Promise<Record<string, number>> {
  const stack = await startStack({ quiet: true, rateLimitPerMinute: 1_000_000 });
  try {
    // Warm the JIT of both Node and the JVM before anything is measured.
    assertAllAnswered(await load({ url: stack.chatUrl, connections: 20, durationSeconds: 3 }), 'warm-up');
    const at20 = await load({ url: stack.chatUrl, connections: 20, durationSeconds: 10 });
    assertAllAnswered(at20, '20 users');
    const at100 = await load({ url: stack.chatUrl, connections: 100, durationSeconds: 5 });
    assertAllAnswered(at100, '100 users');
    return {
      turn_p50_ms: at20.latency.p50,
      turn_p99_ms: at20.latency.p99,
      turn_rps_20: Math.round(at20.requests.average),
      turn_rps_100: Math.round(at100.requests.average),
      loopback_echo_p50_ms: await loopbackEchoP50(),
    };
  } finally {
    await stack.stop();
  }
}
