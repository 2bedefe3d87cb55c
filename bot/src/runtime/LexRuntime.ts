/**
 * The in-process Lex V2 runtime: the four session operations with Lex's validation and errors, over
 * the dialog engine and a session store. The HTTP server is a thin adapter over this class.
 */
import { randomUUID } from 'node:crypto';
import { BOT_NAME, LOCAL_BOT_ALIAS_ID, LOCAL_BOT_ALIAS_NAME, LOCAL_BOT_ID } from '../definition/names';
import type { BotDefinition } from '../definition/types';
import type { CodeHook, LexSessionState } from '../lex/schemas';
import { freshContexts, liveContexts, toWireContexts } from '../dialog/activeContexts';
import { indexBot, type BotModel } from '../dialog/BotModel';
import { RESPONSE_CONTENT_TYPE } from '../dialog/codeHookEvent';
import { DialogManager, type TurnInput } from '../dialog/DialogManager';
import { CodeHookError } from '../dialog/errors';
import { sessionIntentFrom } from '../dialog/sessionIntent';
import { InMemorySessionStore, type SessionStore } from '../dialog/SessionStore';
import { timeZoneOf } from '../dialog/timeZone';
import { emptySession, type Clock, type Interpretation, type Nlu, type SessionData } from '../dialog/types';
import {
  ConflictException,
  DependencyFailedException,
  ResourceNotFoundException,
  ValidationException,
} from './errors';
import type {
  DeleteSessionOutput,
  GetSessionOutput,
  PutSessionInput,
  PutSessionOutput,
  RecognizeTextInput,
  RecognizeTextOutput,
  SessionPath,
  WireInterpretation,
  WireSessionState,
} from './wireTypes';

export interface LexRuntimeOptions {
  definition: BotDefinition;
  nlu: Nlu;
  codeHook: CodeHook;
  clock?: Clock;
  botId?: string;
  botAliasId?: string;
  codeHookTimeoutMs?: number;
  sessionStore?: SessionStore;
}

const SESSION_ID = /^[0-9a-zA-Z._:-]{2,100}$/;
const MAX_TEXT_CHARS = 1024;

const systemClock: Clock = { now: () => new Date() };

export class LexRuntime {
  readonly botId: string;
  readonly botAliasId: string;
  private readonly clock: Clock;
  private readonly store: SessionStore;
  private readonly dialogs = new Map<string, { model: BotModel; manager: DialogManager }>();
  /** Sessions with a request in flight: Lex refuses a second concurrent request with ConflictException. */
  private readonly busy = new Set<string>();

  constructor(opts: LexRuntimeOptions) {
    this.botId = opts.botId ?? LOCAL_BOT_ID;
    this.botAliasId = opts.botAliasId ?? LOCAL_BOT_ALIAS_ID;
    this.clock = opts.clock ?? systemClock;
    this.store =
      opts.sessionStore ??
      new InMemorySessionStore(opts.definition.idleSessionTtlInSeconds * 1000, this.clock);
    for (const [localeId, model] of indexBot(opts.definition)) {
      const manager = new DialogManager({
        model,
        nlu: opts.nlu,
        codeHook: opts.codeHook,
        codeHookTimeoutMs: opts.codeHookTimeoutMs ?? 30_000,
        bot: {
          id: this.botId,
          name: opts.definition.name || BOT_NAME,
          aliasId: this.botAliasId,
          aliasName: LOCAL_BOT_ALIAS_NAME,
          version: 'DRAFT',
        },
      });
      this.dialogs.set(localeId, { model, manager });
    }
  }

  async recognizeText(input: RecognizeTextInput): Promise<RecognizeTextOutput> {
    const { model, manager, key } = this.resolve(input);
    const chars = input.text.length > MAX_TEXT_CHARS ? [...input.text].length : input.text.length;
    if (chars < 1 || chars > MAX_TEXT_CHARS) {
      throw new ValidationException(`text must be 1 to ${MAX_TEXT_CHARS} characters long`);
    }
    const requestAttributes = input.requestAttributes ?? {};
    const turn = this.turnInput(input, input.text, requestAttributes);
    const stored = this.store.get(key) ?? emptySession();
    const session = input.sessionState ? withOverrides(stored, input.sessionState, model, turn.now) : stored;
    const result = await this.exclusive(key, async () => {
      const done = await manager.recognize(session, turn);
      this.store.put(key, done.session);
      return done;
    });
    return {
      messages: result.messages,
      sessionState: wireSessionState(result.session, turn.now),
      interpretations: result.interpretations.map(wireInterpretation),
      requestAttributes: result.requestAttributes,
      sessionId: input.sessionId,
    };
  }

  getSession(path: SessionPath): GetSessionOutput {
    const { key } = this.resolve(path);
    const session = this.store.get(key);
    if (!session) throw new ResourceNotFoundException(`Session ${path.sessionId} not found`);
    return {
      sessionId: path.sessionId,
      messages: session.messages,
      interpretations: session.interpretations.map(wireInterpretation),
      sessionState: wireSessionState(session, this.clock.now()),
    };
  }

