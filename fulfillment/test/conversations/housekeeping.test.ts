/** Deleting, help, greetings and out-of-scope chatter, end to end through the real Lex client. */
import { dialogType, intentName, replyButtons, replyText } from '../support/replies';
import { useConversationHarness } from '../support/conversation';

// Sunday 2026-11-22, noon in New York.

const { h } = useConversationHarness('2026-11-22T17:00:00Z');

const recent = (user: string) => h.repo.listRecent(user, 50);

describe('deleting', () => {
  test('deletes the last transaction after a yes, and says what was removed', async () => {
    await h.say('del-1', 'spent 9 on lunch');
    await h.say('del-1', 'spent 15 on a taxi');
    const ask = await h.say('del-1', 'delete my last transaction');
    expect(intentName(ask)).toBe('DeleteTransaction');
    expect(dialogType(ask)).toBe('ConfirmIntent');
    expect(replyText(ask)).toBe('Delete $15.00 for Transport today (taxi)?');
    expect(await recent('del-1')).toHaveLength(2);
    const yes = await h.say('del-1', 'yes');
    expect(replyText(yes)).toBe('Deleted $15.00 for Transport today (taxi).');
    expect((await recent('del-1')).map((t) => t.category)).toEqual(['Food']);
  });

  test('keeps the transaction when the answer is no', async () => {
    await h.say('del-2', 'spent 9 on lunch');
    await h.say('del-2', 'delete my last transaction');
    const no = await h.say('del-2', 'no');
    expect(replyText(no)).toBe('OK, I kept $9.00 for Food today (lunch).');
    expect(await recent('del-2')).toHaveLength(1);
  });

  test('"scratch that" right after logging removes that entry at once', async () => {
    await h.say('del-3', 'spent 20 on lunch');
    await h.say('del-3', 'spent 6 on coffee');
    const reply = await h.say('del-3', 'scratch that');
    expect(intentName(reply)).toBe('Undo');
    expect(dialogType(reply)).toBe('Close');
    expect(replyText(reply)).toBe('Undone: I removed $6.00 for Food today (coffee).');
    expect((await recent('del-3')).map((t) => t.amountMinor)).toEqual([2000]);
  });

  test('says so when there is nothing to delete, and a stray yes afterwards changes nothing', async () => {
    const reply = await h.say('del-4', 'delete my last transaction');
    expect(dialogType(reply)).toBe('Close');
    expect(replyText(reply)).toContain("There's nothing to delete");
    const undo = await h.say('del-4', 'undo');
    expect(replyText(undo)).toContain("There's nothing to undo right now.");
    const yes = await h.say('del-4', 'yes');
    expect(replyText(yes)).not.toContain('Deleted');
    expect(await recent('del-4')).toHaveLength(0);
  });

  test('"delete my coffee" finds the coffee among several entries', async () => {
    await h.say('del-5', 'spent 4 on coffee');
    await h.say('del-5', 'spent 30 on groceries');
    const ask = await h.say('del-5', 'delete my coffee');
    expect(replyText(ask)).toBe('Delete $4.00 for Food today (coffee)?');
    await h.say('del-5', 'yes');
    expect((await recent('del-5')).map((t) => t.category)).toEqual(['Groceries']);
  });
});

describe('help, greetings and chatter', () => {
  test('help lists what can be said, with buttons the bot understands', async () => {
    const reply = await h.say('chat-1', 'help');
    expect(intentName(reply)).toBe('Help');
    expect(replyText(reply)).toContain('spent 12.50 on lunch');
    const buttons = replyButtons(reply);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(5);
    // Every button value is itself understood: pressing it never lands in the fallback.
    for (const button of buttons) {
      expect(intentName(await h.say('chat-1', button.value))).not.toBe('FallbackIntent');
    }
  });

  test('a greeting introduces the bot with example buttons', async () => {
    const reply = await h.say('chat-2', 'hello');
    expect(intentName(reply)).toBe('Greeting');
    expect(replyText(reply)).toContain("I'm BudgetBuddy");
    expect(replyButtons(reply).map((b) => b.value)).toContain('how much did I spend this month');
    const thanks = await h.say('chat-2', 'thanks');
    expect(intentName(thanks)).toBe('SmallTalk');
    expect(replyText(thanks)).toContain("You're welcome!");
  });

  test.each(['what is the weather', 'tell me a joke', 'i love pizza', 'who won the game last night'])(
    'out-of-scope chatter "%s" gets help and never writes',
    async (text) => {
      const user = `chatter-${text.length}`;
      const reply = await h.say(user, text);
      expect(intentName(reply)).toBe('FallbackIntent');
      expect(dialogType(reply)).toBe('Close');
      expect(replyText(reply)).toContain('nothing was saved');
      expect(replyButtons(reply).length).toBeGreaterThan(0);
      expect(await recent(user)).toHaveLength(0);
      expect(await h.repo.listBudgets(user)).toHaveLength(0);
      // Its first button is understood and answers.
      const next = await h.say(user, replyButtons(reply)[0]!.value);
      expect(intentName(next)).not.toBe('FallbackIntent');
    },
  );

  test('users never see each other’s data', async () => {
    await h.say('iso-a', 'spent 77 on shopping');
    const other = await h.say('iso-b', 'list my transactions');
    expect(replyText(other)).toContain("You haven't logged anything yet.");
    const undo = await h.say('iso-b', 'undo');
    expect(replyText(undo)).toContain("There's nothing to undo");
    expect(await recent('iso-a')).toHaveLength(1);
  });
});

describe('getting out of a question', () => {
  test('"never mind" while the bot asks what an expense was for drops it, and the next request works', async () => {
    const ask = await h.say('cancel-1', 'spent 20');
    expect(dialogType(ask)).toBe('ElicitSlot');
    const out = await h.say('cancel-1', 'never mind');
    expect(intentName(out)).toBe('Cancel');
    expect(dialogType(out)).toBe('Close');
    expect(replyText(out)).toContain('nothing was changed');
    expect(await recent('cancel-1')).toHaveLength(0);
    // The amount asked about earlier is gone with the question.
    const next = await h.say('cancel-1', 'Groceries');
    expect(await recent('cancel-1')).toHaveLength(0);
    expect(replyText(next)).not.toContain('Logged');
  });

  test('"forget it" instead of yes or no keeps the entry a delete was about to remove', async () => {
    await h.say('cancel-2', 'spent 9 on lunch');
    const ask = await h.say('cancel-2', 'delete my last transaction');
    expect(dialogType(ask)).toBe('ConfirmIntent');
    const out = await h.say('cancel-2', 'forget it');
    expect(intentName(out)).toBe('Cancel');
    expect(replyButtons(out).map((b) => b.text)).toContain('Undo');
    const yes = await h.say('cancel-2', 'yes');
    expect(replyText(yes)).not.toContain('Deleted');
    expect(await recent('cancel-2')).toHaveLength(1);
  });
});

test('"delete everything" explains that entries go one at a time, and removes nothing', async () => {
  await h.say('bulk-1', 'spent 9 on lunch');
  const reply = await h.say('bulk-1', 'delete everything');
  expect(replyText(reply)).toContain('one entry at a time');
  expect(await recent('bulk-1')).toHaveLength(1);
});
