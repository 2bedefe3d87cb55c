/**
 * Nothing the local stack starts may be reachable from another machine: every socket it listens on, in
 * this process and in DynamoDB Local's JVM, is read from /proc and must be a loopback address.
 */
import { isLoopback, listeningSockets, listeningSocketsOf } from './listeningSockets';
import { startStack, type Stack } from './stack';

let stack: Stack | undefined;

afterAll(async () => {
  await stack?.stop();
});

const portOf = (url: string) => Number(new URL(url).port);

it('listens on loopback only: chat, Lex runtime, Secrets Manager stand-in and DynamoDB Local', async () => {
  const before = new Set(listeningSockets().map((s) => s.inode));
  stack = await startStack({ quiet: true });
  const ours = [stack.chatUrl, stack.lexUrl, stack.dynamoEndpoint, stack.secretsEndpoint].map(portOf);
  // Other programs on this machine open sockets too: look only at the new ones on our ports.
  const opened = listeningSockets().filter((s) => !before.has(s.inode) && ours.includes(s.port));
  for (const port of ours) expect(opened.map((s) => s.port)).toContain(port);
  expect(opened.filter((s) => !isLoopback(s.address))).toEqual([]);
  // The Node side holds only its own sockets; the rest belong to the JVM and are loopback too.
  expect(listeningSocketsOf(process.pid).every((s) => isLoopback(s.address))).toBe(true);
}, 120_000);
