/**
 * The read side of the Lex Models V2 API for the local bot, served next to the runtime API (pass it
 * as `extraRoutes` to startLexServer). Paths, methods and JSON follow the SDK's restJson1 bindings, so an
 * unmodified LexModelsV2Client pointed at the local endpoint can list and describe the bot — which is
 * how `npm run bot:pull` reads it. The model is derived once from the same definition the runtime runs.
 */
import { z } from 'zod';
import type { BotDefinition } from '../definition/types';
import { LOCAL_BOT_ID } from '../definition/names';
import type { ExtraRoutes, HttpReply, HttpRequest } from '../runtime/httpHandler';
import { DRAFT_VERSION, toLexModel, type LexModelSnapshot, type LocaleSnapshot } from '../export/lexModel';

export interface ModelsApiOptions {
  definition: BotDefinition;
  botId?: string;
}

type ErrorName = 'ResourceNotFoundException' | 'ValidationException';
const STATUS: Record<ErrorName, number> = { ResourceNotFoundException: 404, ValidationException: 400 };

class ModelsApiError extends Error {
  constructor(
    readonly type: ErrorName,
    message: string,
  ) {
    super(message);
  }
}

const json = (body: unknown): HttpReply => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const errorReply = (err: ModelsApiError): HttpReply => ({
  status: STATUS[err.type],
  headers: { 'content-type': 'application/json', 'x-amzn-errortype': err.type },
  body: JSON.stringify({ message: err.message }),
});

/** List* request bodies: we honour paging and ignore sorting and filters we do not need. */
const listBodySchema = z.looseObject({
  maxResults: z.number().int().min(1).max(1000).optional(),
  nextToken: z.string().optional(),
});

