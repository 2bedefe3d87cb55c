/**
 * Lex V2 dialog semantics for one text turn: answer the pending slot or confirmation prompt, switch
 * intents, fall back, invoke the dialog and fulfillment code hooks, and honour the dialog action the
 * hook returns. Pure with respect to I/O except for the injected NLU and code hook; the caller owns
 * session storage.
 */
import type { CodeHook, LexDialogAction, LexIntent, LexMessage, LexResponse, LexSlot } from '../lex/schemas';
import { ageContexts, liveContexts } from './activeContexts';
import { groupMessages, promptMessages, type BotModel, type IntentModel } from './BotModel';
import { buildCodeHookEvent, type BotIdentity, type ProposedNextState } from './codeHookEvent';
import { CodeHookError } from './errors';
import { eligibleResults, rankInterpretations, slotsFromNlu, toSlot } from './interpretations';
import { invokeCodeHook } from './invokeCodeHook';
import { sessionIntentFrom } from './sessionIntent';
import type { SlotDefinition } from '../definition/types';
import type {
  ActiveContext,
  Interpretation,
  IntentState,
  Nlu,
  NluContext,
  NluInterpretation,
  SessionData,
  SessionIntent,
  StoredContext,
} from './types';

/** Lex returns at most this many messages. */
const MAX_MESSAGES = 10;
/** Confirmation prompts set by a code hook have no configured retry count; Lex's default is 2. */
const DEFAULT_MAX_RETRIES = 2;
/**
 * While a prompt is open, another intent must be at least this sure to take over from the answer.
 * Lex V2 switches intent when the words clearly mean another one; a bare value never does.
 */
const SWITCH_CONFIDENCE = 0.7;
/** Words around a slot value that still make the text a plain answer ("it was for groceries"). */
const ANSWER_FILLERS = new Set(
  (
    "it its it's was is for on in at under to the a an um uh just i think maybe about around " +
    'put that this and ok okay yes yeah sure please so well dollars bucks'
  ).split(' '),
);

export interface DialogManagerOptions {
  model: BotModel;
  nlu: Nlu;
  codeHook: CodeHook;
  codeHookTimeoutMs: number;
  /** The bot as the code hook sees it (`localeId` is taken from the model). */
  bot: Omit<BotIdentity, 'localeId'>;
}

export interface TurnInput {
  sessionId: string;
  text: string;
  requestAttributes: Readonly<Record<string, string>>;
  /** Becomes `originatingRequestId`. */
  requestId: string;
  timeZone: string;
  now: Date;
}

export interface TurnResult {
  session: SessionData;
  messages: LexMessage[];
  interpretations: Interpretation[];
  requestAttributes: Record<string, string>;
}

type NextStep =
  | { kind: 'ElicitSlot'; slotName: string }
  | { kind: 'ConfirmIntent' }
  | { kind: 'Declined' }
  | { kind: 'Fulfill' };

/** Mutable state of the turn being computed; the stored session is never mutated. */
interface Turn {
  input: TurnInput;
  nluContext: NluContext;
  nluResults: NluInterpretation[];
  dialogAction: LexDialogAction | undefined;
  intent: SessionIntent | undefined;
  sessionAttributes: Record<string, string>;
  seenContexts: StoredContext[];
  contexts: ActiveContext[];
  resetContexts: Set<string>;
  requestAttributes: Record<string, string>;
  failedAttempts: number;
  lastPrompt: LexMessage[];
  messages: LexMessage[];
  /** Set when the text answered (or failed to answer) the pending prompt of this intent. */
  answeredIntent: string | undefined;
  resolvedSlots: Record<string, LexSlot>;
  /** Guards against hooks that keep delegating into each other. */
  hookCalls: number;
}

const MAX_HOOK_CALLS_PER_TURN = 5;

export class DialogManager {
  private readonly model: BotModel;
  private readonly bot: BotIdentity;

  constructor(private readonly opts: DialogManagerOptions) {
    this.model = opts.model;
    this.bot = { ...opts.bot, localeId: opts.model.localeId };
  }

