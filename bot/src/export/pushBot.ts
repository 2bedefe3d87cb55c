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
  DescribeBotAliasCommand,
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
  /**
   * Name of the bot in the account (default: the definition's name, which the CDK stacks deploy too;
   * pushing to that bot changes CloudFormation-managed resources behind its back).
   */
  botName?: string;
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

/** How the push polls Lex's asynchronous steps (bot, locale creation and build, version, alias). */
interface Poller {
  interval: number;
  timeout: number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Polls `read` until `done` says so; `failed` turns a terminal status into a clear error. A read that
 * throws what `retryOn` accepts (e.g. a version not yet visible) counts as "not done yet".
 */
async function waitFor<T>(
  poll: Poller,
  what: string,
  read: () => Promise<T>,
  done: (t: T) => boolean,
  failed: (t: T) => string | null,
  retryOn: (err: unknown) => boolean = () => false,
): Promise<T> {
  const deadline = Date.now() + poll.timeout;
  for (;;) {
    let state: T | undefined;
    try {
      state = await read();
    } catch (err) {
      if (!retryOn(err)) throw err;
    }
    if (state !== undefined) {
      const failure = failed(state);
      if (failure) throw new BotPushError(`${what} failed: ${failure}`);
      if (done(state)) return state;
    }
    if (Date.now() > deadline)
      throw new BotPushError(`${what} did not finish within ${poll.timeout / 1000} s`);
    await poll.sleep(poll.interval);
  }
}

const reasons = (status: string | undefined, failureReasons: string[] | undefined): string =>
  (failureReasons ?? []).join('; ') || `status ${status ?? 'unknown'}`;

/** Locale states in which its intents and slot types can be changed (Lex refuses edits mid-build). */
const EDITABLE_LOCALE = new Set(['NotBuilt', 'Built', 'ReadyExpressTesting', 'Failed']);

export async function pushBot(
  client: LexModelsV2Client,
  def: BotDefinition,
  options: PushOptions,
): Promise<PushResult> {
  const log = options.log ?? (() => undefined);
  const poll: Poller = {
    interval: options.pollIntervalMs ?? 5_000,
    timeout: options.timeoutMs ?? 15 * 60_000,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
  };
  const botName = options.botName ?? def.name;

  const botSettings = {
    botName,
    description: def.description,
    roleArn: options.roleArn,
    dataPrivacy: { childDirected: false },
    idleSessionTTLInSeconds: def.idleSessionTtlInSeconds,
  };
  let botId = await findBotId(client, botName);
  if (botId) {
    log(`updating bot ${botName} (${botId})`);
    await client.send(new UpdateBotCommand({ botId, ...botSettings }));
  } else {
    const created = await client.send(new CreateBotCommand(botSettings));
    botId = required(created.botId, 'CreateBot returned no botId');
    log(`created bot ${botName} (${botId})`);
  }
  const id = botId;
  await waitFor(
    poll,
    `bot ${botName}`,
    () => client.send(new DescribeBotCommand({ botId: id })),
    (b) => b.botStatus === 'Available',
    (b) =>
      b.botStatus === 'Failed' || b.botStatus === 'Deleting' || b.botStatus === 'Inactive'
        ? reasons(b.botStatus, b.failureReasons)
        : null,
  );

  for (const locale of def.locales) {
    await pushLocale(client, id, locale, poll, log);
    await client.send(
      new BuildBotLocaleCommand({ botId: id, botVersion: DRAFT_VERSION, localeId: locale.localeId }),
    );
    log(`building ${locale.localeId}…`);
    // As the SDK's BotLocaleBuilt waiter: only Built will do (ReadyExpressTesting is still building;
    // a version of it would fail), and NotBuilt after a build request means the build was dropped.
    await waitFor(
      poll,
      `building locale ${locale.localeId}`,
      () =>
        client.send(
          new DescribeBotLocaleCommand({ botId: id, botVersion: DRAFT_VERSION, localeId: locale.localeId }),
        ),
      (l) => l.botLocaleStatus === 'Built',
      (l) =>
        l.botLocaleStatus === 'Failed' || l.botLocaleStatus === 'NotBuilt' || l.botLocaleStatus === 'Deleting'
          ? reasons(l.botLocaleStatus, l.failureReasons)
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
    poll,
    `version ${botVersion}`,
    () => client.send(new DescribeBotVersionCommand({ botId: id, botVersion })),
    (v) => v.botStatus === 'Available',
    (v) =>
      v.botStatus === 'Failed' || v.botStatus === 'Deleting' ? reasons(v.botStatus, v.failureReasons) : null,
    // A new version can take a moment to become visible (the SDK's BotVersionAvailable waiter retries too).
    (err) => err instanceof ResourceNotFoundException,
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
  await waitFor(
    poll,
    `alias ${options.aliasName}`,
    () => client.send(new DescribeBotAliasCommand({ botId: id, botAliasId })),
    (a) => a.botAliasStatus === 'Available',
    (a) =>
      a.botAliasStatus === 'Failed' || a.botAliasStatus === 'Deleting' ? `status ${a.botAliasStatus}` : null,
  );
  log(`alias ${options.aliasName} (${botAliasId}) → version ${botVersion}`);
  return { botId: id, botVersion, botAliasId };
}

async function pushLocale(
  client: LexModelsV2Client,
  botId: string,
  locale: LocaleDefinition,
  poll: Poller,
  log: (line: string) => void,
): Promise<void> {
  const where = { botId, botVersion: DRAFT_VERSION, localeId: locale.localeId };
  const localeSettings = {
    ...where,
    ...(locale.description === undefined ? {} : { description: locale.description }),
    nluIntentConfidenceThreshold: locale.nluConfidenceThreshold,
  };
  /** Waits until the locale accepts edits; `Failed` is editable unless the locale was just created. */
  const settled = (what: string, failedIsFatal: boolean) =>
    waitFor(
      poll,
      what,
      () => client.send(new DescribeBotLocaleCommand(where)),
      (l) => EDITABLE_LOCALE.has(l.botLocaleStatus ?? ''),
      (l) =>
        l.botLocaleStatus === 'Deleting' || (failedIsFatal && l.botLocaleStatus === 'Failed')
          ? reasons(l.botLocaleStatus, l.failureReasons)
          : null,
    );

  let exists = true;
  try {
    await client.send(new DescribeBotLocaleCommand(where));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
    exists = false;
  }
  if (exists) {
    // A build still running (an earlier push, the console) would make the updates below fail.
    await settled(`locale ${locale.localeId}`, false);
    await client.send(new UpdateBotLocaleCommand(localeSettings));
    await settled(`updating locale ${locale.localeId}`, false);
  } else {
    await client.send(new CreateBotLocaleCommand(localeSettings));
    // A new locale is "Creating" for a while; intents added before it is NotBuilt are refused.
    await settled(`creating locale ${locale.localeId}`, true);
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
