/**
 * SpendingInsights (read-only): the Insight slot says which view — biggest expenses, average per day or
 * week, the trend over the last N months, spending by week, top notes/merchants, or this month against
 * the average of the three before ("am I spending more than usual on food?"). Category, Date and Count
 * narrow it. Month totals come from rollups (one read per month); the rest from one range query.
 */
import { format, parseISO } from 'date-fns';
import { SlotName } from '@budgetbuddy/bot';
import type { LexResponse } from '@budgetbuddy/bot/lex';
import type { Transaction } from '../domain/ledger';
import { type DateRange, thisMonth } from '@budgetbuddy/bot/calendar';
import { rangeOfSlot } from './support/dateSlot';
import {
  addDaysTo,
  compareDates,
  daysInRange,
  periodKeyOf,
  periodRange,
  previousPeriod,
} from '../domain/ledger/periods';
import { buttonsCard, Buttons, plainText, textChunks } from '../lex/messages';
import type { IntentHandler, Turn } from './turn';
import { answerSpending } from './QuerySpending';
import { matchCategory } from './support/categoryChoice';
import { describeTransaction } from './support/describeTransaction';

export const INSIGHTS = [
  'Biggest',
  'DailyAverage',
  'WeeklyAverage',
  'Trend',
  'ByWeek',
  'TopNotes',
  'VersusUsual',
] as const;
type Insight = (typeof INSIGHTS)[number];

const MAX_COUNT = 12;
const AFTER = [Buttons.spentThisMonth, Buttons.listTransactions, Buttons.showBudgets];

const INSIGHT_BUTTONS = [
  { text: 'Biggest expenses', value: 'what are my biggest expenses' },
  { text: 'Daily average', value: 'what is my average daily spending' },
  { text: 'Trend', value: 'how has my spending changed over the last 3 months' },
  { text: 'By week', value: 'show my spending by week' },
  { text: 'Top merchants', value: 'where do I spend the most' },
];

function readInsight(turn: Turn): Insight | null {
  const v = turn.slot(SlotName.Insight)?.interpreted;
  return (INSIGHTS as readonly string[]).includes(v ?? '') ? (v as Insight) : null;
}

function readCount(turn: Turn, fallback: number): number {
  const n = Math.floor(Number(turn.slot(SlotName.Count)?.interpreted));
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_COUNT) : fallback;
}

/** The range the Date slot names, cut at today (an average of days still to come means nothing). */
function readRange(turn: Turn): DateRange {
  const slot = turn.slot(SlotName.Date);
  const range = rangeOfSlot(slot, turn.today) ?? thisMonth(turn.today);
  return compareDates(range.to, turn.today) > 0 ? { ...range, to: turn.today } : range;
}

async function expensesIn(turn: Turn, range: DateRange, category: string | null): Promise<Transaction[]> {
  const rows = await turn.repo.listByRange(turn.userId, {
    from: range.from,
    to: range.to,
    kind: 'expense',
    ...(category ? { category } : {}),
  });
  return rows.filter((t) => t.currency === turn.profile.currency);
}

const sum = (rows: readonly Transaction[]) => rows.reduce((s, t) => s + t.amountMinor, 0);

/** Expense total of one month, from its rollup. */
async function monthTotal(turn: Turn, key: ReturnType<typeof periodKeyOf>, category: string | null) {
  const totals = await turn.repo.getPeriodTotals(turn.userId, key, turn.profile.currency);
  return category ? (totals.expenseByCategory[category] ?? 0) : totals.expenseTotalMinor;
}

const monthName = (key: string) => format(parseISO(`${key}-01`), 'MMM yyyy');

