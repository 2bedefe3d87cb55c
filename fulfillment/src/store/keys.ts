/**
 * The only place DynamoDB keys are built. Everything a user owns lives under their own partition key,
 * so every read is a GetItem or a Query on `USER#<id>` and one user's data can never answer another's.
 *
 *   PK            SK                                          item
 *   USER#<id>     PROFILE                                     currency, time zone, custom categories
 *   USER#<id>     TXN#<date>#<createdAt>#<txnId>              a transaction (sorted by local date, then time)
 *   USER#<id>     TXID#<txnId>                                pointer: txnId → the TXN item's SK
 *   USER#<id>     ROLLUP#<week|month|year>#<key>#<currency>   totals of one period in one currency
 *   USER#<id>     TAGTOT#<week|month|year>#<key>#<currency>#<expense|income>#<tag>
 *                                                             one tag's total in that period and currency
 *   USER#<id>     BUDGET#<Weekly|Monthly|Yearly>#<*|C#name>   a budget (* = overall)
 *   USER#<id>     IDEMP#<requestId>                           idempotency record, expires after 7 days
 *   USER#<id>     ALERT#<claim key>                           a claimed alert (budget+period+threshold, bill+day,
 *                                                             goal+week…): told once until the claim ends
 *   USER#<id>     NOTE#<createdAt>_<hash>                     an in-app notification, read or not; 30 days
 *   USER#<id>     LEARN#<expense|income>#<word>               the category this user gave a word ("costco")
 *   USER#<id>     IMPORT#<importId>#<chunk>                   a previewed bank import, expires after 1 hour
 *   USER#<id>     RULE#<ruleId>                               a recurring payment or income; while active it
 *                                                             also has dueShard/dueDay, the keys of the
 *                                                             sparse due index (table.ts DUE_INDEX)
 */
import { categoryKey } from '../domain/ledger/categories';
import type { BudgetPeriodName, PeriodKey, TransactionKind } from '../domain/ledger';
import { assertUserId } from './totals';

export const PK = 'PK';
export const SK = 'SK';

export const userPk = (userId: string): string => `USER#${assertUserId(userId)}`;

/** The user id back from a partition key (for admin tools that walk the table). */
export const userIdOfPk = (pk: string): string | null =>
  pk.startsWith('USER#') ? pk.slice('USER#'.length) : null;

/**
 * The key condition for every item of one kind in a user's partition (`prefix` is one of the `…_PREFIX`
 * constants below, always ending in '#'): `SK BETWEEN prefix AND` the prefix with its '#' raised to '$'.
 *
 * Why not `begins_with(SK, :prefix)`: DynamoDB Local (3.x) runs it as `hex(rangeKey) LIKE ?`, which SQLite
 * cannot answer from the table's (hashKey, rangeKey) primary key, so every such Query read the whole
 * partition: with 100,000 entries each overview Query took ~60 ms instead of ~1.5 ms (issue 12 point 7).
 * A BETWEEN is a range on that key. On DynamoDB both read exactly the matching items, so nothing changes
 * there. The range is exact: everything beginning with 'GOAL#' sorts below 'GOAL$', and the only other
 * string in it, 'GOAL$' itself, is never a sort key (every sort key is a prefix ending in '#' plus its
 * id, or PROFILE).
 */
export function skPrefixCondition(
  pk: string,
  prefix: string,
): { KeyConditionExpression: string; ExpressionAttributeValues: Record<string, string> } {
  if (!prefix.endsWith('#')) throw new Error(`A sort key prefix ends in '#': ${prefix}`);
  return {
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :skFrom AND :skTo',
    ExpressionAttributeValues: { ':pk': pk, ':skFrom': prefix, ':skTo': `${prefix.slice(0, -1)}$` },
  };
}

export const PROFILE_SK = 'PROFILE';

export const TXN_PREFIX = 'TXN#';
export const txnSk = (date: string, createdAt: string, id: string): string =>
  `${TXN_PREFIX}${date}#${createdAt}#${id}`;
