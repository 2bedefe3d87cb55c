/**
 * Savings goals by chat (issue 12 point 3): SetGoal, AddToGoal, CheckGoal, DeleteGoal. The Goal slot
 * holds the person's words; the goal meant is found among theirs by those words (domain/ledger/goals).
 * Each goal write is what the next "undo" takes back (the goal set or its old target, the money put
 * toward it, the goal removed); it pushes the last entry back, so a further undo asks before removing it.
 */
import { SlotName } from '@budgetbuddy/bot';
import type { LexResponse } from '@budgetbuddy/bot/lex';
import { describeDay } from '@budgetbuddy/bot/calendar';
import {
  findGoal,
  goalKey,
  goalProgress,
  moneyToReturn,
  type ReturnedMoney,
  type SavingsGoal,
} from '../domain/ledger/goals';
import {
  DEFAULT_ACCOUNT_KEY,
  DEFAULT_ACCOUNT_NAME,
  keepsAccounts,
  type Account,
} from '../domain/ledger/accounts';
import { formatMoney } from '../domain/ledger/money';
import { isCalendarDate } from '../domain/ledger/periods';
import { pushedBack, type LastAction, type Memory } from '../lex/memory';
import { buttonsCard, plainText, textChunks, type Button } from '../lex/messages';
import { withoutSlot, type IntentHandler, type Turn } from './turn';
import { readAmount } from './support/amounts';
import { rangeOfSlot } from './support/dateSlot';
import { goalReachedNotification } from '../alerts/notificationRules';
import { balanceLine, balanceLineAfter, sourceAccountFor } from './accounts';

const EXAMPLE = '"I want to save 2,000 for a trip to japan by june"';

const checkButton = (g: SavingsGoal): Button => ({
  text: `How's ${g.name}?`,
  value: `how is my ${g.name} goal going`,
});
const listButton: Button = { text: 'My goals', value: 'list my goals' };
const balancesButton: Button = { text: 'My balances', value: 'what are my balances' };

/**
 * After a goal write, "undo" takes back that write (`action`) and must not silently take back an older
 * entry: the entry is pushed back, so a further undo asks first.
 */
function goalWriteMemory(turn: Turn, action: LastAction): Memory {
  const pushed = pushedBack(turn.memory.lastLogged);
  return { lastAction: action, ...(pushed ? { lastLogged: pushed } : {}) };
}

const capitalised = (s: string) => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}`;

/** The day a goal aims for: the end of the month or day said, moved into the future ("by june" in December is next June). */
function targetDateOf(turn: Turn): { ok: true; date?: string } | { ok: false } {
  const slot = turn.slot(SlotName.Date);
  if (!slot) return { ok: true };
  const range = rangeOfSlot(slot, turn.today);
  if (!range) return { ok: false };
  let date = range.to;
  while (date < turn.today) {
    const next = `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
    date = isCalendarDate(next) ? next : `${next.slice(0, 8)}28`;
  }
  return { ok: true, date };
}

/** "$300.00 of $2,000.00 saved (15%). $1,700.00 to go — about $242.86 a month to reach it by June 30, 2027." */
function progressLine(g: SavingsGoal, today: string): string {
  const money = (minor: number) => formatMoney(minor, g.currency);
  const p = goalProgress(g, today);
  const head = `${capitalised(g.name)}: ${money(g.savedMinor)} of ${money(g.targetMinor)} saved (${p.percent}%)`;
  if (p.reached) return `${head} — reached! 🎉`;
  if (!g.targetDate || p.perMonthMinor === null) return `${head}, ${money(p.leftMinor)} to go.`;
  const by = describeDay(g.targetDate, today);
  if (p.overdue) return `${head}, ${money(p.leftMinor)} to go; the day you aimed for (${by}) has passed.`;
  const months = p.monthsLeft === 1 ? 'this month' : `${p.monthsLeft} months, this one included`;
  return `${head}, ${money(p.leftMinor)} to go — about ${money(p.perMonthMinor)} a month to reach it by ${by} (${months}).`;
}

/** The goal the Goal slot names, or the only one; otherwise a reply asking which. */
async function chosenGoal(
  turn: Turn,
  verb: string,
): Promise<{ goal: SavingsGoal; goals: SavingsGoal[] } | { reply: LexResponse }> {
  const goals = await turn.goals.listGoals(turn.userId);
  if (goals.length === 0) {
    return {
      reply: turn.reply.close([
        plainText(`You don't have any savings goals yet. To set one, say ${EXAMPLE}.`),
      ]),
    };
  }
  const slot = turn.slot(SlotName.Goal);
  const said = slot?.original ?? slot?.interpreted ?? '';
  const found = said ? findGoal(goals, said) : goals.length === 1 ? goals[0]! : null;
  if (found) return { goal: found, goals };
  const names = goals.map((g) => g.name).join(', ');
  const lead = said ? `You don't have a goal called "${said}". ` : '';
  return {
    reply: turn.reply.elicitSlot(
      SlotName.Goal,
      [
        plainText(`${lead}Which goal ${verb}? Yours are: ${names}.`),
        buttonsCard(
          'Pick a goal',
          goals.slice(0, 5).map((g) => ({ text: g.name, value: g.name })),
        ),
      ],
      {},
      withoutSlot(turn.intent, SlotName.Goal),
    ),
  };
}

