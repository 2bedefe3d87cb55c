/**
 * Alarms and a dashboard over the moving parts: Lambda errors/throttles, DynamoDB throttles, chat API
 * 5xx and the web service's healthy hosts, and the one encrypted SNS topic that carries two kinds of
 * message: CloudWatch alarms (no message attributes) and the code hook's overspend notices (message
 * attributes `kind` = `overspend` and `userId`). The `budgetbuddy:alarmEmail` subscription receives
 * alarms only; each person's overspend e-mails are a subscription filtered on their user id
 * (docs/deploy.md), so nobody receives another person's spending.
 */
import { Arn, ArnFormat, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ApplicationTargetGroup } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { ArnPrincipal, PolicyStatement, ServicePrincipal, type IRole } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

export interface ObservabilityStackProps extends StackProps {
  functions: Record<string, IFunction>;
  table: ITable;
  httpApi: HttpApi;
  /** The chat web containers' target group behind the load balancer. */
  webTargets: ApplicationTargetGroup;
  alarmEmail?: string;
  /** The topic's physical name: BotStack builds its ARN from it for the code hook (no cross-stack cycle). */
  topicName: string;
  /** Roles that publish to the topic (their identity policy allows sns:Publish; the key must let them encrypt). */
  publishers: IRole[];
}

/**
 * The message attribute an overspend notice carries and an alarm does not (the notifier,
 * fulfillment/src/notify/snsBudgetNotifier.ts, sets it with `userId`, which people's own subscriptions filter on).
 */
const NOTICE_KIND_ATTRIBUTE = 'kind';

const FIVE_MINUTES = Duration.minutes(5);
/** The operations the store issues; DynamoDB reports throttles per operation. */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];

export class ObservabilityStack extends Stack {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);

    // CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key, so use our own key.
    const key = new Key(this, 'AlarmTopicKey', {
      enableKeyRotation: true,
      description: 'Encrypts the BudgetBuddy notification topic (alarms, overspend notices)',
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    // Publishers live in stacks that this one depends on, so they are named in the key policy here.
    if (props.publishers.length > 0) {
      key.addToResourcePolicy(
        new PolicyStatement({
          sid: 'NotificationPublishers',
          principals: props.publishers.map((role) => new ArnPrincipal(role.roleArn)),
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          resources: ['*'],
        }),
      );
    }
    this.topic = new Topic(this, 'AlarmTopic', {
      topicName: props.topicName,
      displayName: 'BudgetBuddy',
      masterKey: key,
      enforceSSL: true,
    });
    // enforceSSL gives the topic a policy of its own, which replaces SNS's default policy: without this
    // statement CloudWatch would be "not authorized to perform: SNS:Publish" and every alarm would be silent.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': this.account },
          ArnLike: {
            'aws:SourceArn': Arn.format(
              {
                service: 'cloudwatch',
                resource: 'alarm',
                resourceName: '*',
                arnFormat: ArnFormat.COLON_RESOURCE_NAME,
              },
              this,
            ),
          },
        },
      }),
    );
    if (props.alarmEmail) {
      this.topic.addSubscription(
        new EmailSubscription(props.alarmEmail, {
          // Alarms carry no message attributes; overspend notices do, and are not the operator's business.
          filterPolicy: { [NOTICE_KIND_ATTRIBUTE]: SubscriptionFilter.notExistsFilter() },
        }),
      );
    }
    const notify = new SnsAction(this.topic);

    const alarm = (id: string, metric: IMetric, description: string, threshold = 1): Alarm => {
      const a = new Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(notify);
      a.addOkAction(notify);
      return a;
    };

    const lambdaWidgets: GraphWidget[] = [];
    for (const [name, fn] of Object.entries(props.functions)) {
      const errors = fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' });
      const throttles = fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' });
      alarm(`${name}Errors`, errors, `${name} Lambda threw or timed out`);
      alarm(`${name}Throttles`, throttles, `${name} Lambda invocations were throttled`);
      lambdaWidgets.push(
        new GraphWidget({
          title: `${name} Lambda`,
          left: [fn.metricInvocations({ period: FIVE_MINUTES }), errors, throttles],
          right: [fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p95' })],
        }),
      );
    }

    const tableThrottles = props.table.metricThrottledRequestsForOperations({
      operations: TABLE_OPERATIONS,
      period: FIVE_MINUTES,
    });
    alarm('TableThrottles', tableThrottles, 'DynamoDB throttled ledger requests');

    const api5xx = props.httpApi.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    alarm('Api5xx', api5xx, 'The chat API answered with 5xx', 5);

    const healthyHosts = props.webTargets.metrics.healthyHostCount({
      period: Duration.minutes(1),
    });
    new Alarm(this, 'WebUnhealthy', {
      metric: healthyHosts,
      threshold: 1,
      evaluationPeriods: 3,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.BREACHING,
      alarmDescription: 'No healthy chat web container behind the load balancer',
    }).addAlarmAction(notify);

    new Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-overview`,
      widgets: [
        lambdaWidgets,
        [
          new GraphWidget({
            title: 'Chat API',
            left: [props.httpApi.metricCount({ period: FIVE_MINUTES }), api5xx],
            right: [props.httpApi.metricLatency({ period: FIVE_MINUTES, statistic: 'p95' })],
          }),
          new GraphWidget({
            title: 'Ledger table',
            left: [tableThrottles],
            right: [
              props.table.metricConsumedReadCapacityUnits({ period: FIVE_MINUTES }),
              props.table.metricConsumedWriteCapacityUnits({ period: FIVE_MINUTES }),
            ],
          }),
          new GraphWidget({ title: 'Web containers', left: [healthyHosts] }),
        ],
      ],
    });

    new CfnOutput(this, 'NotificationTopicArn', {
      value: this.topic.topicArn,
      description: 'Subscribe each person to their overspend notices here (docs/deploy.md)',
    });
  }
}
