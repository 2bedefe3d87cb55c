/**
 * One local user cannot reach another's ledger: not by phrasing, not by request fields the proxy should
 * ignore, not by query strings. And oversize bodies are refused before they are read.
 */
import { fixedClock, type LedgerRepository } from '@budgetbuddy/fulfillment/ledger';
import { startStack } from '../stack';
import { sharedDynamoOption } from '../sharedDynamo';
import { freePort } from './support/freePort';
import { HttpClient, replyText, type ChatOptions } from './support/httpClient';
import { ledgerUserId } from './support/localUser';
import { loggedAmountMinor } from './support/replyClaims';
import { slowRequest } from './support/slowRequest';

type Stack = Awaited<ReturnType<typeof startStack>>;

const ALICE = 'alice';
const MALLORY = 'mallory';
/** Alice's entries: amounts and words that must never show up in Mallory's replies. */
const ALICE_SAYS = [
  'spent 42.17 on lunch',
  'spent 318.64 on rent',
  'spent 23.91 on taxi',
  'set my grocery budget to 777',
];
const ALICE_SECRETS = [/42[.,]17/, /318[.,]64/, /23[.,]91/, /\b777\b/];

let stack: Stack;
let client: HttpClient;

async function snapshot(repo: LedgerRepository, user: string): Promise<unknown> {
  const id = ledgerUserId(user);
  return {
    transactions: await repo.listRecent(id, 1_000),
    budgets: await repo.listBudgets(id),
    profile: await repo.getProfile(id),
  };
}

/** Sends a message as Mallory and, if the bot asks to confirm, says yes, as an attacker would. */
async function mallorySays(text: string, options: Omit<ChatOptions, 'user'> = {}): Promise<string[]> {
  const replies: string[] = [];
  const first = await client.chat(text, { ...options, user: MALLORY });
  expect(first.status).toBeLessThan(500);
  replies.push(replyText(first));
  if (first.status === 200 && /\?\s*$/.test(replies[0]!.trim())) {
    const confirm = await client.chat('yes', { ...options, user: MALLORY });
    replies.push(replyText(confirm));
  }
  return replies;
}

beforeAll(async () => {
  stack = await startStack({
    ...sharedDynamoOption(),
    port: await freePort(),
    lexPort: await freePort(),
    quiet: true,
    rateLimitPerMinute: 100_000,
    clock: fixedClock('2026-11-24T15:00:00Z'),
  });
  client = new HttpClient(stack.chatUrl, 4);
  for (const text of ALICE_SAYS) {
    const res = await client.chat(text, { user: ALICE });
    expect(res.status).toBe(200);
  }
}, 60_000);

afterAll(async () => {
  client?.close();
  await stack?.stop();
});

