/**
 * Budget crossings published to the SNS notification topic (infra's Observability stack), which
 * e-mails whoever subscribed with a filter on their own user id (docs/deploy.md, "Overspend e-mails").
 * The message attributes are what those filter policies match: `kind` and `userId`.
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { BudgetAlert, BudgetNotifier } from '../ports/BudgetNotifier';
import { formatMoney } from '../domain/ledger/money';

export const ALERT_KIND = 'overspend';

/** SNS subjects must be ASCII, without line breaks, under 100 characters; category names may not be. */
function subjectFor(alert: BudgetAlert): string {
  const what = alert.threshold >= 100 ? 'used up' : `${alert.threshold}% used`;
  const ascii = `BudgetBuddy: your ${alert.budgetName} is ${what}`
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return ascii.length > 99 ? `${ascii.slice(0, 96)}...` : ascii;
}

export function publishInput(topicArn: string, alert: BudgetAlert) {
  const money = (minor: number) => formatMoney(minor, alert.currency);
  return {
    TopicArn: topicArn,
    Subject: subjectFor(alert),
    Message: [
      alert.message,
      '',
      `Spent ${money(alert.spentMinor)} of ${money(alert.limitMinor)}.`,
      'Ask BudgetBuddy "how is my budget?" for the details.',
    ].join('\n'),
    MessageAttributes: {
      kind: { DataType: 'String', StringValue: ALERT_KIND },
      userId: { DataType: 'String', StringValue: alert.userId },
    },
  };
}

export function snsBudgetNotifier(client: SNSClient, topicArn: string): BudgetNotifier {
  return {
    budgetCrossed: async (alert) => {
      await client.send(new PublishCommand(publishInput(topicArn, alert)));
    },
  };
}
