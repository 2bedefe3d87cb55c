/**
 * Tags and each person's own categories by chat (issue 12 point 4), end to end: the real Lex SDK
 * client, the local Lex runtime and its NLU, the code hook and DynamoDB Local.
 */
import { intentName, replyButtons, replyText } from '../support/replies';
import { fetchOverview, useConversationHarness } from '../support/conversation';

// Thursday 2026-12-03, noon in New York.

const { h } = useConversationHarness('2026-12-03T17:00:00Z');

const monthTotals = (user: string) =>
  h.repo.getPeriodTotals(user, { granularity: 'month', key: '2026-12' }, 'USD');
const monthTags = (user: string) =>
  h.repo.getTagTotals(user, { granularity: 'month', key: '2026-12' }, 'USD');

describe('tags', () => {
  test('"#work" in a message tags the entry it logs, and its month counts it', async () => {
    const logged = await h.say('tag-1', 'spent 42 on lunch #work');
    expect(intentName(logged)).toBe('LogExpense');
    expect(replyText(logged)).toContain('Logged $42.00 for Food today');
    expect(replyText(logged)).toContain('tagged #work');
    const [entry] = await h.repo.listRecent('tag-1', 5);
    expect(entry).toMatchObject({ amountMinor: 4200, category: 'Food', tags: ['work'] });
    expect((await monthTags('tag-1')).expenseByTag).toEqual({ work: 4200 });
  });

  test('"tag it work" after logging tags that entry; undo takes the tag off again', async () => {
    await h.say('tag-2', 'paid 60 for a taxi');
    const tagged = await h.say('tag-2', 'tag it work');
    expect(intentName(tagged)).toBe('TagTransaction');
    expect(replyText(tagged)).toContain('Tagged $60.00 for Transport today');
    expect((await h.repo.listRecent('tag-2', 5))[0]?.tags).toEqual(['work']);
    expect((await monthTags('tag-2')).expenseByTag).toEqual({ work: 6000 });

    await h.say('tag-2', 'undo');
    expect((await h.repo.listRecent('tag-2', 5))[0]?.tags).toBeUndefined();
    expect((await monthTags('tag-2')).expenseByTag).toEqual({});
  });

  test('"tag the costco one as work" finds the described entry', async () => {
    await h.say('tag-3', 'costco 85 groceries');
    await h.say('tag-3', 'coffee 4');
    const tagged = await h.say('tag-3', 'tag the costco one as work');
    expect(intentName(tagged)).toBe('TagTransaction');
    const rows = await h.repo.listRecent('tag-3', 5);
    expect(rows.find((r) => r.amountMinor === 8500)?.tags).toEqual(['work']);
    expect(rows.find((r) => r.amountMinor === 400)?.tags).toBeUndefined();
  });

  test('totals by tag: "how much did i spend on #work this month"', async () => {
    await h.say('tag-4', 'spent 42 on lunch #work');
    await h.say('tag-4', 'taxi 18 #work');
    await h.say('tag-4', 'dinner 30');
    const total = await h.say('tag-4', 'how much did i spend on #work this month');
    expect(intentName(total)).toBe('QuerySpending');
    expect(replyText(total)).toContain('You spent $60.00 tagged #work this month.');
  });

  test('a person with 12,000 tags this year still logs, and tag totals and the overview stay exact', async () => {
    const u = 'tag-many';
    // 12,000 distinct 30-character tags, ten to an entry (an import of "#…" descriptions). Kept as
    // attributes of the year's rollup item (about 40 bytes each) they would pass DynamoDB's 400 KB item limit, and every
    // later entry of the year — its whole write — would fail.
    const tagOf = (i: number) => `t${String(i).padStart(5, '0')}${'x'.repeat(24)}`;
    const rows = Array.from({ length: 1200 }, (_, e) => ({
      kind: 'expense' as const,
      amountMinor: 100,
      currency: 'USD',
      category: 'Shopping',
      date: '2026-11-15',
      source: 'import' as const,
      requestId: `many-tags-${e}`,
      tags: Array.from({ length: 10 }, (_, k) => tagOf(e * 10 + k)),
    }));
    for (let i = 0; i < rows.length; i += 250) await h.repo.logTransactions(u, rows.slice(i, i + 250));

    const logged = await h.say(u, 'spent 42 on lunch #work');
    expect(replyText(logged)).toContain('Logged $42.00 for Food today');
    await h.say(u, 'taxi 18 #work');
    const total = await h.say(u, 'how much did i spend on #work this month');
    expect(replyText(total)).toContain('You spent $60.00 tagged #work this month.');
    const year = await h.repo.getTagTotals(u, { granularity: 'year', key: '2026' }, 'USD');
    expect(Object.keys(year.expenseByTag)).toHaveLength(12_001);
    expect(year.expenseByTag.work).toBe(6000);
    expect((await fetchOverview(h, u)).topTags).toEqual([
      { tag: 'work', spent: { minor: 6000, formatted: '$60.00' } },
    ]);
  });

  test('lists by tag: "list everything tagged travel" and "show my work expenses"', async () => {
    await h.say('tag-5', 'hotel 120 #travel');
    await h.say('tag-5', 'spent 15 on lunch #work');
    await h.say('tag-5', 'groceries 40');
    const travel = await h.say('tag-5', 'list everything tagged travel');
    expect(intentName(travel)).toBe('ListTransactions');
    expect(replyText(travel)).toContain('tagged #travel:');
    expect(replyText(travel)).toContain('$120.00');
    expect(replyText(travel)).not.toContain('$40.00');

    const work = await h.say('tag-5', 'show my work expenses');
    expect(replyText(work)).toContain('tagged #work:');
    expect(replyText(work)).toContain('$15.00');
    expect(replyText(work)).not.toContain('$120.00');
  });
});

