import { App } from 'aws-cdk-lib';
import { readDeployConfig } from '../lib/config';

const configWith = (context: Record<string, unknown>) => readDeployConfig(new App({ context }));

describe('deployment settings', () => {
  it('accepts an https origin and fills in safe defaults', () => {
    expect(configWith({ 'budgetbuddy:webOrigin': 'https://chat.example.com' })).toEqual({
      webOrigin: 'https://chat.example.com',
      retainData: true,
      apiRateLimit: 50,
      apiBurstLimit: 100,
    });
  });

  it('coerces -c strings for booleans and numbers', () => {
    const config = configWith({
      'budgetbuddy:webOrigin': 'http://localhost:8080',
      'budgetbuddy:retainData': 'false',
      'budgetbuddy:apiRateLimit': '5',
    });
    expect(config).toMatchObject({ retainData: false, apiRateLimit: 5 });
  });

  it.each([
    ['budgetbuddy:webOrigin', 'http://chat.example.com', 'https://'],
    ['budgetbuddy:webOrigin', 'https://chat.example.com/app', 'without a path'],
    ['budgetbuddy:certificateArn', 'not-an-arn', 'ACM certificate ARN'],
    ['budgetbuddy:authDomainPrefix', 'my-cognito-app', 'cognito'],
    ['budgetbuddy:alarmEmail', 'ops-at-example', 'budgetbuddy:alarmEmail'],
  ])('rejects %s=%s with a message naming the setting', (key, value, message) => {
    expect(() => configWith({ 'budgetbuddy:webOrigin': 'https://chat.example.com', [key]: value })).toThrow(
      message,
    );
  });

  it('reads embed origins from a comma-separated -c value and refuses paths', () => {
    const base = { 'budgetbuddy:webOrigin': 'https://chat.example.com' };
    expect(
      configWith({ ...base, 'budgetbuddy:embedOrigins': 'https://a.example.com, https://b.example.com:8443' })
        .embedOrigins,
    ).toEqual(['https://a.example.com', 'https://b.example.com:8443']);
    expect(() => configWith({ ...base, 'budgetbuddy:embedOrigins': 'https://a.example.com/shop' })).toThrow(
      'embed origin',
    );
  });

  it('requires the web origin', () => {
    expect(() => configWith({})).toThrow('budgetbuddy:webOrigin');
  });
});
