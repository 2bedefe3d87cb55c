/**
 * Help, Greeting and FallbackIntent: say what BudgetBuddy can do, with buttons to try. The fallback is
 * never a dead end: before it explains, it checks whether the words are something the bot does handle
 * but the NLU could not place — a correction of the entry just logged, a follow-up question, a delete,
 * a currency change, a question about income — and answers that instead.
 */
import type { LexIntent, LexResponse, LexSlot } from '@budgetbuddy/bot/src/lex/schemas';
import { IntentName, SlotName } from '@budgetbuddy/bot/src/definition/names';
import { onDay } from '../dates/calendar';
import { resolveDateRange } from '../dates/dateRange';
import { readAmount } from './support/amounts';
import { distance } from 'fastest-levenshtein';
import { categoryInText, plainWords } from './support/categoryWords';
import { readLogDate } from './support/logDate';
import { amountsIn, dayWordsIn, withoutDays } from './support/moneyWords';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import { asIntent, type IntentHandler, type Turn } from './turn';
import { answerIncome, answerSpending, ASKS_INCOME, followUpFromText } from './QuerySpending';
import { askToRemoveBudget, REMOVE_BUDGET } from './budgetRemoval';
import { handleCheckBudget } from './CheckBudget';
import { correctLastEntry } from './correctEntry';
import { answerCurrency } from './currencyChange';
import { handleDeleteTransaction, UNDO } from './DeleteTransaction';

const EXAMPLES = [
  '• Log spending: "spent 12.50 on lunch", "paid 40 for gas yesterday"',
  '• Log income: "got paid 2000 salary"',
  '• Fix the last entry: "no, make that 15", "actually it was yesterday", "undo"',
  '• Budgets: "set my grocery budget to 400", "how is my food budget?"',
  '• Questions: "how much did I spend on food last month?", then "and in October?"',
  '• History: "list my transactions", "delete the coffee from yesterday"',
  '• Currency: "set my currency to EUR"',
].join('\n');

const TRY_BUTTONS = [
  Buttons.spentThisMonth,
  Buttons.showBudgets,
  Buttons.listTransactions,
  Buttons.logExpense,
];

/** "how am I doing?": the budgets when there are any, otherwise this month's spending. */
const HOW_AM_I_DOING =
  /\bhow('?s| is| am| are)\b.*\b(doing|going|looking|things)\b|\bam i doing (ok|okay|well|good|alright)\b/i;

async function overview(turn: Turn): Promise<LexResponse> {
  const budgets = await turn.repo.listBudgets(turn.userId);
  if (budgets.length > 0) return handleCheckBudget(asIntent(turn, IntentName.CheckBudget));
  return answerSpending(asIntent(turn, IntentName.QuerySpending), { category: null });
}

export const handleHelp: IntentHandler = async (turn) => {
  if (HOW_AM_I_DOING.test(turn.event.inputTranscript)) return overview(turn);
  return turn.reply.close([
    plainText(`Here's what I can do:\n${EXAMPLES}`),
    buttonsCard('Try one of these', TRY_BUTTONS),
  ]);
};

const THANKS = /\b(thanks|thank you|thx|ty|cheers|great|perfect|awesome|cool|nice)\b/i;
const BYE =
  /^\s*(bye|goodbye|good bye|see you|see ya|later|good night|that's all|that is all|i'm done|done)\b/i;

export const handleGreeting: IntentHandler = async (turn) => {
  if (THANKS.test(turn.event.inputTranscript) && !/\b(hi|hello|hey)\b/i.test(turn.event.inputTranscript)) {
    return turn.reply.close([
      plainText("You're welcome! Anything else — another expense, or a question about your spending?"),
      buttonsCard('Try one of these', TRY_BUTTONS.slice(0, 3)),
    ]);
  }
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
    { pendingDelete: null, pendingBudgetDelete: null },
  );
};

const DELETE_VERB = /^\s*(please\s+)?(delete|remove|erase|get rid of|drop)\s+(?=\S)/i;
/** What follows a delete verb when it means one of the user's entries ("the last one", "that coffee"). */
const ENTRY_WORDS =
  /\b(last|latest|previous|recent|entry|entries|expense|expenses|transaction|transactions|purchase|purchases|payment|all|every|everything)\b|^\s*(it|that|this|that one|this one)\s*[.!]*\s*$/i;
/** SQL, markup and the like are never a request, whatever verbs they contain. */
const CODE_LIKE = /[<>{};=]|\b(select|insert|update|where|table|database)\b/i;

/**
 * "delete the coffee from yesterday" the NLU could not place: only when the words after the verb name
 * an entry or one of the user's categories — "remove me from the mailing list" is not a request.
 */
function asksToDeleteAnEntry(turn: Turn): boolean {
  const text = turn.event.inputTranscript;
  if (!DELETE_VERB.test(text) || CODE_LIKE.test(text)) return false;
  const object = text.replace(DELETE_VERB, '');
  return ENTRY_WORDS.test(object) || categoryInText(object, 'expense', turn.profile) !== null;
}

/** A spending verb, or one letter off from one ("spnt", "payed"), as in a mistyped log line. */
const SPENDING_VERB = /^(spent|spend|spending|paid|pay|payed|bought|buy|cost|costs)$/;
function hasSpendingVerb(text: string): boolean {
  return plainWords(text)
    .split(' ')
    .some(
      (word) => SPENDING_VERB.test(word) || ['spent', 'paid', 'bought'].some((v) => distance(word, v) === 1),
    );
}
const YES_NO = /^\s*(yes|yeah|yep|yup|sure|ok|okay|no|nope|nah)\s*[.!]*\s*$/i;
const NEVER_MIND =
  /^\s*(cancel|never ?mind|nevermind|forget it|stop|start over|reset|nothing|no thanks|nah thanks)\s*[.!]*\s*$/i;

