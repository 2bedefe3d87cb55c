/**
 * The public front door (issue 14 point 6): HTTPS through CloudFront, AWS WAF on the distribution, the
 * load balancer reachable only from CloudFront, the API uncached with the caller's token passed on.
 * Both configurations: CloudFront's own domain (the default) and a custom domain with its certificate.
 */
import { AwsSolutionsChecks } from 'cdk-nag';
import { Match } from 'aws-cdk-lib/assertions';
import { ALB_LOG_PREFIX, ORIGIN_VERIFY_HEADER } from '../lib/stacks/EdgeStack';
import { MANAGED_RULE_GROUPS, WEB_ACL_ARN_OUTPUT } from '../lib/stacks/WafStack';
import { onlyResource, synthApp, TEST_CUSTOM_DOMAIN, type SynthesizedApp } from './support/synthApp';

/** AWS's managed CloudFront policies (the ids CloudFront knows them by). */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
/** UseOriginCacheControlHeaders-QueryStrings: the origin's Cache-Control, query strings in the cache key. */
const ORIGIN_CACHE_CONTROL_WITH_QUERY_STRINGS = '4cc15a8a-d715-48a4-82b8-cc0b614638fe';

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
  CustomOriginConfig?: { OriginProtocolPolicy: string };
  VpcOriginConfig?: { VpcOriginId: unknown };
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
  Restrictions?: { GeoRestriction: { RestrictionType: string; Locations?: string[] } };
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
    expect(origin?.CustomOriginConfig?.OriginProtocolPolicy).toBe('https-only');
    const apiId = onlyResource(s.templates.edge, 'AWS::ApiGatewayV2::Api').logicalId;
    expect(JSON.stringify(origin?.DomainName)).toContain(`{"Ref":"${apiId}"},".execute-api."`);
    // Everything else goes to the load balancer and caches only what nginx allows.
    const site = config.Origins.find((o) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    const alb = onlyResource(s.templates.edge, 'AWS::ElasticLoadBalancingV2::LoadBalancer').logicalId;
    expect(site?.DomainName).toEqual({ 'Fn::GetAtt': [alb, 'DNSName'] });
    const vpcOrigin = onlyResource(s.templates.edge, 'AWS::CloudFront::VpcOrigin');
    expect(site?.VpcOriginConfig).toMatchObject({
      VpcOriginId: { 'Fn::GetAtt': [vpcOrigin.logicalId, 'Id'] },
    });
    // nginx decides what is cached; the query string reaches it (and keys the cache), because only the
    // widget's page, /?embed=1, may be framed (frame-ancestors chosen by nginx on ?embed, issue 14.8).
    // The plain UseOriginCacheControlHeaders policy forwards no query string: nginx would never see it.
    expect(config.DefaultCacheBehavior.CachePolicyId).toBe(ORIGIN_CACHE_CONTROL_WITH_QUERY_STRINGS);
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

  it('lets only CloudFront reach the load balancer: internal, in isolated subnets, through a VPC origin, with this deployment’s header', () => {
    const edge = s.templates.edge;
    const lb = onlyResource(edge, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    expect(lb.Properties.Scheme).toBe('internal');
    const albGroups = lb.Properties.SecurityGroups as { 'Fn::GetAtt': [string, string] }[];
    expect(albGroups).toHaveLength(1);
    const albSg = albGroups[0]?.['Fn::GetAtt'][0];
    // Its subnets are the isolated ones (no route to an internet gateway).
    const subnets = edge.findResources('AWS::EC2::Subnet');
    const isolated = Object.entries(subnets)
      .filter(([, r]) => JSON.stringify(r.Properties.Tags).includes('"Isolated"'))
      .map(([id]) => id);
    expect(isolated).toHaveLength(2);
    expect(lb.Properties.Subnets).toEqual(isolated.map((id) => ({ Ref: id })));
    for (const route of Object.values(edge.findResources('AWS::EC2::Route'))) {
      const table = JSON.stringify(route.Properties.RouteTableId);
      expect(isolated.some((id) => table.includes(id))).toBe(false);
    }
    // The VPC origin points at this load balancer, over HTTP on port 80 inside the VPC.
    edge.hasResourceProperties('AWS::CloudFront::VpcOrigin', {
      VpcOriginEndpointConfig: Match.objectLike({
        Arn: { Ref: lb.logicalId },
        HTTPPort: 80,
        OriginProtocolPolicy: 'http-only',
      }),
    });
    // One rule per isolated subnet, port 80 only: the addresses CloudFront's interfaces have there.
    expect(edge.toJSON().Resources[albSg ?? ''].Properties.SecurityGroupIngress).toEqual(
      isolated.map((id) =>
        expect.objectContaining({
          IpProtocol: 'tcp',
          FromPort: 80,
          ToPort: 80,
          CidrIp: subnets[id]?.Properties.CidrBlock,
        }),
      ),
    );
    expect(Object.keys(edge.findResources('AWS::EC2::SecurityGroupIngress'))).toEqual([]);
    // No custom resource (and no Lambda) is needed to find CloudFront's addresses any more.
    expect(Object.keys(edge.findResources('Custom::AWS'))).toEqual([]);
    expect(Object.keys(edge.findResources('AWS::Lambda::Function'))).toEqual([]);
    for (const [id, group] of Object.entries(edge.findResources('AWS::EC2::SecurityGroup'))) {
      if (id !== albSg) expect(group.Properties.SecurityGroupIngress).toBeUndefined();
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

describe('load balancer access logs and the country allow-list', () => {
  let s: SynthesizedApp;
  beforeAll(() => {
    s = synthApp({ nag: true, context: { 'budgetbuddy:geoAllowList': 'us, ca,GB' } });
  });
  afterAll(() => s.cleanup());

  it('logs the load balancer to the access-log bucket in any region, the writer chosen by CloudFormation', () => {
    const edge = s.templates.edge;
    const lb = onlyResource(edge, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    const attributes = Object.fromEntries(
      (lb.Properties.LoadBalancerAttributes as { Key: string; Value: unknown }[]).map((a) => [
        a.Key,
        a.Value,
      ]),
    );
    const bucket = onlyResource(edge, 'AWS::S3::Bucket', /^AccessLogs/).logicalId;
    expect(attributes['access_logs.s3.enabled']).toBe('true');
    expect(attributes['access_logs.s3.bucket']).toEqual({ Ref: bucket });
    expect(attributes['access_logs.s3.prefix']).toBe(ALB_LOG_PREFIX);
    // The regional ELB account comes from a mapping (us-east-1's is 127311923021); newer regions
    // write through the log-delivery service principal.
    const json = JSON.stringify(edge.toJSON());
    expect(json).toContain('127311923021');
    const statements = JSON.stringify(onlyResource(edge, 'AWS::S3::BucketPolicy').Properties.PolicyDocument);
    expect(statements).toContain('logdelivery.elasticloadbalancing.amazonaws.com');
    expect(statements).toContain('Fn::FindInMap');
    expect(statements).toContain(`/${ALB_LOG_PREFIX}/AWSLogs/`);
    expect(edge.toJSON().Resources[lb.logicalId].DependsOn).toEqual(
      expect.arrayContaining([expect.stringMatching(/^AccessLogsPolicy/)]),
    );
  });

  it('serves only the configured countries, and needs no geo acknowledgement then', () => {
    expect(distributionOf(s).Restrictions).toEqual({
      GeoRestriction: { RestrictionType: 'whitelist', Locations: ['US', 'CA', 'GB'] },
    });
    // The acknowledgement is only added when there is no allow-list (the default app has it).
    expect(JSON.stringify(s.stacks.edge.distribution.node.metadata)).not.toContain('AwsSolutions-CFR1');
    expect(new AwsSolutionsChecks().validateScope(s.app).violations).toEqual([]);
  });
});

describe('receipt photos deployed: presigned S3 upload, Textract reads from S3 (issue 13)', () => {
  let s: SynthesizedApp;
  beforeAll(() => {
    s = synthApp({ nag: true });
  });
  afterAll(() => s.cleanup());

  it('keeps uploads in a private, encrypted, TLS-only bucket that forgets them after a day', () => {
    const bucket = onlyResource(s.templates.api, 'AWS::S3::Bucket', /^ReceiptUploads/);
    expect(bucket.Properties).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: {
        Rules: [expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 1, Status: 'Enabled' })],
      },
      LoggingConfiguration: expect.objectContaining({ LogFilePrefix: 'receipt-uploads/' }),
    });
    // CORS: POST from the app's own origin only.
    const cors = (bucket.Properties.CorsConfiguration as { CorsRules: Record<string, unknown>[] }).CorsRules;
    expect(cors).toEqual([
      expect.objectContaining({
        AllowedMethods: ['POST'],
        AllowedOrigins: [
          { 'Fn::Join': ['', ['https://', { 'Fn::ImportValue': expect.stringMatching(/Cdn.*DomainName/) }]] },
        ],
      }),
    ]);
    const policy = JSON.stringify(onlyResource(s.templates.api, 'AWS::S3::BucketPolicy').Properties);
    expect(policy).toContain('"aws:SecureTransport":"false"');
  });

  it('routes /api/receipts/uploads and /analyze behind the JWT authorizer; the proxy knows the bucket', () => {
    const authorizer = onlyResource(s.templates.api, 'AWS::ApiGatewayV2::Authorizer');
    for (const key of ['POST /api/receipts/uploads', 'POST /api/receipts/analyze']) {
      s.templates.api.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: key,
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizer.logicalId },
      });
    }
    const bucket = onlyResource(s.templates.api, 'AWS::S3::Bucket', /^ReceiptUploads/).logicalId;
    s.templates.api.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ RECEIPT_BUCKET: { Ref: bucket } }) },
    });
  });

  it('grants the proxy objects under uploads/ only (in the bucket policy), and AnalyzeExpense; nag finds nothing unacknowledged', () => {
    const bucket = onlyResource(s.templates.api, 'AWS::S3::Bucket', /^ReceiptUploads/).logicalId;
    const bucketPolicy = onlyResource(s.templates.api, 'AWS::S3::BucketPolicy').Properties as {
      Bucket: unknown;
      PolicyDocument: { Statement: Record<string, unknown>[] };
    };
    expect(bucketPolicy.Bucket).toEqual({ Ref: bucket });
    const allows = bucketPolicy.PolicyDocument.Statement.filter((st) => st.Effect === 'Allow');
    // One Allow, to the proxy's role only, on objects under uploads/ only.
    expect(allows).toEqual([
      {
        Sid: 'ChatProxyReceiptUploads',
        Effect: 'Allow',
        Principal: { AWS: { 'Fn::GetAtt': [expect.stringMatching(/^ProxyServiceRole/), 'Arn'] } },
        Action: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/uploads/*']] },
      },
    ]);
    const textract = onlyResource(s.templates.api, 'AWS::IAM::Policy', /^ReceiptAnalysis/).Properties as {
      PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] };
    };
    expect(textract.PolicyDocument.Statement).toEqual([
      expect.objectContaining({ Action: 'textract:AnalyzeExpense', Resource: '*' }),
    ]);
    // No identity policy anywhere in the API stack names S3, and only that one names Textract.
    const others = Object.entries(s.templates.api.findResources('AWS::IAM::Policy'))
      .filter(([id]) => !id.startsWith('ReceiptAnalysis'))
      .map(([, r]) => JSON.stringify(r.Properties));
    expect(others.join()).not.toMatch(/"s3:|textract:/);
    expect(JSON.stringify(textract)).not.toMatch(/"s3:/);
    expect(new AwsSolutionsChecks().validateScope(s.app).violations).toEqual([]);
  });

  it('lets the app post to the bucket: its regional origin is in the page CSP connect-src', () => {
    const env = (
      onlyResource(s.templates.web, 'AWS::ECS::TaskDefinition').Properties.ContainerDefinitions as {
        Environment: { Name: string; Value: unknown }[];
      }[]
    )[0]?.Environment.find((e) => e.Name === 'UPLOAD_ORIGIN');
    expect(JSON.stringify(env?.Value)).toContain('RegionalDomainName');
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
