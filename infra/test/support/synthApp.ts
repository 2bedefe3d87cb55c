/**
 * Builds the whole CDK app for assertion tests: the real bot definition and table description, no
 * Lambda bundling (CDK's own `aws:cdk:bundling-stacks` switch: `npm run synth` still bundles for real),
 * and an output directory in the OS temp dir so tests never touch infra/cdk.out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type BotDefinition, budgetBuddyBot } from '@budgetbuddy/bot';
import { tableDefinition } from '@budgetbuddy/fulfillment/store';
import { buildBudgetBuddy, type BudgetBuddyStacks } from '../../lib/BudgetBuddyApp';
import { readDeployConfig } from '../../lib/config';
import { ShardedCloudFormationValidatePlugin } from './shardedValidation';

/** One plugin per test process: its engine takes ~9 s of CPU to set up and is reused by later synths. */
let plugin: ShardedCloudFormationValidatePlugin | undefined;
const validationPlugin = () => (plugin ??= new ShardedCloudFormationValidatePlugin());

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
     * synth, as it does in `npm run synth` (infra/cdk.json), where CDK would otherwise only warn. The
     * engine's set-up takes ~9 s of CPU (once per test process), so one suite runs it on the whole app
     * (stacks.test.ts) and the suites that synthesize again for other reasons skip it. The engine's cost
     * grows with the square of a resource's size: BudgetBuddyBot's CfnBot took ~50 s CPU whole (measured
     * 2026-12-03, @aws/cloudformation-validate 1.14), so it is checked in pieces of the same engine
     * (shardedValidation.ts), ~7 s in all.
     */
    validate?: boolean;
    context?: Record<string, unknown>;
  } = {},
): SynthesizedApp {
  const outdir = mkdtempSync(join(tmpdir(), 'bb-cdk-'));
  const app = new App({
    outdir,
    // Validation, when asked for, goes through the subclass that checks the bot in pieces (in place of
    // CDK's own instance, which would check it whole: see shardedValidation.ts).
    builtinCloudFormationValidation: false,
    context: {
      'aws:cdk:bundling-stacks': [],
      '@aws-cdk/core:defaultCrossStackReferences': 'strong',
      '@aws-cdk/core:validateAgainstDefaultRules': true,
      ...options.context,
    },
  });
  if (options.validate) Validations.of(app).addPlugins(validationPlugin());
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
