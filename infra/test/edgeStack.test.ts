/**
 * The public front door (issue 14 point 6): HTTPS through CloudFront, AWS WAF on the distribution, the
 * load balancer reachable only from CloudFront, the API uncached with the caller's token passed on.
 * Both configurations: CloudFront's own domain (the default) and a custom domain with its certificate.
 */
import { AwsSolutionsChecks } from 'cdk-nag';
import { Match } from 'aws-cdk-lib/assertions';
import { CLOUDFRONT_PREFIX_LIST_NAME, ORIGIN_VERIFY_HEADER } from '../lib/stacks/EdgeStack';
import { MANAGED_RULE_GROUPS, WEB_ACL_ARN_OUTPUT } from '../lib/stacks/WafStack';
import { onlyResource, synthApp, TEST_CUSTOM_DOMAIN, type SynthesizedApp } from './support/synthApp';

/** AWS's managed CloudFront policies (the ids CloudFront knows them by). */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

interface Behavior {
  PathPattern?: string;
  TargetOriginId: string;
  ViewerProtocolPolicy: string;
  CachePolicyId: string;
  OriginRequestPolicyId?: string;
  AllowedMethods: string[];
}
interface Origin {
  Id: string;
  DomainName: unknown;
  CustomOriginConfig: { OriginProtocolPolicy: string };
  OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
}
interface DistributionConfig {
  DefaultCacheBehavior: Behavior;
  CacheBehaviors: Behavior[];
  Origins: Origin[];
  WebACLId: unknown;
  Logging?: { Bucket: unknown };
  Aliases?: string[];
  ViewerCertificate?: Record<string, unknown>;
}

const distributionOf = (s: SynthesizedApp) =>
  onlyResource(s.templates.edge, 'AWS::CloudFront::Distribution').Properties
    .DistributionConfig as DistributionConfig;

