/**
 * Undo: take back the last change, whatever it was — the entries of the last message (all of them, when
 * the proxy split one message into several), a correction (the entry goes back as it was), a delete
 * (the entry comes back), a budget set, changed or removed, a currency or time-zone change, a savings
 * goal set, topped up or removed, a recurring payment set up, paused, resumed or cancelled. A second
 * "undo" after an entry offers the one logged before it, with a yes/no (a double tap must not delete two).
 */
import type { LexResponse } from '@budgetbuddy/bot/lex';
import { formatMoney } from '../domain/ledger/money';
import { afterLogging, type LastAction, type LastLogged } from '../lex/memory';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import { EmailAlertSetting, IntentName } from '@budgetbuddy/bot';
import { asIntent, type IntentHandler, type Turn } from './turn';
import { budgetLabel } from './budgetRemoval';
import { askToDelete } from './DeleteTransaction';
import { describeTransaction } from './support/describeTransaction';
import { undoGoalAction, undoRecurringAction } from './support/undoPlans';

const AFTER_UNDO = [Buttons.listTransactions, Buttons.spentThisMonth, Buttons.help];

/** The log memory once `ids` are gone. */
export function forget(memory: LastLogged | null, ids: readonly string[]): LastLogged | null {
  if (!memory) return null;
  const earlier = memory.earlier.filter((e) => !ids.includes(e));
  const transactionId =
    memory.transactionId && ids.includes(memory.transactionId) ? undefined : memory.transactionId;
  if (!transactionId && earlier.length === 0) return null;
  return { ...(transactionId ? { transactionId } : {}), earlier };
}

const done = (turn: Turn, line: string, memory: Parameters<Turn['reply']['close']>[1]): LexResponse =>
  turn.reply.close([plainText(line), buttonsCard('Anything else?', AFTER_UNDO)], memory);

async function undoBudget(turn: Turn, action: Extract<LastAction, { type: 'budget' }>): Promise<LexResponse> {
  const label = budgetLabel(action);
  turn.writing = true;
  if (action.previous) {
    await turn.repo.putBudget(turn.userId, {
      category: action.category,
      period: action.period,
      limitMinor: action.previous.limitMinor,
      currency: action.previous.currency,
      requestId: `${turn.requestKey}:undo`,
    });
  } else {
    await turn.repo.deleteBudget(turn.userId, action.category, action.period);
  }
  const said = action.previous
    ? `Undone: your ${label} is back to ${formatMoney(action.previous.limitMinor, action.previous.currency)}.`
    : `Undone: I removed the ${label} you just set.`;
  return turn.reply.close(
    [plainText(said), buttonsCard('Anything else?', [Buttons.showBudgets, Buttons.help])],
    { lastAction: null },
  );
}

async function undoDelete(turn: Turn, action: Extract<LastAction, { type: 'delete' }>): Promise<LexResponse> {
  const { id, ...was } = action.transaction;
  turn.writing = true;
  const restore = (requestId: string) =>
    turn.repo.logTransaction(turn.userId, { ...was, source: 'chat', requestId });
  const key = `restore:${id}`;
  const first = await restore(key);
  let restored = first.transaction;
  // Deleted and restored before: that copy is gone too, so this is a fresh write.
  if (!first.created && !(await turn.repo.getTransaction(turn.userId, restored.id))) {
    restored = (await restore(`${key}:${turn.requestKey}`.slice(0, 200))).transaction;
  }
  return done(turn, `Undone: I put back ${describeTransaction(restored, turn.today)}.`, {
    lastAction: null,
    lastLogged: afterLogging(turn.memory.lastLogged, restored.id),
  });
}

async function undoEdit(turn: Turn, action: Extract<LastAction, { type: 'edit' }>): Promise<LexResponse> {
  const was = action.transaction;
  turn.writing = true;
  const result = await turn.repo.editTransaction(turn.userId, was.id, {
    amountMinor: was.amountMinor,
    category: was.category,
    date: was.date,
    note: was.note ?? null,
    tags: was.tags ?? [],
  });
  if (!result)
    return done(turn, 'That entry was removed since, so there was nothing to put back.', {
      lastAction: null,
    });
  return done(turn, `Undone: it's back to ${describeTransaction(result.after, turn.today)}.`, {
    lastAction: null,
  });
}

