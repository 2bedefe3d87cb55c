/**
 * "set my currency to EUR", "use euros", "switch to VND", "what currency am I using?". The profile's
 * currency decides how amounts are read and shown; the bot has no intent for changing it, so the
 * fallback hands these words here. Amounts are never converted: entries and budgets keep the currency
 * they were made in, and the reply says so when there are any.
 */
import type { LexResponse } from '@budgetbuddy/bot/src/lex/schemas';
import { formatMoney } from '../domain/ledger/money';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import type { Turn } from './turn';
import { currencyIn } from './support/moneyWords';

const CHANGE =
  /^\s*(please\s+)?(go\s+|switch\s+|change\s+)?back\s+to\b|\b(set|change|switch|use|make|put)\b.*\bcurrency\b|\bcurrency\b.*\b(to|is|as|in)\b|^\s*(please\s+)?(switch|change|convert|move)\s+(me\s+)?(over\s+)?to\b|^\s*(please\s+)?(i\s+)?(use|want|prefer)\s+\S+/i;
const ASK = /\b(what|which)\b.*\bcurrency\b|\bmy currency\s*\??\s*$/i;

/** Unmistakably a request to change the currency: it says "currency", or "switch to" a currency. */
export function asksCurrencyChange(text: string): boolean {
  const strict =
    /\bcurrency\b|^\s*(please\s+)?(switch|change|convert|move)\s+(me\s+)?(over\s+)?to\b|^\s*(please\s+)?(go\s+|switch\s+|change\s+)?back\s+to\b/i;
  return strict.test(text) && CHANGE.test(text) && currencyIn(text) !== null;
}

export async function answerCurrency(turn: Turn): Promise<LexResponse | null> {
  const text = turn.event.inputTranscript;
  const current = turn.profile.currency;
  const wanted = CHANGE.test(text) ? currencyIn(text) : null;
  if (!wanted) {
    if (!ASK.test(text) && !/\bcurrency\b/i.test(text)) return null;
    return turn.reply.close([
      plainText(
        `I keep your money in ${current} (${formatMoney(1250, current)} looks like that). ` +
          `To change it, say something like "set my currency to ${current === 'EUR' ? 'USD' : 'EUR'}".`,
      ),
      buttonsCard('Anything else?', [Buttons.spentThisMonth, Buttons.help]),
    ]);
  }
  if (wanted === current) {
    return turn.reply.close([plainText(`Your currency is already ${current} — nothing to change.`)]);
  }
  const [recent, budgets] = await Promise.all([
    turn.repo.listRecent(turn.userId, 1),
    turn.repo.listBudgets(turn.userId),
  ]);
  turn.writing = true;
  await turn.repo.putProfile(turn.userId, { ...turn.profile, currency: wanted });
  const kept =
    recent.length > 0 || budgets.length > 0
      ? ` What you logged and budgeted in ${current} stays in ${current}: I don't convert it, and it doesn't count toward ${wanted} totals or budgets.`
      : '';
  return turn.reply.close([
    plainText(
      `Done — from now on I'll use ${wanted}: amounts look like ${formatMoney(1250, wanted)}.${kept}`,
    ),
    buttonsCard('Anything else?', [
      { text: `Back to ${current}`, value: `set my currency to ${current}` },
      Buttons.logExpense,
      Buttons.help,
    ]),
  ]);
}
