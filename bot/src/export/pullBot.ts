/**
 * Reads a bot through the Lex Models V2 API (any endpoint: AWS or the local runtime) into a
 * LexModelSnapshot, then into bot/'s format. Paginates every List call; describes each resource.
 */
import {
  DescribeBotCommand,
  DescribeBotLocaleCommand,
  DescribeIntentCommand,
  DescribeSlotCommand,
  DescribeSlotTypeCommand,
  paginateListBotLocales,
  paginateListIntents,
  paginateListSlots,
  paginateListSlotTypes,
  type LexModelsV2Client,
} from '@aws-sdk/client-lex-models-v2';
import type { BotDefinition } from '../definition/types';
import { DRAFT_VERSION, fromLexModel, type LexModelSnapshot, type LocaleSnapshot } from './lexModel';

async function collect<P, T>(pages: AsyncIterable<P>, pick: (page: P) => T[] | undefined): Promise<T[]> {
  const items: T[] = [];
  for await (const p of pages) items.push(...(pick(p) ?? []));
  return items;
}

export async function readLexModel(
  client: LexModelsV2Client,
  botId: string,
  botVersion = DRAFT_VERSION,
): Promise<LexModelSnapshot> {
  const bot = await client.send(new DescribeBotCommand({ botId }));
  const localeSummaries = await collect(
    paginateListBotLocales({ client }, { botId, botVersion }),
    (p) => p.botLocaleSummaries,
  );
  const locales: LocaleSnapshot[] = [];
  for (const summary of localeSummaries) {
    const localeId = summary.localeId ?? '';
    const where = { botId, botVersion, localeId };
    const locale = await client.send(new DescribeBotLocaleCommand(where));
    const slotTypeSummaries = await collect(
      paginateListSlotTypes({ client }, where),
      (p) => p.slotTypeSummaries,
    );
    const slotTypes = await Promise.all(
      slotTypeSummaries.map((s) =>
        client.send(new DescribeSlotTypeCommand({ ...where, slotTypeId: s.slotTypeId })),
      ),
    );
    const intentSummaries = await collect(paginateListIntents({ client }, where), (p) => p.intentSummaries);
    const intents = await Promise.all(
      intentSummaries.map(async (s) => {
        const intentId = s.intentId;
        const [intent, slotSummaries] = await Promise.all([
          client.send(new DescribeIntentCommand({ ...where, intentId })),
          collect(paginateListSlots({ client }, { ...where, intentId }), (p) => p.slotSummaries),
        ]);
        const slots = await Promise.all(
          slotSummaries.map((slot) =>
            client.send(new DescribeSlotCommand({ ...where, intentId, slotId: slot.slotId })),
          ),
        );
        return { intent, slots };
      }),
    );
    locales.push({ locale, slotTypes, intents });
  }
  return { bot, locales };
}

/** The bot behind `botId`, in bot/'s format. */
export async function pullBot(
  client: LexModelsV2Client,
  botId: string,
  botVersion = DRAFT_VERSION,
): Promise<BotDefinition> {
  return fromLexModel(await readLexModel(client, botId, botVersion));
}
