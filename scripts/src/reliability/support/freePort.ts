import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Lowest port tried; below it live the well-known and commonly configured ones (3000, 4010, 8000, …). */
const LOWEST = 10_000;

/**
 * The first port of the kernel's ephemeral range (`net.ipv4.ip_local_port_range`, 32768 by default).
 * The kernel hands ports from that range to every outgoing connection on the machine.
 */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > LOWEST + 1_000 ? low : 32_768;
  } catch {
    return 32_768; // not Linux: the IANA range starts at 49152, so this stays below it too
  }
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/**
 * A TCP port that was free on loopback a moment ago, chosen at random BELOW the ephemeral range.
 *
 * Why not `listen(0)`: that returns an ephemeral port, and between closing the probe and the stack
 * binding it — or between a SIGKILL and the restart on the same port (sigkill, durability, Lex restart
 * tests) — any outgoing connection on this shared machine (other test files, other people's stacks,
 * the test's own HTTP and DynamoDB clients) may be given that very port as its local port, and the
 * stack then fails with "port in use". Below the ephemeral range only an explicit bind can take it.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const span = ephemeralLow() - LOWEST;
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * span);
    if (await canListen(port, host)) return port;
  }
  throw new Error(`no free port found on ${host} between ${LOWEST} and ${LOWEST + span}`);
}
