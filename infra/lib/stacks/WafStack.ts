/**
 * The AWS WAF web ACL in front of the CloudFront distribution (issue 14 point 6). A web ACL for
 * CloudFront must have scope CLOUDFRONT and live in us-east-1, whatever region the app runs in, so this
 * small stack is pinned to us-east-1; EdgeStack reads its ARN at deploy time with `Fn::GetStackOutput`
 * (which crosses regions), so the other stacks stay environment-agnostic and `npm run synth` needs no
 * AWS account or region.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** CloudFront web ACLs exist only in us-east-1. */
export const WAF_REGION = 'us-east-1';
/** Logical id of the output EdgeStack reads; pinned so the reader can name it. */
export const WEB_ACL_ARN_OUTPUT = 'WebAclArn';

/** AWS managed rule groups, in evaluation order. */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

export interface WafStackProps extends StackProps {
  /** Requests one client IP may make in any 5-minute window before it is blocked. */
  ratePerFiveMinutes: number;
}

export class WafStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: WafStackProps) {
    super(scope, id, props);
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });

    const managed = MANAGED_RULE_GROUPS.map((name, priority): CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          // The common rule set blocks request bodies over 8 KB; bank statement imports
          // (POST /api/import, up to 5 MB) are bigger by design and the API checks their size itself.
          ...(name === 'AWSManagedRulesCommonRuleSet'
            ? { ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }] }
            : {}),
        },
      },
      visibilityConfig: visibility(name),
    }));
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'BudgetBuddy: AWS managed rules and a per-IP rate limit in front of CloudFront',
      visibilityConfig: visibility('BudgetBuddyWebAcl'),
      rules: [
        ...managed,
        {
          name: 'RatePerIp',
          priority: managed.length,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.ratePerFiveMinutes,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
            },
          },
          visibilityConfig: visibility('RatePerIp'),
        },
      ],
    });

    const output = new CfnOutput(this, WEB_ACL_ARN_OUTPUT, {
      value: this.webAcl.attrArn,
      description: 'Web ACL of the CloudFront distribution (read by the edge stack)',
    });
    output.overrideLogicalId(WEB_ACL_ARN_OUTPUT);
  }
}
