/**
 * "Undo" of savings goals and recurring payments (issue 12), end to end: the real Lex SDK client, the
 * local Lex runtime and its NLU, the code hook and DynamoDB Local. Undo takes back exactly the change
 * it names, and a second "undo" never removes an older entry without asking.
 */
import { dialogType, intentName, replyText } from '../support/replies';
import { useConversationHarness } from '../support/conversation';

// Thursday 2026-12-03, 10:00 in New York.
const NOW = '2026-12-03T15:00:00Z';

const { clock, h } = useConversationHarness(NOW, { resetClock: true });

const goals = (user: string) => h.repo.goals.listGoals(user);
const rules = (user: string) => h.repo.recurring.listRecurringRules(user);

describe('undo of savings goals', () => {
  test('"undo" after "put 100 toward the bike" takes the 100 off the goal, and only that', async () => {
    await h.say('ug-1', 'coffee 4');
    await h.say('ug-1', 'save 500 for a new bike');
    await h.say('ug-1', 'put 100 toward the bike');
    expect((await goals('ug-1'))[0]?.savedMinor).toBe(10_000);

    const undo = await h.say('ug-1', 'undo');
    expect(intentName(undo)).toBe('Undo');
    expect(dialogType(undo)).toBe('Close');
    expect(replyText(undo)).toContain('Undone: I took $100.00 back off new bike; $0.00 of $500.00 saved.');
    expect(await goals('ug-1')).toMatchObject([{ name: 'new bike', targetMinor: 50_000, savedMinor: 0 }]);
    expect(await h.repo.listRecent('ug-1', 5)).toMatchObject([{ amountMinor: 400, note: 'coffee' }]);

    // A second "undo" asks before it touches the coffee logged earlier.
    const again = await h.say('ug-1', 'undo');
    expect(dialogType(again)).toBe('ConfirmIntent');
    expect(replyText(again)).toContain('Remove that one too?');
    await h.say('ug-1', 'no');
    expect(await h.repo.listRecent('ug-1', 5)).toHaveLength(1);
    expect((await goals('ug-1'))[0]?.savedMinor).toBe(0);
  });

  test('a contribution is taken back once, however often undo is tried', async () => {
    await h.say('ug-2', 'save 500 for a new laptop');
    await h.say('ug-2', 'put 200 toward the laptop', { requestId: 'ug-2-put' });
    await h.say('ug-2', 'undo');
    expect((await goals('ug-2'))[0]?.savedMinor).toBe(0);
    // The store refuses a second take-back of the same contribution, and a retried put adds nothing.
    expect(await h.repo.goals.undoGoalContribution('ug-2', 'ug-2-put')).toBeNull();
    await h.say('ug-2', 'put 200 toward the laptop', { requestId: 'ug-2-put' });
    expect((await goals('ug-2'))[0]?.savedMinor).toBe(0);
  });

  test('undoing the money that reached a goal makes reaching it news again', async () => {
    await h.say('ug-3', 'save 300 for a new phone');
    const reached = await h.say('ug-3', 'put 300 toward the phone');
    expect(replyText(reached)).toContain('🎉 You reached your new phone goal');
    await h.say('ug-3', 'undo');
    expect((await goals('ug-3'))[0]).toMatchObject({ savedMinor: 0 });
    expect((await goals('ug-3'))[0]?.reachedAt).toBeUndefined();
    const again = await h.say('ug-3', 'put 300 toward the phone');
    expect(replyText(again)).toContain('🎉 You reached your new phone goal');
  });

  test('"undo" after setting a goal removes it; after changing its target, puts the old one back', async () => {
    await h.say('ug-4', 'save 500 for a new bike');
    const undoNew = await h.say('ug-4', 'undo');
    expect(replyText(undoNew)).toContain('Undone: I removed the new bike goal you just set.');
    expect(await goals('ug-4')).toEqual([]);

    await h.say('ug-4', 'I want to save 2,000 for a trip to japan by june');
    await h.say('ug-4', 'put 150 toward the japan trip');
    await h.say('ug-4', 'I want to save 3,000 for a trip to japan');
    expect((await goals('ug-4'))[0]).toMatchObject({ targetMinor: 300_000, savedMinor: 15_000 });
    const undoChange = await h.say('ug-4', 'undo');
    expect(replyText(undoChange)).toContain('Undone: your trip to japan goal is back to $2,000.00.');
    expect((await goals('ug-4'))[0]).toMatchObject({
      targetMinor: 200_000,
      savedMinor: 15_000,
      targetDate: '2027-06-30',
    });
  });

  test('"undo" after deleting a goal brings it back with what was saved', async () => {
    await h.say('ug-5', 'save 1000 for a new sofa');
    await h.say('ug-5', 'put 250 toward the sofa');
    await h.say('ug-5', 'delete the sofa goal');
    await h.say('ug-5', 'yes');
    expect(await goals('ug-5')).toEqual([]);
    const undo = await h.say('ug-5', 'undo');
    expect(replyText(undo)).toContain('Undone: your new sofa goal is back, with $250.00 saved.');
    expect(await goals('ug-5')).toMatchObject([
      { name: 'new sofa', targetMinor: 100_000, savedMinor: 25_000 },
    ]);
  });
});

