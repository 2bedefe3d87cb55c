/**
 * Runs `npm start`'s entry point (scripts/src/start.ts) as a child process in its own process group,
 * so a test can SIGKILL the whole stack — Node and the Java DynamoDB Local under it — at once, the way
 * a power cut or an OOM kill would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureWebBuild } from '../../webBuild';
import { HttpClient, waitForHealth } from './httpClient';
import { stackProcesses, waitUntil, type ProcessInfo } from './processes';

export const REPO_ROOT = resolve(__dirname, '../../../..');

export interface ChildStackOptions {
  port: number;
  lexPort: number;
  dataDir: string;
  /** Extra environment (e.g. a rate limit). */
  env?: Record<string, string>;
  /** How long the stack may take to answer /api/health (default 120 s: two JVM-heavy starts on a loaded 2-core box). */
  startTimeoutMs?: number;
}

export interface ChildStack {
  chatUrl: string;
  pid: number;
  /** Everything the child wrote, for failure messages. */
  output(): string;
  /** SIGKILL to the whole process group, then waits until no process of the group (or using dataDir) lives. */
  kill(): Promise<void>;
  /** SIGTERM to the group (an orderly stop), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export async function startChildStack(options: ChildStackOptions): Promise<ChildStack> {
  // start.ts builds chat-web first when dist is missing or stale (a fresh checkout, or right after a
  // change to chat-web/src lands). Inside the child that build counted against the health timeout (45 s
  // until 2026-12-03) and the test's own: on a loaded machine enough to fail a first run that passes on
  // the rerun, when dist exists. Build here, under the same lock, before any clock starts.
  ensureWebBuild();
  const child: ChildProcess = spawn(resolve(REPO_ROOT, 'node_modules/.bin/tsx'), ['scripts/src/start.ts'], {
    cwd: REPO_ROOT,
    detached: true, // its own process group: -pid reaches every descendant that stays in it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...options.env,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      LEX_PORT: String(options.lexPort),
      DATA_DIR: options.dataDir,
    },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn the stack');
  let log = '';
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));

  const leftovers = (): ProcessInfo[] => stackProcesses(pid, options.dataDir);
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is already gone
    }
  };
  const kill = async (): Promise<void> => {
    signalGroup('SIGKILL');
    // A descendant that left the group (e.g. DynamoDB Local spawned detached) is found by its -dbPath
    // and killed by its own pid: it belongs to this test's stack.
    for (const p of leftovers()) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // exited meanwhile
      }
    }
    await waitUntil(() => exited && leftovers().length === 0, 10_000, `stack ${pid} to die`);
  };
  const stop = async (graceMs = 5_000): Promise<void> => {
    signalGroup('SIGTERM');
    try {
      await waitUntil(() => exited && leftovers().length === 0, graceMs, `stack ${pid} to stop`);
    } catch {
      await kill();
    }
  };

  const chatUrl = `http://127.0.0.1:${options.port}`;
  const client = new HttpClient(chatUrl, 1);
  try {
    await Promise.race([
      waitForHealth(client, options.startTimeoutMs ?? 120_000),
      new Promise<never>((_, reject) =>
        child.once('exit', (code) => reject(new Error(`stack exited early (code ${code}):\n${log}`))),
      ),
    ]);
  } catch (err) {
    await kill();
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- stack output ---\n${log}`, {
      cause: err,
    });
  } finally {
    client.close();
  }
  return { chatUrl, pid, output: () => log, kill, stop };
}