  async recognize(session: SessionData, input: TurnInput): Promise<TurnResult> {
    const turn = this.newTurn(session, input);
    turn.nluResults = eligibleResults(
      this.model,
      this.opts.nlu.interpret(input.text, turn.nluContext),
      turn.seenContexts,
    );
    const pending = turn.dialogAction?.type;
    if (pending === 'ElicitSlot' && turn.intent && turn.dialogAction?.slotToElicit) {
      await this.answerSlot(turn, turn.intent, turn.dialogAction.slotToElicit);
    } else if (pending === 'ConfirmIntent' && turn.intent) {
      await this.answerConfirmation(turn, turn.intent);
    } else {
      await this.startFromNlu(turn);
    }
    return this.finish(turn);
  }

  /**
   * Runs the session's intent from the runtime's next step without a dialog code hook, as PutSession
   * with a Delegate dialog action does.
   */
  async delegateFromSession(session: SessionData, input: TurnInput): Promise<TurnResult> {
    const turn = this.newTurn(session, input);
    turn.failedAttempts = 0;
    turn.lastPrompt = [];
    if (turn.intent) await this.delegate(turn, []);
    return this.finish(turn);
  }

  private newTurn(session: SessionData, input: TurnInput): Turn {
    const seen = liveContexts(session.activeContexts, input.now.getTime());
    return {
      input,
      nluContext: { timeZone: input.timeZone, now: input.now },
      nluResults: [],
      dialogAction: session.dialogAction,
      intent: session.intent,
      sessionAttributes: { ...session.sessionAttributes },
      seenContexts: seen,
      contexts: seen,
      resetContexts: new Set(),
      requestAttributes: { ...input.requestAttributes },
      failedAttempts: session.failedAttempts,
      lastPrompt: session.lastPrompt,
      messages: [],
      answeredIntent: undefined,
      resolvedSlots: {},
      hookCalls: 0,
    };
  }

  private finish(turn: Turn): TurnResult {
    const messages = turn.messages.slice(0, MAX_MESSAGES);
    const interpretations = this.interpretations(turn);
    const nowMs = turn.input.now.getTime();
    return {
      session: {
        ...(turn.dialogAction ? { dialogAction: turn.dialogAction } : {}),
        ...(turn.intent ? { intent: turn.intent } : {}),
        sessionAttributes: turn.sessionAttributes,
        activeContexts: ageContexts(turn.seenContexts, turn.contexts, turn.resetContexts, nowMs),
        originatingRequestId: turn.input.requestId,
        failedAttempts: turn.failedAttempts,
        lastPrompt: turn.lastPrompt,
        messages,
        interpretations,
      },
      messages,
      interpretations,
      requestAttributes: turn.requestAttributes,
    };
  }

  private interpretations(turn: Turn): Interpretation[] {
    const pinned = turn.answeredIntent !== undefined && turn.intent?.name === turn.answeredIntent;
    return rankInterpretations(this.model, turn.nluResults, turn.intent, pinned);
  }

  private isRecognised(r: NluInterpretation | undefined): r is NluInterpretation {
    return (
      r !== undefined &&
      r.confidence >= this.model.threshold &&
      this.model.intent(r.intentName)?.isFallback === false
    );
  }

  // ── Turn entry points ────────────────────────────────────────────────────────────────────────

  private async startFromNlu(turn: Turn): Promise<void> {
    const top = turn.nluResults[0];
    if (this.isRecognised(top)) await this.startIntent(turn, top);
    else await this.startFallback(turn);
  }

  private async startIntent(turn: Turn, interpretation: NluInterpretation): Promise<void> {
    const model = this.model.intent(interpretation.intentName);
    if (!model) return this.startFallback(turn);
    turn.failedAttempts = 0;
    turn.dialogAction = undefined;
    const slots = slotsFromNlu(model, interpretation.slots);
    for (const [name, slot] of Object.entries(slots)) if (slot) turn.resolvedSlots[name] = slot;
    turn.intent = { name: model.definition.name, slots, state: 'InProgress', confirmationState: 'None' };
    await this.runIntent(turn, model);
  }

  private async startFallback(turn: Turn): Promise<void> {
    turn.failedAttempts = 0;
    turn.dialogAction = undefined;
    turn.answeredIntent = undefined;
    turn.intent = {
      name: this.model.fallback.definition.name,
      slots: {},
      state: 'InProgress',
      confirmationState: 'None',
    };
    await this.runIntent(turn, this.model.fallback);
  }