/** The little things people say that are not requests, with a friendly answer each. */
function smallTalk(turn: Turn): LexResponse | null {
  const text = turn.event.inputTranscript;
  const say = (line: string) =>
    turn.reply.close([
      plainText(line),
      buttonsCard('Try one of these', [...TRY_BUTTONS.slice(0, 3), Buttons.help]),
    ]);
  if (YES_NO.test(text)) {
    return say(
      "I wasn't waiting for a yes or no just then, so nothing was changed. What would you like to do?",
    );
  }
  if (BYE.test(text)) return say('Bye for now! Your entries are saved; come back any time.');
  if (THANKS.test(text) && text.trim().split(/\s+/).length <= 4) return say("You're welcome!");
  return null;
}

const ASKS_SPENDING_WORDS =
  /\bhow much\b.*\b(spen[dt]|spending|cost|paid)\b|\bwhat did i spend\b|\bmy spending\b/i;
const QUESTION = /\?|\b(how|what|which|when|where|why|show|list|budget|delete|remove|undo)\b/i;

/**
 * "spnt 12 on lnch": an amount and a category (typos allowed) the NLU could not place. Asks whether to
 * log it, as LogExpense, so a yes logs it and a no logs nothing.
 */
function guessExpense(turn: Turn): LexResponse | null {
  const text = turn.event.inputTranscript;
  if (QUESTION.test(text) || ASKS_INCOME.test(text) || CODE_LIKE.test(text)) return null;
  // Without a spending verb, a number next to a category word is chatter ("the movie starts at 9").
  if (!hasSpendingVerb(text)) return null;
  const amounts = amountsIn(text);
  const amount = amounts[0];
  if (amounts.length !== 1 || amount === undefined) return null;
  const day = dayWordsIn(text);
  const named = categoryInText(withoutDays(text), 'expense', turn.profile, { typos: true });
  if (!named) return null;
  const minor = readAmount({ original: amount, interpreted: amount, resolved: [] }, turn.profile.currency);
  const when = readLogDate(day ? { original: day, interpreted: undefined, resolved: [] } : null, turn.today);
  if (!minor.ok || !when.ok) return null;
  const slot = (original: string, interpreted: string): LexSlot => ({
    shape: 'Scalar',
    value: { originalValue: original, interpretedValue: interpreted, resolvedValues: [interpreted] },
  });
  const intent: LexIntent = {
    name: IntentName.LogExpense,
    slots: {
      [SlotName.Amount]: slot(amount, amount),
      [SlotName.Category]: slot(named.word, named.category),
      ...(day ? { [SlotName.Date]: slot(day, when.date) } : {}),
    },
    state: 'InProgress',
    confirmationState: 'None',
  };
  const word = named.word.toLowerCase() === named.category.toLowerCase() ? '' : ` (${named.word})`;
  return asIntent(turn, IntentName.LogExpense).reply.confirm(
    [
      plainText(
        `Did you mean: log ${turn.money(minor.minor)} for ${named.category}${word} ${onDay(when.date, turn.today)}?`,
      ),
      buttonsCard('Log it?', [Buttons.yes, Buttons.no]),
    ],
    {},
    intent,
  );
}

export const handleFallback: IntentHandler = async (turn) => {
  const text = turn.event.inputTranscript;
  // "no, make that 15" / "actually it was yesterday": the entry just logged.
  const corrected = await correctLastEntry(turn);
  if (corrected) return corrected;
  // "and in October?" after a spending question: answer it rather than dead-end (a read, never a write).
  const followUp = followUpFromText(turn);
  if (followUp) return answerSpending(turn, followUp);
  const currency = await answerCurrency(turn);
  if (currency) return currency;
  if (REMOVE_BUDGET.test(text)) return askToRemoveBudget(turn);
  // "delete the coffee from yesterday": find it and ask, as DeleteTransaction would.
  if (asksToDeleteAnEntry(turn) || UNDO.test(text)) {
    return handleDeleteTransaction(asIntent(turn, IntentName.DeleteTransaction));
  }
  if (ASKS_INCOME.test(text)) return answerIncome(turn, text);
  // "how much did I spend in 2026": a spending question the NLU could not place.
  if (ASKS_SPENDING_WORDS.test(text) && !DELETE_VERB.test(text)) {
    const named = categoryInText(text, 'expense', turn.profile);
    return answerSpending(asIntent(turn, IntentName.QuerySpending), {
      category: named?.category ?? null,
      ...(resolveDateRange(text, turn.today) ? { dateWords: text } : {}),
    });
  }
  const guess = guessExpense(turn);
  if (guess) return guess;
  if (HOW_AM_I_DOING.test(text)) return overview(turn);
  // The NLU sends these to Cancel; said in words it could not place, they get the same answer.
  if (NEVER_MIND.test(text)) return handleCancel(asIntent(turn, IntentName.Cancel));
  const small = smallTalk(turn);
  if (small) return small;
  return turn.reply.close([
    plainText(
      `Sorry, I didn't get that — I only help with spending, income and budgets, and nothing was saved. You can say:\n${EXAMPLES}`,
    ),
    buttonsCard('Try one of these', [...TRY_BUTTONS.slice(0, 3), Buttons.help]),
  ]);
};
