/**
 * Consistent single-item reads that callers start together, sent as one BatchGetItem.
 *
 * Why: a spending question reads this period's and the last period's rollups at once
 * (`Promise.all`), a budget line after an expense one rollup per budget, the overview several. Each
 * read was its own GetItem. Measured on DynamoDB Local (2026-12-03, alternating runs, loaded 2-core
 * machine): two concurrent GetItems p50 2.2 ms and 1.5 ms of Node CPU, one BatchGetItem of the same
 * two keys p50 1.5 ms and 0.9 ms — a request fewer for every question turn, also on DynamoDB.
 *
 * Reads requested in the same tick (before the next microtask checkpoint) share a request; a read
 * alone is still a plain GetItem, so nothing changes for it. Same results as separate GetItems: each
 * key is read with ConsistentRead, a missing item answers undefined, a failure fails every read of
 * the batch, and keys DynamoDB leaves unprocessed (throttling) are asked again.
 */
import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;

interface Waiter {
  pk: string;
  sk: string;
  resolve: (item: Item | undefined) => void;
  reject: (err: unknown) => void;
}

/** BatchGetItem takes at most 100 keys. */
const MAX_KEYS = 100;
/** Rounds for keys left unprocessed before the read fails (the SDK already retried each request). */
const MAX_ROUNDS = 5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const keyOf = (pk: string, sk: string) => `${pk}\u0000${sk}`;

export class BatchedGets {
  private pending: Waiter[] = [];

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** The item at (pk, sk), read consistently, or undefined when there is none. */
  get(pk: string, sk: string): Promise<Item | undefined> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) queueMicrotask(() => this.flush());
      this.pending.push({ pk, sk, resolve, reject });
    });
  }

  private flush(): void {
    const waiters = this.pending;
    this.pending = [];
    const byKey = new Map<string, Waiter[]>();
    for (const w of waiters) {
      const key = keyOf(w.pk, w.sk);
      byKey.set(key, [...(byKey.get(key) ?? []), w]);
    }
    const groups = [...byKey.values()];
    for (let i = 0; i < groups.length; i += MAX_KEYS) {
      const chunk = groups.slice(i, i + MAX_KEYS);
      const settle = (found: Map<string, Item>) => {
        for (const group of chunk) {
          const item = found.get(keyOf(group[0]!.pk, group[0]!.sk));
          for (const w of group) w.resolve(item);
        }
      };
      const fail = (err: unknown) => {
        for (const group of chunk) for (const w of group) w.reject(err);
      };
      this.read(chunk.map((group) => ({ PK: group[0]!.pk, SK: group[0]!.sk }))).then(settle, fail);
    }
  }

  private async read(keys: Array<{ PK: string; SK: string }>): Promise<Map<string, Item>> {
    const found = new Map<string, Item>();
    const only = keys.length === 1 ? keys[0] : undefined;
    if (only) {
      const out = await this.doc.send(
        new GetCommand({ TableName: this.table, Key: only, ConsistentRead: true }),
      );
      if (out.Item) found.set(keyOf(only.PK, only.SK), out.Item);
      return found;
    }
    let left: Array<Record<string, unknown>> = keys;
    for (let round = 0; left.length > 0; round++) {
      if (round >= MAX_ROUNDS) throw new Error(`${left.length} keys left unprocessed by BatchGetItem`);
      if (round > 0) await sleep(Math.random() * Math.min(200, 5 * 2 ** round));
      const out = await this.doc.send(
        new BatchGetCommand({ RequestItems: { [this.table]: { Keys: left, ConsistentRead: true } } }),
      );
      for (const item of out.Responses?.[this.table] ?? []) {
        found.set(keyOf(String(item['PK']), String(item['SK'])), item);
      }
      left = out.UnprocessedKeys?.[this.table]?.Keys ?? [];
    }
    return found;
  }
}
