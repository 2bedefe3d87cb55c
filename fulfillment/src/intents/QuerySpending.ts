/**
 * QuerySpending: how much was spent, on one category or everything, over the period the user named —
 * with the change against the period before and a breakdown chart. Follow-ups ("and in October?",
 * "what about transport?") reuse whatever the previous question said and this one did not.
 */
import { SlotName } from '@budgetbuddy/bot';
import type { LexResponse } from '@budgetbuddy/bot/lex';
import type { TransactionKind } from '../domain/ledger';
import { spendingChartSchema, type SpendingChart } from '../chatApi/reply';
import { type DateRange, previousRange, rangeOfDateSlot, thisMonth } from '@budgetbuddy/bot/calendar';
import { rangeOfSlot } from './support/dateSlot';
import { periodKeyOf } from '../domain/ledger/periods';
import { toMajorString } from '../domain/ledger/money';
import { buttonsCard, Buttons, customPayload, plainText } from '../lex/messages';
import type { LastQuery } from '../lex/memory';
import { withoutSlot, type IntentHandler, type Turn } from './turn';
import { closestCategories, matchCategory } from './support/categoryChoice';
import { readTag } from './support/tagSlot';
import { hashTag } from '../domain/ledger/tags';

/**
 * Spending with one tag over a range: a whole week, month or year is its rollup's tag total (one
 * read, issue 12 point 4); another range reads the entries with that tag.
 */
export async function tagSpendingIn(turn: Turn, range: DateRange, tag: string): Promise<number> {
  if (range.unit) {
    const period = periodKeyOf(range.unit, range.from);
    const totals = await turn.repo.getTagTotals(turn.userId, period, turn.profile.currency);
    return totals.expenseByTag[tag] ?? 0;
  }
  const rows = await turn.repo.listByRange(turn.userId, {
    from: range.from,
    to: range.to,
    kind: 'expense',
    tag,
  });
  return rows.filter((t) => t.currency === turn.profile.currency).reduce((sum, t) => sum + t.amountMinor, 0);
}

/** "how much did I spend on #work this month": the tag's total, against the period before. */
async function answerTagSpending(turn: Turn, tag: string): Promise<LexResponse> {
  const dateSlot = turn.slot(SlotName.Date);
  const range = rangeOfSlot(dateSlot, turn.today) ?? thisMonth(turn.today);
  const previous = previousRange(range, turn.today);
  const [now, before] = await Promise.all([
    tagSpendingIn(turn, range, tag),
    tagSpendingIn(turn, previous, tag),
  ]);
  const head =
    now === 0
      ? `You spent nothing tagged ${hashTag(tag)} ${range.label}.`
      : `You spent ${turn.money(now)} tagged ${hashTag(tag)} ${range.label}.`;
  return turn.reply.close([
    plainText(head + comparison(turn, now, before, previous)),
    buttonsCard('Anything else?', [
      { text: `List ${hashTag(tag)}`, value: `list everything tagged ${tag}` },
      Buttons.spentThisMonth,
      Buttons.help,
    ]),
  ]);
}

interface Spending {
  totalMinor: number;
  byCategory: Record<string, number>;
}

/** Totals over a range: one rollup read for a whole week/month/year, a range scan otherwise. */
export async function spendingIn(
  turn: Turn,
  range: DateRange,
  kind: TransactionKind = 'expense',
): Promise<Spending> {
  if (range.unit) {
    const period = periodKeyOf(range.unit, range.from);
    const totals = await turn.repo.getPeriodTotals(turn.userId, period, turn.profile.currency);
    return kind === 'expense'
      ? { totalMinor: totals.expenseTotalMinor, byCategory: { ...totals.expenseByCategory } }
      : { totalMinor: totals.incomeTotalMinor, byCategory: { ...totals.incomeByCategory } };
  }
  const rows = await turn.repo.listByRange(turn.userId, { from: range.from, to: range.to, kind });
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
  if (now === 0)
    return ` ${previous.label[0]!.toUpperCase()}${previous.label.slice(1)} it was ${turn.money(before)}.`;
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
  const tag = readTag(turn);
  if (tag?.ok) return answerTagSpending(turn, tag.tag);
  const remembered: LastQuery | null = turn.memory.lastQuery;
  const categorySlot = turn.slot(SlotName.Category);
  const dateSlot = turn.slot(SlotName.Date);
  // "and in October?" / "what about transport?": one of the two said, the other kept from before.
  const isFollowUp = !!remembered && !categorySlot !== !dateSlot;

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

  // A follow-up keeps the range asked about before: its words and the day they resolved to.
  const kept = !dateSlot && isFollowUp ? remembered : undefined;
  const dateWords = dateSlot ? dateSlot.original : kept?.dateWords;
  const dateValue = dateSlot ? dateSlot.interpreted : kept?.dateValue;
  // "how much on coffee": Food, and the part of it whose note says coffee.
  const said = categorySlot?.original?.toLowerCase().trim();
  const word =
    category && said && !category.toLowerCase().startsWith(said.replace(/s$/, '')) ? said : undefined;
  return answerSpending(turn, {
    category,
    dateWords,
    dateValue,
    ...(word ? { word } : {}),
    ...(!categorySlot && category ? { inherited: true } : {}),
  });
};

