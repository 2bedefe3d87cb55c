/**
 * DeleteTransaction: finds the entry the slots describe (Entry, Category, Date), names it, asks, and
 * deletes only on yes. A description that matches nothing is said to match nothing: it never falls
 * back to some other entry. Without any description, it is the latest entry.
 */
import { SlotName } from '@budgetbuddy/bot';
import { addIsoDays, type IsoDay } from '@budgetbuddy/bot/calendar';
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
      buttonsCard(viaUndo ? 'Remove it?' : 'Delete it?', [Buttons.yes, Buttons.no]),
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
  const matches = anyDescription ? await findEntries(turn, description) : [];
  const target = anyDescription ? matches[0] : (await turn.repo.listRecent(turn.userId, 1))[0];
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
  const others = otherMatches(matches.slice(1), target, description.said, turn.today);
  return askToDelete(
    turn,
    target,
    others ? `Delete ${describeTransaction(target, turn.today)}? ${others}` : undefined,
  );
};

/**
 * When the description fits more than one entry, the question says so: the newest is asked about, and
 * the person learns how to name another ("delete the groceries from yesterday"), which a restated
 * request while the question is open then does.
 */
function otherMatches(
  others: readonly Transaction[],
  target: Transaction,
  said: string,
  today: IsoDay,
): string | null {
  if (others.length === 0) return null;
  const otherDay = others.find((t) => t.date !== target.date);
  if (!otherDay) return `(It is the latest of ${others.length + 1} that match.)`;
  const also =
    others.length === 1
      ? `There is also ${describeTransaction(otherDay, today)}`
      : `There are ${others.length} more like it, such as ${describeTransaction(otherDay, today)}`;
  return `(${also}: to delete that one instead, say which day, like "delete the ${said.toLowerCase()} from ${dayWords(otherDay.date, today)}".)`;
}

/** A day as a person types it: "today", "yesterday", "nov 20". */
function dayWords(isoDay: IsoDay, today: IsoDay): string {
  if (isoDay === today) return 'today';
  if (isoDay === addIsoDays(today, -1)) return 'yesterday';
  const [, month, day] = isoDay.split('-').map(Number);
  return `${MONTHS[(month ?? 1) - 1]} ${day}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
