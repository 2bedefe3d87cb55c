/**
 * Creates or updates a Lex V2 bot from bot/'s definition through the Models API: the DRAFT is made to
 * match the definition exactly (custom intents and slot types are replaced, the built-in fallback intent
 * is updated), each locale is built and awaited, then a numbered version is published and the alias
 * pointed at it (with the fulfillment Lambda as code hook when given).
 */
import {
  BuildBotLocaleCommand,
  CreateBotAliasCommand,
  CreateBotCommand,
  CreateBotLocaleCommand,
  CreateBotVersionCommand,
  CreateIntentCommand,
  CreateSlotCommand,
  CreateSlotTypeCommand,
  DeleteIntentCommand,
  DeleteSlotTypeCommand,
  DescribeBotCommand,
  DescribeBotLocaleCommand,
  DescribeBotVersionCommand,
  ResourceNotFoundException,
  UpdateBotAliasCommand,
  UpdateBotCommand,
  UpdateBotLocaleCommand,
  UpdateIntentCommand,
  paginateListBotAliases,
  paginateListBots,
  paginateListIntents,
  paginateListSlotTypes,
  type BotAliasLocaleSettings,
  type LexModelsV2Client,
} from '@aws-sdk/client-lex-models-v2';
import { BUILT_IN_SLOT_TYPES, type BotDefinition, type LocaleDefinition } from '../definition/types';
import { DRAFT_VERSION, toLexIntentSettings, toLexSlotSettings, toLexSlotTypeSettings } from './lexModel';

export interface PushOptions {
  /** IAM role Lex assumes for the bot (needs no permissions for a text bot). */
  roleArn: string;
  aliasName: string;
  /** Fulfillment Lambda for the alias code hook; omitted = alias without a code hook. */
  lambdaArn?: string;
  /** Polling of asynchronous steps (bot creation, locale build, version). */
  pollIntervalMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

export interface PushResult {
  botId: string;
  botVersion: string;
  botAliasId: string;
}

export class BotPushError extends Error {
  override readonly name = 'BotPushError';
}

const FALLBACK = 'AMAZON.FallbackIntent';

export async function pushBot(
  client: LexModelsV2Client,
  def: BotDefinition,
  options: PushOptions,
): Promise<PushResult> {
  const log = options.log ?? (() => undefined);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const interval = options.pollIntervalMs ?? 5_000;
  const timeout = options.timeoutMs ?? 15 * 60_000;

  /** Polls `read` until `done` says so; `failed` turns a terminal status into a clear error. */
  async function waitFor<T>(
    what: string,
    read: () => Promise<T>,
    done: (t: T) => boolean,
    failed: (t: T) => string | null,
  ): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const state = await read();
      const failure = failed(state);
      if (failure) throw new BotPushError(`${what} failed: ${failure}`);
      if (done(state)) return state;
      if (Date.now() > deadline) throw new BotPushError(`${what} did not finish within ${timeout / 1000} s`);
      await sleep(interval);
    }
  }

  const botSettings = {
    botName: def.name,
    description: def.description,
    roleArn: options.roleArn,
    dataPrivacy: { childDirected: false },
    idleSessionTTLInSeconds: def.idleSessionTtlInSeconds,
  };
  let botId = await findBotId(client, def.name);
  if (botId) {
    log(`updating bot ${def.name} (${botId})`);
    await client.send(new UpdateBotCommand({ botId, ...botSettings }));
  } else {
    const created = await client.send(new CreateBotCommand(botSettings));
    botId = required(created.botId, 'CreateBot returned no botId');
    log(`created bot ${def.name} (${botId})`);
  }
  const id = botId;
  await waitFor(
    `bot ${def.name}`,
    () => client.send(new DescribeBotCommand({ botId: id })),
    (b) => b.botStatus === 'Available',
    (b) => (b.botStatus === 'Failed' ? (b.failureReasons ?? []).join('; ') || 'status Failed' : null),
  );

  for (const locale of def.locales) {
    await pushLocale(client, id, locale, log);
    await client.send(
      new BuildBotLocaleCommand({ botId: id, botVersion: DRAFT_VERSION, localeId: locale.localeId }),
    );
    log(`building ${locale.localeId}…`);
    await waitFor(
      `building locale ${locale.localeId}`,
      () =>
        client.send(
          new DescribeBotLocaleCommand({ botId: id, botVersion: DRAFT_VERSION, localeId: locale.localeId }),
        ),
      (l) => l.botLocaleStatus === 'Built' || l.botLocaleStatus === 'ReadyExpressTesting',
      (l) =>
        l.botLocaleStatus === 'Failed' || l.botLocaleStatus === 'NotBuilt'
          ? (l.failureReasons ?? []).join('; ') || `status ${l.botLocaleStatus}`
          : null,
    );
  }

  const version = await client.send(
    new CreateBotVersionCommand({
      botId: id,
      description: `bot:push of ${def.name}`,
      botVersionLocaleSpecification: Object.fromEntries(
        def.locales.map((l) => [l.localeId, { sourceBotVersion: DRAFT_VERSION }]),
      ),
    }),
  );
  const botVersion = required(version.botVersion, 'CreateBotVersion returned no version');
  await waitFor(
    `version ${botVersion}`,
    () => client.send(new DescribeBotVersionCommand({ botId: id, botVersion })),
    (v) => v.botStatus === 'Available',
    (v) => (v.botStatus === 'Failed' ? (v.failureReasons ?? []).join('; ') || 'status Failed' : null),
  );
  log(`published version ${botVersion}`);

  const localeSettings: Record<string, BotAliasLocaleSettings> = Object.fromEntries(
    def.locales.map((l) => [
      l.localeId,
      {
        enabled: true,
        ...(options.lambdaArn
          ? {
              codeHookSpecification: {
                lambdaCodeHook: { lambdaARN: options.lambdaArn, codeHookInterfaceVersion: '1.0' },
              },
            }
          : {}),
      },
    ]),
  );
  const aliasId = await findAliasId(client, id, options.aliasName);
  const aliasSettings = {
    botId: id,
    botAliasName: options.aliasName,
    botVersion,
    botAliasLocaleSettings: localeSettings,
  };
  const alias = aliasId
    ? await client.send(new UpdateBotAliasCommand({ ...aliasSettings, botAliasId: aliasId }))
    : await client.send(new CreateBotAliasCommand(aliasSettings));
  const botAliasId = required(alias.botAliasId, 'the alias call returned no botAliasId');
  log(`alias ${options.aliasName} (${botAliasId}) → version ${botVersion}`);
  return { botId: id, botVersion, botAliasId };
}

