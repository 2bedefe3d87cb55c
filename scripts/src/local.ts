/**
 * `@budgetbuddy/scripts/local`: the stand-ins that make the stack run on one machine: DynamoDB Local,
 * a Secrets Manager stand-in, the HTTP server, and the chat-web build.
 */
export {
  DUMMY_CREDENTIALS,
  localDynamoClient,
  startDynamoLocal,
  type DynamoLocal,
  type DynamoLocalOptions,
} from './dynamoLocal';
export { startLocalSecrets, type LocalSecretsServer } from './secretsLocal';
export { listen, type RunningServer } from './webServer';
export { ensureWebBuild } from './webBuild';
