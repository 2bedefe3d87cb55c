import type { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { fixedClock } from '../ports/Clock';
import { silentNotifier, type BudgetAlert, type BudgetNotifier } from '../ports/BudgetNotifier';
import { InMemoryLedgerRepository } from '../store/InMemoryLedgerRepository';
import { createCodeHook } from '../codeHook';
import { DirectConversation, textOf } from '../../test/support/lexEvents';
import { snsBudgetNotifier } from './snsBudgetNotifier';
import { notifierFromEnv } from '../handlers/lexCodeHook';

const clock = fixedClock('2026-11-22T17:00:00Z');

function setup(notifier: BudgetNotifier) {
  const repo = new InMemoryLedgerRepository({ clock });
  const hook = createCodeHook({ repo, clock, notifier, logError: () => {} });
  return { repo, chat: new DirectConversation(hook, 'saver') };
}

function recording() {
  const alerts: BudgetAlert[] = [];
  return { alerts, notifier: { budgetCrossed: async (a: BudgetAlert) => void alerts.push(a) } };
}

describe('budget notifications', () => {
  it('sends one alert when an expense crosses 80% and one when it crosses 100%, none below', async () => {
    const { alerts, notifier } = recording();
    const { chat } = setup(notifier);
    await chat.send({ intent: 'SetBudget', slots: { Amount: '100', Category: 'Food' } });
    await chat.send({ intent: 'LogExpense', slots: { Amount: '50', Category: 'Food' } });
    expect(alerts).toEqual([]);
    await chat.send({ intent: 'LogExpense', slots: { Amount: '35', Category: 'Food' } });
    await chat.send({ intent: 'LogExpense', slots: { Amount: '5', Category: 'Food' } });
    await chat.send({ intent: 'LogExpense', slots: { Amount: '20', Category: 'Food' } });
    expect(alerts.map((a) => [a.threshold, a.spentMinor, a.limitMinor, a.budgetName])).toEqual([
      [80, 8500, 10000, 'November Food budget'],
      [100, 11000, 10000, 'November Food budget'],
    ]);
    expect(alerts[1]).toMatchObject({ userId: 'saver', currency: 'USD' });
    expect(alerts[1]?.message).toBe("You're over your November Food budget by $10.00 ($110.00 of $100.00).");
  });

  it('does not alert again when Lex retries the same request', async () => {
    const { alerts, notifier } = recording();
    const { chat } = setup(notifier);
    await chat.send({ intent: 'SetBudget', slots: { Amount: '100', Category: 'Food' } });
    const turn = {
      intent: 'LogExpense',
      slots: { Amount: '90', Category: 'Food' },
      requestId: 'req-1',
    } as const;
    await chat.send(turn);
    await chat.send(turn);
    expect(alerts).toHaveLength(1);
  });

  it('still answers, with the warning, when the notifier fails', async () => {
    const { repo, chat } = setup({ budgetCrossed: () => Promise.reject(new Error('SNS is down')) });
    await chat.send({ intent: 'SetBudget', slots: { Amount: '100', Category: 'Food' } });
    const reply = await chat.send({ intent: 'LogExpense', slots: { Amount: '90', Category: 'Food' } });
    expect(textOf(reply)).toContain('Logged $90.00 for Food today.');
    expect(textOf(reply)).toContain('Heads up');
    expect(await repo.listRecent('saver', 5)).toHaveLength(1);
  });
});

describe('snsBudgetNotifier', () => {
  // The Publish request as the SNS API documents it: TopicArn, Subject (ASCII, < 100 characters),
  // Message, and String message attributes that subscription filter policies match.
  it('publishes to the topic with the attributes the per-user subscriptions filter on', async () => {
    const sent: PublishCommand[] = [];
    const client = {
      send: async (command: PublishCommand) => void sent.push(command),
    } as unknown as SNSClient;
    const topic = 'arn:aws:sns:eu-west-1:123456789012:BudgetBuddy-notifications';
    await snsBudgetNotifier(client, topic).budgetCrossed({
      userId: 'sub-123',
      budgetName: 'November Café ☕ budget',
      threshold: 80,
      spentMinor: 8500,
      limitMinor: 10000,
      currency: 'EUR',
      message: "Heads up: you've used 85% of your November Café ☕ budget (€85.00 of €100.00).",
    });
    expect(sent).toHaveLength(1);
    const input = sent[0]!.input;
    expect(input).toMatchObject({
      TopicArn: topic,
      MessageAttributes: {
        kind: { DataType: 'String', StringValue: 'overspend' },
        userId: { DataType: 'String', StringValue: 'sub-123' },
      },
    });
    expect(input.Subject).toBe('BudgetBuddy: your November Cafe budget is 80% used');
    expect(input.Subject!.length).toBeLessThan(100);
    expect(input.Message).toContain('Spent €85.00 of €100.00.');
  });

  it('is built from the environment only when a topic is configured, and refuses a bad ARN', () => {
    expect(notifierFromEnv({})).toBe(silentNotifier);
    expect(() => notifierFromEnv({ NOTIFICATION_TOPIC_ARN: 'not-an-arn' })).toThrow(/SNS topic ARN/);
    expect(
      notifierFromEnv({
        NOTIFICATION_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:BudgetBuddy-notifications',
      }),
    ).toBeDefined();
  });
});
