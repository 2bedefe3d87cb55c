/**
 * The public front door (issue 14 point 6): a CloudFront distribution serving HTTPS to viewers — with
 * CloudFront's default certificate on its own dxxxx.cloudfront.net name, or an ACM certificate for a
 * custom domain — behind the AWS WAF web ACL of WafStack. `/api/*` goes uncached to the HTTP API,
 * everything else to the Application Load Balancer of the chat web containers.
 *
 * The load balancer is reachable only from CloudFront: its security group admits nothing but the
 * AWS-managed prefix list of CloudFront's origin-facing addresses, and its listener forwards only
 * requests that carry this deployment's origin-verify header (other CloudFront distributions, which the
 * prefix list also admits, don't have it) — anything else gets a 403.
 *
 * This stack exists before ApiStack because the web origin (Cognito callback URLs, the app's API base)
 * is the distribution's domain when no custom domain is set; the HTTP API's endpoint is created here
 * for the same reason (the distribution needs it as an origin), while its routes, authorizer and stage
 * stay in ApiStack. The Fargate service (WebStack) registers in this stack's target group.
 */
import {
  Aws,
  CfnOutput,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  Token,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, LoadBalancerV2Origin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  FlowLogDestination,
  FlowLogTrafficType,
  Peer,
  Port,
  SecurityGroup,
  SubnetType,
  Vpc,
} from 'aws-cdk-lib/aws-ec2';
import {
  ApplicationListener,
  ApplicationLoadBalancer,
  ApplicationProtocol,
  ApplicationTargetGroup,
  ListenerAction,
  ListenerCondition,
  TargetType,
} from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';

/** nginx-unprivileged listens on a high port as uid 101. */
export const WEB_CONTAINER_PORT = 8080;
export const WEB_HEALTH_PATH = '/healthz';
/** Header CloudFront adds to every request to the load balancer; the listener forwards only these. */
export const ORIGIN_VERIFY_HEADER = 'X-BudgetBuddy-Origin-Verify';
/** AWS-managed prefix list of the addresses CloudFront uses to reach origins. */
export const CLOUDFRONT_PREFIX_LIST_NAME = 'com.amazonaws.global.cloudfront.origin-facing';
/** Path pattern of the chat API (ApiStack's routes all live under it). */
export const API_PATH_PATTERN = '/api/*';

export interface EdgeStackProps extends StackProps {
  /** ARN of the CLOUDFRONT-scope web ACL (WafStack, us-east-1). */
  webAclArn: string;
  /** A custom domain and its us-east-1 ACM certificate; without it, CloudFront's own domain. */
  customDomain?: { origin: string; certificateArn: string };
}

