/**
 * The Lex V2 bot built from bot/'s definition (the same object the local runtime loads), its code-hook
 * Lambda, an immutable version, the `live` alias wired to the Lambda, and the secret that tells the proxy
 * which bot/alias/locale to call. The code hook may also publish overspend notices to the notification
 * topic (ObservabilityStack), which it knows by name. The fulfillment Lambda lives here, not in
 * ApiStack, because the alias must reference it and the proxy (ApiStack) must reference the alias:
 * keeping both in one stack avoids a dependency cycle.
 */
import { createHash } from 'node:crypto';
import { Arn, CfnOutput, SecretValue, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnBot, CfnBotAlias, CfnBotVersion } from 'aws-cdk-lib/aws-lex';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { BotDefinition } from '@budgetbuddy/bot/src/definition/types';
import { toCfnBotLocales } from '@budgetbuddy/bot/src/export/toCfnBotLocales';
import { BundledFunction } from '../constructs/BundledFunction';
import { FULFILLMENT_TABLE_ACTIONS } from '../constructs/tableActions';

export interface BotStackProps extends StackProps {
  bot: BotDefinition;
  table: ITable;
  /** The table's GSIs: the policy names each one instead of a wildcard. */
  indexNames: readonly string[];
  /** The code hook handler file, relative to the repo root. */
  fulfillmentEntry: string;
  /**
   * Name of the notification topic (ObservabilityStack) the code hook publishes overspend notices to.
   * Passed by name, not by reference: ObservabilityStack watches this stack's function, so a reference
   * back to its topic would make the two stacks depend on each other.
   */
  notificationTopicName: string;
}

/** The code hook's environment variable holding the notification topic ARN (see docs/deploy.md). */
export const NOTIFICATION_TOPIC_ENV = 'NOTIFICATION_TOPIC_ARN';

export const LIVE_ALIAS_NAME = 'live';
/** Lex's built-in test alias: wiring the code hook there too makes the console's test window work. */
const TEST_ALIAS_ID = 'TSTALIASID';

export class BotStack extends Stack {
  readonly fulfillment: BundledFunction;
  readonly bot: CfnBot;
  readonly alias: CfnBotAlias;
  /** `arn:aws:lex:<region>:<account>:bot-alias/<botId>/<aliasId>`: what RecognizeText is authorised on. */
  readonly aliasArn: string;
  readonly botSecret: Secret;
  readonly localeId: string;
  /** `arn:aws:sns:<region>:<account>:<notificationTopicName>`. */
  readonly notificationTopicArn: string;

