/**
 * The budget-alert e-mailer every Lambda that can cross a budget builds from its environment: the code
 * hook (a chat turn), the recurring job (a posted bill) and the proxy (an import's commit). One reader,
 * so the three send alike; each alert reaches it only once its claim was won (intents/support/
 * budgetAlerts.ts notifyCrossings), which makes the e-mail once per threshold and period from any origin.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { z } from 'zod';
import { silentNotifier, type BudgetNotifier } from '../ports/BudgetNotifier';
import { sesBudgetNotifier } from './sesBudgetNotifier';

const notifierEnvSchema = z
  .object({
    /** The From address of budget alert e-mails, at the SES identity below. */
    ALERT_FROM_ADDRESS: z.email('ALERT_FROM_ADDRESS must be an e-mail address').optional(),
    /** The SES identity (address or domain) the address belongs to; sending is allowed on it only. */
    SES_IDENTITY_ARN: z
      .string()
      .regex(
        /^arn:aws[a-z-]*:ses:[a-z0-9-]+:\d{12}:identity\/[^\s]+$/,
        'SES_IDENTITY_ARN must be an SES identity ARN',
      )
      .optional(),
    SES_CONFIGURATION_SET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    /** SSM parameter holding the Cognito user pool id (ApiStack owns the pool; see docs/deploy.md). */
    USER_POOL_ID_PARAMETER: z
      .string()
      .regex(/^\/[A-Za-z0-9_./-]{1,1000}$/)
      .optional(),
  })
  .refine(
    (e) => (e.ALERT_FROM_ADDRESS === undefined) === (e.USER_POOL_ID_PARAMETER === undefined),
    'ALERT_FROM_ADDRESS and USER_POOL_ID_PARAMETER are set together',
  );

/** Reads a parameter once per container; a failed read is retried on the next alert. */
function cachedParameter(ssm: SSMClient, name: string): () => Promise<string> {
  let value: Promise<string> | undefined;
  return () => {
    value ??= ssm.send(new GetParameterCommand({ Name: name })).then((r) => {
      const v = r.Parameter?.Value;
      if (!v) throw new Error(`SSM parameter ${name} is empty`);
      return v;
    });
    value.catch(() => (value = undefined));
    return value;
  };
}

/**
 * Budget alerts are e-mailed through SES to each person's own verified address when a sender is
 * configured (deployed); without one (offline), nowhere.
 */
export function notifierFromEnv(env: NodeJS.ProcessEnv = process.env): BudgetNotifier {
  const config = notifierEnvSchema.parse({
    ALERT_FROM_ADDRESS: env.ALERT_FROM_ADDRESS || undefined,
    SES_IDENTITY_ARN: env.SES_IDENTITY_ARN || undefined,
    SES_CONFIGURATION_SET: env.SES_CONFIGURATION_SET || undefined,
    USER_POOL_ID_PARAMETER: env.USER_POOL_ID_PARAMETER || undefined,
  });
  if (!config.ALERT_FROM_ADDRESS || !config.USER_POOL_ID_PARAMETER) return silentNotifier;
  return sesBudgetNotifier({
    ses: new SESv2Client({}),
    cognito: new CognitoIdentityProviderClient({}),
    userPoolId: cachedParameter(new SSMClient({}), config.USER_POOL_ID_PARAMETER),
    fromAddress: config.ALERT_FROM_ADDRESS,
    ...(config.SES_IDENTITY_ARN ? { identityArn: config.SES_IDENTITY_ARN } : {}),
    ...(config.SES_CONFIGURATION_SET ? { configurationSetName: config.SES_CONFIGURATION_SET } : {}),
    onSkipped: (reason) =>
      console.warn(JSON.stringify({ level: 'warn', message: 'Budget e-mail not sent', reason })),
  });
}
