/**
 * EditTransaction: "no, make that 15", "change the costco one to 55", "put the laptop under education",
 * "the coffee was yesterday". The entry is the one the Entry slot describes, or else the last change;
 * it is changed in place (one atomic write with its rollups), and "undo" puts it back as it was. A
 * category given this way is remembered for the entry's words, so the next "costco 80" lands there.
 * Right after a budget was set, an amount alone ("actually it was 250") changes that budget instead.
 */
import { SlotName } from '@budgetbuddy/bot';
import type { LexResponse } from '@budgetbuddy/bot/lex';
import type { Transaction, TransactionChanges } from '../domain/ledger';
import { onDay } from '@budgetbuddy/bot/calendar';
import { formatMoney } from '../domain/ledger/money';
import { MAX_NOTE_LENGTH } from '../domain/ledger/transactions';
import { afterLogging, snapshotOf, type LastAction } from '../lex/memory';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import { withoutSlot, type IntentHandler, type Turn } from './turn';
import { readAmount } from './support/amounts';
import { budgetLinesAfterExpense } from './support/budgetAlerts';
import { closestCategories, matchCategory } from './support/categoryChoice';
import { describeTransaction } from './support/describeTransaction';
import { descriptionWords, findEntries } from './support/findEntry';
import { readLogDate } from './support/logDate';
import { budgetLabel } from './budgetRemoval';

const AFTER_EDIT = [Buttons.undo, Buttons.listTransactions, Buttons.spentThisMonth];

const nothingChanged = (turn: Turn, lead: string): LexResponse =>
  turn.reply.close(
    [plainText(`${lead} Nothing was changed.`), buttonsCard('Try', [Buttons.listTransactions, Buttons.help])],
    { pendingEdit: null },
  );

/** A short label for a button that picks one of several matching entries (also its value). */
function candidateLabel(t: Transaction, today: string): string {
  const what = t.note ?? t.category;
  return `${formatMoney(t.amountMinor, t.currency)} ${what} ${onDay(t.date, today)}`.slice(0, 50);
}

/** The entry the turn means, or a reply when it cannot be told (none, several, nothing just logged). */
export async function targetOf(turn: Turn): Promise<{ entry: Transaction } | { reply: LexResponse }> {
  const entry = turn.slot(SlotName.Entry);
  const said = entry?.original ?? entry?.interpreted;
  // The answer to "which one?": a button's label.
  const picked = turn.memory.pendingEdit?.candidates.find(
    (c) => said && c.label.toLowerCase() === said.toLowerCase(),
  );
  if (picked) {
    const found = await turn.repo.getTransaction(turn.userId, picked.id);
    if (found) return { entry: found };
  }
  const words = descriptionWords(said);
  if (words.length > 0) {
    const matches = await findEntries(turn, { words });
    if (matches.length === 0) {
      return { reply: nothingChanged(turn, `I couldn't find an entry like "${said}" in the last 90 days.`) };
    }
    if (matches.length > 1) {
      const candidates = matches.slice(0, 5).map((t) => ({ id: t.id, label: candidateLabel(t, turn.today) }));
      return {
        reply: turn.reply.elicitSlot(
          SlotName.Entry,
          [
            plainText(`I found ${matches.length} entries like "${said}". Which one should I change?`),
            buttonsCard(
              'Which one?',
              candidates.map((c) => ({ text: c.label, value: c.label })),
            ),
          ],
          { pendingEdit: { candidates } },
          withoutSlot(turn.intent, SlotName.Entry),
        ),
      };
    }
    return { entry: matches[0]! };
  }
  const action = turn.memory.lastAction;
  const id =
    action?.type === 'edit'
      ? action.transaction.id
      : (turn.memory.lastLogged?.transactionId ??
        (action?.type === 'log' ? action.ids?.[action.ids.length - 1] : undefined));
  const last = id ? await turn.repo.getTransaction(turn.userId, id) : null;
  if (last) return { entry: last };
  return {
    reply: turn.reply.close([
      plainText(
        'I\'m not sure which entry you mean — nothing was changed. Name it, like "change the coffee to 5", ' +
          'or say "list my transactions" to see them.',
      ),
      buttonsCard('Try', [Buttons.listTransactions, Buttons.help]),
    ]),
  };
}

