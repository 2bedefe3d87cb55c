/**
 * `npm run bot:push -- --role-arn ARN [--lambda-arn ARN] [--bot-name NAME] [--alias live] [--region R]`
 *
 * Creates or updates the bot defined in bot/ in an AWS account through the Lex Models V2 API: the DRAFT
 * is made to match the definition, each locale is built (and awaited), a version is published and the
 * alias pointed at it. The CDK stacks (`npm run deploy`) do the same declaratively; this is for
 * iterating on the bot alone. The bot is found by name (default: the definition's, which is also the
 * name the CDK stacks deploy): pushing to the deployed bot changes CloudFormation-managed resources
 * behind its back (drift), so use `--bot-name BudgetBuddyDev --alias dev` for a separate sandbox bot. Flags fall back to LEX_BOT_ROLE_ARN, LEX_FULFILLMENT_LAMBDA_ARN,
 * LEX_BOT_NAME, LEX_BOT_ALIAS and AWS_REGION. Credentials come from the usual AWS provider chain.
 */
import { parseArgs } from 'node:util';
import { LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { budgetBuddyBot } from '@budgetbuddy/bot';
import { pushBot } from '@budgetbuddy/bot/export';
import { z } from 'zod';

const ARN = /^arn:aws[a-z-]*:/;
const argsSchema = z.object({
  roleArn: z
    .string({ error: 'a bot role is required: pass --role-arn or set LEX_BOT_ROLE_ARN' })
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, '--role-arn must be an IAM role ARN'),
  lambdaArn: z.string().regex(ARN, '--lambda-arn must be a Lambda function ARN').optional(),
  botName: z
    .string()
    .regex(/^[0-9a-zA-Z][_-]?([0-9a-zA-Z][_-]?)*$/, '--bot-name: letters, digits, - and _')
    .max(100),
  alias: z
    .string()
    .regex(/^[0-9a-zA-Z][_-]?([0-9a-zA-Z][_-]?)*$/, '--alias: letters, digits, - and _')
    .max(100),
  region: z.string({ error: 'set --region or AWS_REGION' }).min(1),
  endpoint: z.url().optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'role-arn': { type: 'string' },
      'lambda-arn': { type: 'string' },
      'bot-name': { type: 'string' },
      alias: { type: 'string' },
      region: { type: 'string' },
      endpoint: { type: 'string' },
    },
  });
  const env = process.env;
  const parsed = argsSchema.safeParse({
    roleArn: values['role-arn'] ?? env.LEX_BOT_ROLE_ARN,
    lambdaArn: values['lambda-arn'] ?? env.LEX_FULFILLMENT_LAMBDA_ARN,
    botName: values['bot-name'] ?? env.LEX_BOT_NAME ?? budgetBuddyBot.name,
    alias: values.alias ?? env.LEX_BOT_ALIAS ?? 'live',
    region: values.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION,
    endpoint: values.endpoint,
  });
  if (!parsed.success) {
    throw new Error(
      `${z.prettifyError(parsed.error)}\nusage: npm run bot:push -- --role-arn ARN [--lambda-arn ARN] [--bot-name NAME]`,
    );
  }
  const args = parsed.data;
  const client = new LexModelsV2Client({
    region: args.region,
    ...(args.endpoint ? { endpoint: args.endpoint } : {}),
  });
  try {
    const result = await pushBot(client, budgetBuddyBot, {
      roleArn: args.roleArn,
      botName: args.botName,
      aliasName: args.alias,
      ...(args.lambdaArn ? { lambdaArn: args.lambdaArn } : {}),
      log: (line) => console.log(`bot:push: ${line}`),
    });
    console.log(
      `bot:push: done — botId ${result.botId}, version ${result.botVersion}, aliasId ${result.botAliasId}`,
    );
    if (!args.lambdaArn) {
      console.log(
        'bot:push: note: no --lambda-arn, so the alias has no code hook (intents fulfil without logging anything).',
      );
    } else {
      // The function must let Lex invoke it from this alias, or every turn fails with DependencyFailed.
      const [, partition, , region, account] = args.lambdaArn.split(':');
      const aliasArn = `arn:${partition}:lex:${region}:${account}:bot-alias/${result.botId}/${result.botAliasId}`;
      console.log(
        `bot:push: if not done yet: aws lambda add-permission --function-name ${args.lambdaArn} ` +
          `--statement-id lex-${result.botAliasId} --action lambda:InvokeFunction ` +
          `--principal lexv2.amazonaws.com --source-arn ${aliasArn}`,
      );
    }
  } finally {
    client.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(`bot:push failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
