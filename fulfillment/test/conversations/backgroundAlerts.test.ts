/**
 * Alerts raised with no one in the chat (issue 12 points 2 and 5), end to end: rules and budgets set by
 * chat through the real Lex client, the scheduled job run as `npm start`'s timer runs it, and CSV
 * imports through the chat API over HTTP, all on DynamoDB Local. Each alert is raised once per claim
 * (bill and day; budget, period and threshold), whatever the number of runs or commits.
 */
import { overviewSchema } from '../../src/chatApi/overview';
import type { BudgetAlert } from '../../src/ports/BudgetNotifier';
import { fetchOverview, useConversationHarness } from '../support/conversation';

// Thursday 2026-12-03, 10:00 in New York.
const START = '2026-12-03T15:00:00Z';
const emailed: BudgetAlert[] = [];

const { clock, h } = useConversationHarness(START, {
  notifier: { budgetCrossed: async (alert) => void emailed.push(alert) },
  resetClock: true,
});

const notes = async (user: string, kind: string) =>
  (await h.repo.notifications.listNotifications(user)).filter((n) => n.kind === kind).map((n) => n.text);

const overviewAlerts = async (user: string) => (await fetchOverview(h, user)).alerts.map((a) => a.text);

describe('the scheduled job', () => {
  test('says a bill is due tomorrow once, however often it runs, and the overview shows it once', async () => {
    const u = 'bg-bill';
    await h.say(u, 'netflix 15.99 every month on the 5th');
    await h.postRecurring();
    expect(await notes(u, 'bill')).toEqual([]);

    clock.set('2026-12-04T14:00:00Z'); // Friday Dec 4, 09:00 in New York
    const report = await h.postRecurring();
    expect(report.alerts).toBeGreaterThanOrEqual(1);
    await h.postRecurring();
    clock.set('2026-12-04T22:00:00Z');
    await h.postRecurring();
    expect(await notes(u, 'bill')).toEqual(['Netflix ($15.99) is due tomorrow.']);
    expect(await overviewAlerts(u)).toEqual(['Netflix ($15.99) is due tomorrow.']);

    // On the day it is posted; the next one is a month away, so nothing more is said.
    clock.set('2026-12-05T14:00:00Z');
    await h.postRecurring();
    expect(await h.repo.listRecent(u, 5)).toMatchObject([{ date: '2026-12-05', amountMinor: 1599 }]);
    expect(await notes(u, 'bill')).toEqual(['Netflix ($15.99) is due tomorrow.']);
  });

  test('raises the budget warnings its postings cross, once per threshold and period, e-mail included', async () => {
    const u = 'bg-budget';
    await h.say(u, 'set a 100 health budget');
    await h.say(u, 'gym 45 every week from friday');
    const mailed = () => emailed.filter((a) => a.userId === u).map((a) => a.threshold);

    clock.set('2026-12-04T15:00:00Z');
    await h.postRecurring();
    expect(await notes(u, 'budget')).toEqual([]);

    clock.set('2026-12-11T15:00:00Z');
    await h.postRecurring();
    await h.postRecurring();
    expect(await notes(u, 'budget')).toEqual([
      "Heads up: you've used 90% of your December Health budget ($90.00 of $100.00).",
    ]);
    expect(mailed()).toEqual([80]);

    clock.set('2026-12-18T15:00:00Z');
    await h.postRecurring();
    await h.postRecurring();
    expect(await notes(u, 'budget')).toEqual([
      "You're over your December Health budget by $35.00 ($135.00 of $100.00).",
      "Heads up: you've used 90% of your December Health budget ($90.00 of $100.00).",
    ]);
    expect(mailed()).toEqual([80, 100]);
  });

  test('postings of a past month (a laptop that slept) raise no warning for that month, only for this one', async () => {
    const u = 'bg-old';
    await h.say(u, 'set a 50 health budget');
    await h.say(u, 'gym 45 every week from friday');
    // Asleep until January 2nd: December's four posts land in December, which is over; only Friday
    // January 1st counts toward the budget of now.
    clock.set('2027-01-02T15:00:00Z');
    await h.postRecurring();
    expect((await h.repo.listAllTransactions(u)).length).toBe(5);
    expect(await notes(u, 'budget')).toEqual([
      "Heads up: you've used 90% of your January Health budget ($45.00 of $50.00).",
    ]);
  });
});

