/**
 * Correcting the entry just logged: "no, make that 15", "actually it was yesterday", "change it to
 * groceries". The corrected entry is logged (idempotently, under this turn's request key) and only
 * then is the old one removed, so a failure never loses the purchase; if removing fails, the new one
 * is taken back out and the person is told nothing was saved.
 */
import type { LexResponse } from '@budgetbuddy/bot/src/lex/schemas';
import type { Transaction } from '../ports/LedgerRepository';
import { COULD_NOT_SAVE } from '../lex/failures';
import { afterLogging } from '../lex/memory';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import { asIntent, type Turn } from './turn';
import { readAmount } from './support/amounts';
import { budgetLinesAfterExpense } from './support/budgetAlerts';
import { closestCategories } from './support/categoryChoice';
import { readCorrection, type CorrectionRequest } from './support/correction';
import { describeTransaction } from './support/describeTransaction';
import { readLogDate } from './support/logDate';
import { onDay } from '../dates/calendar';
import { formatMoney } from '../domain/ledger/money';
import { categoryInText } from './support/categoryWords';

const AFTER_BUTTONS = [Buttons.undo, Buttons.spentThisMonth, Buttons.showBudgets];

/** "no, make that 15" with nothing just logged: say what works instead. */
function nothingToCorrect(turn: Turn): LexResponse {
  return turn.reply.close([
    plainText(
      "I can only change an entry right after you log it, and there's none just now. " +
        'To fix an older one, delete it (say "delete my last transaction") and log it again.',
    ),
    buttonsCard('Try', [Buttons.listTransactions, Buttons.help]),
  ]);
}

/**
 * Answers the turn when it corrects the entry just logged; null when it is no correction, so the
 * intent's own handler carries on.
 */
export async function correctLastEntry(
  turn: Turn,
  opts: { needsVerb?: boolean } = {},
): Promise<LexResponse | null> {
  const detected = readCorrection(turn, 'expense', opts);
  if (!detected) return null;
  const id = turn.memory.lastLogged?.transactionId;
  if (!id) return nothingToCorrect(turn);
  const old = await turn.repo.getTransaction(turn.userId, id);
  if (!old) return nothingToCorrect(turn);
  const request = old.kind === 'expense' ? detected : (readCorrection(turn, old.kind, opts) ?? detected);
  return applyCorrection(asIntent(turn, old.kind === 'expense' ? 'LogExpense' : 'LogIncome'), old, request);
}

async function applyCorrection(
  turn: Turn,
  old: Transaction,
  request: CorrectionRequest,
): Promise<LexResponse> {
  const was = describeTransaction(old, turn.today);
  if (request.unknownCategory) {
    const options = closestCategories(request.unknownCategory, old.kind, turn.profile);
    return turn.reply.close([
      plainText(
        `I don't have a category called "${request.unknownCategory}", so I left ${was} as it is. ` +
          `Say "change it to" one of these:`,
      ),
      buttonsCard(
        'Change it to',
        options.slice(0, 4).map((c) => ({ text: c, value: `change it to ${c}` })),
      ),
    ]);
  }

  let amountMinor = old.amountMinor;
  if (request.amount) {
    const amount = readAmount(request.amount, old.currency);
    if (!amount.ok) {
      return turn.reply.close([
        plainText(`${amount.problem} I left ${was} as it is — say, for example, "make it 15".`),
      ]);
    }
    amountMinor = amount.minor;
  }
  let date = old.date;
  if (request.date) {
    const when = readLogDate(request.date, turn.today);
    if (!when.ok) {
      const why =
        when.reason === 'future'
          ? `${when.day} hasn't happened yet`
          : `I couldn't tell which day "${when.said}" is`;
      return turn.reply.close([plainText(`${why}, so I left ${was} as it is.`)]);
    }
    date = when.date;
  }
  const category = request.category ?? old.category;

  if (amountMinor === old.amountMinor && date === old.date && category === old.category) {
    return turn.reply.close(
      [plainText(`That's already ${was} — nothing to change.`), buttonsCard('Anything else?', AFTER_BUTTONS)],
      {},
    );
  }

  // A note that only repeated the old category's word ("coffee") no longer fits a new category.
  const impliedByCategory =
    !!old.note && categoryInText(old.note, old.kind, turn.profile)?.word === old.note.toLowerCase();
  const note = category !== old.category && impliedByCategory ? undefined : old.note;

  turn.writing = true;
  const corrected = (requestId: string) =>
    turn.repo.logTransaction(turn.userId, {
      kind: old.kind,
      amountMinor,
      currency: old.currency,
      category,
      date,
      ...(note ? { note } : {}),
      source: old.source,
      requestId,
    });
  // Keyed by what is corrected, not by the turn: trying the same fix again after a failure finds the
  // entry a failed attempt may have left, instead of logging a second one.
  const key = `fix:${old.id}:${amountMinor}:${date}:${category}`.slice(0, 160);
  let fixed: Transaction;
  try {
    const first = await corrected(key);
    fixed = first.transaction;
    // ...unless that attempt's entry was taken back out: then this is a fresh write.
    if (!first.created && !(await turn.repo.getTransaction(turn.userId, fixed.id))) {
      fixed = (await corrected(`${key}:${turn.requestKey}`.slice(0, 200))).transaction;
    }
  } catch (error) {
    return couldNotSave(turn, error);
  }
  // A retried turn finds the corrected entry already logged (and the old one already gone).
  if (fixed.id !== old.id) {
    try {
      await turn.repo.deleteTransaction(turn.userId, old.id);
    } catch (error) {
      await turn.repo.deleteTransaction(turn.userId, fixed.id).catch(() => undefined);
      return couldNotSave(turn, error);
    }
  }

  const lines = [
    `Fixed: ${describeTransaction(fixed, turn.today)} — it was ${whatChanged(old, fixed, turn.today)}.`,
  ];
  if (fixed.kind === 'expense') {
    const unchangedScope = fixed.category === old.category && fixed.date === old.date;
    const counted = {
      ...fixed,
      amountMinor: unchangedScope ? fixed.amountMinor - old.amountMinor : fixed.amountMinor,
    };
    try {
      const money = (minor: number) => formatMoney(minor, fixed.currency);
      lines.push(...(await budgetLinesAfterExpense(turn.repo, turn.userId, counted, turn.today, money)));
    } catch {
      lines.push("(I couldn't check your budgets just now.)");
    }
  }
  const remembered = afterLogging(turn.memory.lastLogged, fixed.id);
  return turn.reply.close([plainText(lines.join('\n')), buttonsCard('Anything else?', AFTER_BUTTONS)], {
    lastLogged: { ...remembered, earlier: remembered.earlier.filter((e) => e !== old.id) },
    lastAction: { type: 'log' },
  });
}

/** The old values of what changed: "$12.50", "today", "Food", or several ("$12.50 for Food"). */
function whatChanged(old: Transaction, fixed: Transaction, today: string): string {
  const parts: string[] = [];
  if (old.amountMinor !== fixed.amountMinor) parts.push(formatMoney(old.amountMinor, old.currency));
  if (old.category !== fixed.category) parts.push(parts.length ? `for ${old.category}` : old.category);
  if (old.date !== fixed.date) parts.push(onDay(old.date, today));
  return parts.join(' ');
}

function couldNotSave(turn: Turn, error: unknown): LexResponse {
  turn.logError('Correction failed', {
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  });
  return turn.reply.close([plainText(COULD_NOT_SAVE)], {}, 'Failed');
}