describe("each person's own categories", () => {
  test('"add a category called Pets", then logging to it', async () => {
    const added = await h.say('cat-1', 'add a category called Pets');
    expect(intentName(added)).toBe('AddCategory');
    expect(replyText(added)).toContain('Added the category Pets');
    const logged = await h.say('cat-1', 'spent 35 on pets');
    // The words named the category, not the purchase: no "(pets)" note beside Pets.
    expect(replyText(logged)).toContain('Logged $35.00 for Pets today.');
    const [pets] = await h.repo.listRecent('cat-1', 5);
    expect(pets).toMatchObject({ category: 'Pets', amountMinor: 3500 });
    expect(pets?.note).toBeUndefined();

    const list = await h.say('cat-1', 'what are my categories');
    expect(intentName(list)).toBe('ListCategories');
    expect(replyText(list)).toContain('Pets (yours)');
    // A spending category of one's own is not offered as a source of income.
    expect(replyText(list)).not.toMatch(/Income:[^\n]*Pets/);
    // Someone else has no such category.
    expect((await h.repo.getProfile('cat-other'))?.customCategories ?? []).not.toContain('Pets');
  });

  test('"add an income category Tutoring": income files there and is asked about by name', async () => {
    const u = 'cat-income';
    const added = await h.say(u, 'add an income category Tutoring');
    expect(intentName(added)).toBe('AddIncomeCategory');
    expect(replyText(added)).toContain('Added the income category Tutoring');
    expect((await h.repo.getProfile(u))?.customIncomeCategories).toEqual(['Tutoring']);

    const got = await h.say(u, 'got 60 from tutoring');
    expect(intentName(got)).toBe('LogIncome');
    expect(replyText(got)).toContain('Logged $60.00 of Tutoring income today');
    expect(await h.repo.listRecent(u, 5)).toMatchObject([
      { kind: 'income', category: 'Tutoring', amountMinor: 6000 },
    ]);
    await h.say(u, 'got paid 1000 salary');
    const earned = await h.say(u, 'how much did I earn from tutoring this month');
    expect(intentName(earned)).toBe('QueryIncome');
    expect(replyText(earned)).toContain('$60.00');
    expect(replyText(earned)).not.toContain('$1,060.00');

    const list = await h.say(u, 'what are my categories');
    expect(replyText(list)).toMatch(/Income:[^\n]*Tutoring \(yours\)/);
    // An income category is not offered for spending.
    expect(replyText(list)).not.toMatch(/Your spending categories:[^\n]*Tutoring/);
    // Saying it again changes nothing; someone else has no such category.
    expect(replyText(await h.say(u, 'add an income category called tutoring'))).toContain(
      'You already have Tutoring for income',
    );
    expect((await h.repo.getProfile('cat-other'))?.customIncomeCategories).toBeUndefined();
  });

  test('"rename Food to Eating out" keeps the history and the budget under the new name', async () => {
    await h.say('cat-2', 'spent 20 on lunch');
    await h.say('cat-2', 'dinner 30');
    await h.say('cat-2', 'set my food budget to 300');
    const renamed = await h.say('cat-2', 'rename Food to Eating out');
    expect(intentName(renamed)).toBe('RenameCategory');
    expect(replyText(renamed)).toContain('Renamed Food to Eating out: 2 entries moved, and its 1 budget.');

    const rows = await h.repo.listRecent('cat-2', 5);
    expect(rows.map((r) => r.category)).toEqual(['Eating out', 'Eating out']);
    const totals = await monthTotals('cat-2');
    expect(totals.expenseByCategory).toEqual({ 'Eating out': 5000 });
    expect(await h.repo.getBudget('cat-2', 'Food', 'Monthly')).toBeNull();
    expect(await h.repo.getBudget('cat-2', 'Eating out', 'Monthly')).toMatchObject({ limitMinor: 30000 });

    // A word that meant Food now lands in Eating out, and the budget follows it.
    const later = await h.say('cat-2', 'pizza 10');
    expect(replyText(later)).toContain('Logged $10.00 for Eating out today');
    expect(replyText(later)).toContain('Eating out');
    const budget = await h.say('cat-2', 'how is my eating out budget');
    expect(replyText(budget)).toContain('$60.00');
  });

  test('"merge Coffee into Food" moves the entries and the budget and says how many', async () => {
    await h.say('cat-3', 'add a category called Coffee');
    await h.say('cat-3', 'spent 4 on coffee');
    await h.say('cat-3', 'spent 5 on coffee');
    await h.say('cat-3', 'lunch 12');
    expect((await monthTotals('cat-3')).expenseByCategory).toEqual({ Coffee: 900, Food: 1200 });
    await h.say('cat-3', 'set a weekly coffee budget of 20');

    const merged = await h.say('cat-3', 'merge Coffee into Food');
    expect(intentName(merged)).toBe('MergeCategory');
    expect(replyText(merged)).toContain('Merged Coffee into Food: 2 entries moved, and its 1 budget.');
    expect((await monthTotals('cat-3')).expenseByCategory).toEqual({ Food: 2100 });
    expect(await h.repo.getBudget('cat-3', 'Food', 'Weekly')).toMatchObject({ limitMinor: 2000 });
    expect(await h.repo.getBudget('cat-3', 'Coffee', 'Weekly')).toBeNull();
    expect((await h.repo.getProfile('cat-3'))?.customCategories).not.toContain('Coffee');

    // Saying it again moves nothing more.
    const again = await h.say('cat-3', 'merge Coffee into Food');
    expect(replyText(again)).toContain('0 entries moved');
    expect((await monthTotals('cat-3')).expenseByCategory).toEqual({ Food: 2100 });
  });

  test("an unknown category changes nothing and offers the person's categories as buttons", async () => {
    await h.say('cat-4', 'add a category called Pets');
    await h.say('cat-4', 'spent 10 on pets');
    const before = await h.repo.listRecent('cat-4', 5);
    const profileBefore = await h.repo.getProfile('cat-4');

    const merge = await h.say('cat-4', 'merge Hobbies into Food');
    expect(replyText(merge)).toContain('You don\'t have a category called "Hobbies", so nothing changed.');
    expect(replyButtons(merge).map((b) => b.value)).toContain('Pets');
    expect(await h.repo.listRecent('cat-4', 5)).toEqual(before);
    expect(await h.repo.getProfile('cat-4')).toEqual(profileBefore);

    const rename = await h.say('cat-4', 'rename Pets to Animals please');
    expect(intentName(rename)).toBe('RenameCategory');
    const after = await h.repo.listRecent('cat-4', 5);
    expect(after.map((r) => r.category)).toEqual(['Animals']);
    expect(before.map((r) => r.id)).toEqual(after.map((r) => r.id));
  });
});

