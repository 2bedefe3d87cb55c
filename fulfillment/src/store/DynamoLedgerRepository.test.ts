import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoLocalForTest, type TestDynamo } from '@budgetbuddy/scripts/local';
import { StoreUnavailableError } from '../ports/LedgerRepository';
import { DynamoLedgerRepository } from './DynamoLedgerRepository';
import { runLedgerRepositoryContract } from './ledgerRepository.case.test';
import { ensureTable } from './table';

jest.setTimeout(120_000);

let local: TestDynamo | undefined;
const clients: DynamoDBClient[] = [];

const clientFor = (endpoint: string) => {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  clients.push(client);
  return client;
};

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await local?.stop();
});

runLedgerRepositoryContract('DynamoLedgerRepository on DynamoDB Local', async (clock) => {
  local = await dynamoLocalForTest();
  const client = clientFor(local.endpoint);
  await ensureTable(client, 'LedgerContract');
  return { repo: new DynamoLedgerRepository({ client, tableName: 'LedgerContract', clock }) };
});

describe('DynamoLedgerRepository failures', () => {
  it('reports a missing table as StoreUnavailableError, not an SDK error', async () => {
    if (!local) throw new Error('DynamoDB Local did not start');
    const repo = new DynamoLedgerRepository({ client: clientFor(local.endpoint), tableName: 'NoSuchTable' });
    await expect(repo.listRecent('u1', 5)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(
      repo.logTransaction('u1', {
        kind: 'expense',
        amountMinor: 100,
        currency: 'USD',
        category: 'Food',
        date: '2026-11-24',
        source: 'chat',
        requestId: 'r1',
      }),
    ).rejects.toThrow(/Could not save the transaction/);
  });
});

describe('DynamoLedgerRepository writes that never half-happen (issue 14 point 4)', () => {
  /** A client that records each command it sends and can fail one after DynamoDB has applied it. */
  function recordingClient(endpoint: string) {
    const client = clientFor(endpoint);
    const sent: { command: string; input: Record<string, unknown> }[] = [];
    const failAfterSending = new Set<string>();
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const command = String(context.commandName);
        sent.push({ command, input: args.input as Record<string, unknown> });
        const result = await next(args);
        if (failAfterSending.delete(command)) {
          throw Object.assign(new Error('socket timed out after sending'), { name: 'TimeoutError' });
        }
        return result;
      },
      { step: 'initialize', name: 'recordAndFail' },
    );
    return { client, sent, failAfterSending };
  }
  const expense = (requestId: string) => ({
    kind: 'expense' as const,
    amountMinor: 4500,
    currency: 'USD',
    category: 'Shopping',
    date: '2026-11-24',
    note: 'costco',
    source: 'chat' as const,
    requestId,
  });

  it('an edit is one TransactWriteItems: the entry, its move and every rollup delta', async () => {
    if (!local) throw new Error('DynamoDB Local did not start');
    const { client, sent } = recordingClient(local.endpoint);
    const repo = new DynamoLedgerRepository({ client, tableName: 'LedgerContract' });
    const { transaction } = await repo.logTransaction('edit-once', expense('edit-once-1'));
    sent.length = 0;
    await repo.editTransaction('edit-once', transaction.id, { category: 'Groceries', date: '2026-10-01' });
    const writes = sent.filter((s) => s.command !== 'GetItemCommand');
    expect(writes.map((w) => w.command)).toEqual(['TransactWriteItemsCommand']);
    const items = (writes[0]!.input as { TransactItems: unknown[] }).TransactItems;
    // Delete old + Put new + pointer, and week/month/year rollups of both dates (the year is shared).
    expect(items).toHaveLength(3 + 5);
    expect(await repo.listRecent('edit-once', 5)).toMatchObject([
      { id: transaction.id, category: 'Groceries', date: '2026-10-01', amountMinor: 4500 },
    ]);
  });

  it('a write whose answer was lost after sending is reported as saved, once', async () => {
    if (!local) throw new Error('DynamoDB Local did not start');
    const { client, failAfterSending } = recordingClient(local.endpoint);
    const repo = new DynamoLedgerRepository({ client, tableName: 'LedgerContract' });
    failAfterSending.add('TransactWriteItemsCommand');
    const first = await repo.logTransaction('lost-answer', expense('lost-answer-1'));
    expect(first.created).toBe(true);
    expect(await repo.listRecent('lost-answer', 5)).toEqual([first.transaction]);
    const retry = await repo.logTransaction('lost-answer', expense('lost-answer-1'));
    expect(retry).toEqual({ transaction: first.transaction, created: false });
  });

  it('an edit whose answer was lost after sending is reported as done, and applied once', async () => {
    if (!local) throw new Error('DynamoDB Local did not start');
    const { client, failAfterSending } = recordingClient(local.endpoint);
    const repo = new DynamoLedgerRepository({ client, tableName: 'LedgerContract' });
    const { transaction } = await repo.logTransaction('lost-edit', expense('lost-edit-1'));
    failAfterSending.add('TransactWriteItemsCommand');
    const result = await repo.editTransaction('lost-edit', transaction.id, { amountMinor: 5500 });
    expect(result?.after).toMatchObject({ id: transaction.id, amountMinor: 5500 });
    expect(await repo.listRecent('lost-edit', 5)).toMatchObject([{ id: transaction.id, amountMinor: 5500 }]);
    const totals = await repo.getPeriodTotals('lost-edit', { granularity: 'month', key: '2026-11' }, 'USD');
    expect(totals).toMatchObject({ expenseTotalMinor: 5500, transactionCount: 1 });
  });

  it('a write that never reached the table still fails', async () => {
    if (!local) throw new Error('DynamoDB Local did not start');
    const repo = new DynamoLedgerRepository({ client: clientFor(local.endpoint), tableName: 'NoSuchTable2' });
    await expect(repo.logTransaction('never', expense('never-1'))).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
  });

  it('lists budgets with a consistent read, so one just set is in the next answer', async () => {
    if (!local) throw new Error('DynamoDB Local did not start');
    const { client, sent } = recordingClient(local.endpoint);
    const repo = new DynamoLedgerRepository({ client, tableName: 'LedgerContract' });
    await repo.putBudget('consistent', {
      category: 'Food',
      period: 'Monthly',
      limitMinor: 30000,
      currency: 'USD',
      requestId: 'b1',
    });
    expect(await repo.listBudgets('consistent')).toHaveLength(1);
    const query = sent.find((s) => s.command === 'QueryCommand');
    expect(query?.input).toMatchObject({ ConsistentRead: true });
  });
});

