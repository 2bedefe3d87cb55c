/**
 * `@budgetbuddy/fulfillment/store`: the ledger's stores (DynamoDB and in memory), the table they share,
 * and the item layout that the consistency check and the reliability tests read back.
 */
export { DynamoLedgerRepository, type DynamoLedgerRepositoryOptions } from './DynamoLedgerRepository';
export { InMemoryLedgerRepository } from './InMemoryLedgerRepository';
export { createDynamoClientFromEnv, readStoreEnv } from './createStoreFromEnv';
export { DUE_INDEX, ensureTable, tableDefinition, TABLE_NAME_DEFAULT, TTL_ATTRIBUTE } from './table';
export {
  categoryAttr,
  ROLLUP_PREFIX,
  rollupSk,
  TXN_PREFIX,
  txnIdSk,
  txnSk,
  userIdOfPk,
  userPk,
} from './keys';
export { ITEM_TYPE, totalsFromItem, transactionFromItem } from './items';
export { emptyTotals, rollupDeltas, withoutZeroCategories } from './totals';
