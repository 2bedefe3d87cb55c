/**
 * LogExpense and LogIncome: log as soon as the amount and the category are known, ask only for what is
 * missing or wrong, and answer with the budget state and an Undo button.
 */
import { MESSAGE_ID_ATTRIBUTE, SlotName } from '@budgetbuddy/bot';
import type { LexIntent, LexMessage, LexSlot } from '@budgetbuddy/bot/lex';
import type { TransactionKind } from '../domain/ledger';
import { onDay } from '@budgetbuddy/bot/calendar';
import { MAX_NOTE_LENGTH } from '../domain/ledger/transactions';
import { formatMoney } from '../domain/ledger/money';
import type { SlotReading } from '../lex/eventReader';
import { afterLogging, type Draft } from '../lex/memory';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import { currencyIn, fitsCurrency } from './support/moneyWords';
import { categoryInText } from './support/categoryWords';
import { followMoves } from '../domain/ledger/categories';
import { withoutSlot, type IntentHandler, type Turn } from './turn';
import { readAmount } from './support/amounts';
import type { BudgetAlert } from '../ports/BudgetNotifier';
import { budgetLinesAfterExpenses, notifyCrossings } from './support/budgetAlerts';
import { categoriesFor, closestCategories, COMMON_CATEGORIES, matchCategory } from './support/categoryChoice';
import { readLogDate } from './support/logDate';
import { ordinal } from '../domain/recurring/schedule';
import { toMajorString } from '../domain/ledger/money';
import { accountFor, accountLines } from './accounts';
import { hashTag } from '../domain/ledger/tags';
import { readTag } from './support/tagSlot';
import { scheduleDated } from './scheduleDated';

/**
 * "salary 3,200 on the 25th" while the 25th is still ahead is most likely a monthly income or bill
 * (issue 12): the question also offers it as one, a button whose words SetRecurring(Income) understands.
 */
function monthlyOffer(turn: Turn, minor: number, category: string, date: string) {
  const said = turn.slot(SlotName.Date)?.original ?? '';
  if (
    !/\b\d{1,2}(?:st|nd|rd|th)\b/i.test(said) ||
    /[a-z]{3,}\s+\d|\d\s+[a-z]{3,}/i.test(said.replace(/\b(?:on|the|of)\b/gi, ''))
  )
    return [];
  const item = (turn.slot(SlotName.Category)?.original ?? category).toLowerCase();
  const day = ordinal(Number(date.slice(8, 10)));
  return [
    {
      text: `Every month on the ${day}`,
      value: `${item} ${toMajorString(minor, turn.profile.currency)} every month on the ${day}`,
    },
  ];
}

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

/** The slot as an intent slot, so a later prompt keeps the value the user typed last. */
const asSlot = (reading: SlotReading): LexSlot => ({
  shape: 'Scalar',
  value: {
    originalValue: reading.original ?? reading.interpreted ?? '',
    interpretedValue: reading.interpreted ?? reading.original ?? '',
    resolvedValues: reading.resolved,
  },
});

const stem = (w: string): string => w.replace(/(ies|es|s)$/, '');
/** The word is the category's name or its singular or plural ("coffee" for Coffee, "uber" not). */
function sameWord(word: string, category: string): boolean {
  const name = category.toLowerCase();
  return stem(word) === stem(name) || name.startsWith(stem(word)) || word.startsWith(stem(name));
}

/**
 * "pets" for their own Pets category: a note that is one word naming the category again says nothing of
 * its own. "gift for mom's birthday" for Gifts does.
 */
function namesOnlyTheCategory(words: string, category: string): boolean {
  const word = words
    .toLowerCase()
    .replace(/^(a|an|the|some|my)\s+/, '')
    .trim();
  return !/\s/.test(word) && sameWord(word, category);
}

/**
 * What the user called the category when it differs from the category's name ("coffee" for Food,
 * "uber" for Transport): kept as the note when no note was given, so "delete the coffee" and the
 * transaction list can tell purchases apart.
 */
function impliedNote(
  categorySlot: SlotReading | null,
  category: string,
  turn: Turn,
  kind: TransactionKind,
): string | undefined {
  const word = categorySlot?.original
    ?.toLowerCase()
    .replace(/^(a|an|the|some|my)\s+/, '')
    .trim();
  if (!word || word.length > 40 || sameWord(word, category)) return undefined;
  // Only a word the bot knows for that category ("coffee", "uber"): a typo the NLU forgave is no note.
  const known = categoryInText(word, kind, turn.profile);
  return known?.category === category && known.word.length >= word.length - 2 ? word : undefined;
}

