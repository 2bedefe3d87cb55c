/**
 * Which DynamoDB requests one chat turn makes, and the Node CPU a turn takes, one user at a time on the
 * in-process stack (DynamoDB Local on disk):  npx tsx scripts/src/bench/turnCalls.ts [turns]
 *
 * CPU_PROFILE=file.cpuprofile also records a V8 CPU profile of the measured turns only (no start-up or
 * warm-up), for Chrome DevTools or scripts/src/bench/profileSummary.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startStack } from '../stack';
import { utteranceFor } from './chatTurns';

async function main() {
  const turns = Number(process.argv[2] ?? 400);
  const calls = new Map<string, number>();
  let counting = false;
  for (const proto of [DynamoDBClient.prototype, DynamoDBDocumentClient.prototype] as Array<{
    send: unknown;
  }>) {
    const send = proto.send as (...a: unknown[]) => unknown;
    proto.send = function (this: unknown, command: { constructor: { name: string } }, ...rest: unknown[]) {
      if (counting) calls.set(command.constructor.name, (calls.get(command.constructor.name) ?? 0) + 1);
      return send.call(this, command, ...rest);
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bb-turncalls-'));
  const stack = await startStack({
    dataDir,
    quiet: true,
    rateLimitPerMinute: 1_000_000,
    recurringEveryMs: 0,
  });
  const turn = async (user: string, text: string) => {
    const res = await fetch(`${stack.chatUrl}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bb-local-user': user },
      body: JSON.stringify({ text, timeZone: 'UTC' }),
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    return res.text();
  };
  try {
    for (let i = 0; i < 2000; i++) await turn(`warm-${i % 20}`, utteranceFor(i));
    const profiler = process.env.CPU_PROFILE ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    counting = true;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < turns; i++) {
      const s = performance.now();
      bytes += (await turn(`user-${i % 20}`, utteranceFor(i))).length;
      times.push(performance.now() - s);
    }
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(process.env.CPU_PROFILE!, JSON.stringify(profile));
      profiler.disconnect();
    }
    times.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        turns,
        wall_ms_per_turn: (wall / turns).toFixed(2),
        p50: times[Math.floor(turns / 2)]!.toFixed(2),
        node_cpu_ms_per_turn: ((cpu.user + cpu.system) / 1000 / turns).toFixed(2),
        reply_bytes_per_turn: Math.round(bytes / turns),
        dynamo_calls_per_turn: Object.fromEntries([...calls].map(([k, v]) => [k, +(v / turns).toFixed(3)])),
      }),
    );
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
void main();
