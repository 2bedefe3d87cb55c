/**
 * DeleteTransaction and Undo. "undo" removes the transaction just logged at once; a second "undo"
 * offers the one logged before it (with a yes/no, since a double click must not delete two entries);
 * anything else names the transaction it found, asks, and deletes only on yes.
 */
import { subDays } from 'date-fns';
import type { LexResponse } from '@budgetbuddy/bot/src/lex/schemas';
import type { Transaction } from '../ports/LedgerRepository';
import { fromDay, toDay } from '../dates/calendar';
import { afterLogging, pushedBack, type LastAction, type LastLogged } from '../lex/memory';
import { formatMoney } from '../domain/ledger/money';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import type { IntentHandler, Turn } from './turn';
import { askToRemoveBudget, budgetLabel, REMOVE_BUDGET } from './budgetRemoval';
import { categoryInText } from './support/categoryWords';
import { describeTransaction } from './support/describeTransaction';
import { readTransactionDescription } from './support/transactionDescription';

export const UNDO =
  /^\s*(oops,?\s+)?(undo( it| that| this| last| the last one| my last entry| again| that too| the one before)?|undo undo|take (it|that) back|scratch that|that was a mistake)\s*[.!]*\s*$/i;
const SEVERAL =
  /^\s*(please\s+)?(delete|remove|erase|clear|cancel|get rid of|drop)\s+(all|every|everything)\b/i;
const LAST_FEW =
  /^\s*(please\s+)?(delete|remove|erase|cancel|get rid of|drop)\s+(?:the |my )?(?:last|latest|previous)\s+(\d+|two|three|four|five|few|couple)\b/i;
const SEARCH_DAYS = 90;

const stem = (w: string) => w.toLowerCase().replace(/(ies|es|s)$/, '');

async function findDescribed(turn: Turn): Promise<Transaction | null> {
  const description = readTransactionDescription(turn);
  if (!description) return (await turn.repo.listRecent(turn.userId, 1))[0] ?? null;
  const { words, category, range } = description;
  const rows = await turn.repo.listByRange(turn.userId, {
    from: range?.from ?? toDay(subDays(fromDay(turn.today), SEARCH_DAYS)),
    to: range?.to ?? turn.today,
  });
  // "the coffee" may be the note or the category (or its synonym): the note's match comes first.
  const inNote = rows.find(
    (t) => t.note && words.some((w) => t.note!.toLowerCase().includes(w) || stem(t.note!) === stem(w)),
  );
  if (inNote) return inNote;
  const named = words
    .map((w) => categoryInText(w, 'expense', turn.profile) ?? categoryInText(w, 'income', turn.profile))
    .filter((c) => c !== null)
    .map((c) => c.category.toLowerCase());
  const wanted = [category, ...named, ...words].filter((w): w is string => !!w).map((w) => w.toLowerCase());
  if (wanted.length === 0) return rows[0] ?? null;
  return rows.find((t) => wanted.some((w) => t.category.toLowerCase().startsWith(stem(w)))) ?? null;
}

function askToDelete(turn: Turn, target: Transaction, question?: string, viaUndo = false): LexResponse {
  return turn.reply.confirm(
    [
      plainText(question ?? `Delete ${describeTransaction(target, turn.today)}?`),
      buttonsCard(question ? 'Remove it?' : 'Delete it?', [Buttons.yes, Buttons.no]),
    ],
    { pendingDelete: { transactionId: target.id, ...(viaUndo ? { viaUndo } : {}) } },
  );
}

/** The log memory once `id` is gone. */
function forget(memory: LastLogged | null, id: string): LastLogged | null {
  if (!memory) return null;
  const earlier = memory.earlier.filter((e) => e !== id);
  const transactionId = memory.transactionId === id ? undefined : memory.transactionId;
  if (!transactionId && earlier.length === 0) return null;
  return { ...(transactionId ? { transactionId } : {}), earlier };
}

/** What is kept of a deleted entry so "undo" can put it back. */
function snapshot(t: Transaction): Extract<LastAction, { type: 'delete' }>['transaction'] {
  return {
    id: t.id,
    kind: t.kind,
    amountMinor: t.amountMinor,
    currency: t.currency,
    category: t.category,
    date: t.date,
    // Lex caps a context value at 1,024 characters; a very long note comes back shortened.
    ...(t.note ? { note: t.note.slice(0, 300) } : {}),
  };
}

const AFTER_UNDO = [Buttons.listTransactions, Buttons.spentThisMonth, Buttons.help];

