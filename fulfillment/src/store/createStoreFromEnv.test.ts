import { createDynamoClientFromEnv, readStoreEnv } from './createStoreFromEnv';

describe('readStoreEnv', () => {
  it('defaults to the BudgetBuddy table in us-east-1 on AWS', () => {
    expect(readStoreEnv({})).toEqual({ TABLE_NAME: 'BudgetBuddy', AWS_REGION: 'us-east-1' });
  });

  it('takes the table, region and a local endpoint from the environment', () => {
    expect(
      readStoreEnv({
        TABLE_NAME: 'Ledger',
        AWS_REGION: 'eu-west-1',
        DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      }),
    ).toEqual({ TABLE_NAME: 'Ledger', AWS_REGION: 'eu-west-1', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' });
  });

  it('refuses an endpoint that is not a URL, naming the variable', () => {
    expect(() => readStoreEnv({ DYNAMODB_ENDPOINT: 'localhost 8000' })).toThrow(/DYNAMODB_ENDPOINT/);
  });

  it('gives a local endpoint dummy credentials so no AWS profile is needed', async () => {
    const client = createDynamoClientFromEnv({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' });
    const credentials = await client.config.credentials();
    expect(credentials.accessKeyId).toBe('local');
    client.destroy();
  });
});