/** "actually it was 250" right after setting a budget: that budget, not a new expense. */
async function editBudget(
  turn: Turn,
  action: Extract<LastAction, { type: 'budget' }>,
): Promise<LexResponse | null> {
  const amountSlot = turn.slot(SlotName.Amount);
  if (!amountSlot) return null;
  const current = await turn.repo.getBudget(turn.userId, action.category, action.period);
  if (!current) return null;
  const amount = readAmount(amountSlot, current.currency);
  const label = budgetLabel(action);
  if (!amount.ok) {
    return turn.reply.elicitSlot(
      SlotName.Amount,
      [plainText(`${amount.problem} What should your ${label} be?`)],
      {},
      withoutSlot(turn.intent, SlotName.Amount),
    );
  }
  if (amount.minor === current.limitMinor) {
    return turn.reply.close([
      plainText(`Your ${label} is already ${formatMoney(current.limitMinor, current.currency)}.`),
    ]);
  }
  turn.writing = true;
  await turn.repo.putBudget(turn.userId, {
    category: action.category,
    period: action.period,
    limitMinor: amount.minor,
    currency: current.currency,
    requestId: turn.requestKey,
  });
  return turn.reply.close(
    [
      plainText(
        `Updated: your ${label} is now ${formatMoney(amount.minor, current.currency)} — it was ${formatMoney(current.limitMinor, current.currency)}.`,
      ),
      buttonsCard('Anything else?', [Buttons.undo, Buttons.showBudgets, Buttons.spentThisMonth]),
    ],
    {
      lastAction: {
        type: 'budget',
        category: action.category,
        period: action.period,
        previous: { limitMinor: current.limitMinor, currency: current.currency },
      },
    },
  );
}

/** The old values of what changed: "$12.50", "today", "Food", or several ("$12.50 for Food"). */
function whatChanged(old: Transaction, fixed: Transaction, today: string): string {
  const parts: string[] = [];
  if (old.amountMinor !== fixed.amountMinor) parts.push(formatMoney(old.amountMinor, old.currency));
  if (old.category !== fixed.category) parts.push(parts.length ? `for ${old.category}` : old.category);
  if (old.date !== fixed.date) parts.push(onDay(old.date, today));
  if (old.note !== fixed.note && parts.length === 0)
    parts.push(old.note ? `"${old.note}"` : 'without a note');
  return parts.join(' ');
}

/** The words a category correction teaches: the description's words found in the note, else a short note. */
function wordsToLearn(entryWords: string[], target: Transaction): string[] {
  const note = target.note?.toLowerCase().trim();
  if (!note) return [];
  const inNote = entryWords.filter((w) => note.includes(w));
  if (inNote.length > 0) return inNote;
  return note.split(/\s+/).length <= 3 ? [note] : [];
}