  private async answerSlot(turn: Turn, intent: SessionIntent, slotName: string): Promise<void> {
    const model = this.model.intent(intent.name);
    const slot = model?.slotsByName.get(slotName);
    if (!model || !slot) return this.startFromNlu(turn);
    const value = this.opts.nlu.resolveSlot(intent.name, slotName, turn.input.text, turn.nluContext);
    // A request of its own is never cut into a piece that fills the open slot ("spotify 10.99" while
    // the $9 gizmo waits for its category is a new expense): it switches intent, as Lex V2 does.
    const request =
      value && isPlainAnswer(turn.input.text, value.originalValue, slot)
        ? undefined
        : this.newRequest(turn, intent, slotName);
    if (request) return this.startIntent(turn, request);
    // Neither a plain answer nor a request we know: a sentence with a number of its own ("i want to save
    // 2000 by june" while the day of a lunch is asked) is about something else. Cutting "june" out of it
    // would write the lunch on a day nobody said, so the question is asked again instead.
    if (value && !isPlainAnswer(turn.input.text, value.originalValue, slot)) {
      const known = Object.values(intent.slots ?? {}).map((v) => Number(v?.value?.interpretedValue));
      if (hasOtherNumber(turn.input.text, value.originalValue, known))
        return this.retryOrFallBack(turn, intent, slot.prompt.maxRetries, promptMessages(slot.prompt));
    }
    if (value) {
      const slots = { ...intent.slots, [slotName]: toSlot(value) };
      turn.resolvedSlots[slotName] = toSlot(value);
      // "45 for groceries" answers the Amount prompt and also carries the Category.
      const sameIntent = turn.nluResults.find((r) => r.intentName === intent.name);
      for (const [name, extra] of Object.entries(sameIntent?.slots ?? {})) {
        if (extra && name !== slotName && model.slotsByName.has(name) && !slots[name]) {
          slots[name] = toSlot(extra);
          turn.resolvedSlots[name] = toSlot(extra);
        }
      }
      turn.intent = { ...intent, slots, state: 'InProgress' };
      turn.failedAttempts = 0;
      turn.answeredIntent = intent.name;
      return this.runIntent(turn, model);
    }
    const top = turn.nluResults[0];
    if (this.isRecognised(top) && top.intentName !== intent.name) return this.startIntent(turn, top);
    // "it was yesterday" while a correction's amount is asked: the same request with another of its
    // values, which the draft lacks. It fills that slot, and the intent goes on from there.
    const others = this.isRecognised(top)
      ? Object.entries(top.slots).filter(
          ([name, said]) => said && model.slotsByName.has(name) && !intent.slots[name],
        )
      : [];
    if (others.length > 0) {
      const slots = { ...intent.slots };
      for (const [name, said] of others) {
        if (!said) continue;
        slots[name] = toSlot(said);
        turn.resolvedSlots[name] = toSlot(said);
      }
      turn.intent = { ...intent, slots, state: 'InProgress' };
      turn.failedAttempts = 0;
      turn.answeredIntent = intent.name;
      return this.runIntent(turn, model);
    }
    return this.retryOrFallBack(turn, intent, slot.prompt.maxRetries, promptMessages(slot.prompt));
  }

  private async answerConfirmation(turn: Turn, intent: SessionIntent): Promise<void> {
    const model = this.model.intent(intent.name);
    if (!model) return this.startFromNlu(turn);
    const confirmation = model.definition.confirmation;
    const answer = this.opts.nlu.classifyConfirmation(turn.input.text);
    const request = answer ? undefined : this.newRequest(turn, intent, undefined);
    if (request) return this.startIntent(turn, request);
    if (answer) {
      turn.intent = { ...intent, confirmationState: answer === 'yes' ? 'Confirmed' : 'Denied' };
      turn.failedAttempts = 0;
      turn.answeredIntent = intent.name;
      if (model.definition.dialogCodeHook) return this.runDialogHook(turn, model);
      if (answer === 'no') return this.close(turn, model, 'Failed', this.declination(model));
      const said = confirmation?.confirmationResponse
        ? groupMessages([confirmation.confirmationResponse])
        : [];
      return this.delegate(turn, said);
    }
    const top = turn.nluResults[0];
    if (this.isRecognised(top) && top.intentName !== intent.name) return this.startIntent(turn, top);
    const prompt = confirmation ? promptMessages(confirmation.prompt) : [];
    const maxRetries = confirmation?.prompt.maxRetries ?? DEFAULT_MAX_RETRIES;
    const failure = confirmation?.failureResponse ? groupMessages([confirmation.failureResponse]) : [];
    return this.retryOrFallBack(turn, intent, maxRetries, prompt, failure);
  }