  /** Replaces the session state; a Delegate dialog action runs the intent from its next step. */
  async putSession(input: PutSessionInput): Promise<PutSessionOutput> {
    const { model, manager, key } = this.resolve(input);
    const requestAttributes = input.requestAttributes ?? {};
    const turn = this.turnInput(input, '', requestAttributes);
    // PutSession replaces the whole session: what it leaves out starts empty.
    const session = withOverrides(emptySession(), input.sessionState, model, turn.now);
    if (session.dialogAction?.type === 'Delegate' && !session.intent) {
      throw new ValidationException('A Delegate dialog action needs sessionState.intent');
    }
    const { next, messages, result } = await this.exclusive(key, async () => {
      const delegated =
        session.dialogAction?.type === 'Delegate'
          ? await manager.delegateFromSession(session, turn)
          : undefined;
      const stored = delegated?.session ?? { ...session, originatingRequestId: turn.requestId };
      const said = input.messages ?? delegated?.messages ?? [];
      stored.messages = said;
      if (stored.dialogAction?.type === 'ElicitSlot' || stored.dialogAction?.type === 'ConfirmIntent') {
        stored.lastPrompt = said;
      }
      this.store.put(key, stored);
      return { next: stored, messages: said, result: delegated };
    });
    return {
      contentType: input.responseContentType ?? RESPONSE_CONTENT_TYPE,
      messages,
      sessionState: wireSessionState(next, turn.now),
      requestAttributes: result?.requestAttributes ?? requestAttributes,
      sessionId: input.sessionId,
    };
  }

  deleteSession(path: SessionPath): DeleteSessionOutput {
    const { key } = this.resolve(path);
    if (!this.store.delete(key)) throw new ResourceNotFoundException(`Session ${path.sessionId} not found`);
    return {
      botId: path.botId,
      botAliasId: path.botAliasId,
      localeId: path.localeId,
      sessionId: path.sessionId,
    };
  }

  private resolve(path: SessionPath): { model: BotModel; manager: DialogManager; key: string } {
    if (!SESSION_ID.test(path.sessionId)) {
      throw new ValidationException('sessionId must be 2 to 100 characters of [0-9a-zA-Z._:-]');
    }
    if (path.botId !== this.botId) throw new ResourceNotFoundException(`Bot ${path.botId} not found`);
    if (path.botAliasId !== this.botAliasId) {
      throw new ResourceNotFoundException(`Bot alias ${path.botAliasId} not found`);
    }
    const dialog = this.dialogs.get(path.localeId);
    if (!dialog)
      throw new ResourceNotFoundException(`Locale ${path.localeId} not found for bot ${path.botId}`);
    return { ...dialog, key: `${path.localeId}/${path.sessionId}` };
  }

  private turnInput(
    input: SessionPath & { requestId?: string },
    text: string,
    requestAttributes: Record<string, string>,
  ): TurnInput & { now: Date } {
    return {
      sessionId: input.sessionId,
      text,
      requestAttributes,
      requestId: input.requestId ?? randomUUID(),
      timeZone: timeZoneOf(requestAttributes),
      now: this.clock.now(),
    };
  }

  /** Runs one request's read-modify-write of a session; a concurrent one gets ConflictException. */
  private async exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.busy.has(key)) {
      throw new ConflictException('Another request is in progress for this session; retry when it ends');
    }
    this.busy.add(key);
    try {
      return await work();
    } catch (err) {
      if (err instanceof CodeHookError) throw new DependencyFailedException(err.message, { cause: err });
      throw err;
    } finally {
      this.busy.delete(key);
    }
  }
}

/**
 * Lex's rule for a sessionState sent with a request: each field present replaces the stored one
 * (sessionAttributes wholesale, activeContexts `[]` clears); fields left out keep the stored value.
 */
export function withOverrides(
  stored: SessionData,
  override: LexSessionState,
  model: BotModel,
  now: Date,
): SessionData {
  const next: SessionData = { ...stored };
  if (override.sessionAttributes) next.sessionAttributes = { ...override.sessionAttributes };
  if (override.activeContexts) next.activeContexts = freshContexts(override.activeContexts, now.getTime());
  if (override.intent) {
    const intent = sessionIntentFrom(model, override.intent, stored.intent);
    if (!intent) throw new ValidationException(`Intent ${override.intent.name} does not exist in this bot`);
    next.intent = intent;
    next.failedAttempts = 0;
  }
  if (override.dialogAction) {
    const action = override.dialogAction;
    if (action.type === 'ElicitSlot') {
      const slot = action.slotToElicit;
      if (!slot || !next.intent || !model.intent(next.intent.name)?.slotsByName.has(slot)) {
        throw new ValidationException('ElicitSlot needs slotToElicit naming a slot of sessionState.intent');
      }
    }
    if (action.type === 'ConfirmIntent' && !next.intent) {
      throw new ValidationException('ConfirmIntent needs sessionState.intent');
    }
    next.dialogAction = { ...action };
    next.failedAttempts = 0;
    next.lastPrompt = [];
  }
  return next;
}

function wireSessionState(session: SessionData, now: Date): WireSessionState {
  return {
    ...(session.dialogAction ? { dialogAction: session.dialogAction } : {}),
    ...(session.intent ? { intent: session.intent } : {}),
    sessionAttributes: session.sessionAttributes,
    activeContexts: toWireContexts(liveContexts(session.activeContexts, now.getTime())),
    ...(session.originatingRequestId ? { originatingRequestId: session.originatingRequestId } : {}),
  };
}

function wireInterpretation(i: Interpretation): WireInterpretation {
  return i.nluConfidence === undefined
    ? { intent: i.intent }
    : { intent: i.intent, nluConfidence: { score: i.nluConfidence } };
}
