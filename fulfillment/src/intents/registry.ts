/** Intent name → handler. An intent the bot adds later without a handler gets the fallback's answer. */
import { IntentName } from '@budgetbuddy/bot/src/definition/names';
import type { IntentHandler } from './turn';
import { handleLogExpense } from './LogExpense';
import { handleLogIncome } from './LogIncome';
import { handleSetBudget } from './SetBudget';
import { handleQuerySpending } from './QuerySpending';
import { handleCheckBudget } from './CheckBudget';
import { handleListTransactions } from './ListTransactions';
import { handleDeleteTransaction } from './DeleteTransaction';
import { handleCancel, handleFallback, handleGreeting, handleHelp } from './conversational';
import { answerCurrency, asksCurrencyChange } from './currencyChange';
import { pendingPrompt } from '../lex/eventReader';

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
  // Interim: the fallback's readers answer these until each intent's own handler lands (issues 10, 11).
  [IntentName.EditTransaction]: handleFallback,
  [IntentName.Undo]: handleFallback,
  [IntentName.SetCurrency]: handleFallback,
  [IntentName.SetTimeZone]: handleFallback,
  [IntentName.DeleteBudget]: handleFallback,
  [IntentName.QueryIncome]: handleFallback,
  [IntentName.SpendingInsights]: handleFallback,
  [IntentName.SmallTalk]: handleFallback,
};

export function handlerFor(intentName: string): IntentHandler {
  return (intentHandlers as Record<string, IntentHandler | undefined>)[intentName] ?? handleFallback;
}

/**
 * Runs the turn. Words that can only mean a currency change ("set my currency to EUR") are answered as
 * such whichever intent the NLU guessed, unless the turn answers a question the bot asked.
 */
export const handleTurn: IntentHandler = async (turn) => {
  if (!pendingPrompt(turn.event) && asksCurrencyChange(turn.event.inputTranscript)) {
    const answer = await answerCurrency(turn);
    if (answer) return answer;
  }
  return handlerFor(turn.intent.name)(turn);
};