async function pushLocale(
  client: LexModelsV2Client,
  botId: string,
  locale: LocaleDefinition,
  log: (line: string) => void,
): Promise<void> {
  const where = { botId, botVersion: DRAFT_VERSION, localeId: locale.localeId };
  const localeSettings = {
    ...where,
    ...(locale.description === undefined ? {} : { description: locale.description }),
    nluIntentConfidenceThreshold: locale.nluConfidenceThreshold,
  };
  try {
    await client.send(new DescribeBotLocaleCommand(where));
    await client.send(new UpdateBotLocaleCommand(localeSettings));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
    await client.send(new CreateBotLocaleCommand(localeSettings));
    log(`created locale ${locale.localeId}`);
  }

  // The DRAFT becomes exactly the definition: drop what is there (intents first: they use the types).
  const existingIntents: {
    intentId?: string | undefined;
    intentName?: string | undefined;
    parentIntentSignature?: string | undefined;
  }[] = [];
  for await (const page of paginateListIntents({ client }, where))
    existingIntents.push(...(page.intentSummaries ?? []));
  for (const intent of existingIntents) {
    if (intent.parentIntentSignature === FALLBACK) continue;
    await client.send(new DeleteIntentCommand({ ...where, intentId: intent.intentId }));
  }
  for await (const page of paginateListSlotTypes({ client }, where)) {
    for (const slotType of page.slotTypeSummaries ?? []) {
      await client.send(new DeleteSlotTypeCommand({ ...where, slotTypeId: slotType.slotTypeId }));
    }
  }

  const slotTypeIds = new Map<string, string>(BUILT_IN_SLOT_TYPES.map((t) => [t, t]));
  for (const slotType of locale.slotTypes) {
    const created = await client.send(
      new CreateSlotTypeCommand({ ...where, ...toLexSlotTypeSettings(slotType) }),
    );
    slotTypeIds.set(
      slotType.name,
      required(created.slotTypeId, `CreateSlotType ${slotType.name} returned no id`),
    );
  }

  for (const intent of locale.intents) {
    const settings = toLexIntentSettings(intent);
    let intentId: string;
    if (intent.parentIntentSignature === FALLBACK) {
      const existing = existingIntents.find((i) => i.parentIntentSignature === FALLBACK);
      intentId = required(
        existing?.intentId,
        `locale ${locale.localeId} has no AMAZON.FallbackIntent to update`,
      );
      await client.send(new UpdateIntentCommand({ ...where, intentId, ...settings }));
      continue;
    }
    // Utterances and confirmation may name slots, so they are set once the slots exist.
    const created = await client.send(
      new CreateIntentCommand({
        ...where,
        intentName: settings.intentName,
        ...(settings.description === undefined ? {} : { description: settings.description }),
      }),
    );
    intentId = required(created.intentId, `CreateIntent ${intent.name} returned no id`);
    const slotIds: string[] = [];
    for (const slot of intent.slots) {
      const typeId = required(
        slotTypeIds.get(slot.slotTypeName),
        `slot ${intent.name}.${slot.name}: unknown slot type ${slot.slotTypeName}`,
      );
      const createdSlot = await client.send(
        new CreateSlotCommand({ ...where, intentId, ...toLexSlotSettings(slot, typeId) }),
      );
      slotIds.push(required(createdSlot.slotId, `CreateSlot ${intent.name}.${slot.name} returned no id`));
    }
    await client.send(
      new UpdateIntentCommand({
        ...where,
        intentId,
        ...settings,
        ...(slotIds.length
          ? { slotPriorities: slotIds.map((slotId, i) => ({ priority: i + 1, slotId })) }
          : {}),
      }),
    );
  }
  log(`${locale.localeId}: ${locale.slotTypes.length} slot types, ${locale.intents.length} intents`);
}

async function findBotId(client: LexModelsV2Client, name: string): Promise<string | undefined> {
  const filters = [{ name: 'BotName' as const, values: [name], operator: 'EQ' as const }];
  for await (const page of paginateListBots({ client }, { filters })) {
    const found = page.botSummaries?.find((b) => b.botName === name);
    if (found?.botId) return found.botId;
  }
  return undefined;
}

async function findAliasId(
  client: LexModelsV2Client,
  botId: string,
  name: string,
): Promise<string | undefined> {
  for await (const page of paginateListBotAliases({ client }, { botId })) {
    const found = page.botAliasSummaries?.find((a) => a.botAliasName === name);
    if (found?.botAliasId) return found.botAliasId;
  }
  return undefined;
}

function required<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new BotPushError(message);
  return value;
}
