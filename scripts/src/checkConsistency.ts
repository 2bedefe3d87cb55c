/**
 * `npm run check:consistency`: recomputes every rollup from the transactions it summarises and reports
 * any difference (exit 1 if there is one). An offline admin tool: it finds users with one paginated
 * Scan of the key attributes (the application itself never scans), then reads each user's partition
 * with Query. Env: DYNAMODB_ENDPOINT (optional), TABLE_NAME (default BudgetBuddy), AWS_REGION.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  createDynamoClientFromEnv,
  readStoreEnv,
  totalsFromItem,
  transactionFromItem,
  ROLLUP_PREFIX,
  TXN_PREFIX,
  rollupSk,
  txnIdSk,
  txnSk,
  userIdOfPk,
  userPk,
  emptyTotals,
  rollupDeltas,
  withoutZeroCategories,
} from '@budgetbuddy/fulfillment/store';
import { TRANSACTION_KINDS, type PeriodKey, type PeriodTotals } from '@budgetbuddy/fulfillment/ledger';

export interface ConsistencyReport {
  usersChecked: number;
  rollupsChecked: number;
  differences: string[];
}

type Item = Record<string, unknown>;

async function userIds(doc: DynamoDBDocumentClient, tableName: string): Promise<string[]> {
  const ids = new Set<string>();
  let startKey: Item | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({ TableName: tableName, ProjectionExpression: 'PK', ExclusiveStartKey: startKey }),
    );
    for (const item of page.Items ?? []) {
      const id = typeof item.PK === 'string' ? userIdOfPk(item.PK) : null;
      if (id !== null) ids.add(id);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return [...ids].sort();
}

async function partition(doc: DynamoDBDocumentClient, tableName: string, userId: string): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': userPk(userId) },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Field-by-field differences between what a rollup says and what its transactions add up to. */
function compareTotals(where: string, stored: PeriodTotals, expected: PeriodTotals): string[] {
  const out: string[] = [];
  const field = (name: string, a: number, b: number) => {
    if (a !== b) out.push(`${where}: ${name} is ${a} but the transactions add up to ${b}`);
  };
  field('expenseTotalMinor', stored.expenseTotalMinor, expected.expenseTotalMinor);
  field('incomeTotalMinor', stored.incomeTotalMinor, expected.incomeTotalMinor);
  field('transactionCount', stored.transactionCount, expected.transactionCount);
  for (const kind of TRANSACTION_KINDS) {
    const s = kind === 'expense' ? stored.expenseByCategory : stored.incomeByCategory;
    const e = kind === 'expense' ? expected.expenseByCategory : expected.incomeByCategory;
    for (const category of new Set([...Object.keys(s), ...Object.keys(e)])) {
      field(`${kind} "${category}"`, s[category] ?? 0, e[category] ?? 0);
    }
  }
  return out;
}

function checkUser(userId: string, items: Item[]): { rollupsChecked: number; differences: string[] } {
  const differences: string[] = [];
  const bySk = new Map(items.map((item) => [String(item.SK), item]));
  const expected = new Map<string, PeriodTotals>();
  const at = (period: PeriodKey, currency: string) => {
    const sk = rollupSk(period, currency);
    let totals = expected.get(sk);
    if (!totals) expected.set(sk, (totals = emptyTotals(period, currency)));
    return totals;
  };

  for (const item of items) {
    const sk = String(item.SK);
    if (!sk.startsWith(TXN_PREFIX)) continue;
    const txn = transactionFromItem(item);
    if (sk !== txnSk(txn.date, txn.createdAt, txn.id))
      differences.push(`user ${userId}: ${sk} has a key that does not match its fields`);
    const pointer = bySk.get(txnIdSk(txn.id));
    if (pointer?.txnSk !== sk)
      differences.push(`user ${userId}: transaction ${txn.id} has no matching TXID pointer`);
    for (const d of rollupDeltas(txn, 1)) {
      const totals = at(d.period, d.currency);
      const byCategory = d.kind === 'expense' ? totals.expenseByCategory : totals.incomeByCategory;
      byCategory[d.category] = (byCategory[d.category] ?? 0) + d.amountMinor;
      if (d.kind === 'expense') totals.expenseTotalMinor += d.amountMinor;
      else totals.incomeTotalMinor += d.amountMinor;
      totals.transactionCount += 1;
    }
  }

  let rollupsChecked = 0;
  const seen = new Set<string>();
  for (const item of items) {
    const sk = String(item.SK);
    if (!sk.startsWith(ROLLUP_PREFIX)) continue;
    rollupsChecked += 1;
    seen.add(sk);
    const period: PeriodKey = {
      granularity: item.granularity as PeriodKey['granularity'],
      key: String(item.periodKey),
    };
    const currency = String(item.currency);
    const stored = totalsFromItem(item, period, currency);
    const want = withoutZeroCategories(expected.get(sk) ?? emptyTotals(period, currency));
    differences.push(...compareTotals(`user ${userId} ${sk}`, stored, want));
  }
  for (const [sk, totals] of expected) {
    if (!seen.has(sk))
      differences.push(`user ${userId}: rollup ${sk} is missing (${totals.transactionCount} transactions)`);
  }
  return { rollupsChecked, differences };
}

export async function checkConsistency(
  client: DynamoDBClient,
  tableName: string,
): Promise<ConsistencyReport> {
  const doc = DynamoDBDocumentClient.from(client);
  const report: ConsistencyReport = { usersChecked: 0, rollupsChecked: 0, differences: [] };
  for (const userId of await userIds(doc, tableName)) {
    const result = checkUser(userId, await partition(doc, tableName, userId));
    report.usersChecked += 1;
    report.rollupsChecked += result.rollupsChecked;
    report.differences.push(...result.differences);
  }
  return report;
}

async function main(): Promise<void> {
  const { TABLE_NAME } = readStoreEnv();
  const client = createDynamoClientFromEnv();
  try {
    const report = await checkConsistency(client, TABLE_NAME);
    for (const line of report.differences) console.log(`DIFFERENCE ${line}`);
    console.log(
      `${TABLE_NAME}: ${report.usersChecked} users, ${report.rollupsChecked} rollups checked, ` +
        `${report.differences.length} difference${report.differences.length === 1 ? '' : 's'}.`,
    );
    process.exitCode = report.differences.length > 0 ? 1 : 0;
  } finally {
    client.destroy();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`check:consistency failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  });
}
