/**
 * The public front door (issue 14 point 6): a CloudFront distribution serving HTTPS to viewers — with
 * CloudFront's default certificate on its own dxxxx.cloudfront.net name, or an ACM certificate for a
 * custom domain — behind the AWS WAF web ACL of WafStack. `/api/*` goes uncached to the HTTP API,
 * everything else to the Application Load Balancer of the chat web containers.
 *
 * The load balancer is reachable only from CloudFront: it is internal (no public address) in private
 * subnets, and CloudFront reaches it through a CloudFront VPC origin, whose network interfaces live in
 * those subnets; its security group admits only those subnets' addresses, and its listener forwards
 * only requests that carry this deployment's origin-verify header — anything else gets a 403.
 *
 * cdk-nag (issue 14 "Done when"): access logs of CloudFront and of the load balancer go to one bucket
 * (the load balancer's even without a concrete region, see `albLogDelivery`); the viewer countries are a
 * configurable allow- or deny-list; a custom domain brings its own certificate and TLS 1.2+. A production
 * stage must have both (config.ts); only a dev stage acknowledges their absence (CFR1, CFR4), and
 * docs/deploy.md lists it.
 *
 * This stack exists before ApiStack because the web origin (Cognito callback URLs, the app's API base)
 * is the distribution's domain when no custom domain is set; the HTTP API's endpoint is created here
 * for the same reason (the distribution needs it as an origin), while its routes, authorizer and stage
 * stay in ApiStack. The Fargate service (WebStack) registers in this stack's target group.
 */
import {
  Aws,
  CfnCondition,
  CfnOutput,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  GeoRestriction,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, VpcOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
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
import { AccountPrincipal, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectOwnership,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import { FactName } from 'aws-cdk-lib/region-info';
import type { Construct } from 'constructs';
import type { Stage } from '../config';

/** nginx-unprivileged listens on a high port as uid 101. */
export const WEB_CONTAINER_PORT = 8080;
export const WEB_HEALTH_PATH = '/healthz';
/** Header CloudFront adds to every request to the load balancer; the listener forwards only these. */
export const ORIGIN_VERIFY_HEADER = 'X-BudgetBuddy-Origin-Verify';
/** Key prefix of the load balancer's access logs in the access-log bucket. */
export const ALB_LOG_PREFIX = 'alb';
/** Path pattern of the chat API (ApiStack's routes all live under it). */
export const API_PATH_PATTERN = '/api/*';

export interface EdgeStackProps extends StackProps {
  /** ARN of the CLOUDFRONT-scope web ACL (WafStack, us-east-1). */
  webAclArn: string;
  /** A custom domain and its us-east-1 ACM certificate; without it, CloudFront's own domain. */
  customDomain?: { origin: string; certificateArn: string };
  /** `dev` may use CloudFront's default certificate and serve every country (config.ts, STAGES). */
  stage: Stage;
  /** ISO 3166-1 alpha-2 countries CloudFront serves (allow) or refuses (deny); without it, every country. */
  geoRestriction?: { allow: readonly string[] } | { deny: readonly string[] };
}

export class EdgeStack extends Stack {
  readonly vpc: Vpc;
  readonly distribution: Distribution;
  /** `https://` + the custom domain or the distribution's domain: where people open the app. */
  readonly webOrigin: string;
  readonly httpApi: HttpApi;
  readonly loadBalancer: ApplicationLoadBalancer;
  readonly targetGroup: ApplicationTargetGroup;
  /** CloudFront's and the load balancer's access logs; the receipt upload bucket logs here too. */
  readonly logBucket: Bucket;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);

    // Public subnets only: the tasks need outbound access to ECR/CloudWatch and a NAT gateway would
    // triple the cost of this small service. Their security group admits only the load balancer.
    this.vpc = new Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [
        { name: 'public', subnetType: SubnetType.PUBLIC, cidrMask: 24 },
        // The internal load balancer and CloudFront's VPC-origin interfaces: no route to the internet.
        { name: 'origin', subnetType: SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
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
    const logBucket = (this.logBucket = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    }));
    Validations.of(logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives access logs; logging it to itself would loop.',
    });

    const originSubnets = this.vpc.selectSubnets({ subnetType: SubnetType.PRIVATE_ISOLATED });
    const albSecurityGroup = new SecurityGroup(this, 'AlbSecurityGroup', {
      vpc: this.vpc,
      description: 'Chat web load balancer: CloudFront VPC origin interfaces only',
      allowAllOutbound: true,
    });
    // CloudFront's VPC-origin network interfaces are created in the load balancer's subnets; nothing
    // else runs there, and those subnets have no route from the internet.
    originSubnets.subnets.forEach((subnet) =>
      albSecurityGroup.addIngressRule(
        Peer.ipv4(subnet.ipv4CidrBlock),
        Port.tcp(80),
        'CloudFront VPC origin interfaces in the origin subnets',
      ),
    );

    this.loadBalancer = new ApplicationLoadBalancer(this, 'Alb', {
      vpc: this.vpc,
      internetFacing: false,
      vpcSubnets: { subnets: originSubnets.subnets },
      securityGroup: albSecurityGroup,
      dropInvalidHeaderFields: true,
    });
    albLogDelivery(this, this.loadBalancer, logBucket);
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
        // A VPC origin: CloudFront reaches the internal load balancer over AWS's private network.
        origin: VpcOrigin.withApplicationLoadBalancer(this.loadBalancer, {
          protocolPolicy: OriginProtocolPolicy.HTTP_ONLY,
          httpPort: 80,
          customHeaders: { [ORIGIN_VERIFY_HEADER]: originVerify },
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        // nginx says what may be cached: fingerprinted assets for a year, the shell revalidated,
        // /config.json never. Query strings reach nginx and key the cache: nginx lets only the widget's
        // page, /?embed=1, be framed (frame-ancestors.conf), and the plain policy would drop `embed`.
        cachePolicy: CachePolicy.USE_ORIGIN_CACHE_CONTROL_HEADERS_QUERY_STRINGS,
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
      ...(props.geoRestriction ? { geoRestriction: geoRestriction(props.geoRestriction) } : {}),
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

    // Only a dev stage may leave these open; config.ts refuses a production stage without a custom
    // domain or a country list, so in production cdk-nag would fail the synth instead of being told.
    if (props.stage === 'dev' && !props.geoRestriction) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR1',
        reason:
          'Stage dev with no budgetbuddy:geoAllowList/geoDenyList: a trial deployment serves every country; abuse is handled by the WAF rules (IP reputation, rate limit). Stage production requires a country list.',
      });
    }
    if (props.stage === 'dev' && !props.customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Stage dev with no custom domain: the distribution’s own *.cloudfront.net name can only use CloudFront’s default certificate, whose minimum protocol cannot be raised. Stage production requires budgetbuddy:webOrigin and budgetbuddy:certificateArn (TLS 1.2+ only).',
      });
    }
    new CfnOutput(this, 'CloudFrontDomain', {
      value: this.distribution.distributionDomainName,
      description: props.customDomain
        ? `Point ${props.customDomain.origin} (CNAME or Route 53 alias) at this name`
        : 'The chat app is served at https:// this name',
    });
  }
}