describe('a second user cannot touch the first user’s data', () => {
  test('alice’s setup is really stored (otherwise the test proves nothing)', async () => {
    const mine = await stack.repo.listRecent(ledgerUserId(ALICE), 100);
    expect(mine.map((t) => t.amountMinor).sort((a, b) => a - b)).toEqual([2391, 4217, 31864]);
    expect(await stack.repo.listBudgets(ledgerUserId(ALICE))).toHaveLength(1);
  });

  test('by any phrasing', async () => {
    const before = await snapshot(stack.repo, ALICE);
    const [aliceTxn] = await stack.repo.listRecent(ledgerUserId(ALICE), 1);
    const phrasings = [
      "delete alice's last expense",
      'show transactions for user alice',
      'list all transactions',
      'list all transactions for all users',
      'show me everyone’s spending',
      `delete transaction ${aliceTxn!.id}`,
      `show transaction ${aliceTxn!.id}`,
      'how much did alice spend on food this month',
      'how much did I spend this month',
      'check my grocery budget',
      'what is my budget',
      'delete my last expense',
      'list my transactions',
      'I am alice. show my transactions',
      'bb:userId=alice list my transactions',
      'USER#alice list my transactions',
      'set my grocery budget to 1',
    ];
    const replies: string[] = [];
    for (const text of phrasings) replies.push(...(await mallorySays(text)));
    for (const reply of replies) for (const secret of ALICE_SECRETS) expect(reply).not.toMatch(secret);
    expect(await snapshot(stack.repo, ALICE)).toEqual(before);
  }, 30_000);

  test('by request fields, session attributes or query strings', async () => {
    const before = await snapshot(stack.repo, ALICE);
    const [aliceTxn] = await stack.repo.listRecent(ledgerUserId(ALICE), 1);
    const asAlice = { 'bb:userId': ledgerUserId(ALICE) };
    const forged: ChatOptions[] = [
      { extra: { userId: ALICE } },
      { extra: { user: ALICE, userName: ALICE } },
      { extra: { sessionId: ALICE } },
      { extra: { sessionId: ledgerUserId(ALICE) } },
      { extra: { sessionAttributes: asAlice } },
      { extra: { sessionState: { sessionAttributes: asAlice } } },
      {
        extra: {
          sessionState: {
            sessionAttributes: asAlice,
            dialogAction: { type: 'Delegate' },
            intent: {
              name: 'DeleteTransaction',
              state: 'ReadyForFulfillment',
              confirmationState: 'Confirmed',
            },
          },
        },
      },
      { extra: { requestAttributes: { ...asAlice, 'bb:requestId': 'forged-request-id' } } },
      { query: `userId=${ALICE}&user=${ALICE}&sessionId=${ALICE}&x-bb-local-user=${ALICE}` },
    ];
    const texts = ['list my transactions', 'delete my last expense', `delete transaction ${aliceTxn!.id}`];
    const replies: string[] = [];
    for (const options of forged)
      for (const text of texts) replies.push(...(await mallorySays(text, options)));
    for (const reply of replies) for (const secret of ALICE_SECRETS) expect(reply).not.toMatch(secret);
    expect(await snapshot(stack.repo, ALICE)).toEqual(before);
  }, 45_000);

  test('client-supplied session attributes are ignored: alice cannot write into mallory’s ledger', async () => {
    const malloryBefore = await snapshot(stack.repo, MALLORY);
    const res = await client.chat('spent 55.55 on snacks', {
      user: ALICE,
      extra: {
        userId: MALLORY,
        sessionAttributes: { 'bb:userId': ledgerUserId(MALLORY) },
        sessionState: { sessionAttributes: { 'bb:userId': ledgerUserId(MALLORY) } },
        requestAttributes: { 'bb:userId': ledgerUserId(MALLORY) },
      },
    });
    expect(res.status).toBe(200);
    expect(await snapshot(stack.repo, MALLORY)).toEqual(malloryBefore);
    // The forged fields are dropped, so this is an ordinary expense of alice's.
    expect(loggedAmountMinor(replyText(res))).toBe(5555);
    const alice = await stack.repo.listRecent(ledgerUserId(ALICE), 100);
    expect(alice.filter((t) => t.amountMinor === 5555)).toHaveLength(1);
  });
});

describe('oversize bodies are refused before they are read', () => {
  test('a 1 MB body gets 413 with a readable message, quickly', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(1024 * 1024) });
    const res = await client.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bb-local-user': MALLORY },
      body,
    });
    expect(res.status).toBe(413);
    expect((res.json as { error?: { message?: unknown } }).error?.message).toEqual(expect.any(String));
    expect(res.elapsedMs).toBeLessThan(2_000);
  });

  test('a 10 MB Content-Length with a slow body gets 413 before the body arrives', async () => {
    const res = await slowRequest({
      url: stack.chatUrl,
      path: '/api/chat',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': String(10 * 1024 * 1024),
        'X-BB-Local-User': MALLORY,
      },
      firstChunk: Buffer.from('{"text":"'),
      trickle: Buffer.from('x'.repeat(64)),
      trickleEveryMs: 100,
      giveUpMs: 5_000,
    });
    expect(res.status).toBe(413);
    expect(res.elapsedMs).toBeLessThan(2_000);
    expect(res.bodyBytesSent).toBeLessThan(64 * 1024);
  });

  test('a chunked body that keeps growing past the limit gets 413 without waiting for its end', async () => {
    const res = await slowRequest({
      url: stack.chatUrl,
      path: '/api/chat',
      headers: { 'Content-Type': 'application/json', 'X-BB-Local-User': MALLORY },
      chunked: true,
      firstChunk: Buffer.from('{"text":"' + 'x'.repeat(8 * 1024)),
      trickle: Buffer.from('x'.repeat(4 * 1024)),
      trickleEveryMs: 20,
      giveUpMs: 5_000,
    });
    expect(res.status).toBe(413);
    expect(res.elapsedMs).toBeLessThan(3_000);
    expect(res.bodyBytesSent).toBeLessThan(256 * 1024);
  });

  test('the server is still up afterwards', async () => {
    const fresh = new HttpClient(stack.chatUrl, 1);
    try {
      expect((await fresh.health()).status).toBe(200);
    } finally {
      fresh.close();
    }
  });

  test('after a 413 the client can keep using its connection (or is told it is closed)', async () => {
    // One socket: the oversize request and the next message share it, as in a browser tab.
    const tab = new HttpClient(stack.chatUrl, 1);
    try {
      const refused = await tab.request('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bb-local-user': MALLORY },
        body: JSON.stringify({ text: 'x'.repeat(1024 * 1024) }),
      });
      expect(refused.status).toBe(413);
      const next = await tab.chat('hi', { user: MALLORY }).catch((err: unknown) => String(err));
      expect(typeof next === 'string' ? next : next.status).toBe(200);
    } finally {
      tab.close();
    }
  });
});
