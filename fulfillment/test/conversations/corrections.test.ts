/**
 * Fixing what was just said, end to end through the real Lex client: corrections of the entry just
 * logged, restating an expense while the bot waits for one slot, changing the category mid-dialog,
 * undoing twice, and retries of corrections.
 */
import { dialogType, intentName, replyButtons, replyText } from '../support/replies';
import { useConversationHarness } from '../support/conversation';

// Sunday 2026-11-22, noon in New York.
const SUNDAY_NOON = '2026-11-22T17:00:00Z';

const { h } = useConversationHarness(SUNDAY_NOON, { resetClock: true });

const recent = (user: string) => h.repo.listRecent(user, 50);

describe('correcting the entry just logged', () => {
  test('"no, make that 15" changes the amount, and the entry is not logged twice', async () => {
    await h.say('fix-1', 'spent 12.50 on lunch');
    const fixed = await h.say('fix-1', 'no, make that 15');
    expect(replyText(fixed)).toBe('Fixed: $15.00 for Food today (lunch) — it was $12.50.');
    expect(replyButtons(fixed)).toContainEqual({ text: 'Undo', value: 'undo' });
    expect(await recent('fix-1')).toMatchObject([{ amountMinor: 1500, category: 'Food', note: 'lunch' }]);
  });

  test('"actually it was yesterday" moves the date; "change it to groceries" the category', async () => {
    await h.say('fix-2', 'spent 40 on food');
    const moved = await h.say('fix-2', 'actually it was yesterday');
    expect(replyText(moved)).toBe('Fixed: $40.00 for Food yesterday — it was today.');
    const recat = await h.say('fix-2', 'change it to groceries');
    expect(replyText(recat)).toBe('Fixed: $40.00 for Groceries yesterday — it was Food.');
    expect(await recent('fix-2')).toMatchObject([
      { amountMinor: 4000, category: 'Groceries', date: '2026-11-21' },
    ]);
  });

  test('"no wait, that was yesterday" moves the entry just logged, as "actually it was yesterday" does', async () => {
    await h.say('fix-2b', 'spent 8 on a sandwich');
    const moved = await h.say('fix-2b', 'no wait, that was yesterday');
    expect(replyText(moved)).toBe('Fixed: $8.00 for Food yesterday (sandwich) — it was today.');
    const again = await h.say('fix-2b', 'wait, it was on friday');
    expect(replyText(again)).toBe('Fixed: $8.00 for Food on Friday, Nov 20 (sandwich) — it was yesterday.');
    expect(await recent('fix-2b')).toMatchObject([
      { amountMinor: 800, date: '2026-11-20', note: 'sandwich' },
    ]);
  });

  test('"fix the costco one" asks what to change about it, and the answer changes it', async () => {
    await h.say('fix-ask', 'spent 40 at costco');
    await h.say('fix-ask', 'spent 6 on coffee');
    const ask = await h.say('fix-ask', 'fix the costco one');
    expect(dialogType(ask)).toBe('ElicitSlot');
    expect(replyText(ask)).toMatch(/^What should I change about \$40\.00 for Groceries today \(costco\)\?/);
    const fixed = await h.say('fix-ask', '38.20');
    expect(replyText(fixed)).toBe('Fixed: $38.20 for Groceries today (costco) — it was $40.00.');
    await h.say('fix-ask', 'fix the costco one');
    const moved = await h.say('fix-ask', 'no, it was yesterday');
    expect(replyText(moved)).toBe('Fixed: $38.20 for Groceries yesterday (costco) — it was today.');
    await h.say('fix-ask', 'fix the costco one');
    const recat = await h.say('fix-ask', 'put it under food');
    expect(replyText(recat)).toMatch(/^Fixed: \$38\.20 for Food yesterday \(costco\) — it was Groceries\./);
    expect((await recent('fix-ask')).map((t) => [t.note, t.amountMinor, t.date])).toEqual([
      ['coffee', 600, '2026-11-22'],
      ['costco', 3820, '2026-11-21'],
    ]);
  });

  test('a misspelt verb ("chnage the costco one", "udpate…", "delte…") edits or deletes, never logs a new entry', async () => {
    await h.say('fix-typo', 'coffee 4 at costco');
    await h.say('fix-typo', 'spent 6 on lunch');
    const changed = await h.say('fix-typo', 'chnage the costco one to 5.50');
    expect(replyText(changed)).toMatch(
      /^Fixed: \$5\.50 for Food today \(coffee at costco\) — it was \$4\.00\./,
    );
    const updated = await h.say('fix-typo', 'udpate the costco one to 5.75');
    expect(replyText(updated)).toMatch(/^Fixed: \$5\.75 /);
    expect((await recent('fix-typo')).map((t) => [t.note, t.amountMinor])).toEqual([
      ['lunch', 600],
      ['coffee at costco', 575],
    ]);
    const asked = await h.say('fix-typo', 'delte the costco one');
    expect(intentName(asked)).toBe('DeleteTransaction');
    await h.say('fix-typo', 'no');
    expect(await recent('fix-typo')).toHaveLength(2);
  });

  test('a whole restatement ("no, it was 15 for lunch") corrects rather than adds', async () => {
    await h.say('fix-3', 'spent 9 on transport');
    const fixed = await h.say('fix-3', 'no, it was 15 for lunch');
    expect(replyText(fixed)).toBe('Fixed: $15.00 for Food today — it was $9.00 for Transport.');
    expect(await recent('fix-3')).toHaveLength(1);
  });

  test('"sorry, 20 not 15" takes the new amount, and undo then removes the corrected entry', async () => {
    await h.say('fix-4', 'spent 15 on coffee');
    const fixed = await h.say('fix-4', 'sorry, 20 not 15');
    expect(replyText(fixed)).toBe('Fixed: $20.00 for Food today (coffee) — it was $15.00.');
    // Undo takes back the correction: the entry is as it was before it.
    const undo = await h.say('fix-4', 'undo');
    expect(replyText(undo)).toBe("Undone: it's back to $15.00 for Food today (coffee).");
    expect(await recent('fix-4')).toMatchObject([{ amountMinor: 1500 }]);
  });

  test('a correction to an unknown category changes nothing and offers buttons that work', async () => {
    await h.say('fix-5', 'spent 25 on food');
    const unknown = await h.say('fix-5', 'change it to xyzzy');
    expect(replyText(unknown)).toContain('I don\'t have a category called "xyzzy"');
    expect((await recent('fix-5'))[0]?.category).toBe('Food');
    const shopping = replyButtons(unknown).find((b) => b.text === 'Shopping');
    // The buttons answer the Category question the edit asks again, so each one is the category's name.
    expect(shopping?.value).toBe('Shopping');
    const fixed = await h.say('fix-5', shopping!.value);
    expect(replyText(fixed)).toBe('Fixed: $25.00 for Shopping today — it was Food.');
  });

  test('a correction to a day still to come is refused and the entry kept', async () => {
    await h.say('fix-6', 'spent 8 on lunch');
    const future = await h.say('fix-6', 'actually it was tomorrow');
    expect(replyText(future)).toContain(
      "hasn't happened yet, so I left $8.00 for Food today (lunch) as it is.",
    );
    expect(await recent('fix-6')).toMatchObject([{ date: '2026-11-22', amountMinor: 800 }]);
  });

  test('"make it the day before yesterday" moves the entry two days back', async () => {
    await h.say('fix-11', 'log 20 for lunch yesterday');
    const moved = await h.say('fix-11', 'make it the day before yesterday');
    expect(replyText(moved)).toBe('Fixed: $20.00 for Food on Friday, Nov 20 (lunch) — it was yesterday.');
  });

  test('a correction with nothing just logged says how to name the entry, and changes nothing', async () => {
    const reply = await h.say('fix-7', 'no, make that 15');
    expect(dialogType(reply)).toBe('Close');
    expect(replyText(reply)).toContain("I'm not sure which entry you mean — nothing was changed.");
    expect(replyButtons(reply).length).toBeGreaterThan(0);
    expect(await recent('fix-7')).toHaveLength(0);
  });

  test('an income entry is corrected as income', async () => {
    await h.say('fix-8', 'got paid 2000 salary');
    const fixed = await h.say('fix-8', 'no, make that 2100');
    expect(replyText(fixed)).toBe('Fixed: $2,100.00 of Salary income today — it was $2,000.00.');
    expect(await recent('fix-8')).toMatchObject([{ kind: 'income', amountMinor: 210000 }]);
  });

  test('a retried correction (same request id) changes the entry once', async () => {
    await h.say('fix-9', 'spent 10 on lunch');
    const first = await h.say('fix-9', 'make it 11', { requestId: 'fix-9-retry' });
    const again = await h.say('fix-9', 'make it 11', { requestId: 'fix-9-retry' });
    expect(replyText(first)).toContain('Fixed: $11.00 for Food today');
    expect(replyText(again)).toMatch(/\$11\.00 for Food today/);
    expect(await recent('fix-9')).toMatchObject([{ amountMinor: 1100 }]);
  });

  test('a correction that changes nothing says so', async () => {
    await h.say('fix-10', 'spent 10 on lunch');
    const same = await h.say('fix-10', 'actually it was 10');
    expect(replyText(same)).toBe("That's already $10.00 for Food today (lunch) — nothing to change.");
    expect(await recent('fix-10')).toHaveLength(1);
  });
});