function page<T>(items: T[], body: string): { items: T[]; nextToken?: string } {
  let parsed: z.infer<typeof listBodySchema>;
  try {
    parsed = listBodySchema.parse(body.trim() ? JSON.parse(body) : {});
  } catch {
    throw new ModelsApiError('ValidationException', 'The request body is not a valid List request.');
  }
  const start = parsed.nextToken === undefined ? 0 : Number.parseInt(parsed.nextToken, 10);
  if (!Number.isInteger(start) || start < 0 || start > items.length) {
    throw new ModelsApiError('ValidationException', 'The nextToken is not valid.');
  }
  const size = parsed.maxResults ?? 100;
  const end = start + size;
  return { items: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
}

const SEG = '([^/]+)';
const LOCALE = `^/bots/${SEG}/botversions/${SEG}/botlocales`;
const routes: { method: string; pattern: RegExp; op: string }[] = [
  { method: 'POST', pattern: /^\/bots\/?$/, op: 'ListBots' },
  { method: 'GET', pattern: new RegExp(`^/bots/${SEG}/?$`), op: 'DescribeBot' },
  { method: 'POST', pattern: new RegExp(`${LOCALE}/?$`), op: 'ListBotLocales' },
  { method: 'GET', pattern: new RegExp(`${LOCALE}/${SEG}/?$`), op: 'DescribeBotLocale' },
  { method: 'POST', pattern: new RegExp(`${LOCALE}/${SEG}/intents/?$`), op: 'ListIntents' },
  { method: 'GET', pattern: new RegExp(`${LOCALE}/${SEG}/intents/${SEG}/?$`), op: 'DescribeIntent' },
  { method: 'POST', pattern: new RegExp(`${LOCALE}/${SEG}/intents/${SEG}/slots/?$`), op: 'ListSlots' },
  {
    method: 'GET',
    pattern: new RegExp(`${LOCALE}/${SEG}/intents/${SEG}/slots/${SEG}/?$`),
    op: 'DescribeSlot',
  },
  { method: 'POST', pattern: new RegExp(`${LOCALE}/${SEG}/slottypes/?$`), op: 'ListSlotTypes' },
  { method: 'GET', pattern: new RegExp(`${LOCALE}/${SEG}/slottypes/${SEG}/?$`), op: 'DescribeSlotType' },
];

export function createModelsApiRoutes(options: ModelsApiOptions): ExtraRoutes {
  const botId = options.botId ?? LOCAL_BOT_ID;
  const model = toLexModel(options.definition, botId, DRAFT_VERSION);
  return async (req) => {
    const match = matchRoute(req);
    if (!match) return null;
    try {
      return json(answer(model, botId, match.op, match.params, req));
    } catch (err) {
      if (err instanceof ModelsApiError) return errorReply(err);
      throw err;
    }
  };
}

function matchRoute(req: HttpRequest): { op: string; params: string[] } | null {
  for (const route of routes) {
    if (route.method !== req.method.toUpperCase()) continue;
    const m = route.pattern.exec(req.path);
    if (m) return { op: route.op, params: m.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return null;
}

function answer(
  model: LexModelSnapshot,
  botId: string,
  op: string,
  params: string[],
  req: HttpRequest,
): unknown {
  if (op === 'ListBots') {
    const { items, nextToken } = page([model.bot], req.body);
    return {
      botSummaries: items.map((b) => ({
        botId: b.botId,
        botName: b.botName,
        description: b.description,
        botStatus: b.botStatus,
        botType: b.botType,
      })),
      ...(nextToken ? { nextToken } : {}),
    };
  }
  const [id, version, localeId, childId, grandchildId] = params;
  if (id !== botId) throw new ModelsApiError('ResourceNotFoundException', `Could not find bot ${id ?? ''}.`);
  if (op === 'DescribeBot') return model.bot;
  if (version !== DRAFT_VERSION) {
    throw new ModelsApiError(
      'ResourceNotFoundException',
      `Could not find version ${version ?? ''} of bot ${botId}.`,
    );
  }
  if (op === 'ListBotLocales') {
    const { items, nextToken } = page(model.locales, req.body);
    return {
      botId,
      botVersion: version,
      botLocaleSummaries: items.map(({ locale }) => ({
        localeId: locale.localeId,
        localeName: locale.localeName,
        description: locale.description,
        botLocaleStatus: locale.botLocaleStatus,
      })),
      ...(nextToken ? { nextToken } : {}),
    };
  }
  const locale = model.locales.find((l) => l.locale.localeId === localeId);
  if (!locale) {
    throw new ModelsApiError(
      'ResourceNotFoundException',
      `Could not find locale ${localeId ?? ''} of bot ${botId}.`,
    );
  }
  const where = { botId, botVersion: version, localeId };
  switch (op) {
    case 'DescribeBotLocale':
      return locale.locale;
    case 'ListIntents': {
      const { items, nextToken } = page(locale.intents, req.body);
      return {
        ...where,
        intentSummaries: items.map(({ intent }) => ({
          intentId: intent.intentId,
          intentName: intent.intentName,
          description: intent.description,
          parentIntentSignature: intent.parentIntentSignature,
          inputContexts: intent.inputContexts,
          outputContexts: intent.outputContexts,
        })),
        ...(nextToken ? { nextToken } : {}),
      };
    }
    case 'DescribeIntent':
      return intentOf(locale, childId).intent;
    case 'ListSlots': {
      const { items, nextToken } = page(intentOf(locale, childId).slots, req.body);
      return {
        ...where,
        intentId: childId,
        slotSummaries: items.map((s) => ({
          slotId: s.slotId,
          slotName: s.slotName,
          description: s.description,
          slotConstraint: s.valueElicitationSetting?.slotConstraint,
          slotTypeId: s.slotTypeId,
          valueElicitationPromptSpecification: s.valueElicitationSetting?.promptSpecification,
        })),
        ...(nextToken ? { nextToken } : {}),
      };
    }
    case 'DescribeSlot': {
      const slot = intentOf(locale, childId).slots.find((s) => s.slotId === grandchildId);
      if (!slot)
        throw new ModelsApiError('ResourceNotFoundException', `Could not find slot ${grandchildId ?? ''}.`);
      return slot;
    }
    case 'ListSlotTypes': {
      const { items, nextToken } = page(locale.slotTypes, req.body);
      return {
        ...where,
        slotTypeSummaries: items.map((t) => ({
          slotTypeId: t.slotTypeId,
          slotTypeName: t.slotTypeName,
          description: t.description,
          slotTypeCategory: 'Custom',
        })),
        ...(nextToken ? { nextToken } : {}),
      };
    }
    case 'DescribeSlotType': {
      const slotType = locale.slotTypes.find((t) => t.slotTypeId === childId);
      if (!slotType)
        throw new ModelsApiError('ResourceNotFoundException', `Could not find slot type ${childId ?? ''}.`);
      return slotType;
    }
    default:
      throw new ModelsApiError('ValidationException', `Unsupported operation ${op}.`);
  }
}

function intentOf(locale: LocaleSnapshot, intentId: string | undefined) {
  const found = locale.intents.find((i) => i.intent.intentId === intentId);
  if (!found)
    throw new ModelsApiError('ResourceNotFoundException', `Could not find intent ${intentId ?? ''}.`);
  return found;
}
