/** Intent name → handler. An intent the bot adds later without a handler gets the fallback's answer. */
import { IntentName, SlotName } from '@budgetbuddy/bot';
import type { LexEvent, LexIntent, LexResponse, LexSlot } from '@budgetbuddy/bot/lex';
import { createTurn, type IntentHandler, type Turn } from './turn';
import { handleLogExpense } from './LogExpense';
import { handleLogIncome } from './LogIncome';
import { handleSetBudget } from './SetBudget';
import { handleQueryIncome, handleQuerySpending } from './QuerySpending';
import { handleCheckBudget } from './CheckBudget';
import { handleListTransactions } from './ListTransactions';
import { handleDeleteTransaction } from './DeleteTransaction';
import { handleEditTransaction } from './EditTransaction';
import { handleUndo } from './Undo';
import { handleSetCurrency, handleSetEmailAlerts, handleSetTimeZone } from './settings';
import { handleDeleteBudget } from './budgetRemoval';
import { handleSpendingInsights } from './SpendingInsights';
import { handleGetExport } from './GetExport';
import { handleAddToGoal, handleCheckGoal, handleDeleteGoal, handleSetGoal } from './goals';
import { handleCancel, handleFallback, handleGreeting, handleHelp, handleSmallTalk } from './conversational';
import { recurringIntentHandlers } from './recurring';
import { handleAddAccount, handleQueryBalance, handleSetJarSplit, handleTransferMoney } from './accounts';
import { handleTagTransaction } from './tags';
import { categoryIntentHandlers } from './categories';
import { ContextName, type Draft } from '../lex/memory';
import { plainText } from '../lex/messages';

export const intentHandlers: Record<IntentName, IntentHandler> = {
  [IntentName.LogExpense]: handleLogExpense,
  [IntentName.LogIncome]: handleLogIncome,
  [IntentName.SetBudget]: handleSetBudget,
  [IntentName.QuerySpending]: handleQuerySpending,
  [IntentName.CheckBudget]: handleCheckBudget,
  [IntentName.ListTransactions]: handleListTransactions,
  [IntentName.DeleteTransaction]: handleDeleteTransaction,
  [IntentName.Help]: handleHelp,
  [IntentName.Greeting]: handleGreeting,
  [IntentName.Cancel]: handleCancel,
  [IntentName.FallbackIntent]: handleFallback,
  [IntentName.EditTransaction]: handleEditTransaction,
  [IntentName.Undo]: handleUndo,
  [IntentName.SetCurrency]: handleSetCurrency,
  [IntentName.SetTimeZone]: handleSetTimeZone,
  [IntentName.SetEmailAlerts]: handleSetEmailAlerts,
  [IntentName.DeleteBudget]: handleDeleteBudget,
  [IntentName.QueryIncome]: handleQueryIncome,
  [IntentName.SpendingInsights]: handleSpendingInsights,
  [IntentName.SmallTalk]: handleSmallTalk,
  [IntentName.GetExport]: handleGetExport,
  ...recurringIntentHandlers,
  [IntentName.SetGoal]: handleSetGoal,
  [IntentName.AddToGoal]: handleAddToGoal,
  [IntentName.CheckGoal]: handleCheckGoal,
  [IntentName.DeleteGoal]: handleDeleteGoal,
  [IntentName.AddAccount]: handleAddAccount,
  [IntentName.TransferMoney]: handleTransferMoney,
  [IntentName.QueryBalance]: handleQueryBalance,
  [IntentName.SetJarSplit]: handleSetJarSplit,
  [IntentName.TagTransaction]: handleTagTransaction,
  ...categoryIntentHandlers,
};

export function handlerFor(intentName: string): IntentHandler {
  return (intentHandlers as Record<string, IntentHandler | undefined>)[intentName] ?? handleFallback;
}

/**
 * Whether the turn is a request of its own rather than the answer to the draft's question: another
 * intent, or the same one holding other values than the draft held (the runtime started it afresh).
 */