/** "undo" right after a budget change: back to what it was (or gone, if it was new). */
async function undoBudget(turn: Turn, action: Extract<LastAction, { type: 'budget' }>): Promise<LexResponse> {
  const label = budgetLabel(action);
  turn.writing = true;
  if (action.previous) {
    await turn.repo.putBudget(turn.userId, {
      category: action.category,
      period: action.period,
      limitMinor: action.previous.limitMinor,
      currency: action.previous.currency,
      requestId: `${turn.requestKey}:undo`,
    });
  } else {
    await turn.repo.deleteBudget(turn.userId, action.category, action.period);
  }
  const said = action.previous
    ? `Undone: your ${label} is back to ${formatMoney(action.previous.limitMinor, action.previous.currency)}.`
    : `Undone: I removed the ${label} you just set.`;
  return turn.reply.close(
    [plainText(said), buttonsCard('Anything else?', [Buttons.showBudgets, Buttons.help])],
    {
      lastAction: null,
    },
  );
}

/** "undo" right after deleting an entry: put it back, as it was. */
async function undoDelete(turn: Turn, action: Extract<LastAction, { type: 'delete' }>): Promise<LexResponse> {
  const { id, ...was } = action.transaction;
  turn.writing = true;
  const restore = (requestId: string) =>
    turn.repo.logTransaction(turn.userId, { ...was, source: 'chat', requestId });
  const key = `restore:${id}`;
  const first = await restore(key);
  let restored = first.transaction;
  // Deleted and restored before: that copy is gone too, so this is a fresh write.
  if (!first.created && !(await turn.repo.getTransaction(turn.userId, restored.id))) {
    restored = (await restore(`${key}:${turn.requestKey}`.slice(0, 200))).transaction;
  }
  return turn.reply.close(
    [
      plainText(`Undone: I put back ${describeTransaction(restored, turn.today)}.`),
      buttonsCard('Anything else?', AFTER_UNDO),
    ],
    { lastAction: null, lastLogged: afterLogging(turn.memory.lastLogged, restored.id) },
  );
}

async function undo(turn: Turn): Promise<LexResponse> {
  const action = turn.memory.lastAction;
  if (action?.type === 'budget') return undoBudget(turn, action);
  if (action?.type === 'delete') return undoDelete(turn, action);
  const memory = turn.memory.lastLogged;
  if (memory?.transactionId) {
    const removed = await turn.repo.deleteTransaction(turn.userId, memory.transactionId);
    const left = forget(memory, memory.transactionId);
    return turn.reply.close(
      [
        plainText(
          removed
            ? `Undone: I removed ${describeTransaction(removed, turn.today)}.`
            : 'That entry was already removed.',
        ),
        buttonsCard('Anything else?', AFTER_UNDO),
      ],
      { lastLogged: left, lastAction: null },
    );
  }
  // A second "undo": the entry logged before, if this conversation logged one and it is still there.
  for (const id of memory?.earlier ?? []) {
    const earlier = await turn.repo.getTransaction(turn.userId, id);
    if (earlier) {
      return askToDelete(
        turn,
        earlier,
        `Before that you logged ${describeTransaction(earlier, turn.today)}. Remove that one too?`,
        true,
      );
    }
  }
  return turn.reply.close([
    plainText(
      `There's nothing to undo right now. To remove an older entry, say "delete my last transaction".`,
    ),
    buttonsCard('Try', [Buttons.listTransactions, Buttons.help]),
  ]);
}

export const handleDeleteTransaction: IntentHandler = async (turn) => {
  const { lastLogged, pendingDelete } = turn.memory;
  const transcript = turn.event.inputTranscript;
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
        buttonsCard('Anything else?', [
          ...(removed && !pendingDelete.viaUndo ? [Buttons.undo] : []),
          Buttons.listTransactions,
          Buttons.spentThisMonth,
        ]),
      ],
      {
        pendingDelete: null,
        lastLogged: (() => {
          const left = forget(lastLogged, pendingDelete.transactionId);
          return pushedBack(left) ?? left;
        })(),
        lastAction:
          removed && !pendingDelete.viaUndo ? { type: 'delete', transaction: snapshot(removed) } : null,
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

  if (UNDO.test(transcript)) return undo(turn);
  // "remove the food budget" is about a budget, whatever the NLU made of it.
  if (REMOVE_BUDGET.test(transcript)) return askToRemoveBudget(turn);

  if (SEVERAL.test(transcript)) {
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
  if (LAST_FEW.test(transcript)) {
    const latest = (await turn.repo.listRecent(turn.userId, 1))[0];
    if (latest) {
      return askToDelete(
        turn,
        latest,
        `I delete one entry at a time, so nothing goes by mistake. The latest is ${describeTransaction(latest, turn.today)} — delete it?`,
      );
    }
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
  return askToDelete(turn, target);
};
