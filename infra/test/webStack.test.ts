import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { WebStack } from '../lib/stacks/WebStack';

const CERTIFICATE = 'arn:aws:acm:eu-west-1:123456789012:certificate/0f0e0d0c-1111-2222-3333-444455556666';

describe('WebStack with a certificate', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'bb-web-stack-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('serves HTTPS with a modern TLS policy and redirects plain HTTP to it', () => {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const stack = new WebStack(app, 'Web', {
      webOrigin: 'https://chat.example.com',
      certificateArn: CERTIFICATE,
      apiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com',
      authority: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X',
      clientId: 'client',
      authDomainUrl: 'https://bb.auth.eu-west-1.amazoncognito.com',
      embedOrigins: ['https://shop.example.com'],
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: CERTIFICATE }],
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443' } }],
    });
    const env = JSON.stringify(template.findResources('AWS::ECS::TaskDefinition'));
    expect(env).toContain('"Name":"REDIRECT_URI","Value":"https://chat.example.com/"');
    expect(env).toContain(`"Name":"FRAME_ANCESTORS","Value":"'self' https://shop.example.com"`);
  });

  it('warns at synth when sign-in could not work: a localhost origin, or https without a certificate', () => {
    const props = {
      apiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com',
      authority: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X',
      clientId: 'client',
      authDomainUrl: 'https://bb.auth.eu-west-1.amazoncognito.com',
    };
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const local = new WebStack(app, 'Local', { ...props, webOrigin: 'http://localhost:8080' });
    const bare = new WebStack(app, 'Bare', { ...props, webOrigin: 'https://chat.example.com' });
    Annotations.fromStack(local).hasWarning(
      '*',
      Match.stringLikeRegexp('Cognito will send people back to localhost'),
    );
    Annotations.fromStack(bare).hasWarning('*', Match.stringLikeRegexp('no budgetbuddy:certificateArn'));
  });
});