async function answer(turn: Turn, insight: Insight, category: string | null): Promise<string[]> {
  const on = category ? ` on ${category}` : '';
  if (insight === 'Trend' || insight === 'VersusUsual') {
    const months = insight === 'Trend' ? readCount(turn, 3) : 4;
    const keys = [periodKeyOf('month', turn.today)];
    while (keys.length < months) keys.push(previousPeriod(keys[keys.length - 1]!));
    const totals = await Promise.all(keys.map((k) => monthTotal(turn, k, category)));
    if (insight === 'VersusUsual') {
      const [now, ...before] = totals;
      const usual = Math.round(before.reduce((s, v) => s + v, 0) / before.length);
      if (usual === 0)
        return [
          `You spent ${turn.money(now!)}${on} this month; there's nothing in the 3 months before to compare with.`,
        ];
      const diff = now! - usual;
      const pct = Math.round((Math.abs(diff) * 100) / usual);
      const verdict =
        diff > 0
          ? `That's more than usual: ${turn.money(diff)} (${pct}%) above`
          : diff < 0
            ? `That's less than usual: ${turn.money(-diff)} (${pct}%) below`
            : "That's exactly";
      return [
        `This month you've spent ${turn.money(now!)}${on}. ${verdict} your average of ${turn.money(usual)} a month over the 3 months before.`,
      ];
    }
    const lines = keys.map((k, i) => `• ${monthName(k.key)}: ${turn.money(totals[i]!)}`).reverse();
    const first = totals[totals.length - 1]!;
    const last = totals[0]!;
    const direction = last > first ? 'up' : last < first ? 'down' : 'flat';
    return [
      `Your spending${on} over the last ${months} months (this month so far), trend ${direction}:`,
      ...lines,
    ];
  }

  const range = readRange(turn);
  const rows = await expensesIn(turn, range, category);
  const total = sum(rows);
  if (rows.length === 0) return [`You haven't logged any spending${on} ${range.label}.`];

  switch (insight) {
    case 'Biggest': {
      const n = readCount(turn, 5);
      const top = [...rows].sort((a, b) => b.amountMinor - a.amountMinor).slice(0, n);
      const byCategory = new Map<string, number>();
      for (const t of rows) byCategory.set(t.category, (byCategory.get(t.category) ?? 0) + t.amountMinor);
      const [most] = [...byCategory.entries()].sort((a, b) => b[1] - a[1]);
      // "where did I spend the most": the category first, when there is more than one.
      const lead =
        !category && most && byCategory.size > 1
          ? [
              `Most went to ${most[0]}: ${turn.money(most[1])} of the ${turn.money(total)} you spent ${range.label} (${Math.round((most[1] * 100) / total)}%).`,
            ]
          : [];
      return [
        ...lead,
        `Your ${top.length === 1 ? 'biggest expense' : `${top.length} biggest expenses`}${on} ${range.label}:`,
        ...top.map((t) => `• ${describeTransaction(t, turn.today)}`),
      ];
    }
    case 'DailyAverage': {
      const days = daysInRange(range);
      return [
        `You spent ${turn.money(total)}${on} ${range.label} — about ${turn.money(Math.round(total / days))} a day over ${days} day${days === 1 ? '' : 's'}.`,
      ];
    }
    case 'WeeklyAverage': {
      const days = daysInRange(range);
      const perWeek = Math.round((total * 7) / days);
      return [
        `You spent ${turn.money(total)}${on} ${range.label} — about ${turn.money(perWeek)} a week over ${days} day${days === 1 ? '' : 's'}.`,
      ];
    }
    case 'ByWeek': {
      const weeks = new Map<string, number>();
      for (const t of rows) {
        const start = periodRange('week', t.date).from;
        weeks.set(start, (weeks.get(start) ?? 0) + t.amountMinor);
      }
      const lines = [...weeks.entries()]
        .sort((a, b) => compareDates(a[0], b[0]))
        .map(
          ([start, minor]) =>
            `• Week of ${format(parseISO(start), 'MMM d')}–${format(parseISO(addDaysTo(start, 6)), 'MMM d')}: ${turn.money(minor)}`,
        );
      return [`Your spending${on} by week ${range.label} (${turn.money(total)} in all):`, ...lines];
    }
    case 'TopNotes': {
      const byNote = new Map<string, number>();
      for (const t of rows) {
        const note = t.note?.toLowerCase().trim();
        if (note) byNote.set(note, (byNote.get(note) ?? 0) + t.amountMinor);
      }
      if (byNote.size === 0)
        return [`None of your spending${on} ${range.label} has a note or merchant, so I can't rank them.`];
      const n = readCount(turn, 5);
      const top = [...byNote.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
      return [
        `Where your money went${on} ${range.label}, by note or merchant:`,
        ...top.map(([note, minor]) => `• ${note}: ${turn.money(minor)}`),
      ];
    }
  }
  return [];
}

export const handleSpendingInsights: IntentHandler = async (turn): Promise<LexResponse> => {
  const insight = readInsight(turn);
  const categorySlot = turn.slot(SlotName.Category);
  const category = categorySlot ? matchCategory(categorySlot, 'expense', turn.profile) : null;
  if (!insight) {
    // No particular view named ("how much did I spend in 2026"): the totals, and the views on offer.
    const dateSlot = turn.slot(SlotName.Date);
    const answer = await answerSpending(turn, {
      category,
      dateWords: dateSlot?.original,
      dateValue: dateSlot?.interpreted,
    });
    return {
      ...answer,
      messages: [...(answer.messages ?? []).slice(0, -1), buttonsCard('More insights', INSIGHT_BUTTONS)],
    };
  }
  if (categorySlot && !category) {
    return turn.reply.close([
      plainText(
        `I don't have a spending category called "${categorySlot.original ?? ''}", so I can't look that up.`,
      ),
      buttonsCard('Anything else?', AFTER),
    ]);
  }
  const lines = await answer(turn, insight, category);
  return turn.reply.close([...textChunks(lines), buttonsCard('Anything else?', AFTER)]);
};
