/**
 * Recurring payments and income by chat (issue 12 point 2): set one up ("my rent is 1,500 every month
 * on the 1st"), list them with their next date and monthly cost, see the bills due in a period, and
 * cancel, pause or resume one. The occurrences themselves are posted by the scheduled job
 * (recurring/postDueOccurrences.ts) as ordinary entries, which undo and edits treat like any other.
 * Setting one up, pausing, resuming and cancelling are each what the next "undo" takes back; like any
 * change that is not an entry, they push the last entry back, so a further undo asks before removing it.
 */
import { BudgetPeriod, IntentName, RecurringAction, SlotName } from '@budgetbuddy/bot';
import {
  addIsoDays,
  dayOfDateSlot,
  isoDate,
  fromIso,
  lastOfMonth,
  shortDay,
} from '@budgetbuddy/bot/calendar';
import type { TransactionKind } from '../domain/ledger';
import type { RecurringRule } from '../domain/recurring/rules';
import {
  describeRecurrence,
  monthlyCostMinor,
  nextOccurrence,
  occurrenceAfter,
  occurrencesBetween,
  recurrenceText,
  type RepeatFrequency,
} from '../domain/recurring/schedule';
import { formatMoney } from '../domain/ledger/money';
import { buttonsCard, plainText, textChunks, type Button } from '../lex/messages';
import { pushedBack, type LastAction, type Memory } from '../lex/memory';
import { withoutSlot, type IntentHandler, type Turn } from './turn';
import { readAmount } from './support/amounts';
import { closestCategories, COMMON_CATEGORIES, matchCategory } from './support/categoryChoice';
import { dateSlotValue, rangeOfSlot } from './support/dateSlot';

const LIST_BUTTON: Button = { text: 'My recurring payments', value: 'list my recurring payments' };
const DUE_BUTTON: Button = { text: 'Due this week', value: 'what bills are due this week' };

const FREQUENCY: Record<string, RepeatFrequency> = {
  [BudgetPeriod.Daily]: 'Daily',
  [BudgetPeriod.Weekly]: 'Weekly',
  [BudgetPeriod.Monthly]: 'Monthly',
  [BudgetPeriod.Yearly]: 'Yearly',
};
const WEEKDAY_WORD = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/;

const title = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** "every 2 weeks" → 2; absent, zero, fractional or absurd → 1. */
/** What undo takes back after a rule change, with the last entry pushed back (asked before removing). */
export function ruleChangeMemory(turn: Turn, action: LastAction): Memory {
  const pushed = pushedBack(turn.memory.lastLogged);
  return { lastAction: action, ...(pushed ? { lastLogged: pushed } : {}) };
}

function readInterval(turn: Turn): number {
  const n = Number(turn.slot(SlotName.Interval)?.interpreted);
  return Number.isInteger(n) && n >= 1 && n <= 52 ? n : 1;
}

