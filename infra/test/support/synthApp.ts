/**
 * Builds the whole CDK app for assertion tests: the real bot definition and table description, no
 * Lambda bundling (CDK's own `aws:cdk:bundling-stacks` switch: `npm run synth` still bundles for real),
 * and an output directory in the OS temp dir so tests never touch infra/cdk.out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type BotDefinition, budgetBuddyBot } from '@budgetbuddy/bot';
import { tableDefinition } from '@budgetbuddy/fulfillment/store';
import { buildBudgetBuddy, type BudgetBuddyStacks } from '../../lib/BudgetBuddyApp';
import { readDeployConfig } from '../../lib/config';

/** A custom domain and its (us-east-1) certificate, for tests that pass them as context. */
export const TEST_CUSTOM_DOMAIN = {
  'budgetbuddy:webOrigin': 'https://chat.budgetbuddy.test',
  'budgetbuddy:certificateArn':
    'arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-1111-2222-3333-444455556666',
} as const;
const STUB_ENTRY = 'infra/test/fixtures/handlerStub.ts';

export interface SynthesizedApp {
  app: App;
  stacks: BudgetBuddyStacks;
  templates: { [K in keyof BudgetBuddyStacks]: Template };
  cleanup(): void;
}

export function synthApp(
  options: {
    bot?: BotDefinition;
    nag?: boolean;
    /**
     * Run CDK's built-in CloudFormation validation (cfn-lint in WebAssembly), strict: a finding fails the
     * synth, as it does in `npm run synth` (infra/cdk.json), where CDK would otherwise only warn. It is
     * 95 % of a synth's time, so one suite runs it on the whole app (stacks.test.ts) and the suites that
     * synthesize again for other reasons skip it. Measured 2026-12-03 (@aws/cloudformation-validate 1.14):
     * engine set-up ~9 s CPU, then nearly all of the rest is the schema check of BudgetBuddyBot's CfnBot
     * (~100 s CPU on a loaded machine; the other six templates take ~1.5 s together). It grows faster than
     * the bot: about with (strings in the template) × (template bytes), so every utterance or synonym added
     * to bot/src/definition makes this suite slower by more than the one before.
     */
    validate?: boolean;
    context?: Record<string, unknown>;
  } = {},
): SynthesizedApp {
  const outdir = mkdtempSync(join(tmpdir(), 'bb-cdk-'));
  const app = new App({
    outdir,
    builtinCloudFormationValidation: options.validate ?? false,
    context: {
      'aws:cdk:bundling-stacks': [],
      '@aws-cdk/core:defaultCrossStackReferences': 'strong',
      '@aws-cdk/core:validateAgainstDefaultRules': true,
      ...options.context,
    },
  });
  const stacks = buildBudgetBuddy(app, {
    bot: options.bot ?? budgetBuddyBot,
    tableDefinition,
    config: readDeployConfig(app),
    entries: { fulfillment: STUB_ENTRY, proxy: STUB_ENTRY, rotation: STUB_ENTRY, recurring: STUB_ENTRY },
    nag: options.nag ?? false,
  });
  app.synth();
  const templates = {
    data: Template.fromStack(stacks.data),
    bot: Template.fromStack(stacks.bot),
    waf: Template.fromStack(stacks.waf),
    edge: Template.fromStack(stacks.edge),
    api: Template.fromStack(stacks.api),
    web: Template.fromStack(stacks.web),
    observability: Template.fromStack(stacks.observability),
  };
  return { app, stacks, templates, cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** The single resource of a type in a template, failing clearly if there is not exactly one. */
export function onlyResource(
  template: Template,
  type: string,
  /** Only resources whose logical id matches (when a stack has several of the type). */
  idPattern?: RegExp,
): { logicalId: string; Properties: Record<string, unknown> } {
  const found = Object.entries(template.findResources(type)).filter(
    ([id]) => !idPattern || idPattern.test(id),
  );
  if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
  const [logicalId, resource] = found[0] as [string, { Properties: Record<string, unknown> }];
  return { logicalId, Properties: resource.Properties };
}