describe('the CloudFront front door, on CloudFront’s own domain', () => {
  let s: SynthesizedApp;
  let config: DistributionConfig;
  beforeAll(() => {
    s = synthApp({ nag: true, context: { 'budgetbuddy:embedOrigins': 'https://shop.example.com' } });
    config = distributionOf(s);
  });
  afterAll(() => s.cleanup());

  it('serves the app over HTTPS only: plain HTTP is redirected, the API refuses it', () => {
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*');
    // A redirected POST would arrive as a GET; API calls are refused on http instead.
    expect(api?.ViewerProtocolPolicy).toBe('https-only');
    expect(config.ViewerCertificate).toBeUndefined(); // CloudFront's default *.cloudfront.net certificate
    expect(config.Logging?.Bucket).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^AccessLogs/), 'RegionalDomainName'],
    });
    s.templates.edge.hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
    });
  });

  it('sends /api/* uncached to the HTTP API over HTTPS, passing Authorization, query strings and cookies', () => {
    const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      CachePolicyId: CACHING_DISABLED,
      // With caching disabled, CloudFront forwards every viewer header (Authorization included), query
      // string and cookie under this policy — all but Host, which must name API Gateway's own domain.
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      AllowedMethods: expect.arrayContaining(['GET', 'POST', 'OPTIONS']),
    });
    const origin = config.Origins.find((o) => o.Id === api?.TargetOriginId);
    expect(origin?.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    const apiId = onlyResource(s.templates.edge, 'AWS::ApiGatewayV2::Api').logicalId;
    expect(JSON.stringify(origin?.DomainName)).toContain(`{"Ref":"${apiId}"},".execute-api."`);
    // Everything else goes to the load balancer and caches only what nginx allows.
    const site = config.Origins.find((o) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    const alb = onlyResource(s.templates.edge, 'AWS::ElasticLoadBalancingV2::LoadBalancer').logicalId;
    expect(site?.DomainName).toEqual({ 'Fn::GetAtt': [alb, 'DNSName'] });
    expect(config.DefaultCacheBehavior.CachePolicyId).not.toBe(CACHING_DISABLED);
  });

  it('puts the us-east-1 WAF web ACL, with the AWS managed rules and a rate limit, on the distribution', () => {
    expect(s.stacks.waf.region).toBe('us-east-1');
    const acl = onlyResource(s.templates.waf, 'AWS::WAFv2::WebACL');
    const props = acl.Properties as {
      Scope: string;
      DefaultAction: unknown;
      Rules: {
        Name: string;
        Statement: Record<string, { Name?: string; VendorName?: string; Limit?: number }>;
      }[];
    };
    expect(props.Scope).toBe('CLOUDFRONT');
    expect(props.DefaultAction).toEqual({ Allow: {} });
    const groups = props.Rules.map((r) => r.Statement.ManagedRuleGroupStatement).filter(Boolean);
    expect(groups.map((g) => `${g?.VendorName}/${g?.Name}`)).toEqual(
      MANAGED_RULE_GROUPS.map((n) => `AWS/${n}`),
    );
    expect(MANAGED_RULE_GROUPS).toEqual(
      expect.arrayContaining([
        'AWSManagedRulesCommonRuleSet',
        'AWSManagedRulesKnownBadInputsRuleSet',
        'AWSManagedRulesAmazonIpReputationList',
      ]),
    );
    const rate = props.Rules.find((r) => r.Statement.RateBasedStatement);
    expect(rate?.Statement.RateBasedStatement).toMatchObject({ Limit: 1000, AggregateKeyType: 'IP' });
    expect(JSON.stringify(rate)).toContain('"Block":{}');

    // The distribution reads the ACL's ARN from that stack's output, across regions, at deploy time.
    expect(s.templates.waf.toJSON().Outputs[WEB_ACL_ARN_OUTPUT]).toMatchObject({
      Value: { 'Fn::GetAtt': [acl.logicalId, 'Arn'] },
    });
    expect(config.WebACLId).toEqual({
      'Fn::GetStackOutput': {
        StackName: s.stacks.waf.stackName,
        OutputName: WEB_ACL_ARN_OUTPUT,
        Region: 'us-east-1',
      },
    });
    expect(s.stacks.edge.dependencies).toContain(s.stacks.waf);
  });

  it('lets only CloudFront reach the load balancer: the origin-facing prefix list, and this deployment’s header', () => {
    const edge = s.templates.edge;
    const albGroups = onlyResource(edge, 'AWS::ElasticLoadBalancingV2::LoadBalancer').Properties
      .SecurityGroups as {
      'Fn::GetAtt': [string, string];
    }[];
    expect(albGroups).toHaveLength(1);
    const albSg = albGroups[0]?.['Fn::GetAtt'][0];
    // No inline ingress, and exactly one ingress rule: the prefix list the lookup finds by name.
    expect(edge.toJSON().Resources[albSg ?? ''].Properties.SecurityGroupIngress).toBeUndefined();
    const ingress = Object.values(edge.findResources('AWS::EC2::SecurityGroupIngress')).map(
      (r) => r.Properties,
    );
    expect(ingress).toEqual([
      expect.objectContaining({
        GroupId: { 'Fn::GetAtt': [albSg, 'GroupId'] },
        IpProtocol: 'tcp',
        FromPort: 80,
        ToPort: 80,
        SourcePrefixListId: {
          'Fn::GetAtt': [expect.stringMatching(/^CloudFrontPrefixList/), 'PrefixLists.0.PrefixListId'],
        },
      }),
    ]);
    const lookup = JSON.stringify(onlyResource(edge, 'Custom::AWS', /^CloudFrontPrefixList/).Properties);
    expect(lookup).toContain('describeManagedPrefixLists');
    expect(lookup).toContain(CLOUDFRONT_PREFIX_LIST_NAME);
    for (const group of Object.values(edge.findResources('AWS::EC2::SecurityGroup'))) {
      expect(group.Properties.SecurityGroupIngress).toBeUndefined();
    }

    // The listener answers 403 unless the request carries the header CloudFront adds.
    edge.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [
        { Type: 'fixed-response', FixedResponseConfig: Match.objectLike({ StatusCode: '403' }) },
      ],
    });
    const rule = onlyResource(edge, 'AWS::ElasticLoadBalancingV2::ListenerRule').Properties as {
      Actions: { Type: string }[];
      Conditions: { Field: string; HttpHeaderConfig: { HttpHeaderName: string; Values: unknown[] } }[];
    };
    expect(rule.Actions.map((a) => a.Type)).toEqual(['forward']);
    expect(rule.Conditions).toHaveLength(1);
    expect(rule.Conditions[0]?.HttpHeaderConfig.HttpHeaderName).toBe(ORIGIN_VERIFY_HEADER);
    const site = config.Origins.find((o) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(site?.OriginCustomHeaders).toEqual([
      { HeaderName: ORIGIN_VERIFY_HEADER, HeaderValue: rule.Conditions[0]?.HttpHeaderConfig.Values[0] },
    ]);
    // The value is drawn by CloudFormation for this stack, not written in the code.
    expect(JSON.stringify(site?.OriginCustomHeaders)).toContain('AWS::StackId');

    // The containers admit the load balancer and nothing else.
    const webIngress = Object.values(s.templates.web.findResources('AWS::EC2::SecurityGroupIngress')).map(
      (r) => r.Properties,
    );
    expect(webIngress).toEqual([
      expect.objectContaining({
        SourceSecurityGroupId: { 'Fn::ImportValue': expect.stringMatching(/AlbSecurityGroup/) },
      }),
    ]);
  });

  it('gives the app, Cognito and the output one origin: the distribution’s https name', () => {
    const origin = {
      'Fn::Join': ['', ['https://', { 'Fn::ImportValue': expect.stringMatching(/Cdn.*DomainName/) }, '/']],
    };
    const client = onlyResource(s.templates.api, 'AWS::Cognito::UserPoolClient').Properties;
    expect(client.CallbackURLs).toEqual([origin]);
    const env = Object.fromEntries(
      (
        onlyResource(s.templates.web, 'AWS::ECS::TaskDefinition').Properties.ContainerDefinitions as {
          Environment: { Name: string; Value: unknown }[];
        }[]
      )[0]?.Environment.map((e) => [e.Name, e.Value]) ?? [],
    );
    expect(env.REDIRECT_URI).toEqual(origin);
    expect(env.LOGOUT_URI).toEqual(origin);
    // The API is called on the same origin (CloudFront's /api/*), so the CSP needs no other API host.
    expect(env.API_URL).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::ImportValue': expect.stringMatching(/Cdn.*DomainName/) }]],
    });
    expect(env.FRAME_ANCESTORS).toBe("'self' https://shop.example.com");
    expect(s.templates.web.toJSON().Outputs.Url.Value).toEqual(origin);
  });
});

describe('the CloudFront front door, on a custom domain', () => {
  let s: SynthesizedApp;
  afterAll(() => s.cleanup());

  it('serves the domain with its us-east-1 certificate, TLS 1.2+, and sends Cognito back to it', () => {
    s = synthApp({ nag: true, context: TEST_CUSTOM_DOMAIN });
    const config = distributionOf(s);
    expect(config.Aliases).toEqual(['chat.budgetbuddy.test']);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: TEST_CUSTOM_DOMAIN['budgetbuddy:certificateArn'],
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    const client = onlyResource(s.templates.api, 'AWS::Cognito::UserPoolClient').Properties;
    expect(client.CallbackURLs).toEqual(['https://chat.budgetbuddy.test/']);
    // With a real certificate nothing needs acknowledging about the viewer TLS policy.
    const report = new AwsSolutionsChecks().validateScope(s.app);
    expect(report.violations).toEqual([]);
  });
});