async function undoSetting(
  turn: Turn,
  action: Extract<LastAction, { type: 'setting' }>,
): Promise<LexResponse> {
  turn.writing = true;
  if (action.field === 'currency') {
    await turn.repo.putProfile(turn.userId, { ...turn.profile, currency: action.previous });
    return done(turn, `Undone: I'm back to ${action.previous}.`, { lastAction: null });
  }
  if (action.field === 'emailAlerts') {
    const previous =
      Object.values(EmailAlertSetting).find((s) => s === action.previous) ?? EmailAlertSetting.On;
    await turn.repo.putProfile(turn.userId, { ...turn.profile, emailAlerts: previous });
    return done(turn, 'Undone: your e-mail alert setting is back as it was.', { lastAction: null });
  }
  // Back to following the browser, as before the change.
  const { timeZoneChosen: _chosen, ...profile } = turn.profile;
  await turn.repo.putProfile(turn.userId, { ...profile, timeZone: action.previous });
  return done(turn, `Undone: your time zone is back to ${action.previous}.`, { lastAction: null });
}

async function undoEntries(turn: Turn, ids: readonly string[]): Promise<LexResponse> {
  turn.writing = true;
  const removed = [];
  for (const id of ids) {
    const gone = await turn.repo.deleteTransaction(turn.userId, id);
    if (gone) removed.push(gone);
  }
  const left = forget(turn.memory.lastLogged, ids);
  const line =
    removed.length === 0
      ? 'That entry was already removed.'
      : `Undone: I removed ${removed.map((t) => describeTransaction(t, turn.today)).join(' and ')}.`;
  return done(turn, line, { lastLogged: left, lastAction: null });
}

async function undoTransfer(
  turn: Turn,
  action: Extract<LastAction, { type: 'transfer' }>,
): Promise<LexResponse> {
  turn.writing = true;
  const back = await turn.accounts.deleteTransfer(turn.userId, action.id);
  if (!back) return done(turn, 'That transfer was already taken back.', { lastAction: null });
  const accounts = await turn.accounts.listAccounts(turn.userId);
  const name = (key: string) => accounts.find((a) => a.key === key)?.name ?? key;
  return done(
    turn,
    `Undone: I moved ${formatMoney(back.amountMinor, back.currency)} back from ${name(back.to)} to ${name(back.from)}.`,
    { lastAction: null },
  );
}

export const handleUndo: IntentHandler = async (turn) => {
  const action = turn.memory.lastAction;
  if (action?.type === 'goalSet' || action?.type === 'goalContribution' || action?.type === 'goalDelete') {
    // Only the goal change is taken back: a further "undo" then offers the entry before (asked first).
    return done(turn, await undoGoalAction(turn, action), { lastAction: null });
  }
  if (
    action?.type === 'recurringSet' ||
    action?.type === 'recurringStatus' ||
    action?.type === 'recurringCancel'
  ) {
    return done(turn, await undoRecurringAction(turn, action), { lastAction: null });
  }
  if (action?.type === 'transfer') return undoTransfer(turn, action);
  if (action?.type === 'budget') return undoBudget(turn, action);
  if (action?.type === 'delete') return undoDelete(turn, action);
  if (action?.type === 'edit') return undoEdit(turn, action);
  if (action?.type === 'setting') return undoSetting(turn, action);
  const memory = turn.memory.lastLogged;
  if (action?.type === 'log' && action.ids && action.ids.length > 0) return undoEntries(turn, action.ids);
  if (memory?.transactionId) return undoEntries(turn, [memory.transactionId]);
  // A second "undo": the entry logged before, if this conversation logged one and it is still there.
  for (const id of memory?.earlier ?? []) {
    const earlier = await turn.repo.getTransaction(turn.userId, id);
    if (earlier) {
      // The yes/no goes to DeleteTransaction, which finishes it.
      return askToDelete(
        asIntent(turn, IntentName.DeleteTransaction),
        earlier,
        `Before that you logged ${describeTransaction(earlier, turn.today)}. Remove that one too?`,
        true,
      );
    }
  }
  return turn.reply.close([
    plainText(
      `There's nothing to undo right now. To remove an older entry, say "delete my last transaction".`,
    ),
    buttonsCard('Try', [Buttons.listTransactions, Buttons.help]),
  ]);
};
