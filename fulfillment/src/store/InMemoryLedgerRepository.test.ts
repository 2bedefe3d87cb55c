import { InMemoryLedgerRepository } from './InMemoryLedgerRepository';
import { runLedgerRepositoryContract } from './ledgerRepository.case.test';

runLedgerRepositoryContract('InMemoryLedgerRepository', async (clock) => ({
  repo: new InMemoryLedgerRepository({ clock }),
}));
