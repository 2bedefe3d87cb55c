import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { budgetBuddyBot, type BotDefinition } from '@budgetbuddy/bot';
import { onlyResource, synthApp, type SynthesizedApp } from './support/synthApp';

interface CfnIntent {
  Name: string;
  ParentIntentSignature?: string;
  SampleUtterances?: { Utterance: string }[];
  Slots?: { Name: string; SlotTypeName: string; ValueElicitationSetting: Record<string, unknown> }[];
  SlotPriorities?: { Priority: number; SlotName: string }[];
  DialogCodeHook: { Enabled: boolean };
  FulfillmentCodeHook: { Enabled: boolean };
  IntentConfirmationSetting?: Record<string, unknown>;
  IntentClosingSetting?: Record<string, unknown>;
}
interface CfnSlotType {
  Name: string;
  ValueSelectionSetting: { ResolutionStrategy: string };
  SlotTypeValues: { SampleValue: { Value: string }; Synonyms?: { Value: string }[] }[];
}
interface CfnLocale {
  LocaleId: string;
  NluConfidenceThreshold: number;
  Intents: CfnIntent[];
  SlotTypes: CfnSlotType[];
}

const locales = (template: Template): CfnLocale[] =>
  onlyResource(template, 'AWS::Lex::Bot').Properties.BotLocales as CfnLocale[];

