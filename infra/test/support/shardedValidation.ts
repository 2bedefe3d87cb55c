/**
 * CDK's built-in CloudFormation validation (cfn-lint in WebAssembly), with the Lex bot checked in
 * pieces. The engine's cost grows with the square of a resource's size: the CfnBot (some 7,000
 * utterances and synonyms) took ~50 s of CPU alone, and every utterance added made it slower by more
 * than the last; the same bot cut into templates of ~25 KB of locale each takes a few seconds in all.
 *
 * Nothing is checked less than by the plain plugin, because every value and every whole array still
 * goes through the same engine, rules and suppressions (this is a subclass of CDK's own plugin,
 * registered in its place, so the synth's strict mode and validation-report.json are unchanged):
 *  - an outline template holds the bot with every intent, slot type and slot value in place (so the
 *    counts and uniqueness of those arrays are checked), each intent keeping one utterance and each
 *    value no synonym;
 *  - the other templates each hold whole intents (all utterances, slots and prompts) or whole slot
 *    values (all synonyms) of one slot type, beside the rest of the stack's resources.
 * Findings are mapped back to the real template and to the real array positions in it.
 * `stacks.test.ts` shows that a broken utterance, synonym or intent deep in the bot still fails the synth.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloudFormationValidatePlugin,
  type IPolicyValidationContext,
  type PolicyValidationPluginReport,
  type PolicyViolation,
  type PolicyViolatingResource,
} from 'aws-cdk-lib';

type Json = Record<string, unknown>;
type Resource = { Type?: string; Properties?: Json };
interface Template {
  Resources?: Record<string, Resource>;
  [key: string]: unknown;
}
interface Intent extends Json {
  SampleUtterances?: unknown[];
}
interface SlotType extends Json {
  SlotTypeValues?: Json[];
}
interface Locale extends Json {
  Intents?: Intent[];
  SlotTypes?: SlotType[];
}

/** About how much locale JSON one piece carries: small enough that the square stays cheap. */
const PIECE_BYTES = 10_000;
const BOT_TYPE = 'AWS::Lex::Bot';

/**
 * One template to validate in place of (part of) a real one, and how its array positions map back:
 * `intents[i]` is the real index of the piece's i-th intent, `slotTypes`/`values` likewise.
 */
interface Piece {
  template: Template;
  logicalId?: string;
  locale?: number;
  intents?: number[];
  slotType?: number;
  values?: number[];
}

const sizeOf = (x: unknown): number => JSON.stringify(x).length;

/** An intent's own settings without its slots and prompts, which its piece checks whole. */
const scalarsOf = (o: Json): Json =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v === null || typeof v !== 'object'));