describe('changing your mind mid-dialog', () => {
  test('a full new expense typed while the bot asks for the category uses the new amount', async () => {
    const ask = await h.say('mid-1', 'spent 15');
    expect(replyText(ask)).toBe('What was it for?');
    const done = await h.say('mid-1', 'spent 12 on food');
    // A request of its own: the open draft is dropped, and the reply says so.
    expect(replyText(done)).toBe(
      'I dropped the $15.00 expense — tell me its category to log it.\nLogged $12.00 for Food today.',
    );
    expect(await recent('mid-1')).toMatchObject([{ amountMinor: 1200 }]);
  });

  test('a different category typed while the bot asks for the amount wins', async () => {
    const ask = await h.say('mid-2', 'log an expense for groceries');
    expect(replyText(ask)).toBe('How much did you spend on Groceries?');
    const done = await h.say('mid-2', 'spent 12 on transport');
    expect(replyText(done)).toBe(
      'I dropped the groceries — tell me how much it was to log it.\nLogged $12.00 for Transport today.',
    );
  });

  test('"actually it was transport" answers the category question, not a correction', async () => {
    await h.say('mid-3', 'spent 4 on coffee');
    await h.say('mid-3', 'spent 30');
    const done = await h.say('mid-3', 'actually it was transport');
    expect(replyText(done)).toBe('Logged $30.00 for Transport today.');
    expect((await recent('mid-3')).map((t) => [t.category, t.amountMinor])).toEqual([
      ['Transport', 3000],
      ['Food', 400],
    ]);
  });

  test('an unknown category, then a typo-free one from the buttons', async () => {
    const ask = await h.say('mid-4', 'spent 12 on xyzzy');
    expect(replyText(ask)).toBe(
      'I don\'t have an expense category called "xyzzy". Which of these fits best?',
    );
    expect(replyButtons(ask).length).toBeGreaterThan(1);
    const done = await h.say('mid-4', 'coffee');
    // The person's word for the item stays as the note, whichever answer named the category (issue 11.8).
    expect(replyText(done)).toBe('Logged $12.00 for Food today (xyzzy).');
  });
});

