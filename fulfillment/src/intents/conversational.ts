/**
 * Help, Greeting and FallbackIntent: say what BudgetBuddy can do, with buttons to try. None of them
 * ever writes anything, and the fallback is never a dead end.
 */
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import type { IntentHandler } from './turn';
import { answerSpending, followUpFromText } from './QuerySpending';

const EXAMPLES = [
  '• Log spending: "spent 12.50 on lunch", "paid 40 for gas yesterday"',
  '• Log income: "got paid 2000 salary"',
  '• Budgets: "set my grocery budget to 400", "how is my food budget?"',
  '• Questions: "how much did I spend on food last month?"',
  '• History: "list my transactions", "delete the coffee from yesterday", "undo"',
].join('\n');

const TRY_BUTTONS = [
  Buttons.spentThisMonth,
  Buttons.showBudgets,
  Buttons.listTransactions,
  Buttons.logExpense,
];

export const handleHelp: IntentHandler = async (turn) =>
  turn.reply.close([
    plainText(`Here's what I can do:\n${EXAMPLES}`),
    buttonsCard('Try one of these', TRY_BUTTONS),
  ]);

export const handleGreeting: IntentHandler = async (turn) =>
  turn.reply.close([
    plainText(
      `Hi! I'm BudgetBuddy. Tell me what you spend and earn, and I'll keep track and watch your budgets. ` +
        `For example: "spent 12.50 on lunch".`,
    ),
    buttonsCard('Try one of these', [...TRY_BUTTONS.slice(0, 3), Buttons.help]),
  ]);

export const handleFallback: IntentHandler = async (turn) => {
  // "and in October?" after a spending question: answer it rather than dead-end (a read, never a write).
  const followUp = followUpFromText(turn);
  if (followUp) return answerSpending(turn, followUp);
  return turn.reply.close([
    plainText(
      `Sorry, I didn't get that — I only help with spending, income and budgets, and nothing was saved. You can say:\n${EXAMPLES}`,
    ),
    buttonsCard('Try one of these', [...TRY_BUTTONS.slice(0, 3), Buttons.help]),
  ]);
};
