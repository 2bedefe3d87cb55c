/** ListTransactions: the last N (default 5, at most 50), or those of a category and/or period. */
import { format, parseISO } from 'date-fns';
import { SlotName } from '@budgetbuddy/bot';
import type { Transaction } from '../domain/ledger';
import { rangeOfSlot } from './support/dateSlot';
import { formatMoney } from '../domain/ledger/money';
import { buttonsCard, Buttons, plainText, textChunks } from '../lex/messages';
import type { IntentHandler, Turn } from './turn';
import { categoriesFor } from './support/categoryChoice';
import { readTag } from './support/tagSlot';
import { hashTag } from '../domain/ledger/tags';

/** The word the user used for a category when it is not the category's own name ("coffee" for Food). */
function impliedWord(original: string | undefined, category: string): string | undefined {
  const word = original?.toLowerCase().trim();
  if (!word) return undefined;
  const stem = (w: string) => w.replace(/(ies|es|s)$/, '');
  const name = category.toLowerCase();
  return stem(word) === stem(name) || name.startsWith(stem(word)) ? undefined : stem(word);
}

export const DEFAULT_COUNT = 5;
export const MAX_COUNT = 50;
const BEGINNING = '1970-01-01';

function line(t: Transaction, today: string): string {
  const day = parseISO(t.date);
  const date = format(day, t.date.slice(0, 4) === today.slice(0, 4) ? 'EEE, MMM d' : 'MMM d, yyyy');
  const sign = t.kind === 'income' ? '+' : '';
  const note = t.note ? ` — ${t.note}` : '';
  const tags = t.tags?.length ? ` ${t.tags.map(hashTag).join(' ')}` : '';
  return `• ${date}: ${sign}${formatMoney(t.amountMinor, t.currency)} ${t.category}${note}${tags}`;
}

function readCount(turn: Turn): { count: number; capped: boolean } {
  const raw = turn.slot(SlotName.Count)?.interpreted;
  const n = raw ? Math.floor(Number(raw)) : DEFAULT_COUNT;
  if (!Number.isFinite(n) || n < 1) return { count: DEFAULT_COUNT, capped: false };
  return { count: Math.min(n, MAX_COUNT), capped: n > MAX_COUNT };
}

/** How many rows a word filter ("coffee") looks through for matching notes. */
const WORD_SEARCH_LIMIT = 500;

/**
 * The entries with the tag said ("list everything tagged travel", "show my work expenses"), or null
 * when the words name no tag of this person's and a category of the same name should answer instead
 * ("show my food expenses": Food, unless they tagged entries #food).
 */
async function taggedRows(turn: Turn, count: number): Promise<{ tag: string; rows: Transaction[] } | null> {
  const tag = readTag(turn);
  if (!tag?.ok) return null;
  const range = rangeOfSlot(turn.slot(SlotName.Date), turn.today);
  const rows = await turn.repo.listByRange(turn.userId, {
    from: range?.from ?? BEGINNING,
    to: range?.to ?? turn.today,
    tag: tag.tag,
    limit: count,
  });
  const categorySlot = turn.slot(SlotName.Category);
  if (rows.length === 0 && categorySlot) return null;
  return { tag: tag.tag, rows };
}

export const handleListTransactions: IntentHandler = async (turn) => {
  const { count, capped } = readCount(turn);
  const tagged = await taggedRows(turn, count);
  if (tagged) {
    const label = hashTag(tagged.tag);
    if (tagged.rows.length === 0) {
      return turn.reply.close([
        plainText(
          `Nothing is tagged ${label} yet. Add "${label}" to a message, or say "tag it ${tagged.tag}" after logging.`,
        ),
        buttonsCard('Try', [Buttons.listTransactions, Buttons.help]),
      ]);
    }
    return turn.reply.close([
      ...textChunks([
        `Your ${tagged.rows.length === 1 ? 'last entry' : `last ${tagged.rows.length} entries`} tagged ${label}:`,
        ...tagged.rows.map((t) => line(t, turn.today)),
      ]),
      buttonsCard('Anything else?', [
        { text: `Total ${label}`, value: `how much did I spend on #${tagged.tag} this month` },
        Buttons.spentThisMonth,
      ]),
    ]);
  }
  const categorySlot = turn.slot(SlotName.Category);
  const said = categorySlot?.interpreted ?? categorySlot?.original;
  const all = [...categoriesFor('expense', turn.profile), ...categoriesFor('income', turn.profile)];
  const category = said ? all.find((c) => c.toLowerCase() === said.toLowerCase()) : undefined;
  // "my coffee purchases": Food entries whose note says coffee, when there are any.
  const word = category ? impliedWord(categorySlot?.original, category) : undefined;
  const dateSlot = turn.slot(SlotName.Date);
  const range = rangeOfSlot(dateSlot, turn.today);

  let rows =
    category || range
      ? await turn.repo.listByRange(turn.userId, {
          from: range?.from ?? BEGINNING,
          to: range?.to ?? turn.today,
          ...(category ? { category } : {}),
          limit: word ? WORD_SEARCH_LIMIT : count,
        })
      : await turn.repo.listRecent(turn.userId, count);
  let filter = category ?? '';
  if (word) {
    const withWord = rows.filter((t) => t.note?.toLowerCase().includes(word));
    if (withWord.length > 0) {
      rows = withWord;
      filter = word;
    }
  }
  const shown = rows.slice(0, count);

  const scope = [filter, range ? range.label : ''].filter(Boolean).join(' ');
  if (shown.length === 0) {
    return turn.reply.close([
      plainText(
        scope
          ? `I found no transactions for ${scope}.`
          : `You haven't logged anything yet. Try "spent 12.50 on lunch" or "got paid 2000 salary".`,
      ),
      buttonsCard('Try', [Buttons.logExpense, Buttons.help]),
    ]);
  }
  const heading =
    `Your ${shown.length === 1 ? 'last transaction' : `last ${shown.length} transactions`}` +
    `${scope ? ` (${scope})` : ''}:` +
    (capped ? ` (I show at most ${MAX_COUNT} at a time.)` : '');
  return turn.reply.close([
    ...textChunks([heading, ...shown.map((t) => line(t, turn.today))]),
    buttonsCard('Anything else?', [Buttons.spentThisMonth, Buttons.showBudgets]),
  ]);
};
