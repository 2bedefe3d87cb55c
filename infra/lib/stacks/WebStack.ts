/**
 * The chat web app: an nginx container (chat-web/Dockerfile) on ECS Fargate behind an Application Load
 * Balancer. The image is a Docker *asset*: `cdk synth` only stages the build context into cdk.out; the
 * image is built and pushed by `cdk deploy`, so synthesis needs no Docker. Runtime settings (API URL,
 * Cognito) reach the container as environment variables and become /config.json at container start.
 */
import {
  Annotations,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  Token,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { FlowLogDestination, FlowLogTrafficType, SubnetType, Vpc } from 'aws-cdk-lib/aws-ec2';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import {
  Cluster,
  ContainerImage,
  ContainerInsights,
  CpuArchitecture,
  LogDrivers,
  OperatingSystemFamily,
} from 'aws-cdk-lib/aws-ecs';
import { ApplicationLoadBalancedFargateService } from 'aws-cdk-lib/aws-ecs-patterns';
import { ApplicationProtocol, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { REPO_ROOT } from '../constructs/paths';
import { WEB_IMAGE_EXCLUDES } from '../constructs/webImageContext';

export interface WebStackProps extends StackProps {
  webOrigin: string;
  certificateArn?: string;
  apiUrl: string;
  authority: string;
  clientId: string;
  authDomainUrl: string;
  /** Origins allowed to frame the app (the embeddable widget); none by default. */
  embedOrigins?: string[];
}

/** nginx-unprivileged listens on a high port as uid 101. */
export const WEB_CONTAINER_PORT = 8080;
export const WEB_HEALTH_PATH = '/healthz';

export class WebStack extends Stack {
  readonly service: ApplicationLoadBalancedFargateService;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    // Public subnets only: the tasks need outbound access to ECR/CloudWatch and a NAT gateway would
    // triple the cost of this small service. Their security group admits only the load balancer.
    const vpc = new Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'public', subnetType: SubnetType.PUBLIC, cidrMask: 24 }],
    });
    vpc.addFlowLog('FlowLogs', {
      destination: FlowLogDestination.toCloudWatchLogs(
        new LogGroup(this, 'FlowLogGroup', {
          retention: RetentionDays.ONE_MONTH,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
      ),
      trafficType: FlowLogTrafficType.REJECT,
    });
    const cluster = new Cluster(this, 'Cluster', { vpc, containerInsightsV2: ContainerInsights.ENABLED });

    const https = props.certificateArn !== undefined;
    const redirect = `${props.webOrigin}/`;
    // Deployable either way, but sign-in cannot work: say so at synth instead of after a deploy.
    const origin = new URL(props.webOrigin);
    if (origin.hostname === 'localhost') {
      Annotations.of(this).addWarningV2(
        'budgetbuddy:webOriginLocalhost',
        `budgetbuddy:webOrigin is ${props.webOrigin}: Cognito will send people back to localhost, not to the load balancer. Set budgetbuddy:webOrigin (and budgetbuddy:certificateArn) for a real deployment (docs/deploy.md).`,
      );
    } else if (origin.protocol === 'https:' && !https) {
      Annotations.of(this).addWarningV2(
        'budgetbuddy:noCertificate',
        `budgetbuddy:webOrigin is ${props.webOrigin} but no budgetbuddy:certificateArn is set: the load balancer serves plain HTTP only, so something in front of it must terminate TLS.`,
      );
    }
    this.service = new ApplicationLoadBalancedFargateService(this, 'Web', {
      cluster,
      cpu: 256,
      memoryLimitMiB: 512,
      desiredCount: 2,
      publicLoadBalancer: true,
      assignPublicIp: true,
      taskSubnets: { subnetType: SubnetType.PUBLIC },
      runtimePlatform: {
        cpuArchitecture: CpuArchitecture.ARM64,
        operatingSystemFamily: OperatingSystemFamily.LINUX,
      },
      circuitBreaker: { rollback: true },
      minHealthyPercent: 100,
      ...(https
        ? {
            protocol: ApplicationProtocol.HTTPS,
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn ?? ''),
            redirectHTTP: true,
            sslPolicy: SslPolicy.RECOMMENDED_TLS,
          }
        : { protocol: ApplicationProtocol.HTTP }),
      taskImageOptions: {
        image: ContainerImage.fromAsset(REPO_ROOT, {
          file: 'chat-web/Dockerfile',
          exclude: [...WEB_IMAGE_EXCLUDES],
          platform: Platform.LINUX_ARM64,
        }),
        containerPort: WEB_CONTAINER_PORT,
        logDriver: LogDrivers.awsLogs({
          streamPrefix: 'web',
          logGroup: new LogGroup(this, 'WebLogs', {
            retention: RetentionDays.ONE_MONTH,
            removalPolicy: RemovalPolicy.DESTROY,
          }),
        }),
        environment: {
          API_URL: props.apiUrl,
          COGNITO_AUTHORITY: props.authority,
          COGNITO_CLIENT_ID: props.clientId,
          COGNITO_DOMAIN: props.authDomainUrl,
          REDIRECT_URI: redirect,
          LOGOUT_URI: redirect,
          ...(props.embedOrigins?.length
            ? { FRAME_ANCESTORS: ["'self'", ...props.embedOrigins].join(' ') }
            : {}),
        },
      },
    });
    this.service.targetGroup.configureHealthCheck({
      path: WEB_HEALTH_PATH,
      healthyHttpCodes: '200',
      interval: Duration.seconds(15),
      healthyThresholdCount: 2,
    });
    this.service.targetGroup.setAttribute('deregistration_delay.timeout_seconds', '15');
    const scaling = this.service.service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 6 });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    scaling.scaleOnRequestCount('Requests', {
      requestsPerTarget: 500,
      targetGroup: this.service.targetGroup,
    });
    this.service.loadBalancer.setAttribute('routing.http.drop_invalid_header_fields.enabled', 'true');

    // ALB access logs need the region's ELB account, which an environment-agnostic stack cannot know.
    if (!Token.isUnresolved(this.region)) {
      const logBucket = new Bucket(this, 'AlbLogs', {
        encryption: BucketEncryption.S3_MANAGED,
        enforceSSL: true,
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
        lifecycleRules: [{ expiration: Duration.days(90) }],
      });
      this.service.loadBalancer.logAccessLogs(logBucket);
      Validations.of(logBucket).acknowledge({
        id: 'AwsSolutions-S1',
        reason: 'This bucket receives access logs; logging it to itself would loop.',
      });
    } else {
      Validations.of(this.service.loadBalancer).acknowledge({
        id: 'AwsSolutions-ELB2',
        reason:
          'Stacks are environment-agnostic (offline synth); ALB access logging needs a concrete region and is enabled whenever the stack has one.',
      });
    }

    Validations.of(this.service).acknowledge(
      {
        id: 'AwsSolutions-EC23',
        reason: 'The public chat web site must accept traffic from anywhere on its listener ports.',
      },
      {
        id: 'AwsSolutions-ECS2',
        reason:
          'Environment variables carry public client configuration (API URL, Cognito ids), not secrets.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'ecr:GetAuthorizationToken cannot be scoped to a resource; CDK adds it so tasks can pull the image.',
      },
    );

    new CfnOutput(this, 'LoadBalancerDns', {
      value: this.service.loadBalancer.loadBalancerDnsName,
      description: `Point ${props.webOrigin} (CNAME/alias) at this name`,
    });
  }
}