  /**
   * The NLU's reading of the text when it is a request of its own rather than an answer to the open
   * prompt: another intent said with confidence (a question, a new kind of request), or the same intent
   * again with its own values ("spotify 10.99" while the gizmo's category is asked: a new amount and
   * item). A value the draft does not have yet, or the same value again, is an answer.
   */
  private newRequest(
    turn: Turn,
    intent: SessionIntent,
    askedSlot: string | undefined,
  ): NluInterpretation | undefined {
    const top = turn.nluResults[0];
    if (!this.isRecognised(top)) return undefined;
    if (top.intentName !== intent.name) return top.confidence >= SWITCH_CONFIDENCE ? top : undefined;
    const model = this.model.intent(intent.name);
    const required = new Set(model?.requiredSlots.map((s) => s.name));
    // While a yes or no is awaited nothing is asked for, so any value the draft lacks is the person
    // restating the request ("delete the groceries from yesterday" when asked about today's): a new
    // request, not an answer the question then ignores.
    const confirming = askedSlot === undefined;
    const differs = Object.entries(top.slots).some(([name, said]) => {
      if (!said || name === askedSlot || (!confirming && !required.has(name))) return false;
      const held = intent.slots[name]?.value?.interpretedValue;
      return confirming
        ? held !== said.interpretedValue
        : held !== undefined && held !== said.interpretedValue;
    });
    return differs ? top : undefined;
  }

  /** Asks the pending prompt again, or gives up on the intent once its retries are spent. */
  private async retryOrFallBack(
    turn: Turn,
    intent: SessionIntent,
    maxRetries: number,
    configuredPrompt: LexMessage[],
    failureMessages: LexMessage[] = [],
  ): Promise<void> {
    turn.failedAttempts += 1;
    if (turn.failedAttempts <= maxRetries) {
      turn.answeredIntent = intent.name;
      turn.messages.push(...(turn.lastPrompt.length > 0 ? turn.lastPrompt : configuredPrompt));
      return;
    }
    turn.messages.push(...failureMessages);
    await this.startFallback(turn);
  }

  // ── Steps of an intent ──────────────────────────────────────────────────────────────────────

  private async runIntent(turn: Turn, model: IntentModel): Promise<void> {
    if (model.definition.dialogCodeHook) await this.runDialogHook(turn, model);
    else await this.delegate(turn, []);
  }

  private nextStep(model: IntentModel, intent: SessionIntent): NextStep {
    for (const slot of model.requiredSlots) {
      if (!intent.slots[slot.name]) return { kind: 'ElicitSlot', slotName: slot.name };
    }
    // A denial stands even when the code hook, not the bot, asked the question: never fulfil it.
    if (intent.confirmationState === 'Denied') return { kind: 'Declined' };
    if (model.definition.confirmation && intent.confirmationState === 'None') {
      return { kind: 'ConfirmIntent' };
    }
    return { kind: 'Fulfill' };
  }

  private proposedNextState(
    turn: Turn,
    model: IntentModel,
    intent: SessionIntent,
  ): ProposedNextState | undefined {
    const step = this.nextStep(model, intent);
    const retrying = turn.answeredIntent === intent.name ? 0 : turn.failedAttempts;
    if (step.kind === 'ElicitSlot') {
      return {
        dialogAction: { type: 'ElicitSlot', slotToElicit: step.slotName },
        intent,
        attempt: retrying,
      };
    }
    if (step.kind === 'ConfirmIntent')
      return { dialogAction: { type: 'ConfirmIntent' }, intent, attempt: retrying };
    return undefined;
  }

