/**
 * Help, Greeting, SmallTalk, Cancel and FallbackIntent: say what BudgetBuddy can do, answer the little
 * things people say, with buttons to get back to it. Meaning comes from the intent and its slots only
 * (the Topic slot for small talk); the fallback never guesses a request from the words.
 */
import { SlotName } from '@budgetbuddy/bot';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import type { IntentHandler } from './turn';

const EXAMPLES = [
  '• Log spending: "spent 12.50 on lunch", "paid 40 for gas yesterday"',
  '• Log income: "got paid 2000 salary"',
  '• Fix an entry: "no, make that 15", "change the costco one to 55", "undo"',
  '• Budgets: "set my grocery budget to 400", "how is my food budget?"',
  '• Savings goals: "save 2000 for a trip to japan by june", "put 300 toward the japan trip", "how is my japan goal going"',
  '• Questions: "how much did I spend on food last month?", then "and in October?"',
  '• Insights: "what are my biggest expenses", "average daily spending", "am I spending more than usual on food?"',
  '• Income: "how much did I earn last month?"',
  '• History: "list my transactions", "delete the coffee from yesterday"',
  '• Settings: "set my currency to EUR", "set my time zone to London"',
].join('\n');

const TRY_BUTTONS = [
  Buttons.spentThisMonth,
  Buttons.showBudgets,
  Buttons.listTransactions,
  Buttons.logExpense,
];

export const handleHelp: IntentHandler = async (turn) => {
  return turn.reply.close([
    plainText(`Here's what I can do:\n${EXAMPLES}`),
    buttonsCard('Try one of these', TRY_BUTTONS),
  ]);
};

export const handleGreeting: IntentHandler = async (turn) => {
  return turn.reply.close([
    plainText(
      `Hi! I'm BudgetBuddy. Tell me what you spend and earn, and I'll keep track and watch your budgets. ` +
        `For example: "spent 12.50 on lunch".`,
    ),
    buttonsCard('Try one of these', [...TRY_BUTTONS.slice(0, 3), Buttons.help]),
  ]);
};

/**
 * "never mind": drops whatever the bot was asking (a missing amount, a yes/no) and any delete it was
 * about to confirm. Nothing is written; if the person meant the entry just logged, Undo is one tap away.
 */
export const handleCancel: IntentHandler = async (turn) => {
  const justLogged = turn.memory.lastLogged?.transactionId !== undefined;
  return turn.reply.close(
    [
      plainText(
        justLogged
          ? "OK, I've dropped that — nothing was changed. If you meant the entry you just logged, tap Undo."
          : "OK, I've dropped that — nothing was changed. What would you like to do next?",
      ),
      buttonsCard(
        'Anything else?',
        justLogged ? [Buttons.undo, ...TRY_BUTTONS.slice(0, 2)] : [...TRY_BUTTONS.slice(0, 3), Buttons.help],
      ),
    ],
    { pendingDelete: null, pendingBudgetDelete: null, pendingEdit: null, draft: null },
  );
};

/** One short, friendly answer per Topic, and always a way back to what the bot is for. */
const SMALL_TALK: Record<string, string> = {
  Thanks: "You're welcome! Anything else — another expense, or a question about your spending?",
  Bye: 'Bye for now! Your entries are saved; come back any time.',
  HowAreYou: "I'm doing well, thanks for asking! Ready when you are — how's your spending going?",
  AreYouABot:
    "Yes, I'm BudgetBuddy, a bot that keeps track of your spending, income and budgets. Nothing you tell me is shared.",
  Compliment: "Thank you, that's kind! What else can I do for you?",
  Complaint:
    'Sorry about that. If I got something wrong, tap Undo or say what to change ("make it 15"), and I\'ll fix it.',
};

export const handleSmallTalk: IntentHandler = async (turn) => {
  const topic = turn.slot(SlotName.Topic)?.interpreted ?? '';
  const line = SMALL_TALK[topic] ?? "I'm here to help with your money. What would you like to do?";
  const buttons =
    topic === 'Complaint'
      ? [Buttons.undo, Buttons.listTransactions, Buttons.help]
      : [...TRY_BUTTONS.slice(0, 3), Buttons.help];
  return turn.reply.close([plainText(line), buttonsCard('Try one of these', buttons)]);
};

/** Words the NLU could not place: say what works, change nothing. */
export const handleFallback: IntentHandler = async (turn) =>
  turn.reply.close([
    plainText(
      `Sorry, I didn't get that — I only help with spending, income and budgets, and nothing was saved. You can say:\n${EXAMPLES}`,
    ),
    buttonsCard('Try one of these', [...TRY_BUTTONS.slice(0, 3), Buttons.help]),
  ]);
