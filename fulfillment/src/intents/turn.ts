/**
 * Everything an intent handler needs for one turn, gathered once by the code hook: who is speaking,
 * their profile and local date, the turn's idempotency key, the remembered context, and reply builders
 * that carry the conversation memory along.
 */
import type { LexEvent, LexIntent, LexMessage, LexResponse } from '@budgetbuddy/bot/lex';
import type { SlotName } from '@budgetbuddy/bot';
import type { Clock } from '../ports/Clock';
import { silentNotifier, type BudgetNotifier } from '../ports/BudgetNotifier';
import type { AccountRepository } from '../ports/AccountRepository';
import type { GoalRepository } from '../ports/GoalRepository';
import type { LedgerRepository } from '../ports/LedgerRepository';
import type { NotificationStore } from '../ports/NotificationStore';
import type { RecurringRuleStore } from '../ports/RecurringRuleStore';
import type { UserProfile } from '../domain/ledger';
import type { IsoDay } from '@budgetbuddy/bot/calendar';
import { close, confirmIntent, elicitSlot } from '../lex/dialogActions';
import { readSlot, type SlotReading } from '../lex/eventReader';
import { contextsWith, type Memory } from '../lex/memory';
import { formatMoney } from '../domain/ledger/money';

export interface Turn {
  event: LexEvent;
  intent: LexIntent;
  userId: string;
  profile: UserProfile;
  today: IsoDay;
  requestKey: string;
  memory: Required<Memory>;
  /** Entries, totals, budgets, profile; the other stores are narrow ports of their own below. */
  repo: LedgerRepository;
  goals: GoalRepository;
  recurring: RecurringRuleStore;
  accounts: AccountRepository;
  notifications: NotificationStore;
  clock: Clock;
  /** Budget crossings beyond the chat (e-mail when deployed). */
  notifier: BudgetNotifier;
  /** Where a handler reports a failure it answers itself (the code hook's logger). */
  logError: (message: string, detail: Record<string, unknown>) => void;
  slot(name: SlotName): SlotReading | null;
  money(minor: number): string;
  reply: Replies;
  /** Set by a handler before it writes, so a failure reads "couldn't save" whatever the intent. */
  writing: boolean;
}

export interface Replies {
  close(messages: LexMessage[], memory?: Memory, outcome?: 'Fulfilled' | 'Failed'): LexResponse;
  elicitSlot(slot: SlotName, messages: LexMessage[], memory?: Memory, intent?: LexIntent): LexResponse;
  confirm(messages: LexMessage[], memory?: Memory, intent?: LexIntent): LexResponse;
}

export interface TurnInput {
  event: LexEvent;
  intent: LexIntent;
  userId: string;
  profile: UserProfile;
  today: IsoDay;
  requestKey: string;
  memory: Required<Memory>;
  repo: LedgerRepository;
  goals: GoalRepository;
  recurring: RecurringRuleStore;
  accounts: AccountRepository;
  notifications: NotificationStore;
  clock: Clock;
  notifier?: BudgetNotifier;
  logError?: (message: string, detail: Record<string, unknown>) => void;
}

function repliesFor(event: LexEvent, intent: LexIntent): Replies {
  const state = (memory: Memory = {}) => ({
    ...(event.sessionState.sessionAttributes
      ? { sessionAttributes: event.sessionState.sessionAttributes }
      : {}),
    activeContexts: contextsWith(event, memory),
  });
  return {
    close: (messages, memory, outcome = 'Fulfilled') => close(intent, outcome, messages, state(memory)),
    elicitSlot: (slot, messages, memory, override) =>
      elicitSlot(override ?? intent, slot, messages, state(memory)),
    confirm: (messages, memory, override) => confirmIntent(override ?? intent, messages, state(memory)),
  };
}

export function createTurn(input: TurnInput): Turn {
  const { event, intent } = input;
  return {
    ...input,
    notifier: input.notifier ?? silentNotifier,
    logError:
      input.logError ??
      ((message, detail) => console.error(JSON.stringify({ level: 'error', message, ...detail }))),
    writing: false,
    slot: (name) => readSlot(event, name),
    money: (minor) => formatMoney(minor, input.profile.currency),
    reply: repliesFor(event, intent),
  };
}

/**
 * The same turn answered as another intent: what the NLU sent to the fallback but the words clearly
 * ask for ("delete the coffee from yesterday"). Replies then carry that intent, so the answer to a
 * yes/no question it asks reaches the right handler. Slots are still read from the event.
 */
export function asIntent(turn: Turn, name: string): Turn {
  if (turn.intent.name === name) return turn;
  const intent: LexIntent = { name, slots: {}, state: 'InProgress', confirmationState: 'None' };
  const switched: Turn = { ...turn, intent, reply: repliesFor(turn.event, intent) };
  // Writes started under the new intent still mark the original turn, which the code hook watches.
  Object.defineProperty(switched, 'writing', {
    get: () => turn.writing,
    set: (value: boolean) => {
      turn.writing = value;
    },
  });
  return switched;
}

export type IntentHandler = (turn: Turn) => Promise<LexResponse>;

/** The intent with one slot emptied, so Lex asks for it again rather than reusing a bad value. */
export function withoutSlot(intent: LexIntent, name: SlotName): LexIntent {
  return { ...intent, slots: { ...(intent.slots ?? {}), [name]: null } };
}
