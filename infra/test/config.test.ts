import { App } from 'aws-cdk-lib';
import { readDeployConfig } from '../lib/config';

const configWith = (context: Record<string, unknown>) => readDeployConfig(new App({ context }));
const DOMAIN = {
  'budgetbuddy:webOrigin': 'https://chat.example.com',
  'budgetbuddy:certificateArn':
    'arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-1111-2222-3333-444455556666',
};

describe('deployment settings', () => {
  it('needs no setting at all (the app is served on the CloudFront domain) and fills in safe defaults', () => {
    expect(configWith({})).toEqual({
      stage: 'dev',
      retainData: true,
      apiRateLimit: 50,
      apiBurstLimit: 100,
      wafRateLimit: 1000,
    });
  });

  it('accepts a custom https origin together with its us-east-1 certificate', () => {
    expect(configWith(DOMAIN)).toMatchObject({
      webOrigin: 'https://chat.example.com',
      certificateArn: DOMAIN['budgetbuddy:certificateArn'],
    });
  });

  it('coerces -c strings for booleans and numbers', () => {
    const config = configWith({
      'budgetbuddy:retainData': 'false',
      'budgetbuddy:apiRateLimit': '5',
    });
    expect(config).toMatchObject({ retainData: false, apiRateLimit: 5 });
  });

  it.each([
    ['budgetbuddy:webOrigin', 'http://chat.example.com', 'https://'],
    ['budgetbuddy:webOrigin', 'https://chat.example.com/app', 'without a path'],
    ['budgetbuddy:webOrigin', 'https://chat.example.com:8443', 'port'],
    ['budgetbuddy:certificateArn', 'not-an-arn', 'ACM certificate ARN'],
    [
      'budgetbuddy:certificateArn',
      'arn:aws:acm:eu-west-1:123456789012:certificate/0f0e0d0c-1111-2222-3333-444455556666',
      'us-east-1',
    ],
    ['budgetbuddy:wafRateLimit', '5', 'budgetbuddy:wafRateLimit'],
    ['budgetbuddy:authDomainPrefix', 'my-cognito-app', 'cognito'],
    ['budgetbuddy:alarmEmail', 'ops-at-example', 'budgetbuddy:alarmEmail'],
  ])('rejects %s=%s with a message naming the setting', (key, value, message) => {
    expect(() => configWith({ ...DOMAIN, [key]: value })).toThrow(message);
  });

  it('reads embed origins from a comma-separated -c value and refuses paths', () => {
    const base = {};
    expect(
      configWith({ ...base, 'budgetbuddy:embedOrigins': 'https://a.example.com, https://b.example.com:8443' })
        .embedOrigins,
    ).toEqual(['https://a.example.com', 'https://b.example.com:8443']);
    expect(() => configWith({ ...base, 'budgetbuddy:embedOrigins': 'https://a.example.com/shop' })).toThrow(
      'embed origin',
    );
  });

  it('refuses a custom origin without its certificate, and a certificate without an origin', () => {
    expect(() => configWith({ 'budgetbuddy:webOrigin': DOMAIN['budgetbuddy:webOrigin'] })).toThrow(
      'budgetbuddy:certificateArn: set webOrigin and certificateArn together',
    );
    expect(() => configWith({ 'budgetbuddy:certificateArn': DOMAIN['budgetbuddy:certificateArn'] })).toThrow(
      'together',
    );
  });

  it('refuses a production stage on the CloudFront name or without a country choice (cdk-nag CFR4, CFR1)', () => {
    const production = { 'budgetbuddy:stage': 'production' };
    expect(() => configWith({ ...production, 'budgetbuddy:geoAllowList': 'US' })).toThrow(
      'budgetbuddy:webOrigin: a production deploy needs a custom domain',
    );
    expect(() => configWith({ ...production, ...DOMAIN })).toThrow(
      'budgetbuddy:geoAllowList: a production deploy needs a country choice',
    );
    expect(configWith({ ...production, ...DOMAIN, 'budgetbuddy:geoDenyList': 'kp, ir' })).toMatchObject({
      stage: 'production',
      geoDenyList: ['KP', 'IR'],
    });
    expect(() => configWith({ 'budgetbuddy:stage': 'prod' })).toThrow('budgetbuddy:stage');
  });

  it('takes an allow-list or a deny-list of countries, not both', () => {
    expect(() => configWith({ 'budgetbuddy:geoAllowList': 'US', 'budgetbuddy:geoDenyList': 'KP' })).toThrow(
      'budgetbuddy:geoDenyList: set geoAllowList or geoDenyList, not both',
    );
  });
});
