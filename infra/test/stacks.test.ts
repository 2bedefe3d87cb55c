import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsCustomResource } from 'aws-cdk-lib/custom-resources';
import { AwsSolutionsChecks } from 'cdk-nag';
import { budgetBuddyBot, type BotDefinition } from '@budgetbuddy/bot';
import { DUE_INDEX, tableDefinition } from '@budgetbuddy/fulfillment/store';
import { FULFILLMENT_TABLE_ACTIONS } from '../lib/constructs/tableActions';
import {
  RECURRING_JOB_INDEX_ACTIONS,
  RECURRING_JOB_TABLE_ACTIONS,
} from '../lib/constructs/RecurringPostingJob';
import { repoPath } from '../lib/constructs/paths';
import { ALERT_ENV } from '../lib/stacks/BotStack';
import { WEB_CONTAINER_PORT, WEB_HEALTH_PATH } from '../lib/stacks/WebStack';
import { onlyResource, synthApp, type SynthesizedApp } from './support/synthApp';

/** How the other stacks name the distribution's domain: an import of EdgeStack's export. */
const CLOUDFRONT_ORIGIN = {
  'Fn::Join': [
    '',
    ['https://', { 'Fn::ImportValue': expect.stringMatching(/^BudgetBuddyEdge:.*Cdn.*DomainName/) }, '/'],
  ],
};

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}
type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

const asArray = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