describe('undo of recurring payments', () => {
  test('"undo" after setting one up removes the rule, not the entry logged before it', async () => {
    await h.say('ur-1', 'coffee 4');
    await h.say('ur-1', 'netflix 15.99 every month');
    expect(await rules('ur-1')).toHaveLength(1);
    const undo = await h.say('ur-1', 'undo');
    expect(dialogType(undo)).toBe('Close');
    expect(replyText(undo)).toContain('Undone: I removed the recurring Netflix you just set up.');
    expect(await rules('ur-1')).toEqual([]);
    expect(await h.repo.listRecent('ur-1', 5)).toMatchObject([{ amountMinor: 400 }]);
    const again = await h.say('ur-1', 'undo');
    expect(dialogType(again)).toBe('ConfirmIntent');
    expect(await h.repo.listRecent('ur-1', 5)).toHaveLength(1);
  });

  test('"undo" after saying one again with a new amount puts the old amount back', async () => {
    await h.say('ur-2', 'netflix 15.99 every month');
    const [first] = await rules('ur-2');
    await h.say('ur-2', 'netflix 17.99 every month');
    expect((await rules('ur-2')).map((r) => r.amountMinor)).toEqual([1799]);
    const undo = await h.say('ur-2', 'undo');
    expect(replyText(undo)).toContain('Undone: Netflix is back to $15.99 every month on the 3rd.');
    expect(await rules('ur-2')).toMatchObject([
      { id: first!.id, amountMinor: 1599, nextDue: '2027-01-03', status: 'active' },
    ]);
  });

  test('"undo" after a pause runs it again; after a resume pauses it again', async () => {
    await h.say('ur-3', 'gym 40 every two weeks from friday');
    await h.say('ur-3', 'pause the gym');
    expect((await rules('ur-3'))[0]).toMatchObject({ status: 'paused', nextDue: null });
    const undoPause = await h.say('ur-3', 'undo');
    expect(replyText(undoPause)).toContain('Undone: Gym is running again.');
    expect((await rules('ur-3'))[0]).toMatchObject({ status: 'active', nextDue: '2026-12-04' });

    await h.say('ur-3', 'pause the gym');
    await h.say('ur-3', 'resume the gym');
    const undoResume = await h.say('ur-3', 'undo');
    expect(replyText(undoResume)).toContain('Undone: Gym is paused again.');
    expect((await rules('ur-3'))[0]).toMatchObject({ status: 'paused', nextDue: null });
    // Paused: the job logs nothing for it.
    clock.set('2026-12-04T15:00:00Z');
    await h.postRecurring();
    expect(await h.repo.listRecent('ur-3', 5)).toEqual([]);
  });

  test('"undo" after "cancel netflix" brings it back, and the job posts it on its day', async () => {
    await h.say('ur-4', 'netflix 15.99 every month on the 5th');
    await h.say('ur-4', 'cancel netflix');
    expect(await rules('ur-4')).toEqual([]);
    const undo = await h.say('ur-4', 'undo');
    expect(replyText(undo)).toContain('Undone: Netflix is back ($15.99 every month on the 5th).');
    expect(await rules('ur-4')).toMatchObject([{ name: 'netflix', status: 'active', nextDue: '2026-12-05' }]);
    clock.set('2026-12-05T15:00:00Z');
    await h.postRecurring();
    expect(await h.repo.listRecent('ur-4', 5)).toMatchObject([
      { date: '2026-12-05', amountMinor: 1599, note: 'netflix', source: 'recurring' },
    ]);
  });
});

describe('a posted occurrence is an entry like any other', () => {
  test('it can be changed, and "undo" puts it back as the job posted it', async () => {
    await h.say('ur-5', 'gym 40 every two weeks from friday');
    clock.set('2026-12-04T15:00:00Z');
    await h.postRecurring();
    const month = { granularity: 'month', key: '2026-12' } as const;
    const fixed = await h.say('ur-5', 'change the gym to 45');
    expect(intentName(fixed)).toBe('EditTransaction');
    expect(replyText(fixed)).toContain('Fixed: $45.00 for Health');
    expect((await h.repo.getPeriodTotals('ur-5', month, 'USD')).expenseByCategory).toEqual({ Health: 4500 });
    const undo = await h.say('ur-5', 'undo');
    expect(replyText(undo)).toContain("Undone: it's back to $40.00 for Health");
    expect(await h.repo.listRecent('ur-5', 5)).toMatchObject([
      { date: '2026-12-04', amountMinor: 4000, note: 'gym', source: 'recurring' },
    ]);
    expect((await h.repo.getPeriodTotals('ur-5', month, 'USD')).expenseByCategory).toEqual({ Health: 4000 });
  });

  test('deleted, "undo" brings it back once; a re-run of the job does not post it again', async () => {
    await h.say('ur-6', 'gym 40 every two weeks from friday');
    clock.set('2026-12-04T15:00:00Z');
    await h.postRecurring();
    await h.say('ur-6', 'delete the gym');
    await h.say('ur-6', 'yes');
    expect(await h.repo.listRecent('ur-6', 5)).toEqual([]);
    const undo = await h.say('ur-6', 'undo');
    expect(replyText(undo)).toContain('Undone: I put back $40.00 for Health');
    await h.postRecurring();
    expect(await h.repo.listRecent('ur-6', 5)).toMatchObject([{ amountMinor: 4000, note: 'gym' }]);
  });
});