  private async delegate(turn: Turn, said: LexMessage[]): Promise<void> {
    const intent = turn.intent;
    const model = intent && this.model.intent(intent.name);
    if (!intent || !model) throw new CodeHookError('Delegate needs an intent');
    turn.messages.push(...said);
    const step = this.nextStep(model, intent);
    switch (step.kind) {
      case 'ElicitSlot': {
        const slot = model.slotsByName.get(step.slotName);
        return this.ask(
          turn,
          { type: 'ElicitSlot', slotToElicit: step.slotName },
          slot ? promptMessages(slot.prompt) : [],
        );
      }
      case 'ConfirmIntent':
        return this.ask(
          turn,
          { type: 'ConfirmIntent' },
          model.definition.confirmation ? promptMessages(model.definition.confirmation.prompt) : [],
        );
      case 'Declined':
        return this.close(turn, model, 'Failed', this.declination(model));
      case 'Fulfill':
        return this.fulfill(turn, model);
    }
  }

  private async fulfill(turn: Turn, model: IntentModel): Promise<void> {
    const intent = turn.intent;
    if (!intent) return;
    turn.intent = { ...intent, state: 'ReadyForFulfillment' };
    if (!model.definition.fulfillmentCodeHook) return this.close(turn, model, 'Fulfilled', []);
    const response = await this.callHook(turn, 'FulfillmentCodeHook', undefined);
    await this.applyHookResponse(turn, response, 'FulfillmentCodeHook');
  }

  private ask(turn: Turn, action: LexDialogAction, prompt: LexMessage[]): void {
    const same =
      turn.dialogAction?.type === action.type && turn.dialogAction.slotToElicit === action.slotToElicit;
    if (!same) turn.failedAttempts = 0;
    turn.dialogAction = action;
    if (turn.intent) turn.intent = { ...turn.intent, state: 'InProgress' };
    turn.lastPrompt = prompt;
    turn.messages.push(...prompt);
  }

  private close(turn: Turn, model: IntentModel, state: IntentState, said: LexMessage[]): void {
    turn.dialogAction = { type: 'Close' };
    turn.lastPrompt = [];
    turn.failedAttempts = 0;
    if (turn.intent) turn.intent = { ...turn.intent, state };
    const closing = model.definition.closingResponse;
    if (said.length > 0) turn.messages.push(...said);
    else if (state === 'Fulfilled' && closing) turn.messages.push(...groupMessages([closing]));
    if (state === 'Fulfilled' && model.definition.outputContexts?.length) {
      const outputs = model.definition.outputContexts;
      const names = new Set(outputs.map((c) => c.name));
      turn.contexts = [
        ...turn.contexts.filter((c) => !names.has(c.name)),
        ...outputs.map((c) => ({
          name: c.name,
          timeToLive: { timeToLiveInSeconds: c.timeToLiveInSeconds, turnsToLive: c.turnsToLive },
          contextAttributes: {},
        })),
      ];
      for (const name of names) turn.resetContexts.add(name);
    }
  }

  private declination(model: IntentModel): LexMessage[] {
    const confirmation = model.definition.confirmation;
    return confirmation ? groupMessages([confirmation.declinationResponse]) : [];
  }

  // ── Code hook ───────────────────────────────────────────────────────────────────────────────

  private async runDialogHook(turn: Turn, model: IntentModel): Promise<void> {
    const intent = turn.intent;
    if (!intent) return;
    const response = await this.callHook(turn, 'DialogCodeHook', this.proposedNextState(turn, model, intent));
    await this.applyHookResponse(turn, response, 'DialogCodeHook');
  }

  private async callHook(
    turn: Turn,
    source: 'DialogCodeHook' | 'FulfillmentCodeHook',
    proposed: ProposedNextState | undefined,
  ): Promise<LexResponse> {
    const intent = turn.intent;
    if (!intent) throw new CodeHookError('No intent to invoke the code hook for');
    if (++turn.hookCalls > MAX_HOOK_CALLS_PER_TURN) {
      throw new CodeHookError(`Code hook invoked more than ${MAX_HOOK_CALLS_PER_TURN} times in one turn`);
    }
    const event = buildCodeHookEvent({
      invocationSource: source,
      bot: this.bot,
      sessionId: turn.input.sessionId,
      inputTranscript: turn.input.text,
      interpretations: this.interpretations(turn),
      proposedNextState: proposed,
      requestAttributes: turn.requestAttributes,
      dialogAction: turn.dialogAction,
      intent,
      sessionAttributes: turn.sessionAttributes,
      activeContexts: turn.contexts,
      originatingRequestId: turn.input.requestId,
      resolvedSlots: turn.resolvedSlots,
    });
    return invokeCodeHook(this.opts.codeHook, event, this.opts.codeHookTimeoutMs);
  }

