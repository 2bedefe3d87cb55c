/**
 * `npm start`: the whole stack on loopback with data kept in DATA_DIR, the chat app built if it is
 * missing or stale, both URLs printed, and everything (the DynamoDB Local JVM included) stopped on
 * Ctrl-C or SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from '@budgetbuddy/fulfillment/proxy';
import { JavaMissingError } from './dynamoLocal';
import { clearRunningStack, writeRunningStack } from './runningStack';
import { startStack, type Stack } from './stack';
import { ensureWebBuild } from './webBuild';
import { PortInUseError } from './webServer';

const port = z.coerce.number().int().min(1).max(65535);
const envSchema = z.object({
  PORT: port.default(3000),
  LEX_PORT: port.default(4010),
  DATA_DIR: z.string().min(1).default('./.data'),
  HOST: z.string().min(1).default('127.0.0.1'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMIT_PER_MINUTE),
});

/** Checked before DynamoDB Local's JVM is started, so a taken port fails in a second, not after it. */
function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, host, () => probe.close(() => done(true)));
  });
}

/** The parent pid of a process, from /proc (Linux); null where that is not available. */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    return null;
  }
}

/**
 * `npm start` runs npm → tsx → this process. Killing npm with SIGTERM does not reach us, and the JVM
 * would outlive everything; so when the launcher above tsx goes away, we stop as if signalled.
 */
function onLauncherExit(callback: () => void): void {
  const launcher = parentOf(process.ppid);
  if (launcher === null || launcher <= 1) return;
  const timer = setInterval(() => {
    if (parentOf(process.ppid) !== launcher) {
      clearInterval(timer);
      callback();
    }
  }, 1000);
  timer.unref();
}

async function main(): Promise<void> {
  // The AWS SDK warns on every start that its 2027 releases will need Node 22; the local stack runs
  // on Node 20 (package.json engines), so that banner is only noise here. Set it to 'false' to see it.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // A closed terminal or a dead npm must not turn the shutdown messages into a crash that skips cleanup.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});

  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    console.error(`Invalid settings:\n${z.prettifyError(parsed.error)}`);
    process.exit(2);
  }
  const env = parsed.data;
  for (const [name, value] of [
    ['PORT', env.PORT],
    ['LEX_PORT', env.LEX_PORT],
  ] as const) {
    if (!(await portIsFree(env.HOST, value))) {
      console.error(
        `Port ${value} on ${env.HOST} (${name}) is already in use — is BudgetBuddy already running? ` +
          `Stop the other program or pick another port, e.g. \`${name}=${value + 100} npm start\`.`,
      );
      process.exit(1);
    }
  }
  ensureWebBuild({ verbose: true });

  const dataDir = resolve(env.DATA_DIR);
  console.log('Starting BudgetBuddy (DynamoDB Local, Lex runtime, chat)…');
  let stack: Stack;
  try {
    stack = await startStack({
      port: env.PORT,
      lexPort: env.LEX_PORT,
      host: env.HOST,
      dataDir,
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
      // DynamoDB Local on the 'quick' JVM (C1 only): on 2 cores the C2 compiler's own work costs more CPU
      // than its faster code saves for minutes after start (README, performance).
      jvm: 'quick',
    });
  } catch (err) {
    if (err instanceof JavaMissingError) console.error(err.message);
    else if (err instanceof PortInUseError || (err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        `A port BudgetBuddy needs is already in use (chat ${env.PORT}, Lex ${env.LEX_PORT}). ` +
          'Stop the other program or choose free ports, e.g. `PORT=3100 LEX_PORT=4110 npm start`.',
      );
    } else console.error('BudgetBuddy could not start:', err);
    process.exit(1);
  }

  writeRunningStack(dataDir, {
    pid: process.pid,
    chatUrl: stack.chatUrl,
    lexUrl: stack.lexUrl,
    dynamoEndpoint: stack.dynamoEndpoint,
    tableName: stack.tableName,
  });

  console.log('');
  console.log(`  Chat:           ${stack.chatUrl}`);
  console.log(`  Lex V2 runtime: ${stack.lexUrl}  (bot BBLOCALBOT, alias TSTALIASID, locale en_US)`);
  console.log(`  Data:           ${dataDir}`);
  console.log('');
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    clearRunningStack(dataDir);
    stack.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('Stopping failed:', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));
  onLauncherExit(() => shutdown('npm exited'));
}

void main();
