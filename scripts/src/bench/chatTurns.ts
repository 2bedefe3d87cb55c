/**
 * What the chat-turn measurements send: one mix of sentences (writes and questions, as a person types
 * them) and one way to post a turn, so the bench and the diagnostics in turnCost.ts / turnCalls.ts
 * measure the same thing.
 */
import http from 'node:http';

export const TURN_UTTERANCES: readonly string[] = [
  'spent 12.50 on lunch',
  'how much did I spend on food this month?',
  'paid 40 for gas yesterday',
  'how is my food budget?',
  'spent 3.75 on coffee',
  'how much did I spend last week?',
  'bought groceries for 86.20',
  'check my grocery budget',
];

/** The sentence for a user's `turn`-th message. */
export const utteranceFor = (turn: number): string => TURN_UTTERANCES[turn % TURN_UTTERANCES.length] ?? 'hi';

/** POST /api/chat as `user` over `agent`; resolves with the milliseconds to the whole reply. */
export function postTurn(agent: http.Agent, url: URL, user: string, text: string): Promise<number> {
  const body = JSON.stringify({ text, timeZone: 'UTC' });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: '/api/chat',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-bb-local-user': user,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`chat turn: HTTP ${response.statusCode} — not a real turn`)),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
