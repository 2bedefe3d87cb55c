/**
 * DeleteTransaction: finds the entry the slots describe (Entry, Category, Date), names it, asks, and
 * deletes only on yes. A description that matches nothing is said to match nothing: it never falls
 * back to some other entry. Without any description, it is the latest entry.
 */
import { SlotName } from '@budgetbuddy/bot';
import type { LexResponse } from '@budgetbuddy/bot/lex';
import type { Transaction } from '../domain/ledger';
import { rangeOfSlot } from './support/dateSlot';
import { pushedBack, snapshotOf } from '../lex/memory';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import type { IntentHandler, Turn } from './turn';
import { matchCategory } from './support/categoryChoice';
import { describeTransaction } from './support/describeTransaction';
import { descriptionWords, findEntries } from './support/findEntry';
import { forget } from './Undo';

export function askToDelete(
  turn: Turn,
  target: Transaction,
  question?: string,
  viaUndo = false,
): LexResponse {
  return turn.reply.confirm(
    [
      plainText(question ?? `Delete ${describeTransaction(target, turn.today)}?`),
      buttonsCard(question ? 'Remove it?' : 'Delete it?', [Buttons.yes, Buttons.no]),
    ],
    { pendingDelete: { transactionId: target.id, ...(viaUndo ? { viaUndo } : {}) } },
  );
}

const ALL = new Set(['all', 'every', 'everything']);
const COUNT = /^(\d+|two|three|four|five|six|seven|eight|nine|ten|few|couple)$/;

/** What the slots say about the entry: words, a category and a day or range. */
function described(turn: Turn) {
  const entry = turn.slot(SlotName.Entry);
  const categorySlot = turn.slot(SlotName.Category);
  const dateSlot = turn.slot(SlotName.Date);
  const said = entry?.original ?? entry?.interpreted;
  const words = descriptionWords(said);
  const category = categorySlot
    ? (matchCategory(categorySlot, 'expense', turn.profile) ??
      matchCategory(categorySlot, 'income', turn.profile))
    : null;
  // "delete the dinner": the person's own word is the description; "the food" is the category itself.
  const categoryWord = categorySlot?.original?.toLowerCase().trim();
  if (categoryWord && category && !category.toLowerCase().startsWith(categoryWord.replace(/s$/, ''))) {
    words.push(...descriptionWords(categoryWord));
  }
  const range = rangeOfSlot(dateSlot, turn.today);
  const text = [...new Set([said, categorySlot?.original, dateSlot?.original].filter(Boolean))].join(' ');
  return {
    words,
    category: words.length > 0 ? null : category,
    range,
    said: text,
    invalidDate: !!dateSlot && !range,
  };
}

export const handleDeleteTransaction: IntentHandler = async (turn) => {
  const { lastLogged, pendingDelete } = turn.memory;
  const confirmation = turn.intent.confirmationState;

  if (pendingDelete && confirmation === 'Confirmed') {
    turn.writing = true;
    const removed = await turn.repo.deleteTransaction(turn.userId, pendingDelete.transactionId);
    const left = forget(lastLogged, [pendingDelete.transactionId]);
    return turn.reply.close(
      [
        plainText(
          removed
            ? `Deleted ${describeTransaction(removed, turn.today)}.`
            : 'That entry was already removed.',
        ),
        buttonsCard('Anything else?', [
          ...(removed && !pendingDelete.viaUndo ? [Buttons.undo] : []),
          Buttons.listTransactions,
          Buttons.spentThisMonth,
        ]),
      ],
      {
        pendingDelete: null,
        lastLogged: pushedBack(left) ?? left,
        lastAction:
          removed && !pendingDelete.viaUndo ? { type: 'delete', transaction: snapshotOf(removed) } : null,
      },
    );
  }
  if (pendingDelete && confirmation === 'Denied') {
    const kept = await turn.repo.getTransaction(turn.userId, pendingDelete.transactionId);
    return turn.reply.close(
      [
        plainText(kept ? `OK, I kept ${describeTransaction(kept, turn.today)}.` : 'OK, nothing was deleted.'),
        buttonsCard('Anything else?', [Buttons.listTransactions, Buttons.spentThisMonth]),
      ],
      { pendingDelete: null },
    );
  }

  const description = described(turn);
  if (description.words.some((w) => ALL.has(w))) {
    return turn.reply.close([
      plainText(
        "I don't delete everything at once, so nothing goes by mistake. I remove one entry at a time: " +
          'say "delete my last transaction", or name one, like "delete the coffee from yesterday".',
      ),
      buttonsCard('Try', [
        Buttons.listTransactions,
        { text: 'Delete the last one', value: 'delete my last transaction' },
      ]),
    ]);
  }
  const counted = description.words.length > 0 && description.words.every((w) => COUNT.test(w));
  if (counted) {
    const latest = (await turn.repo.listRecent(turn.userId, 1))[0];
    if (latest) {
      return askToDelete(
        turn,
        latest,
        `I delete one entry at a time, so nothing goes by mistake. The latest is ${describeTransaction(latest, turn.today)} — delete it?`,
      );
    }
  }
  if (description.invalidDate) {
    return turn.reply.close([
      plainText(
        `I couldn't find "${turn.slot(SlotName.Date)?.original ?? ''}" on the calendar, so nothing was deleted.`,
      ),
      buttonsCard('Try', [Buttons.listTransactions, Buttons.help]),
    ]);
  }
  const anyDescription = description.words.length > 0 || !!description.category || !!description.range;
  const target = anyDescription
    ? (await findEntries(turn, description))[0]
    : (await turn.repo.listRecent(turn.userId, 1))[0];
  if (!target) {
    return turn.reply.close([
      plainText(
        anyDescription
          ? `I couldn't find an entry like "${description.said}", so nothing was deleted. Say "list my transactions" to see them.`
          : "There's nothing to delete — you haven't logged anything yet.",
      ),
      buttonsCard('Try', [Buttons.listTransactions, Buttons.help]),
    ]);
  }
  return askToDelete(turn, target);
};
