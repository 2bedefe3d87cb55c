/**
 * What one chat turn costs, in figures that a busy shared machine distorts little: CPU time per turn of
 * the stack's Node process and of DynamoDB Local's JVM (from /proc/PID/stat), and fsync/fdatasync calls
 * per turn (strace on the JVM, when strace is installed and STRACE=1). Latency is printed too, but only
 * means something as an A/B pair run back to back.
 *
 *   npx tsx scripts/src/bench/turnCost.ts [seconds]
 *
 * Same stack and load as turn.bench.ts (npm start in a child process, 20 users a turn a second each).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildStack } from '../reliability/support/childStack';
import { freePort } from '../reliability/support/freePort';
import { stackProcesses } from '../reliability/support/processes';
import { postTurn, utteranceFor } from './chatTurns';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

/** CPU ticks per thread group of a process (thread names with their numbers cut off: "qtp…-12" → "qtp"). */
function threadTicks(pid: number): Map<string, number> {
  const groups = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat
        .slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
        .replace(/[-#\d\s]+$|[-\d]+.*$/, '');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      groups.set(name, (groups.get(name) ?? 0) + Number(fields[11]) + Number(fields[12]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return groups;
}

const failures: string[] = [];

/** Young + full GC count and seconds so far, from `jstat -gc` (JDK tools; zero when absent). */
function gcSeconds(pid: number): { count: number; total: number } {
  const out = spawnSync('jstat', ['-gc', String(pid)], { encoding: 'utf8' }).stdout ?? '';
  const [head, values] = out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/));
  if (!head || !values) return { count: 0, total: 0 };
  const at = (name: string) => Number(values[head.indexOf(name)] ?? 0);
  return { count: at('YGC') + at('FGC') + at('CGC'), total: at('GCT') };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function drive(port: number, users: number, seconds: number, paceMs: number, tag: string) {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        if (paceMs > 0) await sleep((u * paceMs) / users);
        for (let turn = 0; performance.now() < until; turn++) {
          const started = performance.now();
          try {
            latencies.push(
              await postTurn(agent, new URL(`http://127.0.0.1:${port}`), `${tag}-${u}`, utteranceFor(turn)),
            );
          } catch (err) {
            failures.push(String(err));
          }
          if (paceMs > 0) await sleep(paceMs - (performance.now() - started));
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

const pct = (s: number[], p: number) =>
  s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;

async function main() {
  const seconds = Number(process.argv[2] ?? 20);
  const dataDir = mkdtempSync(join(tmpdir(), 'bb-turncost-'));
  const port = await freePort();
  const stack = await startChildStack({
    port,
    lexPort: await freePort(),
    dataDir,
    env: { RATE_LIMIT_PER_MINUTE: '1000000' },
    startTimeoutMs: 180_000,
  });
  try {
    const procs = stackProcesses(stack.pid, dataDir);
    const java = procs.find((p) => p.cmdline.startsWith('java'));
    const node = procs.find((p) => p.cmdline.includes('start.ts') && !p.cmdline.includes('.bin/tsx'));
    if (!java || !node) throw new Error(`processes not found: ${procs.map((p) => p.cmdline).join('\n')}`);
    console.log(`node pid ${node.pid}: ${node.cmdline.slice(0, 120)}\njava pid ${java.pid}`);
    let straceOut = '';
    const warm = Number(process.env.WARM_SECONDS ?? 20);
    await drive(port, 20, warm, 0, 'warm');
    // perf trace reads the kernel's syscall tracepoints: unlike strace it does not stop the JVM's threads.
    const strace =
      process.env.PERF === '1'
        ? spawn(
            'perf',
            ['trace', '-s', '-e', 'fsync,fdatasync,pwrite64,write,unlink,openat', '-p', String(java.pid)],
            {
              stdio: ['ignore', 'pipe', 'pipe'],
            },
          )
        : undefined;
    strace?.stdout?.on('data', (c: Buffer) => (straceOut += c.toString()));
    strace?.stderr?.on('data', (c: Buffer) => (straceOut += c.toString()));
    if (strace) await sleep(1000);
    if (process.env.JFR === '1') {
      spawnSync('jcmd', [
        String(java.pid),
        'JFR.start',
        'settings=profile',
        `duration=${seconds}s`,
        'filename=/tmp/turncost.jfr',
      ]);
    }
    const gcBefore = gcSeconds(java.pid);
    const threadsBefore = threadTicks(java.pid);
    const before = { node: cpuTicks(node.pid), java: cpuTicks(java.pid), t: performance.now() };
    const lat = await drive(port, 20, seconds, 1000, 'paced');
    const after = { node: cpuTicks(node.pid), java: cpuTicks(java.pid), t: performance.now() };
    if (strace) {
      strace.kill('SIGINT');
      await new Promise((r) => strace.once('exit', r));
    }
    const gcAfter = gcSeconds(java.pid);
    const threadsAfter = threadTicks(java.pid);
    const n = lat.length;
    const ms = (ticks: number) => ((ticks * 1000) / TICKS_PER_SECOND / n).toFixed(2);
    console.log(
      JSON.stringify({
        turns: n,
        node_cpu_ms_per_turn: ms(after.node - before.node),
        java_cpu_ms_per_turn: ms(after.java - before.java),
        p50: pct(lat, 50).toFixed(1),
        p90: pct(lat, 90).toFixed(1),
        p99: pct(lat, 99).toFixed(1),
        max: pct(lat, 100).toFixed(1),
        java_gc_ms_per_turn: (((gcAfter.total - gcBefore.total) * 1000) / n).toFixed(2),
        java_gcs: gcAfter.count - gcBefore.count,
        failures: failures.length,
        load: readFileSync('/proc/loadavg', 'utf8').trim(),
      }),
    );
    const byThread = [...threadsAfter]
      .map(([name, ticks]) => [name, ticks - (threadsBefore.get(name) ?? 0)] as const)
      .filter(([, ticks]) => ticks > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([name, ticks]) => `${name} ${ms(ticks)}`);
    console.log(`java CPU ms per turn by thread: ${byThread.join(', ')}`);
    if (straceOut) console.log(straceOut);
    if (failures.length) console.log(failures.slice(0, 5), stack.output().slice(-3000));
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