  private async applyHookResponse(
    turn: Turn,
    response: LexResponse,
    source: 'DialogCodeHook' | 'FulfillmentCodeHook',
  ): Promise<void> {
    const state = response.sessionState;
    if (state.sessionAttributes) turn.sessionAttributes = { ...state.sessionAttributes };
    if (state.activeContexts) turn.contexts = state.activeContexts.map((c) => ({ ...c }));
    if (response.requestAttributes) Object.assign(turn.requestAttributes, response.requestAttributes);
    if (state.intent) turn.intent = this.intentFromHook(state.intent, turn.intent);
    const said = response.messages ?? [];
    const action = state.dialogAction;
    const model = turn.intent && this.model.intent(turn.intent.name);

    switch (action.type) {
      case 'Close': {
        if (!model) throw new CodeHookError('Close needs an intent');
        const given = state.intent?.state;
        const final: IntentState =
          given && given !== 'InProgress' && given !== 'ReadyForFulfillment' ? given : 'Fulfilled';
        return this.close(turn, model, final, said);
      }
      case 'ElicitSlot': {
        const slotName = action.slotToElicit ?? '';
        const slot = model?.slotsByName.get(slotName);
        if (!slot) throw new CodeHookError(`ElicitSlot names unknown slot "${slotName}"`);
        return this.ask(
          turn,
          {
            type: 'ElicitSlot',
            slotToElicit: slotName,
            ...(action.slotElicitationStyle ? { slotElicitationStyle: action.slotElicitationStyle } : {}),
          },
          said.length > 0 ? said : promptMessages(slot.prompt),
        );
      }
      case 'ConfirmIntent':
        if (!model) throw new CodeHookError('ConfirmIntent needs an intent');
        return this.ask(turn, { type: 'ConfirmIntent' }, said);
      case 'Delegate':
        // After fulfillment there is nothing left to delegate to: the intent is done.
        if (source === 'FulfillmentCodeHook') {
          if (!model) throw new CodeHookError('Delegate needs an intent');
          return this.close(turn, model, 'Fulfilled', said);
        }
        return this.delegate(turn, said);
      case 'ElicitIntent':
      case 'None':
        turn.dialogAction = { type: action.type };
        turn.intent = state.intent ? turn.intent : undefined;
        turn.failedAttempts = 0;
        turn.lastPrompt = said;
        turn.messages.push(...said);
        return;
    }
  }

  private intentFromHook(given: LexIntent, current: SessionIntent | undefined): SessionIntent {
    const intent = sessionIntentFrom(this.model, given, current);
    if (!intent) throw new CodeHookError(`Code hook returned unknown intent "${given.name}"`);
    return intent;
  }
}

/**
 * Whether the text is only the value for the open slot, said with a few linking words ("groceries",
 * "it was for groceries") or in one of the slot's own sample utterances.
 */
/** A number outside the words that filled the slot, other than one the draft already holds ("9 for groceries"). */
function hasOtherNumber(text: string, valueWords: string, known: readonly number[]): boolean {
  const lower = text.toLowerCase();
  const at = lower.indexOf(valueWords.toLowerCase());
  const rest = at >= 0 ? lower.slice(0, at) + ' ' + lower.slice(at + valueWords.length) : lower;
  return (rest.match(/\d+(?:[.,]\d+)?/g) ?? []).some((n) => !known.includes(Number(n.replace(',', '.'))));
}

function answerWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}$€£.,' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isPlainAnswer(text: string, valueWords: string, slot: SlotDefinition): boolean {
  const lower = answerWords(text);
  // Read the value like the text, or a button's "2026-11-20" is not found in itself.
  const value = answerWords(valueWords);
  const samples = slot.sampleUtterances ?? [];
  for (const sample of samples) {
    const [before = '', after = ''] = sample.toLowerCase().split(/\{\w+\}/);
    if (lower === `${before}${value}${after}`.replace(/\s+/g, ' ').trim()) return true;
  }
  const at = lower.indexOf(value);
  const rest = at >= 0 ? lower.slice(0, at) + ' ' + lower.slice(at + value.length) : lower;
  return rest
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean)
    .every((w) => ANSWER_FILLERS.has(w));
}
