/**
 * LogExpense and LogIncome: log as soon as the amount and the category are known, ask only for what is
 * missing or wrong, and answer with the budget state and an Undo button.
 */
import { SlotName } from '@budgetbuddy/bot/src/definition/names';
import type { TransactionKind } from '../ports/LedgerRepository';
import { onDay } from '../dates/calendar';
import { MAX_NOTE_LENGTH } from '../domain/ledger/transactions';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import { withoutSlot, type IntentHandler, type Turn } from './turn';
import { readAmount } from './support/amounts';
import { budgetLinesAfterExpense } from './support/budgetAlerts';
import { closestCategories, COMMON_CATEGORIES, matchCategory } from './support/categoryChoice';
import { readLogDate } from './support/logDate';

const wording = {
  expense: { askAmount: 'How much did you spend', askCategory: 'What was it for?', noun: 'expense' },
  income: {
    askAmount: 'How much did you receive',
    askCategory: 'What kind of income was it?',
    noun: 'income',
  },
} as const;

function categoryButtons(names: string[]) {
  return names.map((name) => ({ text: name, value: name }));
}

/**
 * The words after "on"/"for" in the utterance ("spent 12 on xyzzy" → "xyzzy"): what the user called
 * the category when the NLU could not resolve it to one, so the re-prompt can name it.
 */
const SAID_CATEGORY =
  /\b(?:on|for)\s+(?:a |an |the |some |my )?([\p{L}][\p{L}' -]{0,40}?)\s*(?:\b(?:today|yesterday|tonight|this|last|on|at|in|from)\b.*)?[.!?]*$/iu;

function askCategory(turn: Turn, kind: TransactionKind, said: string | null, fallbackLead: string) {
  const options = said ? closestCategories(said, kind, turn.profile) : COMMON_CATEGORIES[kind];
  const lead = said
    ? `I don't have a${kind === 'income' ? 'n income' : 'n expense'} category called "${said}". Which of these fits best?`
    : fallbackLead;
  return turn.reply.elicitSlot(
    SlotName.Category,
    [plainText(lead), buttonsCard('Pick a category', categoryButtons(options))],
    {},
    withoutSlot(turn.intent, SlotName.Category),
  );
}

export const logTransaction =
  (kind: TransactionKind): IntentHandler =>
  async (turn) => {
    const words = wording[kind];
    const amountSlot = turn.slot(SlotName.Amount);
    const categorySlot = turn.slot(SlotName.Category);
    const category = categorySlot ? matchCategory(categorySlot, kind, turn.profile) : null;

    if (!amountSlot) {
      const onWhat = category && kind === 'expense' ? ` on ${category}` : category ? ` as ${category}` : '';
      return turn.reply.elicitSlot(SlotName.Amount, [plainText(`${words.askAmount}${onWhat}?`)]);
    }
    const amount = readAmount(amountSlot, turn.profile.currency);
    if (!amount.ok) {
      return turn.reply.elicitSlot(
        SlotName.Amount,
        [plainText(`${amount.problem} ${words.askAmount}?`)],
        {},
        withoutSlot(turn.intent, SlotName.Amount),
      );
    }
    if (!categorySlot) {
      const said = SAID_CATEGORY.exec(turn.event.inputTranscript)?.[1]?.trim() ?? null;
      return askCategory(turn, kind, said, words.askCategory);
    }
    if (!category) {
      return askCategory(
        turn,
        kind,
        categorySlot.original ?? categorySlot.interpreted ?? null,
        words.askCategory,
      );
    }
    const when = readLogDate(turn.slot(SlotName.Date), turn.today);
    if (!when.ok) {
      return turn.reply.elicitSlot(
        SlotName.Date,
        [plainText(when.problem)],
        {},
        withoutSlot(turn.intent, SlotName.Date),
      );
    }
    const note = turn.slot(SlotName.Note)?.original ?? turn.slot(SlotName.Note)?.interpreted;

    const { transaction } = await turn.repo.logTransaction(turn.userId, {
      kind,
      amountMinor: amount.minor,
      currency: turn.profile.currency,
      category,
      date: when.date,
      ...(note ? { note: note.slice(0, MAX_NOTE_LENGTH) } : {}),
      source: 'chat',
      requestId: turn.requestKey,
    });

    const what = kind === 'expense' ? `for ${category}` : `of ${category} income`;
    const noteText = transaction.note ? ` (${transaction.note})` : '';
    const lines = [
      `Logged ${turn.money(transaction.amountMinor)} ${what} ${onDay(transaction.date, turn.today)}${noteText}.`,
    ];
    if (kind === 'expense') {
      // The expense is saved by now: a failed budget read must not say "couldn't save" (a retry would log twice).
      const money = (minor: number) => turn.money(minor);
      try {
        lines.push(
          ...(await budgetLinesAfterExpense(turn.repo, turn.userId, transaction, turn.today, money)),
        );
      } catch {
        lines.push("(I couldn't check your budgets just now.)");
      }
    }
    return turn.reply.close(
      [
        plainText(lines.join('\n')),
        buttonsCard('Anything else?', [Buttons.undo, Buttons.spentThisMonth, Buttons.showBudgets]),
      ],
      { lastLogged: { transactionId: transaction.id } },
    );
  };
