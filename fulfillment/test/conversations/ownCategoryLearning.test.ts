/**
 * Own categories take part in what the bot learns from corrections (issue 12 point 4), end to end: the
 * real Lex SDK client, the local Lex runtime and its NLU, the code hook and DynamoDB Local.
 */
import { intentName, replyText } from '../support/replies';
import { useConversationHarness } from '../support/conversation';

// Thursday 2026-12-03, noon in New York.

const { h } = useConversationHarness('2026-12-03T17:00:00Z');

const rows = async (user: string) =>
  (await h.repo.listRecent(user, 10)).map((t) => [t.amountMinor, t.category]);

test('after "change it to Pets", the next "dog food" is filed under Pets, however it is said', async () => {
  const u = 'own-learn-1';
  await h.say(u, 'add a category called Pets');
  // Nothing links dog food to Pets yet: the defaults' guess.
  expect(replyText(await h.say(u, 'spent 30 on dog food'))).toContain('Logged $30.00 for Other today.');
  const fixed = await h.say(u, 'change it to Pets');
  expect(intentName(fixed)).toBe('EditTransaction');
  expect(replyText(fixed)).toContain('I\'ll file "dog food" under Pets from now on.');

  expect(replyText(await h.say(u, 'spent 25 on dog food'))).toContain(
    'Logged $25.00 for Pets today (dog food).',
  );
  expect(replyText(await h.say(u, 'dog food 12'))).toContain('Logged $12.00 for Pets today');
  expect(await rows(u)).toEqual([
    [1200, 'Pets'],
    [2500, 'Pets'],
    [3000, 'Pets'],
  ]);
});

test('an own category named inside the words is used: "pet food" is Pets, not Other', async () => {
  const u = 'own-learn-2';
  await h.say(u, 'add a category called Pets');
  expect(replyText(await h.say(u, 'spent 20 on pet food'))).toContain('Logged $20.00 for Pets today.');
  // Someone without that category still gets the defaults.
  expect(replyText(await h.say('own-learn-none', 'spent 20 on pet food'))).toContain('for Other today');
});

test('a word taught for a category follows it through a rename', async () => {
  const u = 'own-learn-3';
  await h.say(u, 'add a category called Pets');
  await h.say(u, 'spent 30 on dog food');
  await h.say(u, 'change it to Pets');
  await h.say(u, 'rename Pets to Animals');
  expect(replyText(await h.say(u, 'dog food 7'))).toContain('Logged $7.00 for Animals today (dog food).');
});