function leavesDraft(turn: Turn, draft: Draft): boolean {
  if (turn.intent.name !== draft.intent) return true;
  const slots = turn.intent.slots ?? {};
  return Object.entries(draft.slots).some(([name, value]) => {
    const now = slots[name]?.value;
    return (now?.originalValue ?? now?.interpretedValue) !== value;
  });
}

const ASK_AGAIN: Record<string, string> = {
  category: 'tell me its category to log it',
  amount: 'tell me how much it was to log it',
  date: 'tell me which day it was to log it',
};

/** The new request's reply, said after what was dropped, without the old draft in memory. */
function afterDropping(response: LexResponse, draft: Draft, oldDraftValue: string | undefined): LexResponse {
  const line = `I dropped ${draft.described} — ${ASK_AGAIN[draft.missing] ?? 'say it again to log it'}.`;
  const contexts = (response.sessionState.activeContexts ?? []).filter(
    (c) => !(c.name === ContextName.draft && c.contextAttributes.value === oldDraftValue),
  );
  return {
    ...response,
    sessionState: { ...response.sessionState, activeContexts: contexts },
    messages: [plainText(line), ...(response.messages ?? [])],
  };
}

const MISSING_SLOT: Record<string, SlotName> = {
  category: SlotName.Category,
  amount: SlotName.Amount,
  date: SlotName.Date,
};

/**
 * "actually it was transport" while the bot asks what a new expense was for: a correction of "the last
 * change" with no entry named, giving exactly the value the draft lacks, is the draft's answer.
 */
function draftAnswer(turn: Turn, draft: Draft): LexIntent | null {
  if (turn.intent.name !== IntentName.EditTransaction || turn.slot(SlotName.Entry)) return null;
  const wanted = MISSING_SLOT[draft.missing];
  const given = wanted ? turn.intent.slots?.[wanted] : null;
  if (!wanted || !given || !turn.slot(wanted)) return null;
  const others = [SlotName.Amount, SlotName.Category, SlotName.Date, SlotName.Note].filter(
    (name) => name !== wanted && turn.slot(name),
  );
  if (others.length > 0) return null;
  const slots: Record<string, LexSlot | null> = {};
  for (const [name, original] of Object.entries(draft.slots)) {
    const interpreted = draft.values[name] ?? original;
    slots[name] = {
      shape: 'Scalar',
      value: { originalValue: original, interpretedValue: interpreted, resolvedValues: [interpreted] },
    };
  }
  slots[wanted] = given;
  return { name: draft.intent, slots, state: 'InProgress', confirmationState: 'None' };
}

/** The turn as the draft's own intent, with the draft's slots and the answer. */
function asDraftTurn(turn: Turn, intent: LexIntent): Turn {
  const event: LexEvent = { ...turn.event, sessionState: { ...turn.event.sessionState, intent } };
  const resumed = createTurn({ ...turn, event, intent, memory: { ...turn.memory, draft: null } });
  Object.defineProperty(resumed, 'writing', {
    get: () => turn.writing,
    set: (value: boolean) => {
      turn.writing = value;
    },
  });
  return resumed;
}

/**
 * Runs the turn. A draft the bot was still asking about is not saved when the turn is a new request:
 * that request is answered, and the reply says what was dropped. "never mind" drops it quietly.
 */
export const handleTurn: IntentHandler = async (turn) => {
  const draft = turn.memory.draft;
  if (!draft || !leavesDraft(turn, draft)) return handlerFor(turn.intent.name)(turn);
  const answer = draftAnswer(turn, draft);
  if (answer) return handlerFor(answer.name)(asDraftTurn(turn, answer));
  const oldValue = turn.event.sessionState.activeContexts?.find((c) => c.name === ContextName.draft)
    ?.contextAttributes.value;
  const fresh: Turn = { ...turn, memory: { ...turn.memory, draft: null } };
  // The writing flag is read by the code hook on failure: keep it on the turn it watches.
  Object.defineProperty(fresh, 'writing', {
    get: () => turn.writing,
    set: (value: boolean) => {
      turn.writing = value;
    },
  });
  const response = await handlerFor(turn.intent.name)(fresh);
  // Cancel says it dropped what was asked already.
  if (turn.intent.name === IntentName.Cancel) return response;
  return afterDropping(response, draft, oldValue);
};
