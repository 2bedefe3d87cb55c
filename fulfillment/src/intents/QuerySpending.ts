/**
 * QuerySpending: how much was spent, on one category or everything, over the period the user named —
 * with the change against the period before and a breakdown chart. Follow-ups ("and in October?",
 * "what about transport?") reuse whatever the previous question said and this one did not.
 */
import { SlotName } from '@budgetbuddy/bot/src/definition/names';
import type { LexResponse } from '@budgetbuddy/bot/src/lex/schemas';
import { spendingChartSchema, type SpendingChart } from '../proxy/contract';
import { previousRange, resolveDateRange, thisMonth, type DateRange } from '../dates/dateRange';
import { toMajorString } from '../domain/ledger/money';
import { buttonsCard, Buttons, customPayload, plainText } from '../lex/messages';
import type { LastQuery } from '../lex/memory';
import { withoutSlot, type IntentHandler, type Turn } from './turn';
import { categoriesFor, closestCategories, matchCategory } from './support/categoryChoice';

interface Spending {
  totalMinor: number;
  byCategory: Record<string, number>;
}

const FOLLOW_UP = /^\s*(and|what about|how about|same for|ok(ay)? and|now)\b/i;
const ASKS_SPENDING = /\b(spen[dt]|spending|cost|paid|pay|total|expenses?)\b/i;

/** Spending over a range: one rollup read for a whole week/month/year, a range scan otherwise. */
async function spendingIn(turn: Turn, range: DateRange): Promise<Spending> {
  if (range.period) {
    const totals = await turn.repo.getPeriodTotals(turn.userId, range.period, turn.profile.currency);
    return { totalMinor: totals.expenseTotalMinor, byCategory: { ...totals.expenseByCategory } };
  }
  const rows = await turn.repo.listByRange(turn.userId, { from: range.from, to: range.to, kind: 'expense' });
  const byCategory: Record<string, number> = {};
  let totalMinor = 0;
  for (const row of rows) {
    if (row.currency !== turn.profile.currency) continue;
    byCategory[row.category] = (byCategory[row.category] ?? 0) + row.amountMinor;
    totalMinor += row.amountMinor;
  }
  return { totalMinor, byCategory };
}

const amountOf = (s: Spending, category: string | null) =>
  category ? (s.byCategory[category] ?? 0) : s.totalMinor;

function comparison(turn: Turn, now: number, before: number, previous: DateRange): string {
  if (before === 0) return now === 0 ? '' : ` There was nothing ${previous.label} to compare with.`;
  const diff = now - before;
  if (diff === 0) return ` That's the same as ${previous.label}.`;
  const pct = Math.round((Math.abs(diff) * 100) / before);
  const direction = diff > 0 ? 'more' : 'less';
  return ` That's ${turn.money(Math.abs(diff))} (${pct}%) ${direction} than ${previous.label} (${turn.money(before)}).`;
}

function chartOf(turn: Turn, spending: Spending, range: DateRange): SpendingChart {
  const currency = turn.profile.currency;
  const data = Object.entries(spending.byCategory)
    .filter(([, minor]) => minor > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([label, minor]) => ({
      label,
      value: Number(toMajorString(minor, currency)),
      formatted: turn.money(minor),
    }));
  return spendingChartSchema.parse({
    type: 'spendingChart',
    title: `Spending by category ${range.label}`,
    currency,
    data,
    total: {
      value: Number(toMajorString(spending.totalMinor, currency)),
      formatted: turn.money(spending.totalMinor),
    },
  });
}

