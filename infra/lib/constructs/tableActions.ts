/**
 * The DynamoDB actions the ledger store (fulfillment/src/store) issues, and nothing else. DynamoDB
 * authorises TransactWriteItems/TransactGetItems per contained item, so transactions need only the
 * item-level actions of the items it contains (Put/Update/Delete here), not a transaction action.
 * infra/test/stacks.test.ts checks this list against the commands the store's source actually sends.
 */
export const FULFILLMENT_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  // recallCategories: a person's learned words in one round trip.
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
] as const;
