/**
 * Budget alert e-mails (issue 12 point 5, issue 14 point 7): every Lambda that can take a budget past a
 * threshold — the code hook (a chat turn), the recurring job (a posted bill) and the proxy (an import's
 * commit) — sends the e-mail itself, so each gets the same least-privilege rights and settings:
 * SendEmail on the one verified identity (and configuration set), from the one configured address;
 * GetParameter on the one SSM parameter naming the user pool. AdminGetUser on the pool is granted by
 * ApiStack, which owns the pool. The settings are read by fulfillment/src/notify/notifierFromEnv.ts.
 */
import { Arn, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { AlertMailConfig } from '../config';

/** The environment notifierFromEnv reads. */
export const ALERT_ENV = {
  fromAddress: 'ALERT_FROM_ADDRESS',
  identityArn: 'SES_IDENTITY_ARN',
  configurationSet: 'SES_CONFIGURATION_SET',
  userPoolIdParameter: 'USER_POOL_ID_PARAMETER',
} as const;

export function grantAlertMail(
  fn: LambdaFunction,
  mail: AlertMailConfig,
  userPoolIdParameterName: string,
): void {
  const stack = Stack.of(fn);
  const identityArn = Arn.format(
    { service: 'ses', resource: 'identity', resourceName: mail.sesIdentity },
    stack,
  );
  const configurationSetArn = mail.configurationSet
    ? Arn.format(
        { service: 'ses', resource: 'configuration-set', resourceName: mail.configurationSet },
        stack,
      )
    : undefined;
  const parameterArn = Arn.format(
    { service: 'ssm', resource: 'parameter', resourceName: userPoolIdParameterName.replace(/^\//, '') },
    stack,
  );
  fn.addEnvironment(ALERT_ENV.fromAddress, mail.fromAddress);
  fn.addEnvironment(ALERT_ENV.identityArn, identityArn);
  if (mail.configurationSet) fn.addEnvironment(ALERT_ENV.configurationSet, mail.configurationSet);
  fn.addEnvironment(ALERT_ENV.userPoolIdParameter, userPoolIdParameterName);
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: configurationSetArn ? [identityArn, configurationSetArn] : [identityArn],
      conditions: { StringEquals: { 'ses:FromAddress': mail.fromAddress } },
    }),
  );
  fn.addToRolePolicy(new PolicyStatement({ actions: ['ssm:GetParameter'], resources: [parameterArn] }));
}
