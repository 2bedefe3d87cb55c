/**
 * `@budgetbuddy/scripts/local`: the stand-ins that make the stack run on one machine: DynamoDB Local,
 * a Secrets Manager stand-in, the HTTP server, the chat-web build, and S3 + Textract stood in at the
 * SDK boundary for the deployed receipt path (tests only).
 */
export {
  DUMMY_CREDENTIALS,
  localDynamoClient,
  startDynamoLocal,
  type DynamoLocal,
  type DynamoLocalOptions,
} from './dynamoLocal';
export { dynamoLocalForTest, type TestDynamo } from './sharedDynamo';
export { startLocalSecrets, type LocalSecretsServer } from './secretsLocal';
export { listen, type RunningServer } from './webServer';
export { ensureWebBuild } from './webBuild';
export {
  analyzeExpenseCafe,
  RECEIPT_TEST_BUCKET,
  RECEIPT_TEST_REGION,
  sdkBoundaryReceiptUploads,
  type SdkAnswer,
  type SdkBoundaryReceiptUploads,
  type SdkCall,
} from './receipts/sdkBoundaryReceiptUploads';
