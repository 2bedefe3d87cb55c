/**
 * DeleteTransaction and Undo. "undo" removes the transaction just logged at once; anything else names
 * the transaction it found, asks, and deletes only on yes.
 */
import { subDays } from 'date-fns';
import type { Transaction } from '../ports/LedgerRepository';
import { fromDay, toDay } from '../dates/calendar';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import type { IntentHandler, Turn } from './turn';
import { describeTransaction } from './support/describeTransaction';
import { readTransactionDescription } from './support/transactionDescription';

const UNDO =
  /^\s*(oops,?\s+)?(undo( it| that| this| last| the last one| my last entry)?|take (it|that) back|scratch that|that was a mistake)\s*[.!]*\s*$/i;
const SEARCH_DAYS = 90;

async function findDescribed(turn: Turn): Promise<Transaction | null> {
  const description = readTransactionDescription(turn);
  if (!description) return (await turn.repo.listRecent(turn.userId, 1))[0] ?? null;
  const { words, category, range } = description;
  const rows = await turn.repo.listByRange(turn.userId, {
    from: range?.from ?? toDay(subDays(fromDay(turn.today), SEARCH_DAYS)),
    to: range?.to ?? turn.today,
  });
  // "the coffee" may be the note or the category (or its synonym): the note's match comes first.
  const inNote = rows.find((t) => t.note && words.some((w) => t.note!.toLowerCase().includes(w)));
  if (inNote) return inNote;
  const wanted = [category, ...words].filter((w): w is string => !!w).map((w) => w.toLowerCase());
  if (wanted.length === 0) return rows[0] ?? null;
  return (
    rows.find((t) => wanted.some((w) => t.category.toLowerCase().startsWith(w.replace(/s$/, '')))) ?? null
  );
}

export const handleDeleteTransaction: IntentHandler = async (turn) => {
  const { lastLogged, pendingDelete } = turn.memory;

  if (UNDO.test(turn.event.inputTranscript)) {
    if (!lastLogged) {
      return turn.reply.close([
        plainText(
          `There's nothing to undo right now. To remove an older entry, say "delete my last transaction".`,
        ),
      ]);
    }
    const removed = await turn.repo.deleteTransaction(turn.userId, lastLogged.transactionId);
    return turn.reply.close(
      [
        plainText(
          removed
            ? `Undone: I removed ${describeTransaction(removed, turn.today)}.`
            : 'That entry was already removed.',
        ),
      ],
      { lastLogged: null },
    );
  }

  const confirmation = turn.intent.confirmationState;
  if (pendingDelete && confirmation === 'Confirmed') {
    const removed = await turn.repo.deleteTransaction(turn.userId, pendingDelete.transactionId);
    return turn.reply.close(
      [
        plainText(
          removed
            ? `Deleted ${describeTransaction(removed, turn.today)}.`
            : 'That entry was already removed.',
        ),
      ],
      {
        pendingDelete: null,
        ...(lastLogged?.transactionId === pendingDelete.transactionId ? { lastLogged: null } : {}),
      },
    );
  }
  if (pendingDelete && confirmation === 'Denied') {
    const kept = await turn.repo.getTransaction(turn.userId, pendingDelete.transactionId);
    return turn.reply.close(
      [plainText(kept ? `OK, I kept ${describeTransaction(kept, turn.today)}.` : 'OK, nothing was deleted.')],
      { pendingDelete: null },
    );
  }

  const target = await findDescribed(turn);
  if (!target) {
    const described = readTransactionDescription(turn) !== null;
    return turn.reply.close([
      plainText(
        described
          ? 'I couldn\'t find a transaction like that, so nothing was deleted. Say "list my transactions" to see them.'
          : "There's nothing to delete — you haven't logged anything yet.",
      ),
      buttonsCard('Try', [Buttons.listTransactions, Buttons.help]),
    ]);
  }
  return turn.reply.confirm(
    [
      plainText(`Delete ${describeTransaction(target, turn.today)}?`),
      buttonsCard('Delete it?', [Buttons.yes, Buttons.no]),
    ],
    { pendingDelete: { transactionId: target.id } },
  );
};