describe('BotStack: the CfnBot is generated from budgetBuddyBot', () => {
  let synthesized: SynthesizedApp;
  let template: Template;
  beforeAll(() => {
    synthesized = synthApp();
    template = synthesized.templates.bot;
  });
  afterAll(() => synthesized.cleanup());

  it('carries the bot-level settings of the definition', () => {
    const bot = onlyResource(template, 'AWS::Lex::Bot').Properties;
    expect(bot).toMatchObject({
      Name: budgetBuddyBot.name,
      IdleSessionTTLInSeconds: budgetBuddyBot.idleSessionTtlInSeconds,
      DataPrivacy: { ChildDirected: false },
      AutoBuildBotLocales: true,
    });
  });

  it('contains every intent with its utterances, slots in priority order and code hook flags', () => {
    for (const locale of budgetBuddyBot.locales) {
      const cfn = locales(template).find((l) => l.LocaleId === locale.localeId);
      expect(cfn?.NluConfidenceThreshold).toBe(locale.nluConfidenceThreshold);
      expect(cfn?.Intents.map((i) => i.Name)).toEqual(locale.intents.map((i) => i.name));
      for (const intent of locale.intents) {
        const c = cfn?.Intents.find((i) => i.Name === intent.name);
        expect((c?.SampleUtterances ?? []).map((u) => u.Utterance)).toEqual(intent.sampleUtterances);
        expect((c?.Slots ?? []).map((s) => [s.Name, s.SlotTypeName])).toEqual(
          intent.slots.map((s) => [s.name, s.slotTypeName]),
        );
        expect((c?.SlotPriorities ?? []).map((p) => p.SlotName)).toEqual(intent.slots.map((s) => s.name));
        for (const slot of intent.slots) {
          const setting = c?.Slots?.find((s) => s.Name === slot.name)?.ValueElicitationSetting;
          expect(setting).toMatchObject({
            SlotConstraint: slot.required ? 'Required' : 'Optional',
            PromptSpecification: {
              MaxRetries: slot.prompt.maxRetries,
              MessageGroupsList: slot.prompt.messageGroups.map((g) => ({
                Message: { PlainTextMessage: { Value: g.message } },
              })),
            },
          });
        }
        expect(c?.DialogCodeHook.Enabled).toBe(intent.dialogCodeHook);
        expect(c?.FulfillmentCodeHook.Enabled).toBe(intent.fulfillmentCodeHook);
        expect(c?.IntentConfirmationSetting !== undefined).toBe(intent.confirmation !== undefined);
        expect(c?.IntentClosingSetting !== undefined).toBe(intent.closingResponse !== undefined);
      }
    }
  });

  it('declares the built-in fallback intent, which CloudFormation requires', () => {
    const fallback = locales(template)[0]?.Intents.find(
      (i) => i.ParentIntentSignature === 'AMAZON.FallbackIntent',
    );
    expect(fallback?.Name).toBe('FallbackIntent');
    expect(fallback?.SampleUtterances).toBeUndefined();
    expect(fallback?.Slots).toBeUndefined();
  });

  it('contains every slot type with its values, synonyms and resolution strategy', () => {
    for (const locale of budgetBuddyBot.locales) {
      const cfn = locales(template).find((l) => l.LocaleId === locale.localeId);
      expect(cfn?.SlotTypes.map((t) => t.Name)).toEqual(locale.slotTypes.map((t) => t.name));
      for (const slotType of locale.slotTypes) {
        const c = cfn?.SlotTypes.find((t) => t.Name === slotType.name);
        expect(c?.ValueSelectionSetting.ResolutionStrategy).toBe(slotType.resolutionStrategy);
        expect(
          c?.SlotTypeValues.map((v) => [v.SampleValue.Value, (v.Synonyms ?? []).map((s) => s.Value)]),
        ).toEqual(slotType.values.map((v) => [v.value, v.synonyms]));
      }
    }
  });

  const fulfillmentId = () => {
    const ids = Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) =>
      id.startsWith('Fulfillment'),
    );
    expect(ids).toHaveLength(1);
    return ids[0]!;
  };

  it('wires the fulfillment Lambda as the code hook of the live alias, on the published version', () => {
    const fulfillment = fulfillmentId();
    const version = onlyResource(template, 'AWS::Lex::BotVersion').logicalId;
    const codeHook = {
      Enabled: true,
      CodeHookSpecification: {
        LambdaCodeHook: {
          CodeHookInterfaceVersion: '1.0',
          LambdaArn: { 'Fn::GetAtt': [fulfillment, 'Arn'] },
        },
      },
    };
    template.hasResourceProperties('AWS::Lex::BotAlias', {
      BotAliasName: 'live',
      BotVersion: { 'Fn::GetAtt': [version, 'BotVersion'] },
      BotAliasLocaleSettings: budgetBuddyBot.locales.map((l) => ({
        LocaleId: l.localeId,
        BotAliasLocaleSetting: codeHook,
      })),
    });
  });

  it('lets only Lex, from the live alias alone, invoke the fulfillment Lambda', () => {
    const alias = onlyResource(template, 'AWS::Lex::BotAlias').logicalId;
    const fulfillment = fulfillmentId();
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).filter((p) =>
      JSON.stringify(p.Properties.FunctionName).includes(fulfillment),
    );
    // The draft alias (TSTALIASID) may not run the production code hook on production data.
    expect(permissions.map((p) => p.Properties)).toEqual([
      expect.objectContaining({
        Action: 'lambda:InvokeFunction',
        Principal: 'lexv2.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [alias, 'Arn'] },
      }),
    ]);
    const bot = onlyResource(template, 'AWS::Lex::Bot').Properties;
    expect(JSON.stringify(bot.TestBotAliasSettings ?? {})).not.toContain('LambdaCodeHook');
  });

  it('rotates the identity key with a function only Secrets Manager may invoke', () => {
    const schedule = onlyResource(template, 'AWS::SecretsManager::RotationSchedule').Properties;
    const secret = onlyResource(template, 'AWS::SecretsManager::Secret', /^IdentityKey/).logicalId;
    expect(schedule).toMatchObject({
      SecretId: { Ref: secret },
      RotationRules: { ScheduleExpression: 'rate(30 days)' },
    });
    const rotation = (schedule.RotationLambdaARN as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).filter((p) =>
      JSON.stringify(p.Properties.FunctionName).includes(rotation),
    );
    expect(permissions.map((p) => p.Properties.Principal)).toEqual(['secretsmanager.amazonaws.com']);
  });

  it('follows an edited utterance into the synthesized bot and publishes a new version', () => {
    const edited = structuredClone(budgetBuddyBot) as BotDefinition;
    const intent = edited.locales[0]?.intents.find((i) => i.sampleUtterances.length > 0);
    if (!intent) throw new Error('the bot has no intent with utterances');
    const before = intent.sampleUtterances[0];
    intent.sampleUtterances[0] = 'please write down a brand new spending line';
    const changed = synthApp({ bot: edited });
    try {
      const utterances = (t: Template): string[] =>
        (locales(t)[0]?.Intents.find((i) => i.Name === intent.name)?.SampleUtterances ?? []).map(
          (u) => u.Utterance,
        );
      expect(utterances(changed.templates.bot)).toContain('please write down a brand new spending line');
      expect(utterances(changed.templates.bot)).not.toContain(before);
      expect(utterances(template)).toContain(before);
      expect(onlyResource(changed.templates.bot, 'AWS::Lex::BotVersion').logicalId).not.toBe(
        onlyResource(template, 'AWS::Lex::BotVersion').logicalId,
      );
    } finally {
      changed.cleanup();
    }
  });

  it('publishes a new version when a bot-level setting changes too', () => {
    const edited = { ...structuredClone(budgetBuddyBot), idleSessionTtlInSeconds: 600 } as BotDefinition;
    const changed = synthApp({ bot: edited });
    try {
      expect(onlyResource(changed.templates.bot, 'AWS::Lex::Bot').Properties.IdleSessionTTLInSeconds).toBe(
        600,
      );
      expect(onlyResource(changed.templates.bot, 'AWS::Lex::BotVersion').logicalId).not.toBe(
        onlyResource(template, 'AWS::Lex::BotVersion').logicalId,
      );
    } finally {
      changed.cleanup();
    }
  });

  it('follows an edit of an intent file through bin/app.ts, the entry point npm run synth runs', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'bb-cdk-app-'));
    const saved = {
      CDK_OUTDIR: process.env.CDK_OUTDIR,
      CDK_CONTEXT_JSON: process.env.CDK_CONTEXT_JSON,
      CDK_VALIDATION: process.env.CDK_VALIDATION,
    };
    const edited = 'jot down a brand new spending line';
    try {
      process.env.CDK_OUTDIR = outdir;
      // stacks.test.ts validates the same templates; here only the edit's way through bin/app.ts matters.
      process.env.CDK_VALIDATION = 'false';
      process.env.CDK_CONTEXT_JSON = JSON.stringify({ 'aws:cdk:bundling-stacks': [] });
      jest.isolateModules(() => {
        // The edit a person makes in bot/src/definition/intents/LogExpense.ts, and nothing else: the
        // intent object that file exports, as the package's surface hands it out.
        const { budgetBuddyBot: loaded } =
          jest.requireActual<typeof import('@budgetbuddy/bot')>('@budgetbuddy/bot');
        const logExpenseIntent = loaded.locales[0]?.intents.find((i) => i.name === 'LogExpense');
        if (!logExpenseIntent) throw new Error('LogExpense is missing from the bot definition');
        logExpenseIntent.sampleUtterances.push(edited);
        // The local runtime and the models API load this very object, and so does the CDK app.
        jest.requireActual('../bin/app');
      });
      const synthesized = JSON.parse(readFileSync(join(outdir, 'BudgetBuddyBot.template.json'), 'utf8')) as {
        Resources: Record<string, { Type: string; Properties: { BotLocales?: CfnLocale[] } }>;
      };
      const cfnBot = Object.values(synthesized.Resources).find((r) => r.Type === 'AWS::Lex::Bot');
      const logExpense = cfnBot?.Properties.BotLocales?.[0]?.Intents.find((i) => i.Name === 'LogExpense');
      expect(logExpense?.SampleUtterances?.map((u) => u.Utterance)).toContain(edited);
      expect(
        locales(template)[0]?.Intents.find((i) => i.Name === 'LogExpense')?.SampleUtterances,
      ).not.toContainEqual({ Utterance: edited });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