export const handleQuerySpending: IntentHandler = async (turn) => {
  const transcript = turn.event.inputTranscript;
  const remembered: LastQuery | null = turn.memory.lastQuery;
  const isFollowUp = !!remembered && (FOLLOW_UP.test(transcript) || !ASKS_SPENDING.test(transcript));

  const categorySlot = turn.slot(SlotName.Category);
  let category: string | null = null;
  if (categorySlot) {
    category = matchCategory(categorySlot, 'expense', turn.profile);
    if (!category) {
      const said = categorySlot.original ?? categorySlot.interpreted ?? '';
      return turn.reply.elicitSlot(
        SlotName.Category,
        [
          plainText(`I don't have a category called "${said}". Which one did you mean?`),
          buttonsCard(
            'Pick a category',
            closestCategories(said, 'expense', turn.profile).map((c) => ({ text: c, value: c })),
          ),
        ],
        {},
        withoutSlot(turn.intent, SlotName.Category),
      );
    }
  } else if (isFollowUp && remembered?.category) {
    category = remembered.category;
  }

  const dateSlot = turn.slot(SlotName.Date);
  const saidWords = dateSlot?.original ?? (resolveDateRange(transcript, turn.today) ? transcript : undefined);
  const dateWords = saidWords ?? (isFollowUp ? remembered?.dateWords : undefined);
  const dateValue =
    dateSlot?.interpreted && /^\d{4}-\d{2}-\d{2}$/.test(dateSlot.interpreted)
      ? dateSlot.interpreted
      : undefined;
  return answerSpending(turn, { category, dateWords, dateValue });
};

export interface SpendingQuestion {
  category: string | null;
  /** What the user said about time, re-read against today on every follow-up. */
  dateWords?: string | undefined;
  /** Lex's single-day reading, used only when the words name no range. */
  dateValue?: string | undefined;
}

/** Answers a spending question and remembers it for follow-ups. Reads only; never writes. */
export async function answerSpending(turn: Turn, question: SpendingQuestion): Promise<LexResponse> {
  const { category, dateWords, dateValue } = question;
  const range =
    (dateWords ? resolveDateRange(dateWords, turn.today) : null) ??
    (dateValue ? resolveDateRange(dateValue, turn.today) : null) ??
    thisMonth(turn.today);
  const previous = previousRange(range, turn.today);

  const [spending, before] = await Promise.all([spendingIn(turn, range), spendingIn(turn, previous)]);
  const total = amountOf(spending, category);
  const onWhat = category ? ` on ${category}` : '';
  const spent = total === 0 ? `You spent nothing${onWhat}` : `You spent ${turn.money(total)}${onWhat}`;
  const summary = `${spent} ${range.label}.` + comparison(turn, total, amountOf(before, category), previous);

  const messages = [plainText(summary)];
  const chart = chartOf(turn, spending, range);
  if (chart.data.length > 0) {
    // Lex caps a message at 1024 characters: the smallest categories give way first.
    while (JSON.stringify(chart).length > 1024 && chart.data.length > 1) chart.data.pop();
    messages.push(customPayload(chart));
    messages.push(
      plainText(
        `${category ? 'All spending' : 'By category'} ${range.label}: ${chart.data.map((d) => `${d.label} ${d.formatted}`).join(', ')}.`,
      ),
    );
  }
  messages.push(buttonsCard('Anything else?', [Buttons.showBudgets, Buttons.listTransactions, Buttons.help]));

  const memory: LastQuery = {
    ...(category ? { category } : {}),
    ...(dateWords ? { dateWords } : {}),
  };
  return turn.reply.close(messages, { lastQuery: memory });
}

/**
 * A follow-up the NLU could not place ("and in October?", "what about transport?"): the remembered
 * question with whatever this text changes, or null when the text is not such a follow-up.
 */
export function followUpFromText(turn: Turn): SpendingQuestion | null {
  const remembered = turn.memory.lastQuery;
  const text = turn.event.inputTranscript.toLowerCase();
  if (!remembered || !FOLLOW_UP.test(text)) return null;
  const words = text.replace(/[^\p{L}\p{N}\s]/gu, ' ');
  const category =
    categoriesFor('expense', turn.profile).find((c) => {
      const name = c.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`\\b(${name}|${name.replace(/s$/, '')})\\b`).test(words);
    }) ?? null;
  const saysTime = resolveDateRange(text, turn.today) !== null;
  if (!category && !saysTime) return null;
  return {
    category: category ?? remembered.category ?? null,
    dateWords: saysTime ? turn.event.inputTranscript : remembered.dateWords,
  };
}