describe('CSV import', () => {
  const csv = [
    'Date,Description,Amount',
    '2026-12-01,TRADER JOES,-50.00',
    '2026-12-02,SHELL OIL,-35.00',
  ].join('\n');
  const upload = async (user: string, body: string) => {
    const res = await fetch(`${h.chatUrl}/api/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv', 'X-BB-Local-User': user },
      body,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { importId: string; new: number };
  };
  const commit = async (user: string, importId: string) => {
    const res = await fetch(`${h.chatUrl}/api/import/${importId}/commit`, {
      method: 'POST',
      headers: { 'X-BB-Local-User': user },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { imported: number };
  };

  test('a commit that crosses a budget raises its warning once; committing or importing again raises none', async () => {
    const u = 'bg-import';
    await h.say(u, 'overall budget 100 a month');
    const preview = await upload(u, csv);
    expect(preview.new).toBe(2);
    expect(await notes(u, 'budget')).toEqual([]);
    expect((await commit(u, preview.importId)).imported).toBe(2);
    const warned = ["Heads up: you've used 85% of your December overall budget ($85.00 of $100.00)."];
    expect(await notes(u, 'budget')).toEqual(warned);
    // E-mailed as a chat turn's crossing is (issue 12): once, under the same claim.
    const mailed = () => emailed.filter((a) => a.userId === u).map((a) => a.threshold);
    expect(mailed()).toEqual([80]);

    expect((await commit(u, preview.importId)).imported).toBe(0);
    const again = await upload(u, csv);
    expect(again.new).toBe(0);
    await commit(u, again.importId);
    expect(await notes(u, 'budget')).toEqual(warned);
    expect(await overviewAlerts(u)).toEqual(warned);
    expect(mailed()).toEqual([80]);
  });

  test('one e-mail per threshold and period whatever the origin: chat, then an import, then the job', async () => {
    const u = 'bg-origins';
    const mailed = () => emailed.filter((a) => a.userId === u).map((a) => a.threshold);
    await h.say(u, 'overall budget 100 a month');
    await h.say(u, 'gym 45 every week from friday');
    await h.say(u, 'spent 85 on lunch');
    expect(mailed()).toEqual([80]);
    // The import takes it from 85 to 170: past 100 (80 was told already, by the chat).
    const preview = await upload(u, csv);
    await commit(u, preview.importId);
    expect(mailed()).toEqual([80, 100]);
    // Friday's gym posting goes further over: nothing new to tell, by e-mail or in the app.
    clock.set('2026-12-04T15:00:00Z');
    await h.postRecurring();
    expect((await h.repo.listRecent(u, 1))[0]).toMatchObject({ date: '2026-12-04', amountMinor: 4500 });
    expect(mailed()).toEqual([80, 100]);
    expect(await notes(u, 'budget')).toHaveLength(2);
  });

  test('an import honours "only email me at 100%" as the chat does', async () => {
    const u = 'bg-import-setting';
    const mailed = () => emailed.filter((a) => a.userId === u).map((a) => a.threshold);
    await h.say(u, 'only email me at 100%');
    await h.say(u, 'overall budget 100 a month');
    const preview = await upload(u, csv);
    await commit(u, preview.importId);
    expect(await notes(u, 'budget')).toHaveLength(1);
    expect(mailed()).toEqual([]);
  });

  test('"#tag" words of a description become tags, counted in the month and the overview\'s top tags', async () => {
    const u = 'bg-import-tags';
    const tagged = [
      'Date,Description,Amount',
      '2026-12-01,UBER TRIP #work,-18.00',
      '2026-12-02,HILTON HOTELS #Travel #work,-120.00',
      '2026-12-02,COFFEE #!!,-4.00',
      // A store number is no label of the person's: each would be a tag of its own in every total.
      '2026-12-03,WM SUPERCENTER #5744,-30.00',
    ].join('\n');
    const preview = await upload(u, tagged);
    await commit(u, preview.importId);
    const entries = await h.repo.listAllTransactions(u);
    expect(entries.map((t) => [t.amountMinor, t.tags ?? []])).toEqual(
      expect.arrayContaining([
        [1800, ['work']],
        [12_000, ['travel', 'work']],
        [400, []],
        [3000, []],
      ]),
    );
    const month = await h.repo.getTagTotals(u, { granularity: 'month', key: '2026-12' }, 'USD');
    expect(month.expenseByTag).toEqual({ work: 13_800, travel: 12_000 });
    const res = await fetch(`${h.chatUrl}/api/overview`, { headers: { 'X-BB-Local-User': u } });
    expect(overviewSchema.parse(await res.json()).topTags.map((t) => [t.tag, t.spent.formatted])).toEqual([
      ['work', '$138.00'],
      ['travel', '$120.00'],
    ]);
  });
});