/** The draft kept while a slot is asked for: what it holds, and how the reply names it if dropped. */
function draftOf(turn: Turn, kind: TransactionKind, intent: LexIntent, missing: string): Draft {
  const slots: Record<string, string> = {};
  const values: Record<string, string> = {};
  for (const [name, slot] of Object.entries(intent.slots ?? {})) {
    const value = slot?.value?.originalValue ?? slot?.value?.interpretedValue;
    if (value) slots[name] = value;
    if (value && slot?.value?.interpretedValue) values[name] = slot.value.interpretedValue;
  }
  const amountSlot = turn.slot(SlotName.Amount);
  const amount = amountSlot && slots[SlotName.Amount] ? readAmount(amountSlot, turn.profile.currency) : null;
  const money = amount?.ok ? turn.money(amount.minor) : null;
  const item = slots[SlotName.Note] ?? slots[SlotName.Category] ?? turn.slot(SlotName.Category)?.original;
  const noun = item ?? (kind === 'expense' ? 'expense' : 'income');
  return {
    intent: intent.name,
    described: `the ${[money, noun].filter(Boolean).join(' ')}`.slice(0, 200),
    missing,
    slots,
    values,
  };
}

/** Asks for one slot and keeps the draft, so a new request in between can say what it dropped. */
function ask(
  turn: Turn,
  kind: TransactionKind,
  slot: SlotName,
  messages: LexMessage[],
  intent: LexIntent,
  missing: string,
) {
  return turn.reply.elicitSlot(slot, messages, { draft: draftOf(turn, kind, intent, missing) }, intent);
}

/** The slot with a value of ours, so a later prompt keeps it (a note carried across elicitation). */
function withSlotValue(intent: LexIntent, name: SlotName, value: string): LexIntent {
  return {
    ...intent,
    slots: { ...(intent.slots ?? {}), [name]: asSlot({ original: value, interpreted: value, resolved: [] }) },
  };
}

/** A category this person taught for the words they used ("costco" → Groceries after a correction). */
async function learnedCategory(
  turn: Turn,
  kind: TransactionKind,
): Promise<{ word: string; category: string } | null> {
  const words = [turn.slot(SlotName.Category)?.original, turn.slot(SlotName.Note)?.original]
    .filter((w): w is string => !!w)
    .flatMap((w) => [w, ...w.split(/\s+/)])
    .map((w) =>
      w
        .toLowerCase()
        .replace(/^(a|an|the|some|my)\s+/, '')
        .trim(),
    )
    .filter((w) => w.length >= 2);
  // Most people never teach one: their profile (kept in the conversation) says so, and nothing is read.
  if (words.length === 0 || !turn.profile.taughtCategories) return null;
  // A hint only: a failed read leaves the NLU's category.
  const found = await turn.repo.recallCategories(turn.userId, kind, words).catch(() => []);
  // Taught before a rename or merge ("rename Pets to Animals"): the word goes where its entries went.
  const mine = categoriesFor(kind, turn.profile);
  const valid = found
    .map((f) => ({ word: f.word, category: followMoves(f.category, turn.profile.categoryMoves) }))
    .find((f) => mine.includes(f.category));
  return valid ?? null;
}

