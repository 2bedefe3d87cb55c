/**
 * Linux /proc inspection, to prove that a killed stack left nothing behind (DynamoDB Local is a Java
 * grandchild and outlives its parent if only the parent dies).
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  pgid: number;
  state: string;
  cmdline: string;
}

function readProcess(pid: number): ProcessInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces, so fields are counted after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return { pid, state: fields[0] ?? '?', pgid: Number(fields[2]), cmdline };
  } catch {
    return null; // it exited while we looked
  }
}

/** Live (non-zombie) processes matching `predicate`. */
export function findProcesses(predicate: (p: ProcessInfo) => boolean): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProcess(Number(entry));
    if (info && info.state !== 'Z' && predicate(info)) found.push(info);
  }
  return found;
}

/** Processes in group `pgid`, or whose command line mentions `marker` (e.g. the stack's data dir). */
export function stackProcesses(pgid: number, marker?: string): ProcessInfo[] {
  return findProcesses((p) => p.pgid === pgid || (marker !== undefined && p.cmdline.includes(marker)));
}

export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