describe('undo, twice', () => {
  test('the second undo offers the entry before, and removes it on yes', async () => {
    await h.say('undo-1', 'spent 20 on groceries');
    await h.say('undo-1', 'spent 6 on coffee');
    const first = await h.say('undo-1', 'undo');
    expect(replyText(first)).toBe('Undone: I removed $6.00 for Food today (coffee).');
    const second = await h.say('undo-1', 'undo');
    expect(dialogType(second)).toBe('ConfirmIntent');
    expect(replyText(second)).toBe('Before that you logged $20.00 for Groceries today. Remove that one too?');
    expect(await recent('undo-1')).toHaveLength(1);
    const yes = await h.say('undo-1', 'yes');
    expect(replyText(yes)).toBe('Deleted $20.00 for Groceries today.');
    const third = await h.say('undo-1', 'undo');
    expect(replyText(third)).toContain("There's nothing to undo right now.");
    expect(await recent('undo-1')).toHaveLength(0);
  });

  test('saying no to the second undo keeps the earlier entry', async () => {
    await h.say('undo-2', 'spent 20 on groceries');
    await h.say('undo-2', 'spent 6 on coffee');
    await h.say('undo-2', 'undo');
    await h.say('undo-2', 'undo');
    const no = await h.say('undo-2', 'no');
    expect(intentName(no)).toBe('DeleteTransaction');
    expect(replyText(no)).toBe('OK, I kept $20.00 for Groceries today.');
    expect(await recent('undo-2')).toHaveLength(1);
  });

  test('a retried undo (same request id) removes one entry only', async () => {
    await h.say('undo-3', 'spent 20 on groceries');
    await h.say('undo-3', 'spent 6 on coffee');
    await h.say('undo-3', 'undo', { requestId: 'undo-3-retry' });
    const again = await h.say('undo-3', 'undo', { requestId: 'undo-3-retry' });
    // The retry can only ask about the earlier entry; nothing more goes without a yes.
    expect(dialogType(again)).toBe('ConfirmIntent');
    expect(await recent('undo-3')).toHaveLength(1);
  });
});

