/**
 * LogExpense and LogIncome: log as soon as the amount and the category are known, ask only for what is
 * missing or wrong, and answer with the budget state and an Undo button.
 */
import { SlotName } from '@budgetbuddy/bot/src/definition/names';
import type { LexIntent, LexSlot } from '@budgetbuddy/bot/src/lex/schemas';
import type { TransactionKind } from '../ports/LedgerRepository';
import { onDay } from '../dates/calendar';
import { MAX_NOTE_LENGTH } from '../domain/ledger/transactions';
import { formatMoney } from '../domain/ledger/money';
import { saidThisTurn, type SlotReading } from '../lex/eventReader';
import { afterLogging } from '../lex/memory';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import { correctLastEntry } from './correctEntry';
import { amountsIn, currencyIn, fitsCurrency, withoutDays } from './support/moneyWords';
import { categoryInText } from './support/categoryWords';
import { withoutSlot, type IntentHandler, type Turn } from './turn';
import { readAmount } from './support/amounts';
import type { BudgetAlert } from '../ports/BudgetNotifier';
import { budgetLinesAfterExpenses, notifyCrossings } from './support/budgetAlerts';
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

function askCategory(
  turn: Turn,
  kind: TransactionKind,
  said: string | null,
  fallbackLead: string,
  intent: LexIntent,
) {
  // A typo of a known word ("taxii") puts its category first.
  const typo = said ? categoryInText(said, kind, turn.profile, { typos: true })?.category : undefined;
  const options = said
    ? [...new Set([...(typo ? [typo] : []), ...closestCategories(said, kind, turn.profile)])].slice(0, 5)
    : COMMON_CATEGORIES[kind];
  const lead = said
    ? `I don't have a${kind === 'income' ? 'n income' : 'n expense'} category called "${said}". Which of these fits best?`
    : fallbackLead;
  return turn.reply.elicitSlot(
    SlotName.Category,
    [plainText(lead), buttonsCard('Pick a category', categoryButtons(options))],
    {},
    withoutSlot(intent, SlotName.Category),
  );
}

const SPEND_VERB =
  /\b(spent|spend|paid|pay|bought|buy|cost|costs|got|received|earned|made|dropped|charged|log|add)\b/i;
/** A number said as money: after a spending verb, with a currency sign, or with a currency word. */
const MONEY_PHRASE =
  /\b(?:spent|spend|paid|pay|cost|costs|dropped|charged|log|add|received|earned|got|made)\s+(?:me\s+|about\s+|like\s+)?[$€£¥₫]?\s?\d|[$€£¥₫]\s?\d|\d\s?(?:dollars?|bucks|euros?|pounds?|k)\b/i;

/**
 * A whole new statement typed while the bot waited for one slot ("What was it for?" → "spent 12 on
 * food"): Lex fills the asked slot from it but keeps the amount said before. The amount typed now wins.
 */
function restatedAmount(turn: Turn, amountSlot: SlotReading | null): SlotReading | null {
  // Only a value kept from an earlier turn can be stale (Lex may not say which prompt was answered).
  if (!amountSlot || saidThisTurn(turn.event, amountSlot)) return amountSlot;
  const text = turn.event.inputTranscript;
  if (!MONEY_PHRASE.test(text)) return amountSlot;
  const amounts = amountsIn(text);
  const said = amounts[0];
  if (amounts.length !== 1 || said === undefined) return amountSlot;
  const current = Number(amountSlot.interpreted ?? amountSlot.original);
  return Number(said) === current ? amountSlot : { original: said, interpreted: said, resolved: [] };
}

/** Likewise for the category: "How much did you spend on Groceries?" → "spent 12 on transport". */
function restatedCategory(
  turn: Turn,
  kind: TransactionKind,
  categorySlot: SlotReading | null,
): SlotReading | null {
  if (!categorySlot || saidThisTurn(turn.event, categorySlot)) return categorySlot;
  const text = turn.event.inputTranscript;
  if (!SPEND_VERB.test(text)) return categorySlot;
  const said = SAID_CATEGORY.exec(text)?.[1]?.trim();
  const named = said ? categoryInText(said, kind, turn.profile) : null;
  if (!named || named.category === matchCategory(categorySlot, kind, turn.profile)) return categorySlot;
  return { original: named.word, interpreted: named.category, resolved: [named.category] };
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
  if (!word || word.length > 40) return undefined;
  const stem = (w: string) => w.replace(/(ies|es|s)$/, '');
  const name = category.toLowerCase();
  if (stem(word) === stem(name) || name.startsWith(stem(word)) || word.startsWith(stem(name)))
    return undefined;
  // Only a word the bot knows for that category ("coffee", "uber"): a typo the NLU forgave is no note.
  const known = categoryInText(word, kind, turn.profile);
  return known?.category === category && known.word.length >= word.length - 2 ? word : undefined;
}

