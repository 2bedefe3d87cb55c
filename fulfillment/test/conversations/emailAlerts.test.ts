/**
 * Budget alert e-mails and the person's say over them (issue 14 point 7), end to end: the real Lex SDK
 * client → the local runtime trained from the bot definition → the code hook → DynamoDB Local, with a
 * recording notifier where the deployed stack has SES (`npm start` has none and mails nothing).
 */
import type { BudgetAlert } from '@budgetbuddy/fulfillment/code-hook';
import { intentName, replyText } from '../support/replies';
import { useConversationHarness } from '../support/conversation';

const sent: BudgetAlert[] = [];

const { h } = useConversationHarness('2026-11-22T17:00:00Z', {
  notifier: { budgetCrossed: async (alert) => void sent.push(alert) },
});
beforeEach(() => (sent.length = 0));

const alertsOf = (user: string) => sent.filter((a) => a.userId === user).map((a) => a.threshold);

test('"stop the e-mails" stops them, the chat still warns, and "email me when I go over budget" brings them back', async () => {
  const user = 'mail-1';
  const stop = await h.say(user, 'stop the e-mails');
  expect(intentName(stop)).toBe('SetEmailAlerts');
  expect(replyText(stop)).toContain("I won't e-mail you budget alerts");
  expect((await h.repo.getProfile(user))?.emailAlerts).toBe('Off');
  await h.say(user, 'set a food budget of 100');
  const over = await h.say(user, 'spent 120 on lunch');
  expect(replyText(over)).toContain("You're over your November Food budget");
  expect(alertsOf(user)).toEqual([]);

  const on = await h.say(user, 'email me when I go over budget');
  expect(replyText(on)).toContain("I'll e-mail you budget alerts at 80% and at 100%");
  expect((await h.repo.getProfile(user))?.emailAlerts).toBe('On');
});

test('"only email me at 100%" skips the 80% e-mail; each threshold is e-mailed once per period', async () => {
  const user = 'mail-2';
  await h.say(user, 'only email me at 100%');
  expect((await h.repo.getProfile(user))?.emailAlerts).toBe('OverOnly');
  await h.say(user, 'set a food budget of 100');
  await h.say(user, 'spent 85 on lunch');
  expect(alertsOf(user)).toEqual([]);
  await h.say(user, 'spent 20 on dinner');
  expect(alertsOf(user)).toEqual([100]);
  // Below the line again and over it once more: the chat says so, the e-mail is not sent twice.
  await h.say(user, 'undo');
  const again = await h.say(user, 'spent 30 on dinner');
  expect(replyText(again)).toContain("You're over your November Food budget");
  expect(alertsOf(user)).toEqual([100]);
});

test('"turn off email alerts" turns them off, "send me alerts by email" on again, and undo takes that back', async () => {
  const user = 'mail-3';
  const off = await h.say(user, 'turn off email alerts');
  expect(intentName(off)).toBe('SetEmailAlerts');
  expect(replyText(off)).toContain("I won't e-mail you budget alerts");
  expect((await h.repo.getProfile(user))?.emailAlerts).toBe('Off');
  const on = await h.say(user, 'send me alerts by email');
  expect(intentName(on)).toBe('SetEmailAlerts');
  expect(replyText(on)).toContain("I'll e-mail you budget alerts at 80% and at 100%");
  expect((await h.repo.getProfile(user))?.emailAlerts).toBe('On');
  await h.say(user, 'undo');
  expect((await h.repo.getProfile(user))?.emailAlerts).toBe('Off');
});
