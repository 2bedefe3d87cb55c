/**
 * Sign-in and the chat API: a Cognito user pool with a hosted-UI app client (authorization code + PKCE,
 * no client secret: the browser is a public client), and an HTTP API whose chat route requires a
 * Cognito JWT. The proxy Lambda may read the bot coordinates secret and call RecognizeText on the one
 * alias — nothing else.
 */
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  type IHttpApi,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import { UPLOAD_PREFIX } from '@budgetbuddy/fulfillment/proxy';
import type { AlertMailConfig } from '../config';
import { grantAlertMail } from '../constructs/alertMail';
import { AnyPrincipal, Effect, Policy, PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ResourcePolicy, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { BundledFunction } from '../constructs/BundledFunction';
import { FULFILLMENT_TABLE_ACTIONS } from '../constructs/tableActions';

export interface ApiStackProps extends StackProps {
  /** Public origin of the chat app (EdgeStack.webOrigin): the only OAuth redirect target, and the API's
   * base URL — the app reaches the API through CloudFront at /api/*, on its own origin (no CORS). */
  webOrigin: string;
  /** The HTTP API, created in EdgeStack (CloudFront needs its endpoint); its routes are added here. */
  httpApi: HttpApi;
  /** The proxy handler file, relative to the repo root. */
  proxyEntry: string;
  botAliasArn: string;
  botSecret: ISecret;
  /** The ledger table: the proxy keeps its per-user turn counters there, and bank import and CSV export
   * (issue 13) read and write the ledger through it. */
  table: ITable;
  /** The HMAC key the proxy signs user ids with (BotStack.identitySecret). */
  identitySecret: ISecret;
  authDomainPrefix?: string;
  rateLimit: number;
  burstLimit: number;
  /** SSM parameter the pool id is written to (the code hook reads it; BotStack cannot reference this stack). */
  userPoolIdParameterName: string;
  /** EdgeStack's access-log bucket: the receipt upload bucket's server access logs go there. */
  logBucket: IBucket;
  /**
   * Budget alert e-mails, when configured: the proxy sends an import's (with grantAlertMail's rights),
   * and it and `alertMailers` (the code hook's and the recurring job's roles) may look up a user's
   * verified address in this pool.
   */
  alertMail?: AlertMailConfig;
  alertMailers?: readonly IRole[];
}

export const CHAT_ROUTE = '/api/chat';
export const HEALTH_ROUTE = '/api/health';
/** Bank import (preview, commit) and CSV export; all behind the same JWT authorizer as the chat. */
export const MONEY_ROUTES = [
  { path: '/api/import', method: HttpMethod.POST },
  { path: '/api/import/{importId}/commit', method: HttpMethod.POST },
  { path: '/api/export.csv', method: HttpMethod.GET },
] as const;
/** Receipt photos deployed (issue 13): a presigned S3 upload, then Textract reads it; JWT as the chat. */
export const RECEIPT_ROUTES = [
  { path: '/api/receipts/uploads', method: HttpMethod.POST },
  { path: '/api/receipts/analyze', method: HttpMethod.POST },
] as const;

export class ApiStack extends Stack {
  readonly proxy: BundledFunction;
  readonly httpApi: IHttpApi;
  readonly apiUrl: string;
  /** Receipt photos, posted by the browser with a presigned POST and read by Textract (issue 13). */
  readonly receiptBucket: Bucket;
  /** `https://` + the bucket's regional endpoint: the one extra origin the app's CSP lets it post to. */
  readonly uploadOrigin: string;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` (the hosted UI). */
  readonly authDomainUrl: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>` (OIDC issuer). */
  readonly authority: string;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);

    this.userPool = new UserPool(this, 'Users', {
      // Accounts are created by an administrator (docs/deploy.md); nobody can sign themselves up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials tier with required TOTP MFA and no self sign-up; the Plus tier (threat protection) costs extra per MAU and can be enabled with featurePlan when wanted.',
    });
    const domain = new UserPoolDomain(this, 'HostedUi', {
      userPool: this.userPool,
      cognitoDomain: { domainPrefix: props.authDomainPrefix ?? `budgetbuddy-${Aws.ACCOUNT_ID}` },
    });
    const redirect = `${props.webOrigin}/`;
    this.userPoolClient = this.userPool.addClient('ChatWeb', {
      generateSecret: false,
      preventUserExistenceErrors: true,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [redirect],
        logoutUrls: [redirect],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
    this.authDomainUrl = domain.baseUrl();
    new StringParameter(this, 'UserPoolIdParameter', {
      parameterName: props.userPoolIdParameterName,
      stringValue: this.userPool.userPoolId,
      description: 'BudgetBuddy user pool id, read by the Lex code hook to e-mail budget alerts',
    });
    this.authority = `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`;

    // Receipt photos (issue 13 point 3): API Gateway and Lambda cannot carry a 10 MB photo, so the browser
    // posts it here with a presigned POST (key under its user's prefix, 1 byte to 10 MB, JPEG or PNG),
    // and Textract reads it from here. Nothing is
    // kept: the proxy deletes each photo once read, and anything left expires after a day.
    this.receiptBucket = new Bucket(this, 'ReceiptUploads', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'receipt-uploads/',
      lifecycleRules: [
        {
          prefix: UPLOAD_PREFIX,
          expiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      // Only the app's own origin may post (a form POST from elsewhere still needs a valid policy).
      cors: [{ allowedOrigins: [props.webOrigin], allowedMethods: [HttpMethods.POST], maxAge: 3600 }],
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.uploadOrigin = `https://${this.receiptBucket.bucketRegionalDomainName}`;

    this.proxy = new BundledFunction(this, 'Proxy', {
      entry: props.proxyEntry,
      description: 'BudgetBuddy chat proxy: verified user → Lex RecognizeText',
      environment: {
        BOT_SECRET_ID: props.botSecret.secretArn,
        IDENTITY_KEY_SECRET_ID: props.identitySecret.secretArn,
        TABLE_NAME: props.table.tableName,
        RECEIPT_BUCKET: this.receiptBucket.bucketName,
      },
      // AnalyzeExpense on a full-page photo can take several seconds.
      timeout: Duration.seconds(29),
    });
    // The same item-level actions as the code hook: the import writes through the same store.
    this.proxy.addToRolePolicy(
      new PolicyStatement({ actions: [...FULFILLMENT_TABLE_ACTIONS], resources: [props.table.tableArn] }),
    );
    this.proxy.addToRolePolicy(
      new PolicyStatement({
        actions: ['secretsmanager:GetSecretValue'],
        resources: [props.botSecret.secretArn, props.identitySecret.secretArn],
      }),
    );
    this.proxy.addToRolePolicy(
      new PolicyStatement({ actions: ['lex:RecognizeText'], resources: [props.botAliasArn] }),
    );
    // The shared per-user turn limit: one conditional UpdateItem, on rate-limit counters and nothing else.
    this.proxy.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['RATE#*'] } },
      }),
    );
    // Receipt photos: the presigned POST is signed with this role, so the role must be allowed to put
    // the object; Textract reads the photo with the caller's permissions (GetObject), and the proxy
    // deletes it. The object keys are per user (uploads/<user id>/<uuid>, pinned in each presigned POST
    // policy) and unknown in advance, so the grant is a prefix. It lives in the bucket's own policy,
    // naming this role: a bucket policy can reach no other bucket and no other prefix, which is what
    // cdk-nag's IAM5 guards against in identity policies (there, `uploads/*` needed an acknowledgement).
    // In one account, an Allow in either policy is enough (IAM policy evaluation).
    const role = this.proxy.role;
    if (!role) throw new Error('the proxy function has no role');
    if (props.alertMail) {
      // An import that crosses a budget is e-mailed by the proxy, as a chat turn is by the code hook.
      grantAlertMail(this.proxy, props.alertMail, props.userPoolIdParameterName);
      // A policy of this stack on each mailer's role (a grant on the role itself would put the pool's ARN
      // in BotStack, which this stack depends on): read one user's attributes, on this pool only.
      new Policy(this, 'AlertMailersReadVerifiedEmail', {
        roles: [...(props.alertMailers ?? []), role],
        statements: [
          new PolicyStatement({
            actions: ['cognito-idp:AdminGetUser'],
            resources: [this.userPool.userPoolArn],
          }),
        ],
      });
    }
    this.receiptBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'ChatProxyReceiptUploads',
        principals: [role],
        actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
        resources: [this.receiptBucket.arnForObjects(`${UPLOAD_PREFIX}*`)],
      }),
    );
    // AnalyzeExpense has no resource-level permissions (AWS service authorization reference, Amazon
    // Textract: no resource type, only the dependent s3:GetObject), so its Resource can only be `*`:
    // a policy of its own, so that this one unavoidable wildcard is acknowledged here and nowhere else.
    const textract = new Policy(this, 'ReceiptAnalysis', {
      statements: [new PolicyStatement({ actions: ['textract:AnalyzeExpense'], resources: ['*'] })],
    });
    textract.attachToRole(role);
    Validations.of(textract).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'textract:AnalyzeExpense has no resource-level permissions (AWS service authorization reference): its Resource can only be *.',
    });
    // The IAM grant above is the only Allow; the secret's own policy makes it the only possible reader, so
    // even a broad administrator policy elsewhere in the account cannot read the value. It lives here, not
    // next to the secret, because it names the proxy's role (BotStack cannot reference this stack).
    const proxyRole = this.proxy.role;
    if (!proxyRole) throw new Error('the proxy function has no role');
    new ResourcePolicy(this, 'BotSecretReaders', { secret: props.botSecret }).document.addStatements(
      new PolicyStatement({
        sid: 'OnlyTheChatProxyReadsTheValue',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['secretsmanager:GetSecretValue'],
        resources: ['*'],
        conditions: { StringNotEquals: { 'aws:PrincipalArn': proxyRole.roleArn } },
      }),
    );

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Imported by id so that the routes, the authorizer and the integration are created in this stack.
    this.httpApi = HttpApi.fromHttpApiAttributes(this, 'ChatApi', {
      httpApiId: props.httpApi.apiId,
      apiEndpoint: props.httpApi.apiEndpoint,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.jsonWithStandardFields(),
      },
    });

    const integration = new HttpLambdaIntegration('ProxyIntegration', this.proxy);
    const authorizer = new HttpJwtAuthorizer('CognitoJwt', this.authority, {
      jwtAudience: [this.userPoolClient.userPoolClientId],
    });
    const route = (id: string, path: string, method: HttpMethod, protect: boolean) =>
      new HttpRoute(this, id, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(path, method),
        integration,
        ...(protect ? { authorizer } : {}),
      });
    route('ChatRoute', CHAT_ROUTE, HttpMethod.POST, true);
    MONEY_ROUTES.forEach((r, i) => route(`MoneyRoute${i}`, r.path, r.method, true));
    RECEIPT_ROUTES.forEach((r, i) => route(`ReceiptRoute${i}`, r.path, r.method, true));
    // The load balancer-style uptime probe carries no token; it reveals nothing but "up".
    const healthRoute = route('HealthRoute', HEALTH_ROUTE, HttpMethod.GET, false);
    this.apiUrl = props.webOrigin;

    Validations.of(this.proxy).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs: the AWS-maintained minimum.',
    });
    const reason = 'GET /api/health is a public liveness probe that returns no data.';
    Validations.of(healthRoute).acknowledge(
      { id: 'AwsSolutions-APIG4', reason },
      { id: 'AwsSolutions-COG4', reason },
    );

    new CfnOutput(this, 'ApiUrl', { value: this.apiUrl });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'HostedUiUrl', { value: this.authDomainUrl });
  }
}