export const logTransaction =
  (kind: TransactionKind): IntentHandler =>
  async (turn) => {
    // "Did you mean: log $12.00 for Food?" (asked for words the NLU could not place) → "no".
    if (turn.intent.confirmationState === 'Denied') {
      return turn.reply.close(
        [
          plainText(`OK, I didn't log anything. Try saying it like "spent 12.50 on lunch".`),
          buttonsCard('Try', [Buttons.logExpense, Buttons.help]),
        ],
        {},
        'Failed',
      );
    }
    // "no, it was 15 for lunch" right after logging corrects that entry rather than adding one.
    if (turn.memory.lastLogged?.transactionId) {
      const corrected = await correctLastEntry(turn);
      if (corrected) return corrected;
    }
    const words = wording[kind];
    const givenAmount = turn.slot(SlotName.Amount);
    const givenCategory = turn.slot(SlotName.Category);
    const amountSlot = restatedAmount(turn, givenAmount);
    const categorySlot = restatedCategory(turn, kind, givenCategory);
    const intentNow: LexIntent = {
      ...turn.intent,
      slots: {
        ...(turn.intent.slots ?? {}),
        ...(amountSlot && amountSlot !== givenAmount ? { [SlotName.Amount]: asSlot(amountSlot) } : {}),
        ...(categorySlot && categorySlot !== givenCategory
          ? { [SlotName.Category]: asSlot(categorySlot) }
          : {}),
      },
    };
    const category = categorySlot ? matchCategory(categorySlot, kind, turn.profile) : null;

    if (!amountSlot) {
      const onWhat = category && kind === 'expense' ? ` on ${category}` : category ? ` as ${category}` : '';
      return turn.reply.elicitSlot(
        SlotName.Amount,
        [plainText(`${words.askAmount}${onWhat}?`)],
        {},
        intentNow,
      );
    }
    const saidCurrency = currencyIn(amountSlot.original ?? '');
    if (saidCurrency && !fitsCurrency(saidCurrency, turn.profile.currency)) {
      return turn.reply.elicitSlot(
        SlotName.Amount,
        [
          plainText(
            `I keep your money in ${turn.profile.currency}, so I can't log ${saidCurrency} yet. ` +
              `How much was it in ${turn.profile.currency}? (To switch, say "set my currency to ${saidCurrency}".)`,
          ),
        ],
        {},
        withoutSlot(intentNow, SlotName.Amount),
      );
    }
    const amount = readAmount(amountSlot, turn.profile.currency);
    if (!amount.ok) {
      return turn.reply.elicitSlot(
        SlotName.Amount,
        [plainText(`${amount.problem} ${words.askAmount}?`)],
        {},
        withoutSlot(intentNow, SlotName.Amount),
      );
    }
    if (!categorySlot) {
      const said = SAID_CATEGORY.exec(turn.event.inputTranscript)?.[1]?.trim() ?? null;
      return askCategory(turn, kind, said, words.askCategory, intentNow);
    }
    if (!category) {
      return askCategory(
        turn,
        kind,
        categorySlot.original ?? categorySlot.interpreted ?? null,
        words.askCategory,
        intentNow,
      );
    }
    const when = readLogDate(turn.slot(SlotName.Date), turn.today);
    if (!when.ok) {
      return turn.reply.elicitSlot(
        SlotName.Date,
        [plainText(when.problem)],
        {},
        withoutSlot(intentNow, SlotName.Date),
      );
    }
    const note =
      turn.slot(SlotName.Note)?.original ??
      turn.slot(SlotName.Note)?.interpreted ??
      impliedNote(categorySlot, category, turn, kind);
    const saidNote = !!turn.slot(SlotName.Note);

    turn.writing = true;
    const { transaction, created } = await turn.repo.logTransaction(turn.userId, {
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
    const noteText = transaction.note && saidNote ? ` (${transaction.note})` : '';
    const lines = [
      `Logged ${turn.money(transaction.amountMinor)} ${what} ${onDay(transaction.date, turn.today)}${noteText}.`,
    ];
    let remembered = afterLogging(turn.memory.lastLogged, transaction.id);
    const logged = [transaction];
    if (kind === 'expense') {
      // "…and 5 on coffee": the further expenses of the same sentence, on the same day.
      const further = furtherExpenses(turn, amountSlot);
      for (const [index, extra] of further.expenses.entries()) {
        try {
          const { transaction: next } = await turn.repo.logTransaction(turn.userId, {
            kind,
            amountMinor: extra.amountMinor,
            currency: turn.profile.currency,
            category: extra.category,
            date: when.date,
            ...(extra.note ? { note: extra.note } : {}),
            source: 'chat',
            requestId: `${turn.requestKey}:${index + 2}`,
          });
          logged.push(next);
          remembered = afterLogging(remembered, next.id);
          lines.push(
            `Logged ${turn.money(next.amountMinor)} for ${next.category} ${onDay(next.date, turn.today)}.`,
          );
        } catch {
          lines.push(`I couldn't save "${extra.said}" — please send it again.`);
        }
      }
      for (const part of further.skipped) {
        lines.push(`I couldn't tell what "${part}" was for, so I left it out — send it on its own.`);
      }
      // The expenses are saved by now: a failed budget read must not say "couldn't save" (a retry would log twice).
      const money = (minor: number) => formatMoney(minor, transaction.currency);
      const alerts: BudgetAlert[] = [];
      try {
        lines.push(
          ...(await budgetLinesAfterExpenses(turn.repo, turn.userId, logged, turn.today, money, (a) =>
            alerts.push(a),
          )),
        );
      } catch {
        lines.push("(I couldn't check your budgets just now.)");
      }
      // A retried turn (same request) finds its expense already saved: it was announced the first time.
      if (created) await notifyCrossings(turn.notifier, alerts, turn.logError);
    }
    return turn.reply.close(
      [
        plainText(lines.join('\n')),
        buttonsCard('Anything else?', [Buttons.undo, Buttons.spentThisMonth, Buttons.showBudgets]),
      ],
      { lastLogged: remembered, lastAction: { type: 'log' } },
    );
  };

const SEPARATOR = /\s+(?:and|&|plus)\s+|[,;]\s+/i;

/**
 * "spent 12.50 on lunch and 5 on coffee": Lex fills one Amount and one Category, so the parts after the
 * first are read here — each must name exactly one amount and a category. `skipped` lists the parts
 * with an amount that could not be read, so the reply can say they were left out.
 */
function furtherExpenses(
  turn: Turn,
  amountSlot: SlotReading,
): { expenses: { amountMinor: number; category: string; note?: string; said: string }[]; skipped: string[] } {
  const parts = turn.event.inputTranscript.split(SEPARATOR).map((p) => p.trim());
  const none = { expenses: [], skipped: [] };
  if (parts.length < 2) return none;
  const firstAmounts = amountsIn(parts[0]!).map(Number);
  if (!firstAmounts.includes(Number(amountSlot.interpreted ?? amountSlot.original))) return none;
  const expenses: { amountMinor: number; category: string; note?: string; said: string }[] = [];
  const skipped: string[] = [];
  for (const part of parts.slice(1)) {
    const amounts = amountsIn(part);
    if (amounts.length === 0) continue;
    const named = categoryInText(withoutDays(part), 'expense', turn.profile);
    const minor =
      amounts.length === 1
        ? readAmount({ original: amounts[0], interpreted: amounts[0], resolved: [] }, turn.profile.currency)
        : null;
    if (!named || !minor?.ok) {
      skipped.push(part.replace(/[.!?]+$/, ''));
      continue;
    }
    const note = impliedNote(
      { original: named.word, interpreted: named.category, resolved: [] },
      named.category,
      turn,
      'expense',
    );
    expenses.push({
      amountMinor: minor.minor,
      category: named.category,
      said: part,
      ...(note ? { note } : {}),
    });
  }
  return { expenses, skipped };
}