export const handleSetGoal: IntentHandler = async (turn) => {
  const goalSlot = turn.slot(SlotName.Goal);
  const name = goalSlot?.original ?? goalSlot?.interpreted ?? '';
  if (!name) {
    return turn.reply.elicitSlot(SlotName.Goal, [
      plainText('What are you saving for? For example "a trip to japan" or "a new car".'),
    ]);
  }
  const amountSlot = turn.slot(SlotName.Amount);
  if (!amountSlot) {
    return turn.reply.elicitSlot(SlotName.Amount, [plainText(`How much do you want to save for ${name}?`)]);
  }
  const amount = readAmount(amountSlot, turn.profile.currency);
  if (!amount.ok) {
    return turn.reply.elicitSlot(
      SlotName.Amount,
      [plainText(`${amount.problem} How much do you want to save for ${name}?`)],
      {},
      withoutSlot(turn.intent, SlotName.Amount),
    );
  }
  const target = targetDateOf(turn);
  if (!target.ok) {
    return turn.reply.elicitSlot(
      SlotName.Date,
      [plainText(`By when would you like to reach it? A month like "june" or a date works.`)],
      {},
      withoutSlot(turn.intent, SlotName.Date),
    );
  }
  turn.writing = true;
  // What "undo" puts back: the goal as it was, or nothing when it is new.
  const before = await turn.goals.getGoal(turn.userId, goalKey(name));
  const { goal, created } = await turn.goals.putGoal(turn.userId, {
    name,
    targetMinor: amount.minor,
    currency: turn.profile.currency,
    ...(target.date ? { targetDate: target.date } : {}),
  });
  const p = goalProgress(goal, turn.today);
  const by = goal.targetDate ? ` by ${describeDay(goal.targetDate, turn.today)}` : '';
  const lines = [
    created
      ? `Done: a goal of ${turn.money(goal.targetMinor)} for ${goal.name}${by}.`
      : `Updated: your ${goal.name} goal is now ${turn.money(goal.targetMinor)}${by}, with ${turn.money(goal.savedMinor)} saved so far.`,
  ];
  if (p.perMonthMinor !== null && !p.overdue) {
    lines.push(
      `That's about ${turn.money(p.perMonthMinor)} a month (${p.monthsLeft === 1 ? 'this month' : `${p.monthsLeft} months, this one included`}).`,
    );
  }
  lines.push(`When you put money aside, say "put 100 toward ${goal.name}".`);
  return turn.reply.close(
    [plainText(lines.join(' ')), buttonsCard('Anything else?', [checkButton(goal), listButton])],
    goalWriteMemory(turn, { type: 'goalSet', key: goal.key, previous: created ? null : before }),
  );
};

export const handleAddToGoal: IntentHandler = async (turn) => {
  const amountSlot = turn.slot(SlotName.Amount);
  if (!amountSlot) {
    return turn.reply.elicitSlot(SlotName.Amount, [plainText('How much are you putting toward it?')]);
  }
  const amount = readAmount(amountSlot, turn.profile.currency);
  if (!amount.ok) {
    return turn.reply.elicitSlot(
      SlotName.Amount,
      [plainText(`${amount.problem} How much are you putting toward it?`)],
      {},
      withoutSlot(turn.intent, SlotName.Amount),
    );
  }
  const chosen = await chosenGoal(turn, 'is it for');
  if ('reply' in chosen) return chosen.reply;
  // The money leaves an account (the one named, or the default) in the same write, like a transfer.
  const source = await sourceAccountFor(turn, 'Which account is the money coming from?');
  if (!source.ok) return source.reply;
  const { account } = source;
  turn.writing = true;
  const result = await turn.goals.contributeToGoal(turn.userId, {
    goalKey: chosen.goal.key,
    amountMinor: amount.minor,
    currency: turn.profile.currency,
    requestId: turn.requestKey,
    ...(account ? { account: account.key } : {}),
  });
  if (!result) {
    return turn.reply.close([plainText(`Your ${chosen.goal.name} goal is gone, so nothing was added.`)]);
  }
  const { goal } = result;
  const lines = [
    account
      ? `Added ${turn.money(amount.minor)} to ${goal.name} from ${account.name} (neither spending nor income). ${balanceLineAfter(turn, account, result.created ? -amount.minor : 0)}.`
      : `Added ${turn.money(amount.minor)} to ${goal.name}.`,
    progressLine(goal, turn.today),
  ];
  if (result.reachedNow) {
    // Kept for the overview too; the contribution is saved, so a failure here is only logged.
    await turn.notifications
      .notifyOnce(turn.userId, goalReachedNotification(goal, turn.clock.now()))
      .catch((err: unknown) => turn.logError('Goal notification skipped', { error: String(err) }));
    lines.push(
      `🎉 You reached your ${goal.name} goal of ${formatMoney(goal.targetMinor, goal.currency)}. Well done!`,
    );
  }
  return turn.reply.close(
    [...textChunks(lines), buttonsCard('Anything else?', [checkButton(goal), listButton])],
    goalWriteMemory(turn, { type: 'goalContribution', requestId: turn.requestKey, name: goal.name }),
  );
};

