/**
 * Which TCP sockets a process is listening on, read from /proc (Linux): the way to check that a local
 * service is unreachable from other machines without connecting to the machine's other addresses.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface ListeningSocket {
  /** Textual address: '127.0.0.1', '::1', '::ffff:127.0.0.1', '0.0.0.0', '::'. */
  address: string;
  port: number;
  inode: string;
}

const TCP_LISTEN = '0A';

/** /proc/net/tcp stores each 32-bit word in host (little-endian) byte order. */
function wordsToBytes(hex: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < hex.length; i += 8) {
    const word = hex.slice(i, i + 8);
    for (let j = 6; j >= 0; j -= 2) bytes.push(parseInt(word.slice(j, j + 2), 16));
  }
  return bytes;
}

function formatAddress(bytes: number[]): string {
  if (bytes.length === 4) return bytes.join('.');
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

function readTable(file: string): ListeningSocket[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length > 9 && cols[3] === TCP_LISTEN)
    .map((cols) => {
      const [addr, port] = cols[1]!.split(':') as [string, string];
      return { address: formatAddress(wordsToBytes(addr)), port: parseInt(port, 16), inode: cols[9]! };
    });
}

/** Every listening TCP socket on the machine (this network namespace). */
export function listeningSockets(): ListeningSocket[] {
  return [...readTable('/proc/net/tcp'), ...readTable('/proc/net/tcp6')];
}

/** The listening TCP sockets a process holds open. */
export function listeningSocketsOf(pid: number): ListeningSocket[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode) inodes.add(inode);
    } catch {
      // closed between readdir and readlink
    }
  }
  return listeningSockets().filter((s) => inodes.has(s.inode));
}

/** True for addresses only this machine can reach. */
export function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address);
}
