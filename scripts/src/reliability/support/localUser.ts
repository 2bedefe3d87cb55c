/**
 * How the local proxy turns the X-BB-Local-User header into the ledger's user id (docs/chat-api.md).
 * Tests that look into the store directly go through this one mapping.
 */
export function ledgerUserId(localUser: string): string {
  return localUser;
}