/** Policy statements attached to the role of the named Lambda (matched by logical-id prefix). */
function statementsOf(template: Template, functionIdPrefix: string): Statement[] {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resources[string][];
  return policies
    .filter((p) =>
      (p.Properties.Roles as { Ref?: string }[]).some((r) =>
        r.Ref?.startsWith(`${functionIdPrefix}ServiceRole`),
      ),
    )
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** The DynamoDB actions the store's source code needs, read from the commands it sends. */
function actionsTheStoreUses(): Set<string> {
  const dir = repoPath('fulfillment/src/store');
  const source = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('InMemory'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  const actions = new Set<string>();
  const commandToAction: Record<string, string[]> = {
    Get: ['GetItem'],
    GetItem: ['GetItem'],
    Put: ['PutItem'],
    PutItem: ['PutItem'],
    Update: ['UpdateItem'],
    UpdateItem: ['UpdateItem'],
    Delete: ['DeleteItem'],
    DeleteItem: ['DeleteItem'],
    Query: ['Query'],
    Scan: ['Scan'],
    BatchGet: ['BatchGetItem'],
    BatchGetItem: ['BatchGetItem'],
    BatchWrite: ['BatchWriteItem'],
    BatchWriteItem: ['BatchWriteItem'],
    TransactGet: ['GetItem'],
    TransactGetItems: ['GetItem'],
  };
  // Table management (ensureTable) runs only locally and in tests, never from the Lambda.
  const management = new Set([
    'CreateTable',
    'DescribeTable',
    'DescribeTimeToLive',
    'UpdateTimeToLive',
    'UpdateTable',
  ]);
  for (const [, name] of source.matchAll(/new (\w+?)Command\(/g)) {
    if (management.has(name ?? '')) continue;
    if (name === 'TransactWrite' || name === 'TransactWriteItems') {
      // Transactions are authorised per contained item.
      for (const [, op] of source.matchAll(/\b(Put|Update|Delete|ConditionCheck):\s/g)) {
        actions.add(`dynamodb:${op === 'ConditionCheck' ? 'ConditionCheckItem' : `${op}Item`}`);
      }
      continue;
    }
    const mapped = commandToAction[name ?? ''];
    if (!mapped) throw new Error(`the store sends ${name}Command, which this test cannot map to IAM actions`);
    mapped.forEach((a) => actions.add(`dynamodb:${a}`));
  }
  return actions;
}

describe('the synthesized BudgetBuddy stacks', () => {
  let synthesized: SynthesizedApp;
  let t: SynthesizedApp['templates'];
  beforeAll(() => {
    synthesized = synthApp({ nag: true, validate: true });
    t = synthesized.templates;
  });
  afterAll(() => synthesized.cleanup());

  it("passes CloudFormation's own validation, strictly (a finding would have failed the synth above)", () => {
    const report = JSON.parse(
      readFileSync(join(synthesized.app.outdir, 'validation-report.json'), 'utf8'),
    ) as {
      pluginReports: Array<{ violations?: unknown[] }>;
    };
    expect(report.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);
  });

  it('still fails the synth on a bad synonym, slot value or intent deep in the bot (it is checked in pieces)', () => {
    // The validation checks the bot in pieces to stay fast (support/shardedValidation.ts): a defect at
    // the far end of the longest synonym list, of the last slot type and of the last intent must still
    // be found, and reported at its real place in the template.
    const bot = structuredClone(budgetBuddyBot) as BotDefinition;
    const locale = bot.locales[0]!;
    const slotTypes = locale.slotTypes;
    const [s, v] = slotTypes
      .flatMap((type, i) => type.values.map((value, j) => [i, j, value.synonyms.length] as const))
      .reduce((most, x) => (x[2] > most[2] ? x : most));
    const synonyms = slotTypes[s]!.values[v]!.synonyms;
    synonyms.push('s'.repeat(141)); // Lex allows 140 characters
    const lastType = slotTypes.length - 1;
    const lastValues = slotTypes[lastType]!.values;
    lastValues.push({ value: 'v'.repeat(141), synonyms: [] });
    const lastIntent = locale.intents.findLastIndex((i) => !i.parentIntentSignature);
    locale.intents[lastIntent]!.name = 'Not a name!';

    let message = '';
    try {
      synthApp({ bot, validate: true }).cleanup();
    } catch (e) {
      message = String(e);
    }
    expect(message).toContain(
      `BotLocales.0.SlotTypes.${s}.SlotTypeValues.${v}.Synonyms.${synonyms.length - 1}.Value: length 141 exceeds maximum 140`,
    );
    expect(message).toContain(
      `BotLocales.0.SlotTypes.${lastType}.SlotTypeValues.${lastValues.length - 1}.SampleValue.Value: length 141 exceeds maximum 140`,
    );
    expect(message).toContain(
      `BotLocales.0.Intents.${lastIntent}.Name: 'Not a name!' does not match pattern`,
    );
  });

  describe('the recurring-payments job (issue 12)', () => {
    it('adds the sparse due index to the table, keyed by shard and due day', () => {
      const table = onlyResource(t.data, 'AWS::DynamoDB::Table').Properties as {
        GlobalSecondaryIndexes: { IndexName: string; KeySchema: unknown; Projection: unknown }[];
      };
      expect(table.GlobalSecondaryIndexes).toEqual([
        {
          IndexName: DUE_INDEX,
          KeySchema: [
            { AttributeName: 'dueShard', KeyType: 'HASH' },
            { AttributeName: 'dueDay', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ]);
    });

    it('runs daily from an EventBridge schedule that invokes the job Lambda, with retries', () => {
      const rule = onlyResource(t.bot, 'AWS::Events::Rule').Properties as {
        ScheduleExpression: string;
        State: string;
        Targets: { Arn: unknown; RetryPolicy: unknown }[];
      };
      expect(rule.ScheduleExpression).toBe('cron(5 0 * * ? *)');
      expect(rule.State).toBe('ENABLED');
      expect(rule.Targets).toHaveLength(1);
      expect(JSON.stringify(rule.Targets[0]?.Arn)).toMatch(/RecurringJobPostRecurring/);
      expect(rule.Targets[0]?.RetryPolicy).toEqual({
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 21600,
      });
      t.bot.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RecurringJobPostRecurring'), 'Arn'] },
      });
      const fn = onlyResource(t.bot, 'AWS::Lambda::Function', /^RecurringJobPostRecurring/).Properties as {
        Environment: { Variables: Record<string, unknown> };
        Timeout: number;
      };
      expect(Object.keys(fn.Environment.Variables).sort()).toEqual(['NODE_OPTIONS', 'TABLE_NAME']);
      expect(fn.Timeout).toBe(300);
    });

    it('has its errors alarmed like the other Lambdas', () => {
      t.observability.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmDescription: Match.stringLikeRegexp('RecurringJob Lambda threw or timed out'),
      });
    });
  });

  describe('DataStack', () => {
    it("has the store's key schema, attribute types and TTL attribute", () => {
      const table = onlyResource(t.data, 'AWS::DynamoDB::Table').Properties;
      expect(table.KeySchema).toEqual(tableDefinition.keySchema);
      expect(table.AttributeDefinitions).toEqual(tableDefinition.attributeDefinitions);
      expect(table.GlobalSecondaryIndexes ?? []).toHaveLength(tableDefinition.globalSecondaryIndexes.length);
      expect(table.TimeToLiveSpecification).toEqual({
        AttributeName: tableDefinition.timeToLiveAttribute,
        Enabled: true,
      });
    });

    it('is on-demand, encrypted, point-in-time recoverable and retained on stack deletion', () => {
      t.data.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { SSEEnabled: true },
          DeletionProtectionEnabled: true,
        },
      });
    });
  });

  describe('least privilege', () => {
    it('grants the fulfillment Lambda exactly the table actions the store sends, on this table only', () => {
      expect(new Set(FULFILLMENT_TABLE_ACTIONS)).toEqual(actionsTheStoreUses());
      const statements = statementsOf(t.bot, 'Fulfillment');
      const table = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:')));
      expect(table).toHaveLength(1);
      expect(new Set(asArray(table[0]?.Action ?? []))).toEqual(new Set(FULFILLMENT_TABLE_ACTIONS));
      const resources = asArray(table[0]?.Resource);
      // The table itself: the due index is the recurring job's alone.
      expect(resources).toHaveLength(
        1 + tableDefinition.globalSecondaryIndexes.filter((i) => i.IndexName !== DUE_INDEX).length,
      );
      expect(JSON.stringify(resources)).toMatch(/LedgerTable/);
      expect(JSON.stringify(resources)).not.toContain(DUE_INDEX);
    });

    it('lets the recurring job Query the due index (and the table, for budgets) and write only what posting and its alerts write — never Scan, never delete', () => {
      const statements = statementsOf(t.bot, 'RecurringJobPostRecurring');
      const dynamo = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo.map((s) => asArray(s.Action).sort())).toEqual([
        [...RECURRING_JOB_TABLE_ACTIONS].sort(),
        [...RECURRING_JOB_INDEX_ACTIONS],
      ]);
      expect(JSON.stringify(dynamo[0]?.Resource)).toMatch(/LedgerTable/);
      expect(JSON.stringify(dynamo[0]?.Resource)).not.toContain('/index/');
      expect(JSON.stringify(dynamo[1]?.Resource)).toContain(`/index/${DUE_INDEX}`);
      const all = statements.flatMap((s) => asArray(s.Action));
      expect(all).not.toContain('dynamodb:Scan');
      expect(all).not.toContain('dynamodb:DeleteItem');
      // Nothing beyond the table (its log group is granted on the role's own default policy).
      expect(all.filter((a) => !a.startsWith('dynamodb:') && !a.startsWith('logs:'))).toEqual([]);
    });

    it('gives the fulfillment Lambda no e-mail or topic rights unless alert e-mails are configured', () => {
      const statements = statementsOf(t.bot, 'Fulfillment');
      expect(
        statements
          .map((s) => asArray(s.Action).map((a) => a.split(':')[0]))
          .flat()
          .sort(),
      ).toEqual([...FULFILLMENT_TABLE_ACTIONS.map(() => 'dynamodb'), 'secretsmanager'].sort());
      // It reads the identity key (to check the proxy's signature) and no other secret.
      const secretRead = statements.find((s) => asArray(s.Action).includes('secretsmanager:GetSecretValue'));
      expect(asArray(secretRead?.Action)).toEqual(['secretsmanager:GetSecretValue']);
      expect(JSON.stringify(secretRead?.Resource)).toMatch(/^\{"Ref":"IdentityKey[0-9A-F]+"\}$/);
      const fn = onlyResource(t.bot, 'AWS::Lambda::Function', /^Fulfillment/).Properties as {
        Environment: { Variables: Record<string, unknown> };
      };
      expect(Object.keys(fn.Environment.Variables)).not.toContain(ALERT_ENV.fromAddress);
      expect(JSON.stringify(t.api.toJSON())).not.toContain('cognito-idp:AdminGetUser');
      // Nor the recurring job or the proxy, which e-mail a bill's or an import's crossing when configured.
      for (const [template, prefix] of [
        [t.bot, 'RecurringJobPostRecurring'],
        [t.api, 'Proxy'],
      ] as const) {
        const actions = statementsOf(template, prefix).flatMap((s) => asArray(s.Action));
        expect(actions.filter((a) => /^(ses|ssm|cognito-idp):/.test(a))).toEqual([]);
      }
    });

    it('with alert e-mails configured, lets the code hook send only from that address and identity, and read only this pool', () => {
      const mail = synthApp({
        nag: true,
        context: {
          'budgetbuddy:alertFromAddress': 'alerts@mail.example.com',
          'budgetbuddy:alertConfigurationSet': 'budget-alerts',
        },
      });
      try {
        const statements = statementsOf(mail.templates.bot, 'Fulfillment');
        const services = statements.flatMap((s) => asArray(s.Action).map((a) => a.split(':')[0])).sort();
        expect(services).toEqual(
          [...FULFILLMENT_TABLE_ACTIONS.map(() => 'dynamodb'), 'secretsmanager', 'ses', 'ssm'].sort(),
        );
        const send = statements.find((s) => asArray(s.Action).includes('ses:SendEmail'));
        expect(asArray(send?.Action)).toEqual(['ses:SendEmail']);
        const sendTo = JSON.stringify(send?.Resource);
        expect(sendTo).toContain(':identity/mail.example.com');
        expect(sendTo).toContain(':configuration-set/budget-alerts');
        expect(sendTo).not.toContain('*');
        expect(send?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'alerts@mail.example.com' } });
        const param = statements.find((s) => asArray(s.Action).includes('ssm:GetParameter'));
        expect(asArray(param?.Action)).toEqual(['ssm:GetParameter']);
        expect(JSON.stringify(param?.Resource)).toContain(':parameter/BudgetBuddy/user-pool-id');

        const fn = onlyResource(mail.templates.bot, 'AWS::Lambda::Function', /^Fulfillment/).Properties as {
          Environment: { Variables: Record<string, unknown> };
        };
        expect(fn.Environment.Variables).toMatchObject({
          [ALERT_ENV.fromAddress]: 'alerts@mail.example.com',
          [ALERT_ENV.configurationSet]: 'budget-alerts',
          [ALERT_ENV.userPoolIdParameter]: '/BudgetBuddy/user-pool-id',
        });
        expect(JSON.stringify(fn.Environment.Variables[ALERT_ENV.identityArn])).toContain(
          ':identity/mail.example.com',
        );
        // ApiStack owns the pool: its policy on the code hook's role allows AdminGetUser on that pool only.
        mail.templates.api.hasResourceProperties('AWS::SSM::Parameter', {
          Name: '/BudgetBuddy/user-pool-id',
          Value: { Ref: Match.stringLikeRegexp('^Users') },
        });
        const lookup = Object.values(mail.templates.api.findResources('AWS::IAM::Policy')).filter((p) =>
          JSON.stringify(p).includes('cognito-idp:'),
        );
        expect(lookup).toHaveLength(1);
        expect(lookup[0]?.Properties.PolicyDocument.Statement).toEqual([
          {
            Effect: 'Allow',
            Action: 'cognito-idp:AdminGetUser',
            Resource: { 'Fn::GetAtt': [expect.stringMatching(/^Users/), 'Arn'] },
          },
        ]);
        expect(JSON.stringify(lookup[0]?.Properties.Roles)).toMatch(/FulfillmentServiceRole/);
        // The recurring job (a posted bill) and the proxy (an import) e-mail alike (issue 12): the same
        // send and parameter rights, the same settings, and the same one lookup on this pool.
        const roles = JSON.stringify(lookup[0]?.Properties.Roles);
        expect(roles).toMatch(/RecurringJobPostRecurringServiceRole/);
        expect(roles).toMatch(/ProxyServiceRole/);
        expect((lookup[0]?.Properties.Roles as unknown[]).length).toBe(3);
        for (const [template, prefix, services] of [
          [mail.templates.bot, 'RecurringJobPostRecurring', ['dynamodb', 'ses', 'ssm']],
          [mail.templates.api, 'Proxy', ['dynamodb', 'lex', 'secretsmanager', 'ses', 'ssm']],
        ] as const) {
          const own = statementsOf(template, prefix);
          const mailing = own.filter((s) => asArray(s.Action).some((a) => /^(ses|ssm):/.test(a)));
          expect(mailing.map((s) => ({ Action: s.Action, Condition: s.Condition }))).toEqual([
            {
              Action: 'ses:SendEmail',
              Condition: { StringEquals: { 'ses:FromAddress': 'alerts@mail.example.com' } },
            },
            { Action: 'ssm:GetParameter', Condition: undefined },
          ]);
          expect(JSON.stringify(mailing[0]?.Resource)).toContain(':identity/mail.example.com');
          expect(JSON.stringify(mailing[0]?.Resource)).not.toContain('*');
          expect(JSON.stringify(mailing[1]?.Resource)).toContain(':parameter/BudgetBuddy/user-pool-id');
          expect(
            [...new Set(own.flatMap((s) => asArray(s.Action).map((a) => a.split(':')[0])))].sort(),
          ).toEqual(expect.arrayContaining([...services]));
          const fnProps = onlyResource(template, 'AWS::Lambda::Function', new RegExp(`^${prefix}`))
            .Properties as { Environment: { Variables: Record<string, unknown> } };
          expect(fnProps.Environment.Variables).toMatchObject({
            [ALERT_ENV.fromAddress]: 'alerts@mail.example.com',
            [ALERT_ENV.configurationSet]: 'budget-alerts',
            [ALERT_ENV.userPoolIdParameter]: '/BudgetBuddy/user-pool-id',
          });
        }
        // cdk-nag stays clean with the e-mail rights, without a new acknowledgement.
        const report = new AwsSolutionsChecks().validateScope(mail.app);
        expect(report.violations.map((v) => v.ruleName)).toEqual([]);
        // Nobody's spending goes through the operators' topic any more.
        expect(JSON.stringify(mail.templates.bot.toJSON())).not.toContain('sns:Publish');
      } finally {
        mail.cleanup();
      }
    });

    it('refuses a From address outside the configured SES identity', () => {
      expect(() =>
        synthApp({
          context: {
            'budgetbuddy:alertFromAddress': 'alerts@other.example.org',
            'budgetbuddy:alertSesIdentity': 'mail.example.com',
          },
        }),
      ).toThrow(/alertFromAddress must be at alertSesIdentity/);
    });

    it('lets the proxy read only the bot secret and the identity key, call only RecognizeText on the live alias, and touch only receipt uploads', () => {
      const statements = statementsOf(t.api, 'Proxy');
      expect(statements.map((s) => asArray(s.Action)).sort()).toEqual([
        // Bank import and CSV export go through the same store as the code hook (issue 13).
        [...FULFILLMENT_TABLE_ACTIONS],
        ['dynamodb:UpdateItem'],
        ['lex:RecognizeText'],
        ['secretsmanager:GetSecretValue'],
        ['textract:AnalyzeExpense'],
      ]);
      // Deployed receipts: presigned uploads under uploads/*, read back for Textract, then deleted
      // (issue 13) — granted by the receipt bucket's own policy to this role (edgeStack.test.ts).
      expect(JSON.stringify(statements)).not.toMatch(/"s3:/);
      const ledger = statements.find((s) => asArray(s.Action).includes('dynamodb:Query'));
      expect(JSON.stringify(ledger?.Resource)).toMatch(/LedgerTable/);
      // The shared turn limit: counters under RATE# keys, never a ledger item.
      const counters = statements.find(
        (s) => asArray(s.Action).length === 1 && asArray(s.Action)[0] === 'dynamodb:UpdateItem',
      );
      expect(JSON.stringify(counters?.Resource)).toMatch(/LedgerTable/);
      expect(counters?.Condition).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['RATE#*'] },
      });
      const byAction = (a: string) =>
        JSON.stringify(statements.find((s) => asArray(s.Action).includes(a))?.Resource);
      expect(byAction('lex:RecognizeText')).toMatch(/LiveAlias/);
      expect(byAction('secretsmanager:GetSecretValue')).toMatch(/BotCoordinates.*IdentityKey/);
    });

    it('gives no principal but the proxy any access to the secret, and denies everyone else', () => {
      const readers: string[] = [];
      const secretPolicies: Record<string, unknown>[] = [];
      for (const template of Object.values(t)) {
        for (const [id, policy] of Object.entries(template.findResources('AWS::IAM::Policy'))) {
          const statements = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
          if (statements.some((s) => asArray(s.Action).some((a) => a.startsWith('secretsmanager:'))))
            readers.push(id);
        }
        for (const policy of Object.values(template.findResources('AWS::SecretsManager::ResourcePolicy')))
          secretPolicies.push(policy.Properties as Record<string, unknown>);
      }
      // The proxy; the code hook and the rotation function reach only the identity key (tests above and below).
      expect(readers.sort()).toEqual([
        expect.stringMatching(/^FulfillmentServiceRole/),
        expect.stringMatching(/^IdentityKeyRotationRole/),
        expect.stringMatching(/^ProxyServiceRole/),
      ]);
      const rotation = Object.entries(t.bot.findResources('AWS::IAM::Policy'))
        .filter(([id]) => id.startsWith('IdentityKeyRotationRole'))
        .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
      expect(JSON.stringify(rotation.map((s) => s.Resource))).toMatch(/IdentityKey/);
      expect(JSON.stringify(rotation.map((s) => s.Resource))).not.toMatch(/BotCoordinates|"\*"/);

      // The secret's own policy: one Deny for every principal whose ARN is not the proxy's role.
      expect(secretPolicies).toHaveLength(1);
      const [policy] = secretPolicies as { SecretId: unknown; ResourcePolicy: { Statement: unknown[] } }[];
      expect(JSON.stringify(policy?.SecretId)).toMatch(/BotCoordinates/);
      expect(policy?.ResourcePolicy.Statement).toEqual([
        expect.objectContaining({
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 'secretsmanager:GetSecretValue',
          Condition: {
            StringNotEquals: {
              'aws:PrincipalArn': { 'Fn::GetAtt': [expect.stringMatching(/^ProxyServiceRole/), 'Arn'] },
            },
          },
        }),
      ]);
    });
  });

  describe('ApiStack', () => {
    it('protects the chat route with a Cognito JWT authorizer for the web client', () => {
      const authorizer = onlyResource(t.api, 'AWS::ApiGatewayV2::Authorizer');
      expect(authorizer.Properties).toMatchObject({
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: { Audience: [{ Ref: expect.stringMatching(/^UsersChatWeb/) }] },
      });
      expect(JSON.stringify(authorizer.Properties.JwtConfiguration)).toMatch(/cognito-idp/);
      t.api.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: 'POST /api/chat',
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizer.logicalId },
      });
    });

    it('serves bank import and CSV export behind the same authorizer, with the table and no more (issue 13)', () => {
      const authorizer = onlyResource(t.api, 'AWS::ApiGatewayV2::Authorizer');
      for (const key of ['POST /api/import', 'POST /api/import/{importId}/commit', 'GET /api/export.csv']) {
        t.api.hasResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: key,
          AuthorizationType: 'JWT',
          AuthorizerId: { Ref: authorizer.logicalId },
        });
      }
      t.api.hasResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue() }) },
      });
      t.api.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Action: Match.arrayWith(['dynamodb:Query', 'dynamodb:PutItem']) }),
          ]),
        },
      });
    });

    it('allows no cross-origin calls: the app reaches the API on its own origin, through CloudFront', () => {
      t.api.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
      const api = onlyResource(t.edge, 'AWS::ApiGatewayV2::Api').Properties;
      expect(api.CorsConfiguration).toBeUndefined();
      // Every route is on that API (imported by id), under the path CloudFront sends to it.
      for (const route of Object.values(t.api.findResources('AWS::ApiGatewayV2::Route'))) {
        expect(route.Properties.ApiId).toEqual({ 'Fn::ImportValue': expect.stringMatching(/ChatApi/) });
        expect(route.Properties.RouteKey).toMatch(/^(GET|POST) \/api\//);
      }
    });

    it('throttles the stage and logs access', () => {
      t.api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
        AccessLogSettings: { DestinationArn: Match.anyValue() },
      });
    });

    it('signs people in with the authorization-code flow of a public client, back to the web origin', () => {
      const client = onlyResource(t.api, 'AWS::Cognito::UserPoolClient').Properties;
      expect(client).toMatchObject({
        AllowedOAuthFlows: ['code'],
        // No custom domain: the CloudFront distribution's own https name.
        CallbackURLs: [CLOUDFRONT_ORIGIN],
        LogoutURLs: [CLOUDFRONT_ORIGIN],
      });
      expect(client.GenerateSecret ?? false).toBe(false);
      t.api.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'ON',
      });
    });
  });

  describe('WebStack', () => {
    const entrypoint = readFileSync(repoPath('chat-web/docker-entrypoint.sh'), 'utf8');
    const nginxConf = readFileSync(repoPath('chat-web/nginx/nginx.conf'), 'utf8');

    it('gives the container every setting its entrypoint requires', () => {
      const required = /for name in ([A-Z_ ]+); do\s+require/.exec(entrypoint)?.[1]?.trim().split(/\s+/);
      expect(required?.length).toBeGreaterThan(0);
      const task = onlyResource(t.web, 'AWS::ECS::TaskDefinition').Properties;
      const [container] = task.ContainerDefinitions as {
        Environment: { Name: string }[];
        PortMappings: { ContainerPort: number }[];
      }[];
      // UPLOAD_ORIGIN is optional in the entrypoint; deployed it is set so the page's CSP admits the
      // receipt bucket's presigned uploads (issue 13).
      expect(container?.Environment.map((e) => e.Name).sort()).toEqual(
        [...(required ?? []), 'UPLOAD_ORIGIN'].sort(),
      );
      expect(container?.PortMappings[0]?.ContainerPort).toBe(WEB_CONTAINER_PORT);
      expect(nginxConf).toContain(`listen ${WEB_CONTAINER_PORT};`);
    });

    it('health-checks the path nginx answers and scales the service', () => {
      expect(nginxConf).toContain(`location = ${WEB_HEALTH_PATH} {`);
      t.edge.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
        HealthCheckPath: WEB_HEALTH_PATH,
      });
      t.web.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
        MinCapacity: 2,
        MaxCapacity: 6,
      });
      t.web.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
        PolicyType: 'TargetTrackingScaling',
      });
    });
  });

  describe('ObservabilityStack', () => {
    it('alarms on errors and throttles of every Lambda, table throttles and API 5xx', () => {
      const alarms = Object.values(t.observability.findResources('AWS::CloudWatch::Alarm')).map((a) =>
        JSON.stringify(a.Properties),
      );
      for (const fn of ['Fulfillment', 'Proxy']) {
        for (const metric of ['Errors', 'Throttles']) {
          expect(alarms.some((a) => a.includes(`"MetricName":"${metric}"`) && a.includes(fn))).toBe(true);
        }
      }
      expect(alarms.some((a) => a.includes('ThrottledRequests'))).toBe(true);
      expect(alarms.some((a) => a.includes('"MetricName":"5xx"'))).toBe(true);
      for (const alarm of Object.values(t.observability.findResources('AWS::CloudWatch::Alarm'))) {
        expect(JSON.stringify(alarm.Properties.AlarmActions)).toMatch(/AlarmTopic/);
      }
      t.observability.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    });

    it('lets CloudWatch publish to the encrypted topic, and mails the operator alarms', () => {
      const topic = onlyResource(t.observability, 'AWS::SNS::Topic');
      expect(topic.Properties.KmsMasterKeyId).toBeDefined();
      const topicPolicy = onlyResource(t.observability, 'AWS::SNS::TopicPolicy').Properties as {
        PolicyDocument: { Statement: { Effect: string; Principal: unknown; Action: string }[] };
      };
      // A topic policy replaces SNS's default one, so CloudWatch must be allowed by name.
      expect(topicPolicy.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
        }),
      );
      const keyPolicy = JSON.stringify(onlyResource(t.observability, 'AWS::KMS::Key').Properties.KeyPolicy);
      expect(keyPolicy).toContain('cloudwatch.amazonaws.com');
      // Only CloudWatch publishes: the code hook no longer sends people's amounts to this topic.
      expect(keyPolicy).not.toMatch(/FulfillmentServiceRole/);

      const withEmail = synthApp({ context: { 'budgetbuddy:alarmEmail': 'ops@example.com' } });
      try {
        withEmail.templates.observability.hasResourceProperties('AWS::SNS::Subscription', {
          Protocol: 'email',
          Endpoint: 'ops@example.com',
        });
      } finally {
        withEmail.cleanup();
      }
    });

    it('keeps every log group for a bounded time, including each function’s own', () => {
      for (const template of Object.values(t)) {
        for (const group of Object.values(template.findResources('AWS::Logs::LogGroup'))) {
          expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
        }
        for (const [id, fn] of Object.entries(template.findResources('AWS::Lambda::Function'))) {
          expect(fn.Properties).toMatchObject({ LoggingConfig: { LogGroup: { Ref: expect.any(String) } } });
          // CDK's own AwsCustomResource provider (the edge stack's prefix-list lookup) picks its runtime.
          if (id.startsWith(`AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`)) continue;
          expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
        }
      }
    });
  });

  describe('cdk-nag AwsSolutions', () => {
    it('finds no unacknowledged violation in the app', () => {
      // Synthesis with the pack installed already threw on errors; this also catches warnings.
      const report = new AwsSolutionsChecks().validateScope(synthesized.app);
      expect(
        report.violations.map(
          (v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.resourceLogicalId).join()}`,
        ),
      ).toEqual([]);
      expect(report.success).toBe(true);
    });

    it('does report an unacknowledged wildcard, so the check above can fail', () => {
      const stack = new Stack(undefined, 'Probe');
      const role = new Role(stack, 'Probe', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
      role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }));
      const report = new AwsSolutionsChecks().validateScope(stack);
      expect(report.success).toBe(false);
      expect(report.violations.map((v) => v.ruleName)).toContain('AwsSolutions-IAM5[Action::dynamodb:*]');
    });
  });
});