export const handleCheckGoal: IntentHandler = async (turn) => {
  const slot = turn.slot(SlotName.Goal);
  if (slot) {
    const chosen = await chosenGoal(turn, 'do you mean');
    if ('reply' in chosen) return chosen.reply;
    return turn.reply.close([
      plainText(progressLine(chosen.goal, turn.today)),
      buttonsCard('Anything else?', [
        { text: 'Put money toward it', value: `put 100 toward ${chosen.goal.name}` },
        listButton,
      ]),
    ]);
  }
  const goals = await turn.goals.listGoals(turn.userId);
  if (goals.length === 0) {
    return turn.reply.close([plainText(`You don't have any savings goals yet. To set one, say ${EXAMPLE}.`)]);
  }
  return turn.reply.close([
    ...textChunks([
      `Your savings goal${goals.length === 1 ? '' : 's'}:`,
      ...goals.map((g) => progressLine(g, turn.today)),
    ]),
    buttonsCard('Anything else?', goals.slice(0, 3).map(checkButton)),
  ]);
};

/**
 * Where a removed goal's money goes (issue 12): each account its share came from, and what no account
 * is recorded for to the default one, where unnamed entries go. Someone who keeps no accounts moved no
 * balance putting money aside, so none moves back.
 */
async function returnAccounts(turn: Turn): Promise<{ accounts: Account[]; returnTo?: string }> {
  const accounts = await turn.accounts.listAccounts(turn.userId);
  if (!keepsAccounts(accounts)) return { accounts };
  return { accounts, returnTo: turn.profile.defaultAccount ?? DEFAULT_ACCOUNT_KEY };
}

const accountName = (accounts: readonly Account[], key: string): string =>
  accounts.find((a) => a.key === key)?.name ?? (key === DEFAULT_ACCOUNT_KEY ? DEFAULT_ACCOUNT_NAME : key);

/**
 * "$300.00 goes back to Savings and $50.00 to Main account": `lead` before the first account ("goes back
 * to", "came out of"), `link` before the others ("to", "out of").
 */
export function returnedPhrase(
  returned: readonly ReturnedMoney[],
  accounts: readonly Account[],
  currency: string,
  lead: string,
  link: string,
): string | null {
  const parts = returned
    .filter((r) => r.amountMinor > 0)
    .map(
      (r, i) =>
        `${formatMoney(r.amountMinor, currency)} ${i === 0 ? lead : link} ${accountName(accounts, r.account)}`,
    );
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

export const handleDeleteGoal: IntentHandler = async (turn) => {
  const chosen = await chosenGoal(turn, 'should I remove');
  if ('reply' in chosen) return chosen.reply;
  const { goal } = chosen;
  const answer = turn.intent.confirmationState;
  if (answer === 'Denied') return turn.reply.close([plainText(`OK, I kept your ${goal.name} goal.`)]);
  const { accounts, returnTo } = await returnAccounts(turn);
  if (answer !== 'Confirmed') {
    const back = returnedPhrase(moneyToReturn(goal, returnTo), accounts, goal.currency, 'goes back to', 'to');
    return turn.reply.confirm([
      plainText(
        `Remove your ${goal.name} goal (${formatMoney(goal.savedMinor, goal.currency)} of ${formatMoney(goal.targetMinor, goal.currency)} saved)? ` +
          (back ? `${capitalised(back)}. ` : '') +
          'Your transactions stay as they are.',
      ),
      buttonsCard('Remove it?', [
        { text: 'Yes', value: 'yes' },
        { text: 'No', value: 'no' },
      ]),
    ]);
  }
  turn.writing = true;
  // The goal goes and its money goes back to the accounts in one write.
  const removed = await turn.goals.deleteGoal(turn.userId, goal.key, returnTo);
  if (!removed) {
    return turn.reply.close([
      plainText(`Your ${goal.name} goal was already gone.`),
      buttonsCard('Anything else?', [listButton]),
    ]);
  }
  const back = returnedPhrase(removed.returned, accounts, removed.goal.currency, 'went back to', 'to');
  const after = back ? await turn.accounts.listAccounts(turn.userId) : [];
  const balances = removed.returned
    .map((r) => after.find((a) => a.key === r.account))
    .filter((a): a is Account => a !== undefined)
    .map(balanceLine);
  return turn.reply.close(
    [
      plainText(
        `Removed your ${removed.goal.name} goal${back ? `; ${back}` : ''}.` +
          (balances.length ? ` ${balances.join('; ')}.` : ''),
      ),
      buttonsCard('Anything else?', back ? [listButton, balancesButton] : [listButton]),
    ],
    goalWriteMemory(turn, { type: 'goalDelete', goal: removed.goal, returned: removed.returned }),
  );
};