const setRecurring =
  (kind: TransactionKind): IntentHandler =>
  async (turn) => {
    const what = kind === 'expense' ? 'payment' : 'income';
    const categorySlot = turn.slot(SlotName.Category);
    const category = categorySlot ? matchCategory(categorySlot, kind, turn.profile) : null;
    if (!category) {
      const said = categorySlot?.original ?? categorySlot?.interpreted;
      const options = said ? closestCategories(said, kind, turn.profile) : COMMON_CATEGORIES[kind];
      return turn.reply.elicitSlot(
        SlotName.Category,
        [
          plainText(
            said
              ? `I don't have a category called "${said}". Which one is this recurring ${what} for?`
              : kind === 'expense'
                ? 'What is this recurring payment for? For example rent, a subscription or the gym.'
                : 'What kind of income is it: salary, freelance, investment or other?',
          ),
          buttonsCard(
            'Pick a category',
            options.map((c) => ({ text: c, value: c })),
          ),
        ],
        {},
        withoutSlot(turn.intent, SlotName.Category),
      );
    }
    const amountSlot = turn.slot(SlotName.Amount);
    if (!amountSlot) {
      return turn.reply.elicitSlot(SlotName.Amount, [
        plainText(kind === 'expense' ? 'How much is each payment?' : 'How much comes in each time?'),
      ]);
    }
    const amount = readAmount(amountSlot, turn.profile.currency);
    if (!amount.ok) {
      return turn.reply.elicitSlot(
        SlotName.Amount,
        [plainText(`${amount.problem} How much is each ${what}?`)],
        {},
        withoutSlot(turn.intent, SlotName.Amount),
      );
    }

    const dateSlot = turn.slot(SlotName.Date);
    let anchor = dateSlot ? dayOfDateSlot(dateSlotValue(dateSlot), turn.today) : null;
    if (dateSlot && !anchor) {
      return turn.reply.elicitSlot(
        SlotName.Date,
        [
          plainText(
            `I couldn't find "${dateSlot.original ?? ''}" on the calendar. Which day does it fall on?`,
          ),
        ],
        {},
        withoutSlot(turn.intent, SlotName.Date),
      );
    }
    const periodSlot = turn.slot(SlotName.Period);
    const said = periodSlot ? FREQUENCY[periodSlot.interpreted ?? ''] : undefined;
    // "salary 3,200 on the 25th": a day of the month with no period is a monthly one.
    const frequency: RepeatFrequency | undefined = said ?? (anchor ? 'Monthly' : undefined);
    if (!frequency) {
      return turn.reply.elicitSlot(SlotName.Period, [
        plainText('How often does it repeat?'),
        buttonsCard('How often?', [
          { text: 'Every week', value: 'every week' },
          { text: 'Every month', value: 'every month' },
          { text: 'Every year', value: 'every year' },
        ]),
      ]);
    }
    // "every two weeks from friday" said after Friday means the coming one, not the one just gone.
    const words = (dateSlot?.original ?? '').toLowerCase();
    if (
      anchor &&
      anchor < turn.today &&
      frequency !== 'Monthly' &&
      frequency !== 'Yearly' &&
      WEEKDAY_WORD.test(words)
    )
      anchor = addIsoDays(anchor, 7);
    const interval = readInterval(turn);
    const recurrence = recurrenceText({
      frequency,
      interval,
      start: anchor ?? turn.today,
      ...(frequency === 'Monthly' && anchor ? { monthDay: Number(anchor.slice(8, 10)) } : {}),
    });
    // A day said is the first one, even today; with none said, today's has been paid already.
    const nextDue = anchor ? nextOccurrence(recurrence, turn.today) : occurrenceAfter(recurrence, turn.today);
    if (!nextDue)
      return turn.reply.close([plainText("That repeat rule never falls on a day, so I didn't save it.")]);

    const noteSlot = turn.slot(SlotName.Note);
    const name = (noteSlot?.original ?? categorySlot?.original ?? category).trim().toLowerCase();
    const existing = (await turn.recurring.listRecurringRules(turn.userId)).find(
      (r) => r.kind === kind && r.name.toLowerCase() === name,
    );
    turn.writing = true;
    // Saying it again with another amount or day replaces it: "netflix is 17.99 every month now".
    if (existing) await turn.recurring.deleteRecurringRule(turn.userId, existing.id);
    const rule = await turn.recurring.addRecurringRule(turn.userId, {
      name,
      kind,
      amountMinor: amount.minor,
      currency: turn.profile.currency,
      category,
      recurrence,
      nextDue,
      requestId: turn.requestKey,
    });
    const monthly = monthlyCostMinor(rule.recurrence, rule.amountMinor);
    const perMonth =
      frequency === 'Monthly' && interval === 1 ? '' : ` That's about ${turn.money(monthly)} a month.`;
    return turn.reply.close(
      [
        plainText(
          `${existing ? 'Updated' : 'Done'}: ${title(rule.name)}, ${formatMoney(rule.amountMinor, rule.currency)} ` +
            `${describeRecurrence(rule.recurrence)} (${rule.category}${kind === 'income' ? ', income' : ''}). ` +
            `The next one is ${shortDay(nextDue, turn.today)}; I'll log each one on its day.${perMonth}`,
        ),
        buttonsCard('Anything else?', [LIST_BUTTON, DUE_BUTTON]),
      ],
      // A retried turn finds its own rule as "existing": it replaced nothing.
      ruleChangeMemory(turn, {
        type: 'recurringSet',
        ruleId: rule.id,
        replaced: existing && existing.id !== rule.id ? existing : null,
      }),
    );
  };

export const handleSetRecurring = setRecurring('expense');
export const handleSetRecurringIncome = setRecurring('income');

