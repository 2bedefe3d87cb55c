/**
 * The ledger's stores as a composition root hands them over: the transaction store (LedgerRepository)
 * with one narrow port beside it per concept. Each port has a DynamoDB and an in-memory implementation
 * that pass one contract suite (store/*.case.test.ts); the code hook gives each intent the ports it uses
 * (intents/turn.ts), so a goal handler sees GoalRepository, never the whole table.
 *
 * The stores share one table (DynamoDB) or one process (in memory): an entry's account balances are
 * written in the entry's own transaction, so AccountRepository sits beside the ledger, not inside it.
 */
import type { AccountRepository } from './AccountRepository';
import type { GoalRepository } from './GoalRepository';
import type { LedgerRepository } from './LedgerRepository';
import type { NotificationStore } from './NotificationStore';
import type { RecurringRuleStore } from './RecurringRuleStore';

export interface LedgerStores extends LedgerRepository {
  readonly goals: GoalRepository;
  readonly recurring: RecurringRuleStore;
  readonly accounts: AccountRepository;
  readonly notifications: NotificationStore;
}
