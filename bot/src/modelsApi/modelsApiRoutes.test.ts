/**
 * The real LexModelsV2Client against the real local Lex server with the models API mounted: pulling
 * the local bot must give back budgetBuddyBot exactly.
 */
import {
  DescribeBotCommand,
  LexModelsV2Client,
  ListBotsCommand,
  ListIntentsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lex-models-v2';
import { budgetBuddyBot } from '../definition/bot';
import { LOCAL_BOT_ID, LOCALE_ID } from '../definition/names';
import { pullBot } from '../export/pullBot';
import { startLexServer, type LexServer } from '../runtime/server';
import { testNlu } from '../runtime/testing/testBot';
import { createModelsApiRoutes } from './modelsApiRoutes';

describe('local Lex Models V2 API (read side)', () => {
  let server: LexServer;
  let client: LexModelsV2Client;

  beforeAll(async () => {
    server = await startLexServer({
      port: 0,
      definition: budgetBuddyBot,
      nlu: testNlu,
      codeHook: () => Promise.reject(new Error('the models API never invokes the code hook')),
      extraRoutes: createModelsApiRoutes({ definition: budgetBuddyBot }),
    });
    client = new LexModelsV2Client({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  it('pulls the local bot back into exactly the definition it was served from', async () => {
    const pulled = await pullBot(client, LOCAL_BOT_ID);
    expect(pulled).toStrictEqual(budgetBuddyBot);
  });

  it('lists the local bot and describes it', async () => {
    const list = await client.send(new ListBotsCommand({}));
    expect(list.botSummaries?.map((b) => [b.botId, b.botName])).toEqual([
      [LOCAL_BOT_ID, budgetBuddyBot.name],
    ]);
    const bot = await client.send(new DescribeBotCommand({ botId: LOCAL_BOT_ID }));
    expect(bot.idleSessionTTLInSeconds).toBe(budgetBuddyBot.idleSessionTtlInSeconds);
  });

  it('pages through intents with the SDK’s nextToken', async () => {
    const where = { botId: LOCAL_BOT_ID, botVersion: 'DRAFT', localeId: LOCALE_ID };
    const first = await client.send(new ListIntentsCommand({ ...where, maxResults: 3 }));
    expect(first.intentSummaries).toHaveLength(3);
    expect(first.nextToken).toBeDefined();
    const second = await client.send(
      new ListIntentsCommand({ ...where, maxResults: 3, nextToken: first.nextToken }),
    );
    expect(second.intentSummaries?.[0]?.intentName).toBe(budgetBuddyBot.locales[0]?.intents[3]?.name);
  });

  it('answers unknown bots and versions with ResourceNotFoundException', async () => {
    await expect(client.send(new DescribeBotCommand({ botId: 'NOSUCHBOT1' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    await expect(pullBot(client, LOCAL_BOT_ID, '1')).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
