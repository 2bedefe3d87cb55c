/**
 * Savings goals by chat (issue 12 point 3), end to end: the real Lex SDK client, the local Lex runtime
 * and its NLU, the code hook and DynamoDB Local.
 */
import { dialogType, intentName, replyText } from '../support/replies';
import { useConversationHarness } from '../support/conversation';

// Thursday 2026-12-03, noon in New York.

const { h } = useConversationHarness('2026-12-03T17:00:00Z');

describe('savings goals', () => {
  test('sets a goal, takes contributions toward it, and says how it is going', async () => {
    const set = await h.say('goal-1', 'I want to save 2,000 for a trip to japan by june');
    expect(intentName(set)).toBe('SetGoal');
    expect(replyText(set)).toContain('Done: a goal of $2,000.00 for trip to japan by');
    expect(replyText(set)).toContain('about $285.72 a month (7 months, this one included)');
    expect(await h.repo.goals.listGoals('goal-1')).toMatchObject([
      { name: 'trip to japan', targetMinor: 200_000, savedMinor: 0, targetDate: '2027-06-30' },
    ]);

    const put = await h.say('goal-1', 'put 300 toward the japan trip');
    expect(intentName(put)).toBe('AddToGoal');
    expect(replyText(put)).toContain('Added $300.00 to trip to japan.');
    expect(replyText(put)).toContain('$300.00 of $2,000.00 saved (15%), $1,700.00 to go');

    const check = await h.say('goal-1', 'how is my japan goal going');
    expect(intentName(check)).toBe('CheckGoal');
    expect(replyText(check)).toBe(
      'Trip to japan: $300.00 of $2,000.00 saved (15%), $1,700.00 to go — about $242.86 a month to reach it by Jun 30, 2027 (7 months, this one included).',
    );
    // Nothing was logged as spending or income.
    expect(await h.repo.listRecent('goal-1', 10)).toEqual([]);
  });

  test('a retried contribution adds once', async () => {
    await h.say('goal-2', 'save 500 for a new bike');
    await h.say('goal-2', 'put 100 toward the bike', { requestId: 'same-turn' });
    await h.say('goal-2', 'put 100 toward the bike', { requestId: 'same-turn' });
    expect((await h.repo.goals.listGoals('goal-2'))[0]?.savedMinor).toBe(10_000);
  });

  test('says so when a goal is reached', async () => {
    await h.say('goal-3', 'save 500 for a new laptop');
    await h.say('goal-3', 'put 400 toward the laptop');
    const reached = await h.say('goal-3', 'add 150 to my laptop goal');
    expect(replyText(reached)).toContain('🎉 You reached your new laptop goal of $500.00');
    const after = await h.say('goal-3', 'add 10 to my laptop goal');
    expect(replyText(after)).not.toContain('🎉 You reached');
  });

  test('lists goals, and deletes one after a yes', async () => {
    await h.say('goal-4', 'I want to save 2000 for a trip to japan by june');
    await h.say('goal-4', 'my goal is to save 5000 for a house deposit');
    const list = await h.say('goal-4', 'list my goals');
    expect(intentName(list)).toBe('CheckGoal');
    expect(replyText(list)).toContain('Your savings goals:');
    expect(replyText(list)).toContain('Trip to japan: $0.00 of $2,000.00 saved (0%)');
    expect(replyText(list)).toContain('House deposit: $0.00 of $5,000.00 saved (0%), $5,000.00 to go.');

    const ask = await h.say('goal-4', 'delete the japan goal');
    expect(intentName(ask)).toBe('DeleteGoal');
    expect(dialogType(ask)).toBe('ConfirmIntent');
    expect(await h.repo.goals.listGoals('goal-4')).toHaveLength(2);
    const done = await h.say('goal-4', 'yes');
    expect(replyText(done)).toBe('Removed your trip to japan goal.');
    expect((await h.repo.goals.listGoals('goal-4')).map((g) => g.name)).toEqual(['house deposit']);
  });

  test('asks what the goal is for, and which goal money goes to', async () => {
    const ask = await h.say('goal-5', 'i want to save 2000 by june');
    expect(intentName(ask)).toBe('SetGoal');
    expect(dialogType(ask)).toBe('ElicitSlot');
    expect(replyText(ask)).toContain('What are you saving for?');
    const set = await h.say('goal-5', 'a new car');
    expect(replyText(set)).toContain('Done: a goal of $2,000.00 for new car by');
    await h.say('goal-5', 'save 300 for a wedding gift');
    const which = await h.say('goal-5', 'put 50 toward the boat');
    expect(dialogType(which)).toBe('ElicitSlot');
    expect(replyText(which)).toContain('You don\'t have a goal called "boat"');
    const answered = await h.say('goal-5', 'new car');
    expect(replyText(answered)).toContain('Added $50.00 to new car.');
  });

  test('money for a goal before any goal exists says how to set one, and saves nothing', async () => {
    const reply = await h.say('goal-6', 'put 300 toward the japan trip');
    expect(replyText(reply)).toContain("You don't have any savings goals yet");
    expect(await h.repo.listRecent('goal-6', 5)).toEqual([]);
  });
});