describe('undo takes back the last change, whatever it was', () => {
  test('undo after setting a budget restores the old one and leaves the expenses alone', async () => {
    await h.say('undo-b1', 'spent 30 on food');
    await h.say('undo-b1', 'set my food budget to 100');
    await h.say('undo-b1', 'set my food budget to 150');
    await h.say('undo-b1', 'yes');
    const undo = await h.say('undo-b1', 'undo');
    expect(replyText(undo)).toBe('Undone: your monthly Food budget is back to $100.00.');
    expect((await h.repo.getBudget('undo-b1', 'Food', 'Monthly'))?.limitMinor).toBe(10000);
    expect(await recent('undo-b1')).toHaveLength(1);
    // The expense logged before is only offered, never removed without a yes.
    const again = await h.say('undo-b1', 'undo');
    expect(dialogType(again)).toBe('ConfirmIntent');
    expect(replyText(again)).toBe('Before that you logged $30.00 for Food today. Remove that one too?');
    await h.say('undo-b1', 'no');
    expect(await recent('undo-b1')).toHaveLength(1);
  });

  test('undo after a brand-new budget removes it', async () => {
    const set = await h.say('undo-b2', 'set my transport budget to 80');
    expect(replyButtons(set)).toContainEqual({ text: 'Undo', value: 'undo' });
    const undo = await h.say('undo-b2', 'undo');
    expect(replyText(undo)).toBe('Undone: I removed the monthly Transport budget you just set.');
    expect(await h.repo.listBudgets('undo-b2')).toHaveLength(0);
  });

  test('undo after deleting an entry puts it back', async () => {
    await h.say('undo-d1', 'spent 4.50 on coffee');
    await h.say('undo-d1', 'delete my last transaction');
    const deleted = await h.say('undo-d1', 'yes');
    expect(replyButtons(deleted)).toContainEqual({ text: 'Undo', value: 'undo' });
    expect(await recent('undo-d1')).toHaveLength(0);
    const undo = await h.say('undo-d1', 'undo');
    expect(replyText(undo)).toBe('Undone: I put back $4.50 for Food today (coffee).');
    expect(await recent('undo-d1')).toMatchObject([{ amountMinor: 450, note: 'coffee' }]);
  });

  test('undo after removing a budget brings it back', async () => {
    await h.say('undo-b3', 'set my food budget to 200');
    await h.say('undo-b3', 'delete my food budget');
    await h.say('undo-b3', 'yes');
    const undo = await h.say('undo-b3', 'undo');
    expect(replyText(undo)).toBe('Undone: your monthly Food budget is back to $200.00.');
    expect((await h.repo.getBudget('undo-b3', 'Food', 'Monthly'))?.limitMinor).toBe(20000);
  });
});