/** Lowest and highest sort keys of transactions dated within [from, to] (inclusive local dates). */
export const txnSkRange = (from: string, to: string): [string, string] => [
  `${TXN_PREFIX}${from}#`,
  `${TXN_PREFIX}${to}#\uffff`,
];

export const txnIdSk = (id: string): string => `TXID#${id}`;

export const ROLLUP_PREFIX = 'ROLLUP#';
export const rollupSk = (period: PeriodKey, currency: string): string =>
  `${ROLLUP_PREFIX}${period.granularity}#${period.key}#${currency}`;

export const BUDGET_PREFIX = 'BUDGET#';
export const budgetSk = (category: string | null, period: BudgetPeriodName): string =>
  `${BUDGET_PREFIX}${period}#${category === null ? '*' : `C#${categoryKey(category)}`}`;

export const LEARN_PREFIX = 'LEARN#';
export const learnSk = (kind: TransactionKind, word: string): string =>
  `${LEARN_PREFIX}${kind}#${word.trim().toLowerCase()}`;

export const idempotencySk = (requestId: string): string => `IDEMP#${requestId}`;

/** A budget alert already e-mailed (budget, period, threshold); expires when the period has passed. */
export const ALERT_PREFIX = 'ALERT#';
export const alertSk = (key: string): string => `${ALERT_PREFIX}${key}`;

/** An in-app notification; the id starts with its creation instant, so SK order is time order. */
export const NOTE_PREFIX = 'NOTE#';
export const noteSk = (id: string): string => `${NOTE_PREFIX}${id}`;

/**
 * Rollup items keep each category's total as its own top-level number attribute, so one `ADD` per
 * category works on an item that does not exist yet (a nested map would need to exist first).
 */
export const EXPENSE_CATEGORY_ATTR_PREFIX = 'exp#';
export const INCOME_CATEGORY_ATTR_PREFIX = 'inc#';
export const categoryAttr = (kind: TransactionKind, category: string): string =>
  `${kind === 'expense' ? EXPENSE_CATEGORY_ATTR_PREFIX : INCOME_CATEGORY_ATTR_PREFIX}${category}`;

/**
 * Per-tag totals are items of their own, one per period, currency, kind and tag. As attributes of the
 * rollup item (before) every distinct tag grew that item toward DynamoDB's 400 KB limit, past which the
 * entry's whole write — entry included — would fail. A period's tags are one Query on the prefix.
 */
export const TAG_TOTAL_PREFIX = 'TAGTOT#';
export const tagTotalsPrefix = (period: PeriodKey, currency: string): string =>
  `${TAG_TOTAL_PREFIX}${period.granularity}#${period.key}#${currency}#`;
export const tagTotalSk = (period: PeriodKey, currency: string, kind: TransactionKind, tag: string): string =>
  `${tagTotalsPrefix(period, currency)}${kind}#${tag}`;

export const IMPORT_PREFIX = 'IMPORT#';
/** A previewed import is split into chunks: one item holds at most 400 KB. */
export const importSk = (importId: string, chunk: number): string =>
  `${IMPORT_PREFIX}${importId}#${String(chunk).padStart(4, '0')}`;
export const importSkPrefix = (importId: string): string => `${IMPORT_PREFIX}${importId}#`;

export const RULE_PREFIX = 'RULE#';
export const ruleSk = (ruleId: string): string => `${RULE_PREFIX}${ruleId}`;

/**
 * The due index's partitions. One partition per day would need the job to know which days it missed;
 * a few fixed partitions sorted by due day answer "everything due on or before today" in one Query
 * each, and spread the index's writes. A user's rules all land in one of them.
 */
export const DUE_SHARDS = 4;
export function dueShardOf(userId: string): string {
  let hash = 0;
  for (const ch of assertUserId(userId)) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `DUE#${hash % DUE_SHARDS}`;
}
