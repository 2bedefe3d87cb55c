/**
 * Finds the DynamoDB Local (Java) process that serves a given data directory, so a test can stop the
 * database under a running stack and start it again on the same port and files.
 */
import { findProcesses, waitUntil, type ProcessInfo } from './processes';

export interface DynamoProcess {
  pid: number;
  port: number;
}

export function findDynamoLocal(dataDir: string): DynamoProcess | null {
  const found: ProcessInfo[] = findProcesses(
    (p) => p.cmdline.includes('DynamoDBLocal.jar') && p.cmdline.includes(dataDir),
  );
  const proc = found[0];
  const port = proc ? /-port (\d+)/.exec(proc.cmdline)?.[1] : undefined;
  return proc && port ? { pid: proc.pid, port: Number(port) } : null;
}

/** Stops it the way an operator or a crash would, and waits until it is gone. */
export async function stopDynamoLocal(
  proc: DynamoProcess,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<void> {
  try {
    process.kill(proc.pid, signal);
  } catch {
    return; // already gone
  }
  await waitUntil(
    () => findProcesses((p) => p.pid === proc.pid).length === 0,
    10_000,
    `DynamoDB Local ${proc.pid} to exit`,
  );
}