export class EdgeStack extends Stack {
  readonly vpc: Vpc;
  readonly distribution: Distribution;
  /** `https://` + the custom domain or the distribution's domain: where people open the app. */
  readonly webOrigin: string;
  readonly httpApi: HttpApi;
  readonly loadBalancer: ApplicationLoadBalancer;
  readonly targetGroup: ApplicationTargetGroup;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);

    // Public subnets only: the tasks need outbound access to ECR/CloudWatch and a NAT gateway would
    // triple the cost of this small service. Their security group admits only the load balancer.
    this.vpc = new Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'public', subnetType: SubnetType.PUBLIC, cidrMask: 24 }],
    });
    this.vpc.addFlowLog('FlowLogs', {
      destination: FlowLogDestination.toCloudWatchLogs(
        new LogGroup(this, 'FlowLogGroup', {
          retention: RetentionDays.ONE_MONTH,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
      ),
      trafficType: FlowLogTrafficType.REJECT,
    });

    // Access logs of CloudFront and (when the region is known) the load balancer. CloudFront's standard
    // logging needs ACLs enabled on its bucket (it grants its log-delivery account through the bucket
    // ACL); "bucket owner preferred" keeps them enabled (cdk-nag asks nothing of the ownership setting).
    const logBucket = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    Validations.of(logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives access logs; logging it to itself would loop.',
    });

    // The prefix list's id differs per region; it is looked up at deploy time so any region works and
    // synth needs no AWS account.
    const prefixList = new AwsCustomResource(this, 'CloudFrontPrefixList', {
      onUpdate: {
        service: 'EC2',
        action: 'describeManagedPrefixLists',
        parameters: { Filters: [{ Name: 'prefix-list-name', Values: [CLOUDFRONT_PREFIX_LIST_NAME] }] },
        physicalResourceId: PhysicalResourceId.of(CLOUDFRONT_PREFIX_LIST_NAME),
        outputPaths: ['PrefixLists.0.PrefixListId'],
      },
      policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
      logGroup: new LogGroup(this, 'PrefixListLookupLogs', {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    });
    const albSecurityGroup = new SecurityGroup(this, 'AlbSecurityGroup', {
      vpc: this.vpc,
      description: 'Chat web load balancer: CloudFront origin-facing addresses only',
      allowAllOutbound: true,
    });
    albSecurityGroup.addIngressRule(
      Peer.prefixList(prefixList.getResponseField('PrefixLists.0.PrefixListId')),
      Port.tcp(80),
      'CloudFront origin-facing addresses only',
    );

    this.loadBalancer = new ApplicationLoadBalancer(this, 'Alb', {
      vpc: this.vpc,
      internetFacing: true,
      securityGroup: albSecurityGroup,
      dropInvalidHeaderFields: true,
    });
    if (!Token.isUnresolved(this.region)) {
      this.loadBalancer.logAccessLogs(logBucket, 'alb');
    } else {
      Validations.of(this.loadBalancer).acknowledge({
        id: 'AwsSolutions-ELB2',
        reason:
          'Stacks are environment-agnostic (offline synth); ALB access logging needs a concrete region and is enabled whenever the stack has one.',
      });
    }
    this.targetGroup = new ApplicationTargetGroup(this, 'WebTargets', {
      vpc: this.vpc,
      port: WEB_CONTAINER_PORT,
      protocol: ApplicationProtocol.HTTP,
      targetType: TargetType.IP,
      deregistrationDelay: Duration.seconds(15),
      healthCheck: {
        path: WEB_HEALTH_PATH,
        healthyHttpCodes: '200',
        interval: Duration.seconds(15),
        healthyThresholdCount: 2,
      },
    });
    // A value CloudFormation drew at random for this stack (the UUID in its stack id): known to
    // CloudFront's origin configuration and to the listener, not to anyone outside the account.
    const originVerify = Fn.select(2, Fn.split('/', Aws.STACK_ID));
    const listener = new ApplicationListener(this, 'Http', {
      loadBalancer: this.loadBalancer,
      port: 80,
      protocol: ApplicationProtocol.HTTP,
      open: false,
      defaultAction: ListenerAction.fixedResponse(403, {
        contentType: 'text/plain',
        messageBody: 'Forbidden',
      }),
    });
    listener.addAction('FromCloudFront', {
      priority: 10,
      conditions: [ListenerCondition.httpHeader(ORIGIN_VERIFY_HEADER, [originVerify])],
      action: ListenerAction.forward([this.targetGroup]),
    });

    this.httpApi = new HttpApi(this, 'ChatApi', {
      description: 'BudgetBuddy chat API (reached through CloudFront at /api/*)',
      createDefaultStage: false,
    });

    const certificate = props.customDomain
      ? Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn)
      : undefined;
    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'BudgetBuddy chat app and API',
      defaultBehavior: {
        origin: new LoadBalancerV2Origin(this.loadBalancer, {
          protocolPolicy: OriginProtocolPolicy.HTTP_ONLY,
          customHeaders: { [ORIGIN_VERIFY_HEADER]: originVerify },
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        // nginx says what may be cached: fingerprinted assets for a year, the shell revalidated,
        // /config.json never.
        cachePolicy: CachePolicy.USE_ORIGIN_CACHE_CONTROL_HEADERS,
        compress: true,
      },
      additionalBehaviors: {
        [API_PATH_PATTERN]: {
          origin: new HttpOrigin(`${this.httpApi.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          // An API call must never be redirected (a POST would turn into a GET): plain HTTP is refused.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Nothing cached; with caching disabled this policy forwards every viewer header except Host
          // (API Gateway routes on its own host name) — Authorization included — and all query
          // strings and cookies.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(certificate && props.customDomain
        ? {
            certificate,
            domainNames: [new URL(props.customDomain.origin).hostname],
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.webOrigin = props.customDomain?.origin ?? `https://${this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'People use their budget wherever they travel; abuse is handled by the WAF rules (IP reputation, rate limit) and sign-in requires MFA.',
      },
      {
        id: 'AwsSolutions-CFR5',
        reason:
          'The load balancer origin has only its *.elb.amazonaws.com name, for which no certificate can be issued, so CloudFront reaches it over HTTP; it serves only the public static app (no tokens or cookies: the API origin is HTTPS-only) and admits only CloudFront with this deployment’s origin-verify header.',
      },
    );
    if (!props.customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain configured: the distribution’s own *.cloudfront.net name can only use CloudFront’s default certificate, whose minimum protocol cannot be raised. Set budgetbuddy:webOrigin and budgetbuddy:certificateArn to serve TLS 1.2+ only.',
      });
    }
    // AwsCustomResource runs one stack-wide provider function; its role and the lookup's own policy.
    const provider = this.node.findChild(`AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`);
    Validations.of(provider).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'CDK’s AwsCustomResource provider writes only its own CloudWatch logs with the AWS-maintained minimum policy.',
    });
    Validations.of(prefixList).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'ec2:DescribeManagedPrefixLists has no resource-level permissions; it is read-only.',
    });

    new CfnOutput(this, 'CloudFrontDomain', {
      value: this.distribution.distributionDomainName,
      description: props.customDomain
        ? `Point ${props.customDomain.origin} (CNAME or Route 53 alias) at this name`
        : 'The chat app is served at https:// this name',
    });
  }
}