/** QueryIncome: income over the range the Date slot names (this month by default), with the change and sources. */
export const handleQueryIncome: IntentHandler = async (turn) => {
  const categorySlot = turn.slot(SlotName.Category);
  const category = categorySlot ? matchCategory(categorySlot, 'income', turn.profile) : null;
  const dateSlot = turn.slot(SlotName.Date);
  const range = rangeOfSlot(dateSlot, turn.today) ?? thisMonth(turn.today);
  const previous = previousRange(range, turn.today);
  const [income, before] = await Promise.all([
    spendingIn(turn, range, 'income'),
    spendingIn(turn, previous, 'income'),
  ]);
  const now = amountOf(income, category);
  const sources = Object.entries(income.byCategory)
    .filter(([label, minor]) => minor > 0 && (!category || label === category))
    .sort((a, b) => b[1] - a[1])
    .map(([label, minor]) => `${label} ${turn.money(minor)}`);
  const of = category ? ` of ${category} income` : '';
  const head =
    now === 0
      ? `You haven't logged any${category ? ` ${category}` : ''} income ${range.label}.`
      : `You received ${turn.money(now)}${of} ${range.label}${!category && sources.length > 0 ? ` (${sources.join(', ')})` : ''}.`;
  return turn.reply.close([
    plainText(head + comparison(turn, now, amountOf(before, category), previous)),
    buttonsCard('Anything else?', [Buttons.spentThisMonth, Buttons.listTransactions, Buttons.help]),
  ]);
};

export interface SpendingQuestion {
  category: string | null;
  /** The Date slot's words: they give the range its shape around the resolved day (dateRange.ts). */
  dateWords?: string | undefined;
  /** The day the Date slot resolved to; a follow-up keeps it with the words. */
  dateValue?: string | undefined;
  /** The user's own word for the category ("coffee" for Food), to total the entries noted with it. */
  word?: string;
  /** "where did I spend the most": lead with the biggest category. */
  biggest?: boolean;
  /** The category was kept from the question before, not said now: the total of everything is said too. */
  inherited?: boolean;
}

/** Answers a spending question and remembers it for follow-ups. Reads only; never writes. */
export async function answerSpending(turn: Turn, question: SpendingQuestion): Promise<LexResponse> {
  const { category, dateWords, dateValue } = question;
  const range =
    (dateWords || dateValue
      ? rangeOfDateSlot({ originalValue: dateWords, interpretedValue: dateValue }, turn.today)
      : null) ?? thisMonth(turn.today);
  const previous = previousRange(range, turn.today);

  const [spending, before] = await Promise.all([spendingIn(turn, range), spendingIn(turn, previous)]);
  const total = amountOf(spending, category);
  const onWhat = category ? ` on ${category}` : '';
  const spent = total === 0 ? `You spent nothing${onWhat}` : `You spent ${turn.money(total)}${onWhat}`;
  // A kept category may not be what was meant ("how much have I spent since monday"): the answer holds both.
  const inAll =
    question.inherited && category && spending.totalMinor !== total
      ? ` (${turn.money(spending.totalMinor)} on everything)`
      : '';
  let summary =
    `${spent} ${range.label}${inAll}.` + comparison(turn, total, amountOf(before, category), previous);
  const top = Object.entries(spending.byCategory).sort((a, b) => b[1] - a[1])[0];
  if (question.biggest && top && top[1] > 0) {
    const share = Math.round((top[1] * 100) / spending.totalMinor);
    summary = `Most went to ${top[0]}: ${turn.money(top[1])} of the ${turn.money(spending.totalMinor)} you spent ${range.label} (${share}%).`;
  }
  if (question.word && category && total > 0) {
    const rows = await turn.repo.listByRange(turn.userId, {
      from: range.from,
      to: range.to,
      category,
      kind: 'expense',
    });
    const word = question.word;
    const part = rows
      .filter((t) => t.currency === turn.profile.currency && t.note?.toLowerCase().includes(word))
      .reduce((sum, t) => sum + t.amountMinor, 0);
    if (part > 0)
      summary += part === total ? ` All of it was ${word}.` : ` Of that, ${turn.money(part)} was ${word}.`;
  }

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
    ...(dateValue ? { dateValue } : {}),
  };
  return turn.reply.close(messages, { lastQuery: memory });
}
