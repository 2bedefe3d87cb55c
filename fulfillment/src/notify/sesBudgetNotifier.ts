/**
 * Budget alerts e-mailed through Amazon SES to the one person they are about, at the address Cognito
 * verified for them, and to nobody else (issue 14 point 7: the shared SNS topic e-mailed every
 * subscriber everyone's amounts).
 *
 * The address is looked up with Cognito `AdminGetUser` when an alert is sent, not carried from the JWT
 * through the Lex session: it is then the current address and checked as verified at send time, the
 * address never sits in Lex session state or conversation logs, and the signed identity stays about
 * the user id alone. It costs one Cognito call per alert, and alerts are rare (once per threshold and
 * period). The user id is the Cognito `sub`, which AdminGetUser accepts as the user name.
 */
import {
  AdminGetUserCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { SendEmailCommand, type SendEmailCommandInput, type SESv2Client } from '@aws-sdk/client-sesv2';
import { z } from 'zod';
import type { BudgetAlert, BudgetNotifier } from '../ports/BudgetNotifier';
import { formatMoney } from '../domain/ledger/money';

export interface SesNotifierOptions {
  ses: Pick<SESv2Client, 'send'>;
  cognito: Pick<CognitoIdentityProviderClient, 'send'>;
  /** The user pool the user ids are `sub`s of (read once, e.g. from SSM, when first needed). */
  userPoolId: () => Promise<string>;
  /** The From address, at an SES-verified identity. */
  fromAddress: string;
  /** The verified identity's ARN, so sending is authorised on (and limited to) that identity. */
  identityArn?: string;
  configurationSetName?: string;
  /** Told when an alert is not sent because the person has no verified address. */
  onSkipped?: (reason: string, alert: BudgetAlert) => void;
}

/** The parts of AdminGetUser's answer we read (documented shape: `UserAttributes: [{Name, Value}]`). */
const adminGetUserSchema = z.object({
  Enabled: z.boolean().optional(),
  UserAttributes: z.array(z.object({ Name: z.string(), Value: z.string().optional() })).default([]),
});
const emailSchema = z.email();

/** The person's address, only if Cognito says it is verified and the account is enabled. */
export async function verifiedAddress(
  cognito: SesNotifierOptions['cognito'],
  userPoolId: string,
  userId: string,
): Promise<string | null> {
  const answer = adminGetUserSchema.parse(
    await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: userId })),
  );
  if (answer.Enabled === false) return null;
  const attr = (name: string) => answer.UserAttributes.find((a) => a.Name === name)?.Value;
  if (attr('email_verified') !== 'true') return null;
  const email = emailSchema.safeParse(attr('email'));
  return email.success ? email.data : null;
}

function subjectFor(alert: BudgetAlert): string {
  const what = alert.threshold >= 100 ? 'used up' : `${alert.threshold}% used`;
  // SES takes UTF-8 subjects; line breaks would end the header, so they go.
  const subject = `BudgetBuddy: your ${alert.budgetName} is ${what}`.replace(/\s+/g, ' ').trim();
  return subject.length > 200 ? `${subject.slice(0, 197)}...` : subject;
}

export function sendEmailInput(
  options: Pick<SesNotifierOptions, 'fromAddress' | 'identityArn' | 'configurationSetName'>,
  to: string,
  alert: BudgetAlert,
): SendEmailCommandInput {
  const money = (minor: number) => formatMoney(minor, alert.currency);
  const text = [
    alert.message,
    '',
    `Spent ${money(alert.spentMinor)} of ${money(alert.limitMinor)}.`,
    'Ask BudgetBuddy "how is my budget?" for the details.',
    '',
    'To change these e-mails, tell BudgetBuddy "only email me at 100%" or "stop the e-mails".',
  ].join('\n');
  return {
    FromEmailAddress: options.fromAddress,
    ...(options.identityArn ? { FromEmailAddressIdentityArn: options.identityArn } : {}),
    ...(options.configurationSetName ? { ConfigurationSetName: options.configurationSetName } : {}),
    Destination: { ToAddresses: [to] },
    Content: {
      Simple: {
        Subject: { Data: subjectFor(alert), Charset: 'UTF-8' },
        Body: { Text: { Data: text, Charset: 'UTF-8' } },
      },
    },
  };
}

export function sesBudgetNotifier(options: SesNotifierOptions): BudgetNotifier {
  return {
    budgetCrossed: async (alert) => {
      const to = await verifiedAddress(options.cognito, await options.userPoolId(), alert.userId);
      if (!to) {
        options.onSkipped?.('no verified e-mail address', alert);
        return;
      }
      await options.ses.send(new SendEmailCommand(sendEmailInput(options, to, alert)));
    },
  };
}