describe('DynamoLedgerRepository rollup reads started together (chat-turn latency)', () => {
  function commandsOf(client: DynamoDBClient): string[] {
    const sent: string[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    return sent;
  }
  const month = (key: string) => ({ granularity: 'month' as const, key });

  it('are one BatchGetItem and answer what one read each answers; a read alone stays a GetItem', async () => {
    if (!local) throw new Error('DynamoDB Local did not start');
    const client = clientFor(local.endpoint);
    const sent = commandsOf(client);
    const repo = new DynamoLedgerRepository({ client, tableName: 'LedgerContract' });
    const base = { kind: 'expense' as const, currency: 'USD', category: 'Food', source: 'chat' as const };
    await repo.logTransaction('batched', {
      ...base,
      amountMinor: 1250,
      date: '2026-11-03',
      requestId: 'b-1',
    });
    await repo.logTransaction('batched', { ...base, amountMinor: 800, date: '2026-10-20', requestId: 'b-2' });
    sent.length = 0;
    const [nov, oct, empty, novAgain] = await Promise.all([
      repo.getPeriodTotals('batched', month('2026-11'), 'USD'),
      repo.getPeriodTotals('batched', month('2026-10'), 'USD'),
      repo.getPeriodTotals('batched', month('2020-01'), 'USD'),
      repo.getPeriodTotals('batched', month('2026-11'), 'USD'),
    ]);
    expect(sent).toEqual(['BatchGetItemCommand']);
    expect(nov).toMatchObject({
      expenseTotalMinor: 1250,
      expenseByCategory: { Food: 1250 },
      transactionCount: 1,
    });
    expect(oct).toMatchObject({ expenseTotalMinor: 800, transactionCount: 1 });
    expect(empty).toMatchObject({ expenseTotalMinor: 0, incomeTotalMinor: 0, transactionCount: 0 });
    expect(novAgain).toEqual(nov);
    sent.length = 0;
    expect(await repo.getPeriodTotals('batched', month('2026-11'), 'USD')).toEqual(nov);
    expect(sent).toEqual(['GetItemCommand']);
  });

  it('fail together as StoreUnavailableError when the table cannot be read', async () => {
    if (!local) throw new Error('DynamoDB Local did not start');
    const repo = new DynamoLedgerRepository({ client: clientFor(local.endpoint), tableName: 'NoSuchTable3' });
    const reads = [month('2026-11'), month('2026-10')].map((p) => repo.getPeriodTotals('u1', p, 'USD'));
    const outcomes = await Promise.allSettled(reads);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    for (const o of outcomes)
      if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(StoreUnavailableError);
  });
});