describe('own categories as the answer to "What was it for?" (found by trying it, 2026-12-03)', () => {
  test('"Pets" answers the category prompt of a person who has Pets; an unknown one writes nothing', async () => {
    await h.say('own-answer', 'add a category called Pets');
    const asked = await h.say('own-answer', 'spent 26 on cat litter');
    expect(replyText(asked)).toContain('What was it for?');
    const answered = await h.say('own-answer', 'Pets');
    expect(intentName(answered)).toBe('LogExpense');
    expect(replyText(answered)).toContain('Logged $26.00 for Pets today');
    expect((await h.repo.listRecent('own-answer', 5))[0]).toMatchObject({
      amountMinor: 2600,
      category: 'Pets',
    });

    await h.say('own-answer', 'spent 9 on cat litter');
    const unknown = await h.say('own-answer', 'Llamas');
    expect(replyText(unknown)).toContain('I don\'t have an expense category called "Llamas"');
    expect(replyButtons(unknown).map((b) => b.text)).toContain('Pets');
    expect(await h.repo.listRecent('own-answer', 5)).toHaveLength(1);
  });

  test('"cancel" at that prompt still cancels instead of becoming a category', async () => {
    await h.say('own-cancel', 'spent 26 on cat litter');
    const cancelled = await h.say('own-cancel', 'cancel');
    expect(intentName(cancelled)).toBe('Cancel');
    expect(await h.repo.listRecent('own-cancel', 5)).toHaveLength(0);
  });
});