export const handleEditTransaction: IntentHandler = async (turn) => {
  const amountSlot = turn.slot(SlotName.Amount);
  const categorySlot = turn.slot(SlotName.Category);
  const dateSlot = turn.slot(SlotName.Date);
  const noteSlot = turn.slot(SlotName.Note);
  const entrySlot = turn.slot(SlotName.Entry);
  const entryWords = descriptionWords(entrySlot?.original ?? entrySlot?.interpreted);

  const action = turn.memory.lastAction;
  if (action?.type === 'budget' && entryWords.length === 0 && !categorySlot && !dateSlot && !noteSlot) {
    const budget = await editBudget(turn, action);
    if (budget) return budget;
  }
  if (!amountSlot && !categorySlot && !dateSlot && !noteSlot) {
    // "fix the costco one": the entry is named, the change not yet. The question stays open, so the
    // answer ("38.20", "it was yesterday") changes that entry instead of starting over.
    const found = await targetOf(turn);
    if ('reply' in found) return found.reply;
    return turn.reply.elicitSlot(SlotName.Amount, [
      plainText(
        `What should I change about ${describeTransaction(found.entry, turn.today)}? Say the new amount, ` +
          'like "15" — or "put it under groceries", or "no, it was yesterday".',
      ),
      buttonsCard('Try', [Buttons.listTransactions, Buttons.undo]),
    ]);
  }

  const found = await targetOf(turn);
  if ('reply' in found) return found.reply;
  const target = found.entry;
  const was = describeTransaction(target, turn.today);

  const changes: TransactionChanges = {};
  if (amountSlot) {
    const amount = readAmount(amountSlot, target.currency);
    if (!amount.ok) {
      return turn.reply.elicitSlot(
        SlotName.Amount,
        [plainText(`${amount.problem} What should ${was} be instead?`)],
        {},
        withoutSlot(turn.intent, SlotName.Amount),
      );
    }
    changes.amountMinor = amount.minor;
  }
  if (categorySlot) {
    const category = matchCategory(categorySlot, target.kind, turn.profile);
    if (!category) {
      const said = categorySlot.original ?? categorySlot.interpreted ?? '';
      return turn.reply.elicitSlot(
        SlotName.Category,
        [
          plainText(`I don't have a category called "${said}", so I left ${was} as it is. Which one fits?`),
          buttonsCard(
            'Change it to',
            closestCategories(said, target.kind, turn.profile).map((c) => ({ text: c, value: c })),
          ),
        ],
        {},
        withoutSlot(turn.intent, SlotName.Category),
      );
    }
    changes.category = category;
  }
  if (dateSlot) {
    const when = readLogDate(dateSlot, turn.today);
    if (!when.ok && when.reason === 'range') {
      // "the coffee was last week": an entry has one day; moving it to the week's Monday would be a guess.
      return turn.reply.elicitSlot(
        SlotName.Date,
        [
          plainText(
            `Which day ${when.range.label} was it? (for example "${when.example}") I left ${was} as it is for now.`,
          ),
          ...(when.buttons.length > 0 ? [buttonsCard('Which day?', when.buttons)] : []),
        ],
        {},
        withoutSlot(turn.intent, SlotName.Date),
      );
    }
    if (!when.ok) {
      const why =
        when.reason === 'future'
          ? `${when.day} hasn't happened yet`
          : `I couldn't find "${when.said}" on the calendar`;
      return turn.reply.elicitSlot(
        SlotName.Date,
        [plainText(`${why}, so I left ${was} as it is. Which day was it?`)],
        {},
        withoutSlot(turn.intent, SlotName.Date),
      );
    }
    changes.date = when.date;
  }
  if (noteSlot) changes.note = (noteSlot.original ?? noteSlot.interpreted ?? '').slice(0, MAX_NOTE_LENGTH);

  const same =
    (changes.amountMinor === undefined || changes.amountMinor === target.amountMinor) &&
    (changes.category === undefined || changes.category === target.category) &&
    (changes.date === undefined || changes.date === target.date) &&
    (changes.note === undefined || changes.note === (target.note ?? ''));
  if (same) {
    return turn.reply.close(
      [plainText(`That's already ${was} — nothing to change.`), buttonsCard('Anything else?', AFTER_EDIT)],
      { pendingEdit: null },
    );
  }

  turn.writing = true;
  const result = await turn.repo.editTransaction(turn.userId, target.id, changes);
  if (!result) return nothingChanged(turn, 'That entry is no longer there.');
  const { before, after } = result;

  const lines = [
    `Fixed: ${describeTransaction(after, turn.today)} — it was ${whatChanged(before, after, turn.today)}.`,
  ];
  if (changes.category && changes.category !== before.category) {
    const words = wordsToLearn(entryWords, before);
    // A hint for later entries: failing to remember it must not undo the edit or fail the turn.
    for (const word of words) {
      await turn.repo
        .rememberCategory(turn.userId, { word, kind: before.kind, category: after.category })
        .catch((error: unknown) => turn.logError('Could not remember a category', { error: String(error) }));
    }
    if (words.length > 0 && !turn.profile.taughtCategories) {
      await turn.repo
        .putProfile(turn.userId, { ...turn.profile, taughtCategories: true })
        .catch((error: unknown) => turn.logError('Could not mark the profile', { error: String(error) }));
    }
    if (words.length > 0) lines.push(`I'll file "${words[0]}" under ${after.category} from now on.`);
  }
  if (after.kind === 'expense') {
    const sameScope = after.category === before.category && after.date === before.date;
    const counted = {
      ...after,
      amountMinor: sameScope ? after.amountMinor - before.amountMinor : after.amountMinor,
    };
    try {
      const money = (minor: number) => formatMoney(minor, after.currency);
      if (counted.amountMinor > 0)
        lines.push(...(await budgetLinesAfterExpense(turn.repo, turn.userId, counted, turn.today, money)));
    } catch {
      lines.push("(I couldn't check your budgets just now.)");
    }
  }
  return turn.reply.close([plainText(lines.join('\n')), buttonsCard('Anything else?', AFTER_EDIT)], {
    lastAction: { type: 'edit', transaction: snapshotOf(before) },
    lastLogged: afterLogging(turn.memory.lastLogged, after.id),
    pendingEdit: null,
    draft: null,
  });
};
