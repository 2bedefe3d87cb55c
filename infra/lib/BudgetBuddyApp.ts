/**
 * Composes the seven stacks. Used by bin/app.ts and by the tests, which pass a modified bot definition
 * or settings to prove that the synthesized infrastructure follows them.
 */
import { Fn, Validations, type App, type StackProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { BotDefinition } from '@budgetbuddy/bot';
import { DUE_INDEX } from '@budgetbuddy/fulfillment/store';
import { alertMailConfig, type DeployConfig } from './config';
import { ApiStack } from './stacks/ApiStack';
import { BotStack } from './stacks/BotStack';
import { DataStack } from './stacks/DataStack';
import { EdgeStack } from './stacks/EdgeStack';
import { ObservabilityStack } from './stacks/ObservabilityStack';
import { WAF_REGION, WafStack, WEB_ACL_ARN_OUTPUT } from './stacks/WafStack';
import { WebStack } from './stacks/WebStack';

export interface BudgetBuddyStacks {
  data: DataStack;
  bot: BotStack;
  waf: WafStack;
  edge: EdgeStack;
  api: ApiStack;
  web: WebStack;
  observability: ObservabilityStack;
}

export interface BudgetBuddyInputs {
  bot: BotDefinition;
  /** fulfillment/src/store/table.ts `tableDefinition`; validated when the stack is built. */
  tableDefinition: unknown;
  config: DeployConfig;
  /** Stack name prefix, so two deployments can share an account. */
  prefix?: string;
  stackProps?: StackProps;
  /** Lambda handler files relative to the repo root (tests may point at stand-ins). */
  entries?: Partial<HandlerEntries>;
  /** Run the cdk-nag AwsSolutions pack over every stack (on by default). */
  nag?: boolean;
}

export interface HandlerEntries {
  fulfillment: string;
  proxy: string;
  rotation: string;
  recurring: string;
}
export const HANDLER_ENTRIES: HandlerEntries = {
  fulfillment: 'fulfillment/src/handlers/lexCodeHook.ts',
  proxy: 'fulfillment/src/handlers/proxy.ts',
  rotation: 'fulfillment/src/handlers/rotateIdentityKey.ts',
  recurring: 'fulfillment/src/handlers/postRecurring.ts',
};

export function buildBudgetBuddy(app: App, inputs: BudgetBuddyInputs): BudgetBuddyStacks {
  const prefix = inputs.prefix ?? 'BudgetBuddy';
  const props = inputs.stackProps ?? {};
  const { config } = inputs;
  const entries = { ...HANDLER_ENTRIES, ...inputs.entries };
  const notificationTopicName = `${prefix}-notifications`;
  const userPoolIdParameterName = `/${prefix}/user-pool-id`;
  const alertMail = alertMailConfig(config);
  const data = new DataStack(app, `${prefix}Data`, {
    ...props,
    tableDefinition: inputs.tableDefinition,
    retainData: config.retainData,
  });
  const bot = new BotStack(app, `${prefix}Bot`, {
    ...props,
    bot: inputs.bot,
    table: data.table,
    indexNames: data.indexNames,
    fulfillmentEntry: entries.fulfillment,
    rotationEntry: entries.rotation,
    userPoolIdParameterName,
    ...(alertMail ? { alertMail } : {}),
    recurringEntry: entries.recurring,
    dueIndexName: DUE_INDEX,
  });
  // CloudFront web ACLs live in us-east-1; the edge stack reads the ARN across regions at deploy time.
  const waf = new WafStack(app, `${prefix}Waf`, {
    ...props,
    env: { ...props.env, region: WAF_REGION },
    ratePerFiveMinutes: config.wafRateLimit,
  });
  const edge = new EdgeStack(app, `${prefix}Edge`, {
    ...props,
    webAclArn: Fn.getStackOutput(waf.stackName, WEB_ACL_ARN_OUTPUT, WAF_REGION),
    ...(config.webOrigin && config.certificateArn
      ? { customDomain: { origin: config.webOrigin, certificateArn: config.certificateArn } }
      : {}),
    stage: config.stage,
    ...(config.geoAllowList ? { geoRestriction: { allow: config.geoAllowList } } : {}),
    ...(config.geoDenyList ? { geoRestriction: { deny: config.geoDenyList } } : {}),
  });
  edge.addStackDependency(waf, 'the distribution uses the web ACL');
  const api = new ApiStack(app, `${prefix}Api`, {
    ...props,
    webOrigin: edge.webOrigin,
    httpApi: edge.httpApi,
    proxyEntry: entries.proxy,
    botAliasArn: bot.aliasArn,
    botSecret: bot.botSecret,
    identitySecret: bot.identitySecret,
    table: data.table,
    logBucket: edge.logBucket,
    rateLimit: config.apiRateLimit,
    burstLimit: config.apiBurstLimit,
    ...(config.authDomainPrefix ? { authDomainPrefix: config.authDomainPrefix } : {}),
    userPoolIdParameterName,
    ...(alertMail
      ? {
          alertMail,
          // Besides the proxy (an import), the code hook (a chat turn) and the job (a posted bill) e-mail.
          alertMailers: [bot.fulfillment.role, bot.recurringJob.function.role].filter(
            (r): r is NonNullable<typeof r> => r !== undefined,
          ),
        }
      : {}),
  });
  const web = new WebStack(app, `${prefix}Web`, {
    ...props,
    webOrigin: edge.webOrigin,
    vpc: edge.vpc,
    targetGroup: edge.targetGroup,
    uploadOrigin: api.uploadOrigin,
    apiUrl: api.apiUrl,
    authority: api.authority,
    clientId: api.userPoolClient.userPoolClientId,
    authDomainUrl: api.authDomainUrl,
    ...(config.embedOrigins ? { embedOrigins: config.embedOrigins } : {}),
  });
  const observability = new ObservabilityStack(app, `${prefix}Observability`, {
    ...props,
    functions: { Fulfillment: bot.fulfillment, Proxy: api.proxy, RecurringJob: bot.recurringJob.function },
    table: data.table,
    httpApi: edge.httpApi,
    webTargets: edge.targetGroup,
    ...(config.alarmEmail ? { alarmEmail: config.alarmEmail } : {}),
    topicName: notificationTopicName,
  });
  if (inputs.nag !== false) Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { data, bot, waf, edge, api, web, observability };
}
