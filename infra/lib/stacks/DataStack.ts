/**
 * The ledger table, with the key schema, indexes and TTL attribute the store declares in
 * fulfillment/src/store/table.ts — one source, so the deployed table always matches the store's queries.
 */
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { BillingMode, Table, TableEncryption, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { toLedgerTableShape } from '../constructs/ledgerTableShape';

export interface DataStackProps extends StackProps {
  /** fulfillment/src/store/table.ts `tableDefinition`; validated when the stack is built. */
  tableDefinition: unknown;
  /** RETAIN unless explicitly false: deleting the stack must not delete people's records. */
  retainData?: boolean;
}

export class DataStack extends Stack {
  readonly table: ITable;
  readonly indexNames: readonly string[];

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const shape = toLedgerTableShape(props.tableDefinition);
    const table = new Table(this, 'LedgerTable', {
      partitionKey: shape.partitionKey,
      ...(shape.sortKey ? { sortKey: shape.sortKey } : {}),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: shape.timeToLiveAttribute,
      deletionProtection: props.retainData !== false,
      removalPolicy: props.retainData === false ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    for (const index of shape.globalSecondaryIndexes) table.addGlobalSecondaryIndex(index);
    this.table = table;
    this.indexNames = shape.globalSecondaryIndexes.map((index) => index.indexName);
  }
}
