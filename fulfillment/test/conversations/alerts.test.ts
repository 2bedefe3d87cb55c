/**
 * Alerts without fatigue and the overview's bills (issue 12 points 2, 5 and 6), end to end: turns go
 * through the real Lex client to the local runtime, the ledger is DynamoDB Local, and the overview and
 * "mark read" are fetched from the proxy over HTTP. The clock is moved by the test to cross periods
 * and weeks.
 */
import { markAlertsReadReplySchema, type Overview } from '../../src/chatApi/overview';
import type { BudgetAlert } from '../../src/ports/BudgetNotifier';
import { intentName, replyText } from '../support/replies';
import { fetchOverview, useConversationHarness } from '../support/conversation';

// Thursday 2026-12-03, 10:00 in New York.
const START = '2026-12-03T15:00:00Z';
const emailed: BudgetAlert[] = [];

const { clock, h } = useConversationHarness(START, {
  notifier: { budgetCrossed: async (alert) => void emailed.push(alert) },
  resetClock: true,
});

const overview = (user: string): Promise<Overview> => fetchOverview(h, user);
const alertTexts = async (user: string) => (await overview(user)).alerts.map((a) => a.text);

async function markRead(user: string, ids: string[]) {
  return fetch(`${h.chatUrl}/api/alerts/read`, {
    method: 'POST',
    headers: { 'X-BB-Local-User': user, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ids }),
  });
}
async function readAll(user: string) {
  const ids = (await overview(user)).alerts.map((a) => a.id);
  if (ids.length > 0) expect((await markRead(user, ids)).status).toBe(200);
}

describe('budget warnings', () => {
  test('one notification per threshold and period, kept until read; the e-mail rides on the same claim', async () => {
    const u = 'al-budget';
    await h.say(u, 'set a 100 food budget');
    expect(replyText(await h.say(u, 'spent 85 on food'))).toContain(
      "Heads up: you've used 85% of your December Food budget",
    );
    expect(await alertTexts(u)).toEqual([
      "Heads up: you've used 85% of your December Food budget ($85.00 of $100.00).",
    ]);
    await h.say(u, 'spent 5 on food');
    await h.say(u, 'spent 20 on food');
    const both = await alertTexts(u);
    expect(both).toEqual([
      "You're over your December Food budget by $10.00 ($110.00 of $100.00).",
      "Heads up: you've used 85% of your December Food budget ($85.00 of $100.00).",
    ]);
    expect(emailed.filter((a) => a.userId === u).map((a) => a.threshold)).toEqual([80, 100]);

    await readAll(u);
    expect(await alertTexts(u)).toEqual([]);
    // Back under the line (a delete) and over again: said in the chat, not raised or e-mailed again.
    await h.say(u, 'delete my last transaction');
    await h.say(u, 'yes');
    expect(replyText(await h.say(u, 'spent 30 on food'))).toContain("You're over your December Food budget");
    expect(await alertTexts(u)).toEqual([]);
    expect(emailed.filter((a) => a.userId === u)).toHaveLength(2);

    // A new period is a new budget period: warned again.
    clock.set('2027-01-05T15:00:00Z');
    await h.say(u, 'spent 90 on food');
    expect(await alertTexts(u)).toEqual([
      "Heads up: you've used 90% of your January Food budget ($90.00 of $100.00).",
    ]);
  });
});

describe('bills due', () => {
  test('upcoming bills list the next 7 days; a bill due tomorrow is raised once', async () => {
    const u = 'al-bills';
    await h.say(u, 'gym 40 every two weeks from friday');
    await h.say(u, 'netflix 15.99 every month on the 8th');
    await h.say(u, 'my rent is 1,500 every month on the 1st');
    await h.say(u, 'salary 3,200 every month on the 5th');
    const view = await overview(u);
    expect(view.upcomingBills).toEqual([
      { name: 'Gym', date: '2026-12-04', amount: { minor: 4000, formatted: '$40.00' } },
      { name: 'Netflix', date: '2026-12-08', amount: { minor: 1599, formatted: '$15.99' } },
    ]);
    expect(view.alerts.map((a) => a.text)).toEqual(['Gym ($40.00) is due tomorrow.']);
    // Looking again does not raise it again; once read it stays read.
    expect(await alertTexts(u)).toEqual(['Gym ($40.00) is due tomorrow.']);
    await readAll(u);
    expect(await alertTexts(u)).toEqual([]);
    // The day before netflix: that one, once.
    clock.set('2026-12-07T15:00:00Z');
    expect(await alertTexts(u)).toEqual(['Netflix ($15.99) is due tomorrow.']);
  });

  test('"what bills are due this week" and "anything due tomorrow" answer from the same rules', async () => {
    const u = 'al-due';
    await h.say(u, 'gym 40 every two weeks from friday');
    await h.say(u, 'netflix 15.99 every month on the 8th');
    const week = await h.say(u, 'what bills are due this week');
    expect(intentName(week)).toBe('ListRecurring');
    expect(replyText(week)).toBe('Due this week ($40.00 to pay):\n• Friday, Dec 4: Gym $40.00');
    const tomorrow = await h.say(u, 'anything due tomorrow');
    expect(intentName(tomorrow)).toBe('ListRecurring');
    expect(replyText(tomorrow)).toContain('Gym $40.00');
    expect(replyText(tomorrow)).not.toContain('Netflix');
  });
});

describe('savings goals', () => {
  test('a goal reached is told once', async () => {
    const u = 'al-goal-reached';
    await h.say(u, 'I want to save 100 for a new bike');
    await h.say(u, 'put 60 toward the bike');
    expect(await alertTexts(u)).toEqual([]);
    expect(replyText(await h.say(u, 'put 40 toward the bike'))).toContain('You reached your');
    expect(await alertTexts(u)).toEqual(['You reached your new bike goal of $100.00. Well done!']);
    await readAll(u);
    await h.say(u, 'put 10 toward the bike');
    expect(await alertTexts(u)).toEqual([]);
  });

  test('a goal falling behind is mentioned at most once a week', async () => {
    const u = 'al-goal-behind';
    await h.say(u, 'I want to save 1200 for a trip to japan by june');
    expect(await alertTexts(u)).toEqual([]);
    // Three weeks in, nothing saved: behind.
    clock.set('2026-12-24T15:00:00Z');
    const [behind] = await alertTexts(u);
    expect(behind).toMatch(/^Your trip to japan goal is falling behind: \$0\.00 of \$1,200\.00 saved\./);
    await readAll(u);
    clock.set('2026-12-28T15:00:00Z');
    expect(await alertTexts(u)).toEqual([]);
    clock.set('2026-12-31T16:00:00Z');
    expect(await alertTexts(u)).toHaveLength(1);
    // Caught up: no more.
    await readAll(u);
    await h.say(u, 'put 600 toward japan');
    clock.set('2027-01-08T16:00:00Z');
    expect(await alertTexts(u)).toEqual([]);
  });
});

describe('POST /api/alerts/read', () => {
  test('answers errors as the other endpoints do', async () => {
    const anonymous = await fetch(`${h.chatUrl}/api/alerts/read`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"ids":["x"]}',
    });
    // Locally, no header is the default local user; a bad body is a 400 either way.
    expect([200, 401]).toContain(anonymous.status);
    const bad = await markRead('al-errors', []);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'invalid_request', message: expect.any(String) } });
    const ok = await markRead('al-errors', ['2026-12-03T15:00:00.000Z_abc']);
    expect(markAlertsReadReplySchema.parse(await ok.json())).toEqual({ read: 0 });
  });
});
