import type {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { fixedClock } from '../ports/Clock';
import { silentNotifier, type BudgetAlert, type BudgetNotifier } from '../ports/BudgetNotifier';
import { InMemoryLedgerRepository } from '../store/InMemoryLedgerRepository';
import { createCodeHook } from '../codeHook';
import { DirectConversation, textOf } from '../../test/support/lexEvents';
import { sesBudgetNotifier } from './sesBudgetNotifier';
import { notifierFromEnv } from './notifierFromEnv';

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

describe('e-mail preferences and once per threshold and period', () => {
  it('"stop the e-mails" stops them; the chat still warns', async () => {
    const { alerts, notifier } = recording();
    const { chat, repo } = setup(notifier);
    const set = await chat.send({ intent: 'SetEmailAlerts', slots: { EmailAlerts: 'Off' } });
    expect(textOf(set)).toContain("I won't e-mail you budget alerts");
    expect((await repo.getProfile('saver'))?.emailAlerts).toBe('Off');
    await chat.send({ intent: 'SetBudget', slots: { Amount: '100', Category: 'Food' } });
    const reply = await chat.send({ intent: 'LogExpense', slots: { Amount: '120', Category: 'Food' } });
    expect(textOf(reply)).toContain("You're over your November Food budget");
    expect(alerts).toEqual([]);
    // The in-app notification is raised all the same.
    expect((await repo.notifications.listNotifications('saver')).map((n) => n.text)).toEqual([
      "You're over your November Food budget by $20.00 ($120.00 of $100.00).",
    ]);
  });

  it('"only email me at 100%" sends the 100% alert and not the 80% one, and undo restores the setting', async () => {
    const { alerts, notifier } = recording();
    const { chat, repo } = setup(notifier);
    await chat.send({ intent: 'SetEmailAlerts', slots: { EmailAlerts: 'OverOnly' } });
    await chat.send({ intent: 'SetBudget', slots: { Amount: '100', Category: 'Food' } });
    await chat.send({ intent: 'LogExpense', slots: { Amount: '85', Category: 'Food' } });
    expect(alerts).toEqual([]);
    await chat.send({ intent: 'LogExpense', slots: { Amount: '20', Category: 'Food' } });
    expect(alerts.map((a) => a.threshold)).toEqual([100]);
    await chat.send({ intent: 'SetEmailAlerts', slots: { EmailAlerts: 'On' } });
    expect((await repo.getProfile('saver'))?.emailAlerts).toBe('On');
    await chat.send({ intent: 'Undo' });
    expect((await repo.getProfile('saver'))?.emailAlerts).toBe('OverOnly');
  });

  it('asks which setting when none is said, and changes nothing', async () => {
    const { chat, repo } = setup(silentNotifier);
    const reply = await chat.send({ intent: 'SetEmailAlerts', slots: {} });
    expect(textOf(reply)).toContain(
      'Should I e-mail you at 80% and 100%, only when you go over, or not at all?',
    );
    expect((await repo.getProfile('saver'))?.emailAlerts).toBeUndefined();
  });

  it('e-mails each threshold once per budget period, even when spending dips below it and crosses again', async () => {
    const { alerts, notifier } = recording();
    const { chat } = setup(notifier);
    await chat.send({ intent: 'SetBudget', slots: { Amount: '100', Category: 'Food' } });
    await chat.send({ intent: 'LogExpense', slots: { Amount: '85', Category: 'Food' } });
    await chat.send({ intent: 'Undo' });
    const again = await chat.send({ intent: 'LogExpense', slots: { Amount: '86', Category: 'Food' } });
    // The chat says it each time; the e-mail went out once.
    expect(textOf(again)).toContain('Heads up');
    expect(alerts.map((a) => [a.threshold, a.period])).toEqual([
      [80, { from: '2026-11-01', to: '2026-11-30' }],
    ]);
  });
});

describe('sesBudgetNotifier', () => {
  const alert: BudgetAlert = {
    userId: '7d2c6b1e-0000-4000-8000-000000000001',
    budgetName: 'November Café ☕ budget',
    threshold: 80,
    budgetKey: 'Monthly#café ☕#EUR',
    period: { from: '2026-11-01', to: '2026-11-30' },
    spentMinor: 8500,
    limitMinor: 10000,
    currency: 'EUR',
    message: "Heads up: you've used 85% of your November Café ☕ budget (€85.00 of €100.00).",
  };
  const identityArn = 'arn:aws:ses:eu-west-1:123456789012:identity/alerts.example.com';

  /** AdminGetUser's documented answer: Username, Enabled, UserStatus and UserAttributes [{Name, Value}]. */
  function cognitoAnswering(attributes: Record<string, string>, enabled = true) {
    const asked: AdminGetUserCommand[] = [];
    const client = {
      send: async (command: AdminGetUserCommand) => {
        asked.push(command);
        return {
          Username: command.input.Username,
          Enabled: enabled,
          UserStatus: 'CONFIRMED',
          UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
          $metadata: { httpStatusCode: 200 },
        };
      },
    } as unknown as CognitoIdentityProviderClient;
    return { asked, client };
  }
  function sesRecording() {
    const sent: SendEmailCommand[] = [];
    // SendEmail answers { MessageId }.
    const client = {
      send: async (command: SendEmailCommand) => {
        sent.push(command);
        return { MessageId: '0102018c-example', $metadata: { httpStatusCode: 200 } };
      },
    } as unknown as SESv2Client;
    return { sent, client };
  }

  it("sends the alert only to the person's own verified address, from the configured identity", async () => {
    const cognito = cognitoAnswering({
      sub: alert.userId,
      email: 'saver@example.org',
      email_verified: 'true',
    });
    const ses = sesRecording();
    await sesBudgetNotifier({
      ses: ses.client,
      cognito: cognito.client,
      userPoolId: async () => 'eu-west-1_AbCdEf123',
      fromAddress: 'alerts@alerts.example.com',
      identityArn,
    }).budgetCrossed(alert);
    expect(cognito.asked.map((c) => c.input)).toEqual([
      { UserPoolId: 'eu-west-1_AbCdEf123', Username: alert.userId },
    ]);
    expect(ses.sent).toHaveLength(1);
    const input = ses.sent[0]!.input;
    expect(input.Destination).toEqual({ ToAddresses: ['saver@example.org'] });
    expect(input.FromEmailAddress).toBe('alerts@alerts.example.com');
    expect(input.FromEmailAddressIdentityArn).toBe(identityArn);
    expect(input.Content?.Simple?.Subject?.Data).toBe(
      'BudgetBuddy: your November Café ☕ budget is 80% used',
    );
    expect(input.Content?.Simple?.Body?.Text?.Data).toContain('Spent €85.00 of €100.00.');
    expect(input.Content?.Simple?.Body?.Text?.Data).toContain('"stop the e-mails"');
  });

  it('sends nothing to an unverified address or a disabled account', async () => {
    for (const cognito of [
      cognitoAnswering({ email: 'saver@example.org', email_verified: 'false' }),
      cognitoAnswering({ email: 'saver@example.org' }),
      cognitoAnswering({ email: 'saver@example.org', email_verified: 'true' }, false),
    ]) {
      const ses = sesRecording();
      const skipped: string[] = [];
      await sesBudgetNotifier({
        ses: ses.client,
        cognito: cognito.client,
        userPoolId: async () => 'eu-west-1_AbCdEf123',
        fromAddress: 'alerts@alerts.example.com',
        onSkipped: (reason) => skipped.push(reason),
      }).budgetCrossed(alert);
      expect(ses.sent).toEqual([]);
      expect(skipped).toEqual(['no verified e-mail address']);
    }
  });

  it('is built from the environment only when a sender is configured, and refuses bad settings', () => {
    expect(notifierFromEnv({})).toBe(silentNotifier);
    expect(notifierFromEnv({ NOTIFICATION_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:x' })).toBe(
      silentNotifier,
    );
    expect(() =>
      notifierFromEnv({
        ALERT_FROM_ADDRESS: 'not-an-address',
        USER_POOL_ID_PARAMETER: '/BudgetBuddy/user-pool-id',
      }),
    ).toThrow(/ALERT_FROM_ADDRESS/);
    expect(() => notifierFromEnv({ ALERT_FROM_ADDRESS: 'alerts@example.com' })).toThrow(/set together/);
    expect(() =>
      notifierFromEnv({
        ALERT_FROM_ADDRESS: 'alerts@example.com',
        USER_POOL_ID_PARAMETER: '/BudgetBuddy/user-pool-id',
        SES_IDENTITY_ARN: 'arn:aws:sns:eu-west-1:123456789012:topic',
      }),
    ).toThrow(/SES identity ARN/);
    expect(
      notifierFromEnv({
        ALERT_FROM_ADDRESS: 'alerts@example.com',
        USER_POOL_ID_PARAMETER: '/BudgetBuddy/user-pool-id',
        SES_IDENTITY_ARN: identityArn,
      }),
    ).not.toBe(silentNotifier);
  });
});