function ruleLine(rule: RecurringRule, today: string): string {
  const sign = rule.kind === 'income' ? '+' : '';
  const when =
    rule.status === 'paused' ? 'paused' : rule.nextDue ? `next ${shortDay(rule.nextDue, today)}` : 'ended';
  return (
    `• ${title(rule.name)}: ${sign}${formatMoney(rule.amountMinor, rule.currency)} ` +
    `${describeRecurrence(rule.recurrence)} — ${when}`
  );
}

/** Monthly totals per currency, of active rules only: "$1,515.99 a month". */
function monthlyTotals(rules: RecurringRule[], kind: TransactionKind): string | null {
  const sums = new Map<string, number>();
  for (const r of rules) {
    if (r.kind !== kind || r.status !== 'active') continue;
    sums.set(r.currency, (sums.get(r.currency) ?? 0) + monthlyCostMinor(r.recurrence, r.amountMinor));
  }
  if (sums.size === 0) return null;
  return [...sums].map(([currency, minor]) => formatMoney(minor, currency)).join(' + ');
}

/** The last day of the period a Date slot names ("this week" → Sunday), or the day itself. */
function periodEnd(from: string, to: string, unit: string | undefined): string {
  if (unit === 'week') return addIsoDays(from, 6);
  if (unit === 'month') return isoDate(lastOfMonth(fromIso(from)));
  if (unit === 'year') return `${from.slice(0, 4)}-12-31`;
  return to;
}

export const handleListRecurring: IntentHandler = async (turn) => {
  const rules = await turn.recurring.listRecurringRules(turn.userId);
  if (rules.length === 0) {
    return turn.reply.close([
      plainText(
        'You have no recurring payments or income yet. Try "my rent is 1,500 every month on the 1st" or "netflix 15.99 every month".',
      ),
    ]);
  }
  const range = rangeOfSlot(turn.slot(SlotName.Date), turn.today);
  if (range) {
    // Bills due in a period: what is still to come in it, from each rule's next due day on.
    const from = range.from > turn.today ? range.from : turn.today;
    const to = periodEnd(range.from, range.to, range.unit);
    const due = rules
      .filter((r) => r.status === 'active' && r.nextDue !== null)
      .flatMap((r) =>
        occurrencesBetween(r.recurrence, r.nextDue! > from ? r.nextDue! : from, to).map((day) => ({
          r,
          day,
        })),
      )
      .sort((a, b) => a.day.localeCompare(b.day));
    const label = range.label.replace(/^in /, '');
    if (due.length === 0)
      return turn.reply.close([plainText(`Nothing is due ${label}.`), buttonsCard('See', [LIST_BUTTON])]);
    const total = new Map<string, number>();
    for (const { r } of due)
      if (r.kind === 'expense') total.set(r.currency, (total.get(r.currency) ?? 0) + r.amountMinor);
    const sum = [...total].map(([c, m]) => formatMoney(m, c)).join(' + ');
    return turn.reply.close([
      ...textChunks([
        `Due ${label}${sum ? ` (${sum} to pay)` : ''}:`,
        ...due.map(
          ({ r, day }) =>
            `• ${shortDay(day, turn.today)}: ${title(r.name)} ${r.kind === 'income' ? '+' : ''}${formatMoney(r.amountMinor, r.currency)}`,
        ),
      ]),
      buttonsCard('See', [LIST_BUTTON]),
    ]);
  }
  const costs = monthlyTotals(rules, 'expense');
  const income = monthlyTotals(rules, 'income');
  const summary = [costs ? `bills ${costs} a month` : '', income ? `income ${income} a month` : '']
    .filter(Boolean)
    .join(', ');
  return turn.reply.close([
    ...textChunks([
      `Your recurring payments and income${summary ? ` (${summary})` : ''}:`,
      ...rules.map((r) => ruleLine(r, turn.today)),
    ]),
    buttonsCard('Anything else?', [DUE_BUTTON]),
  ]);
};

/** The rule the Category slot names: by its name first ("netflix"), then by its category. */
function findRule(turn: Turn, rules: RecurringRule[]): RecurringRule | null {
  const slot = turn.slot(SlotName.Category);
  if (!slot) return rules.length === 1 ? (rules[0] ?? null) : null;
  const words = [slot.original, slot.interpreted].filter((w): w is string => !!w).map((w) => w.toLowerCase());
  return (
    rules.find((r) => words.includes(r.name.toLowerCase())) ??
    rules.find((r) => words.includes(r.category.toLowerCase())) ??
    null
  );
}

