import { InMemoryLedgerRepository } from './InMemoryLedgerRepository';
import { runLedgerRepositoryContract } from './ledgerRepositoryContract';

runLedgerRepositoryContract('InMemoryLedgerRepository', async (clock) => ({
  repo: new InMemoryLedgerRepository({ clock }),
}));