/**
 * Access logs of the load balancer in an environment-agnostic stack. CDK's `logAccessLogs` needs the
 * region at synth time to pick who may write: the Elastic Load Balancing account of the region (regions
 * older than August 2022) or the log-delivery service principal (newer ones). Here the choice is made
 * by CloudFormation: the regional ELB account comes from CDK's own region table (a template mapping),
 * and the statement for it falls back to this account (a no-op grant) where the region has none.
 */
function geoRestriction(
  countries: { allow: readonly string[] } | { deny: readonly string[] },
): GeoRestriction {
  return 'allow' in countries
    ? GeoRestriction.allowlist(...countries.allow)
    : GeoRestriction.denylist(...countries.deny);
}

function albLogDelivery(scope: Stack, alb: ApplicationLoadBalancer, bucket: IBucket): void {
  const elbAccount = scope.regionalFact(FactName.ELBV2_ACCOUNT, 'none');
  const newRegion = new CfnCondition(scope, 'ElbLogsViaServicePrincipal', {
    expression: Fn.conditionEquals(elbAccount, 'none'),
  });
  const objects = bucket.arnForObjects(`${ALB_LOG_PREFIX}/AWSLogs/${Aws.ACCOUNT_ID}/*`);
  bucket.addToResourcePolicy(
    new PolicyStatement({
      actions: ['s3:PutObject'],
      principals: [new ServicePrincipal('logdelivery.elasticloadbalancing.amazonaws.com')],
      resources: [objects],
    }),
  );
  bucket.addToResourcePolicy(
    new PolicyStatement({
      actions: ['s3:PutObject'],
      principals: [new AccountPrincipal(Fn.conditionIf(newRegion.logicalId, Aws.ACCOUNT_ID, elbAccount))],
      resources: [objects],
    }),
  );
  alb.setAttribute('access_logs.s3.enabled', 'true');
  alb.setAttribute('access_logs.s3.bucket', bucket.bucketName);
  alb.setAttribute('access_logs.s3.prefix', ALB_LOG_PREFIX);
  // The load balancer checks that it may write when the attribute is set.
  const policy = bucket.policy?.node.defaultChild;
  const lb = alb.node.defaultChild;
  if (policy && lb) lb.node.addDependency(policy);
}