function whichOne(turn: Turn, rules: RecurringRule[], verb: string): ReturnType<IntentHandler> {
  const slot = turn.slot(SlotName.Category);
  const said = slot?.original ?? slot?.interpreted;
  if (rules.length === 0) {
    return Promise.resolve(
      turn.reply.close([
        plainText(`You have no recurring payments to ${verb}. Try "netflix 15.99 every month".`),
      ]),
    );
  }
  return Promise.resolve(
    turn.reply.elicitSlot(
      SlotName.Category,
      [
        plainText(
          `${said ? `I found no recurring payment called "${said}". ` : ''}Which one should I ${verb}?`,
        ),
        buttonsCard(
          'Pick one',
          rules.slice(0, 5).map((r) => ({ text: title(r.name), value: r.name })),
        ),
      ],
      {},
      withoutSlot(turn.intent, SlotName.Category),
    ),
  );
}

export const handleCancelRecurring: IntentHandler = async (turn) => {
  const rules = await turn.recurring.listRecurringRules(turn.userId);
  const rule = findRule(turn, rules);
  if (!rule) return whichOne(turn, rules, 'cancel');
  turn.writing = true;
  const removed = await turn.recurring.deleteRecurringRule(turn.userId, rule.id);
  return turn.reply.close(
    [
      plainText(
        `Cancelled ${title(rule.name)} (${formatMoney(rule.amountMinor, rule.currency)} ${describeRecurrence(rule.recurrence)}). ` +
          'Nothing more will be logged for it; entries already logged stay.',
      ),
      buttonsCard('Anything else?', [LIST_BUTTON]),
    ],
    removed ? ruleChangeMemory(turn, { type: 'recurringCancel', rule: removed }) : {},
  );
};

export const handlePauseRecurring: IntentHandler = async (turn) => {
  const resume = turn.slot(SlotName.Action)?.interpreted === RecurringAction.Resume;
  const rules = await turn.recurring.listRecurringRules(turn.userId);
  const rule = findRule(turn, rules);
  if (!rule) return whichOne(turn, rules, resume ? 'resume' : 'pause');
  const name = title(rule.name);
  if (resume) {
    if (rule.status === 'active') return turn.reply.close([plainText(`${name} is not paused.`)]);
    // Days missed while paused stay missed: it carries on from today.
    const next = nextOccurrence(rule.recurrence, turn.today);
    turn.writing = true;
    await turn.recurring.setRecurringRuleStatus(turn.userId, rule.id, 'active', next);
    return turn.reply.close(
      [
        plainText(`Resumed ${name}.${next ? ` The next one is ${shortDay(next, turn.today)}.` : ''}`),
        buttonsCard('Anything else?', [LIST_BUTTON]),
      ],
      ruleChangeMemory(turn, {
        type: 'recurringStatus',
        ruleId: rule.id,
        previous: { status: rule.status, nextDue: rule.nextDue },
      }),
    );
  }
  if (rule.status === 'paused') return turn.reply.close([plainText(`${name} is already paused.`)]);
  turn.writing = true;
  await turn.recurring.setRecurringRuleStatus(turn.userId, rule.id, 'paused', null);
  return turn.reply.close(
    [
      plainText(`Paused ${name}: nothing is logged for it until you say "resume ${rule.name}".`),
      buttonsCard('Anything else?', [{ text: `Resume ${name}`, value: `resume ${rule.name}` }, LIST_BUTTON]),
    ],
    ruleChangeMemory(turn, {
      type: 'recurringStatus',
      ruleId: rule.id,
      previous: { status: rule.status, nextDue: rule.nextDue },
    }),
  );
};

export const recurringIntentHandlers = {
  [IntentName.SetRecurring]: handleSetRecurring,
  [IntentName.SetRecurringIncome]: handleSetRecurringIncome,
  [IntentName.ListRecurring]: handleListRecurring,
  [IntentName.CancelRecurring]: handleCancelRecurring,
  [IntentName.PauseRecurring]: handlePauseRecurring,
} as const;