/** Groups consecutive items into runs of about PIECE_BYTES (an item bigger than that goes alone). */
function packed<T>(items: T[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  let bytes = 0;
  items.forEach((item, i) => {
    const size = sizeOf(item);
    if (run.length > 0 && bytes + size > PIECE_BYTES) {
      runs.push(run);
      run = [];
      bytes = 0;
    }
    run.push(i);
    bytes += size;
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The template with the bot's locale replaced (a deep copy: the real template is never changed). */
function withLocale(template: Template, logicalId: string, locale: number, replacement: Locale): Template {
  const copy = structuredClone(template);
  const props = copy.Resources?.[logicalId]?.Properties as { BotLocales: Locale[] };
  props.BotLocales[locale] = replacement;
  return copy;
}

/** The pieces a template is validated as: itself when it has no bot, else an outline and the parts. */
export function piecesOf(template: Template): Piece[] {
  const bots = Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type === BOT_TYPE);
  if (bots.length === 0) return [{ template }];
  let outline = structuredClone(template);
  const pieces: Piece[] = [];
  for (const [logicalId, bot] of bots) {
    const locales = (bot.Properties?.BotLocales ?? []) as Locale[];
    locales.forEach((locale, l) => {
      const intents = locale.Intents ?? [];
      const slotTypes = locale.SlotTypes ?? [];
      outline = withLocale(outline, logicalId, l, {
        ...locale,
        ...(locale.Intents && {
          Intents: intents.map((intent) => ({
            ...scalarsOf(intent),
            ...(intent.SampleUtterances && { SampleUtterances: intent.SampleUtterances.slice(0, 1) }),
          })),
        }),
        ...(locale.SlotTypes && {
          SlotTypes: slotTypes.map((slotType) => ({
            ...slotType,
            ...(slotType.SlotTypeValues && {
              SlotTypeValues: slotType.SlotTypeValues.map(({ Synonyms: _synonyms, ...value }) => value),
            }),
          })),
        }),
      });
      const { Intents: _intents, SlotTypes: _slotTypes, ...rest } = locale;
      for (const run of packed(intents)) {
        pieces.push({
          template: withLocale(template, logicalId, l, { ...rest, Intents: run.map((i) => intents[i]!) }),
          logicalId,
          locale: l,
          intents: run,
        });
      }
      slotTypes.forEach((slotType, s) => {
        const values = slotType.SlotTypeValues ?? [];
        for (const run of packed(values)) {
          const part = { ...slotType, SlotTypeValues: run.map((v) => values[v]!) };
          pieces.push({
            template: withLocale(template, logicalId, l, { ...rest, Intents: [], SlotTypes: [part] }),
            logicalId,
            locale: l,
            slotType: s,
            values: run,
          });
        }
      });
    });
  }
  return [{ template: outline }, ...pieces];
}

/**
 * A property path of a piece (the engine writes `BotLocales.0.Intents.5.Name`), with its array
 * positions turned back into the real template's.
 */
function realPath(path: string, piece: Piece): string {
  if (piece.locale === undefined) return path;
  const locale = `BotLocales.${piece.locale}.`;
  const at = (list: number[] | undefined, i: string) => String(list?.[Number(i)] ?? `?${i}`);
  if (piece.intents)
    return path.replace(
      new RegExp(`${escapeRegExp(locale)}Intents\\.(\\d+)`),
      (_m, i: string) => `${locale}Intents.${at(piece.intents, i)}`,
    );
  return path.replace(
    new RegExp(`${escapeRegExp(locale)}SlotTypes\\.0(\\.SlotTypeValues\\.(\\d+))?`),
    (_m, values: string | undefined, v: string | undefined) =>
      `${locale}SlotTypes.${piece.slotType}${values ? `.SlotTypeValues.${at(piece.values, v ?? '')}` : ''}`,
  );
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class ShardedCloudFormationValidatePlugin extends CloudFormationValidatePlugin {
  override validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const dir = mkdtempSync(join(tmpdir(), 'bb-cfn-pieces-'));
    try {
      const origin = new Map<string, { templatePath: string; piece: Piece }>();
      const stackTemplates = context.stackTemplates.flatMap((stack) => {
        const template = JSON.parse(readFileSync(stack.templatePath, 'utf8')) as Template;
        const pieces = piecesOf(template);
        if (pieces.length === 1) return [stack];
        return pieces.map((piece, n) => {
          const templatePath = join(dir, `${origin.size}-${n}.template.json`);
          writeFileSync(templatePath, JSON.stringify(piece.template, null, 1));
          origin.set(templatePath, { templatePath: stack.templatePath, piece });
          return { ...stack, templatePath };
        });
      });
      const report = super.validate({
        ...context,
        templatePaths: stackTemplates.map((s) => s.templatePath),
        stackTemplates,
      });
      return { ...report, violations: merged(report.violations, origin) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Violations as the whole templates would have had them: real paths, each finding once. */
function merged(
  violations: PolicyViolation[],
  origin: Map<string, { templatePath: string; piece: Piece }>,
): PolicyViolation[] {
  const byKey = new Map<string, PolicyViolation & { violatingResources: PolicyViolatingResource[] }>();
  const seen = new Set<string>();
  for (const violation of violations) {
    for (const resource of violation.violatingResources) {
      const from = resource.templatePath ? origin.get(resource.templatePath) : undefined;
      const map = (p: string) =>
        from && resource.resourceLogicalId === from.piece.logicalId ? realPath(p, from.piece) : p;
      const real: PolicyViolatingResource = {
        ...resource,
        ...(from && { templatePath: from.templatePath }),
        locations: resource.locations.map(map),
      };
      const description = map(violation.description);
      const key = JSON.stringify([violation.ruleName, violation.severity, description]);
      const one = JSON.stringify([key, real.resourceLogicalId, real.templatePath, real.locations]);
      if (seen.has(one)) continue; // the same finding on a resource every piece repeats
      seen.add(one);
      const existing = byKey.get(key);
      if (existing) existing.violatingResources.push(real);
      else byKey.set(key, { ...violation, description, violatingResources: [real] });
    }
  }
  return [...byKey.values()];
}
