/**
 * The recurring-payments job (issue 12 point 2): an EventBridge schedule that invokes, once a day, a
 * Lambda posting every due occurrence. The Lambda finds due rules with a Query on the table's sparse
 * due index — it may not Scan — and writes through the ledger store, so it holds exactly the store's
 * posting actions: Query on the index; GetItem, PutItem and UpdateItem on the table, and Query on the
 * table for the alerts it raises (the owner's budgets, within their partition). No DeleteItem.
 */
import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { BundledFunction } from './BundledFunction';

/**
 * The table actions of posting: the idempotency read, the transaction's items, moving the rule on; and
 * of its alerts (issue 12 point 5): the budgets' Query and rollup GetItems, the claim and notification Puts.
 */
export const RECURRING_JOB_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:Query',
] as const;
export const RECURRING_JOB_INDEX_ACTIONS = ['dynamodb:Query'] as const;

export interface RecurringPostingJobProps {
  entry: string;
  table: ITable;
  /** The due index's name (fulfillment/src/store/table.ts DUE_INDEX). */
  dueIndexName: string;
}

export class RecurringPostingJob extends Construct {
  readonly function: BundledFunction;
  readonly schedule: Rule;

  constructor(scope: Construct, id: string, props: RecurringPostingJobProps) {
    super(scope, id);
    // A role of its own, with no AWS managed policy: BundledFunction adds its log group, this its table rights.
    const role = new Role(this, 'PostRecurringServiceRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description:
        'BudgetBuddy recurring-payments job: the due index and the writes of posting, nothing else',
    });
    this.function = new BundledFunction(this, 'PostRecurring', {
      entry: props.entry,
      role,
      description: 'BudgetBuddy: posts the recurring payments and income that are due',
      environment: { TABLE_NAME: props.table.tableName },
      timeout: Duration.minutes(5),
    });
    this.function.addToRolePolicy(
      new PolicyStatement({ actions: [...RECURRING_JOB_TABLE_ACTIONS], resources: [props.table.tableArn] }),
    );
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: [...RECURRING_JOB_INDEX_ACTIONS],
        resources: [`${props.table.tableArn}/index/${props.dueIndexName}`],
      }),
    );
    // Daily, just after midnight UTC; each person's due day is posted during that day wherever they live.
    this.schedule = new Rule(this, 'Daily', {
      description: 'Runs the BudgetBuddy recurring-payments job once a day',
      schedule: Schedule.cron({ minute: '5', hour: '0' }),
      targets: [new LambdaFunction(this.function, { retryAttempts: 2, maxEventAge: Duration.hours(6) })],
    });
  }
}