export const logTransaction =
  (kind: TransactionKind): IntentHandler =>
  async (turn) => {
    const words = wording[kind];
    // "Log $23.47 at Green Leaf Market?" → "no": nothing is logged. Only a "no" to "that day hasn't
    // happened yet, log it anyway?" goes on, to ask which day it was.
    const deniedFutureDay =
      turn.intent.confirmationState === 'Denied' &&
      (() => {
        const when = readLogDate(turn.slot(SlotName.Date), turn.today, turn.memory.draft?.dateRange);
        return !when.ok && when.reason === 'future';
      })();
    if (turn.intent.confirmationState === 'Denied' && !deniedFutureDay) {
      return turn.reply.close(
        [
          plainText(`OK, I didn't log anything. Try saying it like "spent 12.50 on lunch".`),
          buttonsCard('Try', [Buttons.logExpense, Buttons.help]),
        ],
        { draft: null },
        'Failed',
      );
    }
    const amountSlot = turn.slot(SlotName.Amount);
    const categorySlot = turn.slot(SlotName.Category);
    const intentNow: LexIntent = turn.intent;
    const learned = await learnedCategory(turn, kind);
    const category =
      learned?.category ?? (categorySlot ? matchCategory(categorySlot, kind, turn.profile) : null);

    if (!amountSlot) {
      const onWhat = category && kind === 'expense' ? ` on ${category}` : category ? ` as ${category}` : '';
      return ask(
        turn,
        kind,
        SlotName.Amount,
        [plainText(`${words.askAmount}${onWhat}?`)],
        intentNow,
        'amount',
      );
    }
    const saidCurrency = currencyIn(amountSlot.original ?? '');
    if (saidCurrency && !fitsCurrency(saidCurrency, turn.profile.currency)) {
      return ask(
        turn,
        kind,
        SlotName.Amount,
        [
          plainText(
            `I keep your money in ${turn.profile.currency}, so I can't log ${saidCurrency} yet. ` +
              `How much was it in ${turn.profile.currency}? (To switch, say "set my currency to ${saidCurrency}".)`,
          ),
        ],
        withoutSlot(intentNow, SlotName.Amount),
        'amount',
      );
    }
    const amount = readAmount(amountSlot, turn.profile.currency);
    if (!amount.ok) {
      return ask(
        turn,
        kind,
        SlotName.Amount,
        [plainText(`${amount.problem} ${words.askAmount}?`)],
        withoutSlot(intentNow, SlotName.Amount),
        'amount',
      );
    }
    if (!category) {
      const said = categorySlot ? (categorySlot.original ?? categorySlot.interpreted ?? null) : null;
      // The person's word for the item stays as the note, whichever button names the category.
      const keepNote =
        said && !turn.slot(SlotName.Note) ? withSlotValue(intentNow, SlotName.Note, said) : intentNow;
      const typo = said ? categoryInText(said, kind, turn.profile, { typos: true })?.category : undefined;
      const options = said
        ? [...new Set([...(typo ? [typo] : []), ...closestCategories(said, kind, turn.profile)])].slice(0, 5)
        : COMMON_CATEGORIES[kind];
      const lead = said
        ? `I don't have a${kind === 'income' ? 'n income' : 'n expense'} category called "${said}". Which of these fits best?`
        : words.askCategory;
      return ask(
        turn,
        kind,
        SlotName.Category,
        [plainText(lead), buttonsCard('Pick a category', categoryButtons(options))],
        withoutSlot(keepNote, SlotName.Category),
        'category',
      );
    }
    const dateSlot = turn.slot(SlotName.Date);
    const when = readLogDate(dateSlot, turn.today, turn.memory.draft?.dateRange);
    let date: string;
    // A confirmed day still to come is money that has not moved: scheduled for its day, not logged.
    let expected = false;
    if (when.ok) date = when.date;
    else if (when.reason === 'future' && when.date && turn.intent.confirmationState === 'Confirmed') {
      date = when.date;
      expected = true;
    } else if (when.reason === 'future' && when.date && turn.intent.confirmationState === 'None') {
      // A day still to come is kept only when the person says so, and only as expected until that day.
      const effect = kind === 'expense' ? 'comes off' : 'counts in';
      return turn.reply.confirm(
        [
          plainText(
            `${when.day} hasn't happened yet. Keep ${turn.money(amount.minor)} ${kind === 'expense' ? `for ${category}` : `of ${category} income`} as expected ${onDay(when.date, turn.today)}? It ${effect} your balance on that day.`,
          ),
          buttonsCard('Keep it for then?', [
            Buttons.yes,
            Buttons.no,
            ...monthlyOffer(turn, amount.minor, category, when.date),
          ]),
        ],
        { draft: draftOf(turn, kind, intentNow, 'date') },
      );
    } else if (when.reason === 'range') {
      // "spent 20 last month": an entry needs one day, and the 1st would be a guess the person never sees.
      const intent = { ...withoutSlot(intentNow, SlotName.Date), confirmationState: 'None' as const };
      return turn.reply.elicitSlot(
        SlotName.Date,
        [
          plainText(
            `Which day ${when.range.label} was the ${turn.money(amount.minor)} ${kind === 'expense' ? `for ${category}` : `of ${category} income`}? (for example "${when.example}")`,
          ),
          ...(when.buttons.length > 0 ? [buttonsCard('Which day?', when.buttons)] : []),
        ],
        { draft: { ...draftOf(turn, kind, intent, 'date'), dateRange: when.range } },
        intent,
      );
    } else {
      return ask(
        turn,
        kind,
        SlotName.Date,
        [plainText(when.ok ? '' : when.reason === 'future' ? 'Which day was it, then?' : when.problem)],
        { ...withoutSlot(intentNow, SlotName.Date), confirmationState: 'None' },
        'date',
      );
    }
    const noteSlot = turn.slot(SlotName.Note);
    const saidWords = noteSlot?.original ?? noteSlot?.interpreted;
    // "spent 27 on pets" with their own Pets category: the words named the category, not the purchase.
    const said = saidWords && !namesOnlyTheCategory(saidWords, category) ? saidWords : undefined;
    const note = said ?? (learned ? learned.word : impliedNote(categorySlot, category, turn, kind));
    const saidNote = said !== undefined;
    // The account named must be one of theirs (asked otherwise); unnamed, the person's default.
    const target = await accountFor(
      turn,
      kind === 'expense' ? 'Which account did you pay with?' : 'Which account did it go into?',
    );
    if (!target.ok) return target.reply;
    if (expected) {
      const name = note ?? categorySlot?.original?.toLowerCase().trim() ?? category.toLowerCase();
      return scheduleDated(turn, {
        kind,
        amountMinor: amount.minor,
        category,
        date,
        name,
        ...(target.account ? { account: target.account } : {}),
      });
    }
    // Income fills the jars by the person's split, in the entry's own write (domain/ledger/accounts).
    const jars = kind === 'income' ? turn.profile.jarSplit : undefined;
    // "#work" in the message (issue 12 point 4); a word that cannot be a tag is left out and said so.
    const tag = readTag(turn);

    turn.writing = true;
    const { transaction, created } = await turn.repo.logTransaction(turn.userId, {
      kind,
      amountMinor: amount.minor,
      currency: turn.profile.currency,
      category,
      date,
      ...(note ? { note: note.slice(0, MAX_NOTE_LENGTH) } : {}),
      ...(tag?.ok ? { tags: [tag.tag] } : {}),
      source: 'chat',
      ...(target.key ? { account: target.key } : {}),
      ...(jars ? { jars } : {}),
      requestId: turn.requestKey,
    });

    const what = kind === 'expense' ? `for ${category}` : `of ${category} income`;
    const noteText = transaction.note && (saidNote || learned) ? ` (${transaction.note})` : '';
    const tagText = transaction.tags?.length ? `, tagged ${transaction.tags.map(hashTag).join(' ')}` : '';
    const lines = [
      `Logged ${turn.money(transaction.amountMinor)} ${what} ${onDay(transaction.date, turn.today)}${noteText}${tagText}${target.account ? ` ${kind === 'expense' ? 'from' : 'into'} ${target.account.name}` : ''}.`,
      ...(tag && !tag.ok ? [`(I left the tag out: ${tag.problem})`] : []),
      ...(created ? accountLines(turn, target.account, kind, transaction.amountMinor, transaction.jars) : []),
    ];
    if (kind === 'expense') {
      // The expense is saved by now: a failed budget read must not say "couldn't save" (a retry would log twice).
      const money = (minor: number) => formatMoney(minor, transaction.currency);
      const alerts: BudgetAlert[] = [];
      try {
        lines.push(
          ...(await budgetLinesAfterExpenses(turn.repo, turn.userId, [transaction], turn.today, money, (a) =>
            alerts.push(a),
          )),
        );
      } catch {
        lines.push("(I couldn't check your budgets just now.)");
      }
      // A retried turn (same request) finds its expense already saved: it was announced the first time.
      if (created) await notifyCrossings(turn, alerts, turn.logError);
    }
    // The parts of one message the proxy split into turns share its id: one undo takes them all back.
    const messageId = turn.event.requestAttributes?.[MESSAGE_ID_ATTRIBUTE];
    const previous = turn.memory.lastAction;
    const sameMessage = !!messageId && previous?.type === 'log' && previous.messageId === messageId;
    const ids = [...(sameMessage ? (previous.ids ?? []) : []), transaction.id].filter(
      (id, i, all) => all.indexOf(id) === i,
    );
    return turn.reply.close(
      [
        plainText(lines.join('\n')),
        buttonsCard('Anything else?', [Buttons.undo, Buttons.spentThisMonth, Buttons.showBudgets]),
      ],
      {
        lastLogged: afterLogging(turn.memory.lastLogged, transaction.id),
        lastAction: { type: 'log', ids: ids.slice(-20), ...(messageId ? { messageId } : {}) },
        draft: null,
      },
    );
  };
