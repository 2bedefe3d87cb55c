/**
 * The chat web app: an nginx container (chat-web/Dockerfile) on ECS Fargate, registered in EdgeStack's
 * target group (CloudFront → load balancer → these tasks). The image is a Docker *asset*: `cdk synth`
 * only stages the build context into cdk.out; the image is built and pushed by `cdk deploy`, so
 * synthesis needs no Docker. Runtime settings (API URL, Cognito) reach the container as environment
 * variables and become /config.json at container start.
 */
import { CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { SubnetType, type IVpc } from 'aws-cdk-lib/aws-ec2';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import {
  Cluster,
  ContainerImage,
  ContainerInsights,
  CpuArchitecture,
  DeploymentCircuitBreaker,
  FargateService,
  FargateTaskDefinition,
  LogDrivers,
  OperatingSystemFamily,
} from 'aws-cdk-lib/aws-ecs';
import type { ApplicationTargetGroup } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { REPO_ROOT } from '../constructs/paths';
import { WEB_IMAGE_EXCLUDES } from '../constructs/webImageContext';
import { WEB_CONTAINER_PORT } from './EdgeStack';

export { WEB_CONTAINER_PORT, WEB_HEALTH_PATH } from './EdgeStack';

export interface WebStackProps extends StackProps {
  /** Where people open the app (EdgeStack.webOrigin): Cognito sends them back here. */
  webOrigin: string;
  vpc: IVpc;
  /** EdgeStack's target group, which the load balancer forwards CloudFront's requests to. */
  targetGroup: ApplicationTargetGroup;
  apiUrl: string;
  authority: string;
  clientId: string;
  authDomainUrl: string;
  /** The receipt upload bucket's https origin (EdgeStack.uploadOrigin): added to the CSP's connect-src. */
  uploadOrigin: string;
  /** Origins allowed to frame the app (the embeddable widget); none by default. */
  embedOrigins?: string[];
}

export class WebStack extends Stack {
  readonly service: FargateService;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    const cluster = new Cluster(this, 'Cluster', {
      vpc: props.vpc,
      containerInsightsV2: ContainerInsights.ENABLED,
    });
    const redirect = `${props.webOrigin}/`;
    const task = new FargateTaskDefinition(this, 'Task', {
      cpu: 256,
      memoryLimitMiB: 512,
      runtimePlatform: {
        cpuArchitecture: CpuArchitecture.ARM64,
        operatingSystemFamily: OperatingSystemFamily.LINUX,
      },
    });
    task.addContainer('web', {
      image: ContainerImage.fromAsset(REPO_ROOT, {
        file: 'chat-web/Dockerfile',
        exclude: [...WEB_IMAGE_EXCLUDES],
        platform: Platform.LINUX_ARM64,
      }),
      portMappings: [{ containerPort: WEB_CONTAINER_PORT }],
      logging: LogDrivers.awsLogs({
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
        UPLOAD_ORIGIN: props.uploadOrigin,
        ...(props.embedOrigins?.length
          ? { FRAME_ANCESTORS: ["'self'", ...props.embedOrigins].join(' ') }
          : {}),
      },
    });
    // Public subnets with public IPs for outbound access only: the service's security group admits
    // nothing but the load balancer (attachToApplicationTargetGroup adds that one rule).
    this.service = new FargateService(this, 'Service', {
      cluster,
      taskDefinition: task,
      desiredCount: 2,
      assignPublicIp: true,
      vpcSubnets: { subnetType: SubnetType.PUBLIC },
      circuitBreaker: { rollback: true } satisfies DeploymentCircuitBreaker,
      minHealthyPercent: 100,
    });
    this.service.attachToApplicationTargetGroup(props.targetGroup);
    const scaling = this.service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 6 });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    scaling.scaleOnRequestCount('Requests', { requestsPerTarget: 500, targetGroup: props.targetGroup });

    Validations.of(task).acknowledge(
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

    new CfnOutput(this, 'Url', {
      value: redirect,
      description: 'The chat app (HTTPS through CloudFront)',
    });
  }
}