  constructor(scope: Construct, id: string, props: BotStackProps) {
    super(scope, id, props);
    const locales = toCfnBotLocales(props.bot);
    const firstLocale = props.bot.locales[0];
    if (!firstLocale) throw new Error(`Bot ${props.bot.name} has no locale`);
    this.localeId = firstLocale.localeId;

    this.notificationTopicArn = Arn.format({ service: 'sns', resource: props.notificationTopicName }, this);
    this.fulfillment = new BundledFunction(this, 'Fulfillment', {
      entry: props.fulfillmentEntry,
      description: 'BudgetBuddy Lex V2 dialog and fulfillment code hook',
      environment: {
        TABLE_NAME: props.table.tableName,
        [NOTIFICATION_TOPIC_ENV]: this.notificationTopicArn,
      },
      memorySize: 512,
    });
    // Exactly the item-level actions the DynamoDB store issues (TransactWriteItems is authorised per item).
    this.fulfillment.addToRolePolicy(
      new PolicyStatement({
        actions: [...FULFILLMENT_TABLE_ACTIONS],
        resources: [
          props.table.tableArn,
          ...props.indexNames.map((name) => `${props.table.tableArn}/index/${name}`),
        ],
      }),
    );
    // Overspend notices (a budget crossed) go to the notification topic, and nowhere else.
    this.fulfillment.addToRolePolicy(
      new PolicyStatement({ actions: ['sns:Publish'], resources: [this.notificationTopicArn] }),
    );

    // A text-only bot without sentiment analysis needs no permissions, only an identity Lex can assume.
    const botRole = new Role(this, 'BotRole', {
      assumedBy: new ServicePrincipal('lexv2.amazonaws.com'),
      description: 'Runtime role of the BudgetBuddy Lex V2 bot',
    });

    const codeHook = (lambdaArn: string): CfnBotAlias.BotAliasLocaleSettingsItemProperty[] =>
      props.bot.locales.map((locale) => ({
        localeId: locale.localeId,
        botAliasLocaleSetting: {
          enabled: true,
          codeHookSpecification: { lambdaCodeHook: { lambdaArn, codeHookInterfaceVersion: '1.0' } },
        },
      }));

    this.bot = new CfnBot(this, 'Bot', {
      name: props.bot.name,
      description: props.bot.description,
      roleArn: botRole.roleArn,
      idleSessionTtlInSeconds: props.bot.idleSessionTtlInSeconds,
      dataPrivacy: { ChildDirected: false },
      autoBuildBotLocales: true,
      botLocales: locales,
      testBotAliasSettings: { botAliasLocaleSettings: codeHook(this.fulfillment.functionArn) },
    });

    // Versions are immutable: a new logical id per definition makes every change publish a new version.
    // The fingerprint covers everything a version snapshots: the bot-level settings and every locale.
    const versioned = {
      name: props.bot.name,
      description: props.bot.description,
      idleSessionTtlInSeconds: props.bot.idleSessionTtlInSeconds,
      locales,
    };
    const fingerprint = createHash('sha256').update(JSON.stringify(versioned)).digest('hex').slice(0, 12);
    const version = new CfnBotVersion(this, `Version${fingerprint}`, {
      botId: this.bot.attrId,
      description: `Definition ${fingerprint}`,
      botVersionLocaleSpecification: props.bot.locales.map((locale) => ({
        localeId: locale.localeId,
        botVersionLocaleDetails: { sourceBotVersion: 'DRAFT' },
      })),
    });

    this.alias = new CfnBotAlias(this, 'LiveAlias', {
      botId: this.bot.attrId,
      botAliasName: LIVE_ALIAS_NAME,
      botVersion: version.attrBotVersion,
      botAliasLocaleSettings: codeHook(this.fulfillment.functionArn),
      sentimentAnalysisSettings: { DetectSentiment: false },
    });
    this.aliasArn = this.alias.attrArn;

    const lexPrincipal = new ServicePrincipal('lexv2.amazonaws.com');
    this.fulfillment.addPermission('LexLiveAliasInvoke', {
      principal: lexPrincipal,
      sourceArn: this.aliasArn,
      sourceAccount: this.account,
    });
    this.fulfillment.addPermission('LexTestAliasInvoke', {
      principal: lexPrincipal,
      sourceArn: Arn.format(
        { service: 'lex', resource: 'bot-alias', resourceName: `${this.bot.attrId}/${TEST_ALIAS_ID}` },
        this,
      ),
      sourceAccount: this.account,
    });

    this.botSecret = new Secret(this, 'BotCoordinates', {
      description: 'Which Lex bot, alias and locale the chat proxy calls ({botId, botAliasId, localeId})',
      secretObjectValue: {
        botId: SecretValue.unsafePlainText(this.bot.attrId),
        botAliasId: SecretValue.unsafePlainText(this.alias.attrBotAliasId),
        localeId: SecretValue.unsafePlainText(this.localeId),
      },
    });

    Validations.of(this.botSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Holds resource identifiers (bot id, alias id, locale), not a credential: there is nothing to rotate.',
    });
    // The table policy names the table and each GSI by its full ARN, so it has no wildcard to acknowledge.
    Validations.of(this.fulfillment).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs: the AWS-maintained minimum.',
    });

    new CfnOutput(this, 'BotId', { value: this.bot.attrId });
    new CfnOutput(this, 'BotAliasId', { value: this.alias.attrBotAliasId });
  }
}
