/**
 * Each person's own categories (issue 12 point 4): "add a category called Pets", "rename Food to Eating
 * out", "merge Coffee into Food", "what are my categories". The names come as the person said them
 * (CategoryNameType is ORIGINAL_VALUE) and are checked here against their own list.
 *
 * Renaming and merging move the entries and the budgets. Entries move in bounded batches, each entry in
 * its own atomic edit (rollups included), so a move that stops half-way loses nothing and saying it
 * again finishes it: the profile records the move first, and a second run finds only what is left.
 */
import { IntentName, SlotName } from '@budgetbuddy/bot';
import type { LexResponse } from '@budgetbuddy/bot/lex';
import type { UserProfile } from '../domain/ledger';
import { BUDGET_PERIODS } from '../domain/ledger/budgets';
import {
  addCustomCategory,
  canonicalCategory,
  categoryKey,
  ownCategories,
  validateCategoryName,
} from '../domain/ledger/categories';
import { LedgerError } from '../domain/ledger/errors';
import { buttonsCard, Buttons, plainText } from '../lex/messages';
import { categoriesFor, closestCategories } from './support/categoryChoice';
import { withoutSlot, type IntentHandler, type Turn } from './turn';

/** Entries read and moved per batch; a turn moves at most MAX_MOVED_PER_TURN (then says to go on). */
const BATCH = 100;
export const MAX_MOVED_PER_TURN = 2000;
const ALL_FROM = '1970-01-01';
const ALL_TO = '2999-12-31';

const said = (turn: Turn, name: SlotName): string | null => {
  const slot = turn.slot(name);
  const words = (slot?.original ?? slot?.interpreted ?? '').trim().replace(/^(?:the|my|a)\s+/i, '');
  return words === '' ? null : words;
};

/** The person's expense category these words name (their own spelling wins), or null. */
function ownCategory(profile: UserProfile, words: string): string | null {
  const hit = canonicalCategory(words, 'expense', profile.customCategories);
  return hit && categoriesFor('expense', profile).includes(hit) ? hit : null;
}

function categoryButtons(turn: Turn, words: string) {
  return buttonsCard(
    'Your categories',
    closestCategories(words, 'expense', turn.profile).map((c) => ({ text: c, value: c })),
  );
}

function unknownCategory(turn: Turn, words: string, slot: SlotName, what: string): LexResponse {
  return turn.reply.elicitSlot(
    slot,
    [
      plainText(`You don't have a category called "${words}", so nothing changed. ${what}`),
      categoryButtons(turn, words),
    ],
    {},
    withoutSlot(turn.intent, slot),
  );
}

function validName(words: string): { ok: true; name: string } | { ok: false; problem: string } {
  try {
    return { ok: true, name: validateCategoryName(words) };
  } catch (err) {
    if (err instanceof LedgerError) return { ok: false, problem: err.message };
    throw err;
  }
}

/**
 * The name said for a new category, or the question that asks for it again when none (or an unusable
 * one) was said: the same for expense and income categories.
 */
function newCategoryName(turn: Turn, question: string): { name: string } | { ask: LexResponse } {
  const words = said(turn, SlotName.Category);
  if (!words) return { ask: turn.reply.elicitSlot(SlotName.Category, [plainText(question)]) };
  const valid = validName(words);
  if (valid.ok) return { name: valid.name };
  return {
    ask: turn.reply.elicitSlot(
      SlotName.Category,
      [plainText(`${valid.problem} What should it be called?`)],
      {},
      withoutSlot(turn.intent, SlotName.Category),
    ),
  };
}

const listLine = (profile: UserProfile): string => {
  const all = categoriesFor('expense', profile);
  const own = new Set(profile.customCategories.map(categoryKey));
  return all.map((c) => (own.has(categoryKey(c)) ? `${c} (yours)` : c)).join(', ');
};

export const handleListCategories: IntentHandler = async (turn) => {
  const ownIncome = new Set(ownCategories('income', turn.profile).map(categoryKey));
  const income = categoriesFor('income', turn.profile)
    .map((c) => (ownIncome.has(categoryKey(c)) ? `${c} (yours)` : c))
    .join(', ');
  return turn.reply.close([
    plainText(`Your spending categories: ${listLine(turn.profile)}.\nIncome: ${income}.`),
    buttonsCard('Anything else?', [
      { text: 'Add a category', value: 'add a category' },
      Buttons.spentThisMonth,
      Buttons.help,
    ]),
  ]);
};

export const handleAddCategory: IntentHandler = async (turn) => {
  const valid = newCategoryName(turn, 'What should the new category be called? For example Pets.');
  if ('ask' in valid) return valid.ask;
  const existing = ownCategory(turn.profile, valid.name);
  if (existing) {
    return turn.reply.close([
      plainText(`You already have ${existing}. Log to it like "spent 20 on ${existing.toLowerCase()}".`),
      buttonsCard('Anything else?', [
        { text: 'My categories', value: 'what are my categories' },
        Buttons.help,
      ]),
    ]);
  }
  const moves = { ...(turn.profile.categoryMoves ?? {}) };
  // Adding back a name that was renamed or merged away makes it a category again.
  for (const from of Object.keys(moves))
    if (categoryKey(from) === categoryKey(valid.name)) delete moves[from];
  const customCategories = addCustomCategory(turn.profile.customCategories, valid.name);
  const name =
    customCategories.find((c) => categoryKey(c) === categoryKey(valid.name)) ??
    canonicalCategory(valid.name, 'expense') ??
    valid.name;
  turn.writing = true;
  await turn.repo.putProfile(turn.userId, { ...turn.profile, customCategories, categoryMoves: moves });
  return turn.reply.close([
    plainText(
      `Added the category ${name}. Try "spent 20 on ${name.toLowerCase()}" or "set a ${name.toLowerCase()} budget of 100".`,
    ),
    buttonsCard('Anything else?', [
      { text: 'My categories', value: 'what are my categories' },
      Buttons.logExpense,
    ]),
  ]);
};

/**
 * Moves every entry of `from` to `to`, batch by batch, each entry in one atomic edit. Returns how
 * many moved this time and whether any are left (over MAX_MOVED_PER_TURN).
 */
async function moveEntries(turn: Turn, from: string, to: string): Promise<{ moved: number; more: boolean }> {
  let moved = 0;
  while (moved < MAX_MOVED_PER_TURN) {
    const rows = await turn.repo.listByRange(turn.userId, {
      from: ALL_FROM,
      to: ALL_TO,
      category: from,
      limit: BATCH,
    });
    if (rows.length === 0) return { moved, more: false };
    for (const row of rows) {
      // Another turn may have moved or removed it meanwhile: editTransaction then changes nothing.
      const result = await turn.repo.editTransaction(turn.userId, row.id, { category: to });
      if (result && categoryKey(result.before.category) === categoryKey(from)) moved += 1;
    }
  }
  return { moved, more: true };
}

/** Moves the budgets of `from` to `to`; a budget `to` already has wins (the merged one is removed). */
async function moveBudgets(
  turn: Turn,
  from: string,
  to: string,
): Promise<{ moved: number; dropped: number }> {
  let moved = 0;
  let dropped = 0;
  for (const period of BUDGET_PERIODS) {
    const budget = await turn.repo.getBudget(turn.userId, from, period);
    if (!budget) continue;
    const kept = await turn.repo.getBudget(turn.userId, to, period);
    if (!kept) {
      await turn.repo.putBudget(turn.userId, {
        category: to,
        period,
        limitMinor: budget.limitMinor,
        currency: budget.currency,
        requestId: `${turn.requestKey}:budget:${period}`.slice(0, 200),
      });
      moved += 1;
    } else dropped += 1;
    await turn.repo.deleteBudget(turn.userId, from, period);
  }
  return { moved, dropped };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Rename and merge: the same move, told differently. */
async function moveCategory(turn: Turn, mode: 'rename' | 'merge'): Promise<LexResponse> {
  const fromWords = said(turn, SlotName.Category);
  if (!fromWords) {
    return turn.reply.elicitSlot(SlotName.Category, [
      plainText(
        mode === 'rename' ? 'Which category should I rename?' : 'Which category should I merge into another?',
      ),
      categoryButtons(turn, ''),
    ]);
  }
  // Saying it again after a move that stopped half-way finishes it.
  const movedBefore = Object.entries(turn.profile.categoryMoves ?? {}).find(
    ([old]) => categoryKey(old) === categoryKey(fromWords),
  );
  const from = ownCategory(turn.profile, fromWords) ?? movedBefore?.[0] ?? null;
  if (!from) return unknownCategory(turn, fromWords, SlotName.Category, `Which one did you mean?`);
  const toWords = said(turn, SlotName.NewCategory);
  if (!toWords) {
    return turn.reply.elicitSlot(SlotName.NewCategory, [
      plainText(
        mode === 'rename' ? `What should ${from} be called?` : `Which category should ${from} go into?`,
      ),
      ...(mode === 'merge' ? [categoryButtons(turn, '')] : []),
    ]);
  }
  let to: string;
  let customCategories = turn.profile.customCategories.filter((c) => categoryKey(c) !== categoryKey(from));
  if (mode === 'merge') {
    const target = ownCategory(turn.profile, toWords);
    if (!target)
      return unknownCategory(turn, toWords, SlotName.NewCategory, `Which category should ${from} go into?`);
    to = target;
  } else {
    const valid = validName(toWords);
    if (!valid.ok) {
      return turn.reply.elicitSlot(
        SlotName.NewCategory,
        [plainText(`${valid.problem} What should ${from} be called?`)],
        {},
        withoutSlot(turn.intent, SlotName.NewCategory),
      );
    }
    const existing = ownCategory(turn.profile, valid.name);
    if (existing && categoryKey(existing) !== categoryKey(from)) {
      return turn.reply.close([
        plainText(
          `You already have ${existing}. To put ${from} into it, say "merge ${from} into ${existing}".`,
        ),
        buttonsCard('Merge?', [{ text: `Merge into ${existing}`, value: `merge ${from} into ${existing}` }]),
      ]);
    }
    to = canonicalCategory(valid.name, 'expense') ?? valid.name;
    customCategories = addCustomCategory(customCategories, to);
  }
  if (categoryKey(from) === categoryKey(to)) {
    return turn.reply.close([plainText(`That's already ${from} — nothing to change.`)]);
  }
  // The move is recorded first: new entries go to the new name at once, and a second run finishes it.
  const moves = Object.fromEntries(
    Object.entries(turn.profile.categoryMoves ?? {})
      .filter(([old]) => categoryKey(old) !== categoryKey(to))
      .map(([old, target]) => [old, categoryKey(target) === categoryKey(from) ? to : target]),
  );
  // A default category keeps a record of where it went; a person's own one is simply gone from the list.
  moves[from] = to;
  turn.writing = true;
  await turn.repo.putProfile(turn.userId, { ...turn.profile, customCategories, categoryMoves: moves });
  const entries = await moveEntries(turn, from, to);
  const budgets = await moveBudgets(turn, from, to);
  const done = mode === 'rename' ? `Renamed ${from} to ${to}` : `Merged ${from} into ${to}`;
  const parts = [
    `${done}: ${plural(entries.moved, 'entry', 'entries')} moved`,
    budgets.moved > 0 ? `, and its ${plural(budgets.moved, 'budget')}` : '',
    budgets.dropped > 0
      ? ` (${to} already had a budget for the same period, so I kept that one and removed ${from}'s)`
      : '',
    '.',
  ];
  const more = entries.more
    ? ` There are more entries to move: say "${mode === 'rename' ? `rename ${from} to ${to}` : `merge ${from} into ${to}`}" again to carry on.`
    : '';
  return turn.reply.close([
    plainText(parts.join('') + more),
    buttonsCard('Anything else?', [
      { text: 'My categories', value: 'what are my categories' },
      Buttons.spentThisMonth,
    ]),
  ]);
}

/**
 * "add an income category Tutoring": an income category of the person's own, kept apart from their
 * spending ones, so "got 60 from tutoring" files income there and "how much did I earn from tutoring"
 * reads it back.
 */
export const handleAddIncomeCategory: IntentHandler = async (turn) => {
  const valid = newCategoryName(turn, 'What should the new income category be called? For example Tutoring.');
  if ('ask' in valid) return valid.ask;
  const mine = ownCategories('income', turn.profile);
  const existing = canonicalCategory(valid.name, 'income', mine);
  if (existing) {
    return turn.reply.close([
      plainText(
        `You already have ${existing} for income. Log to it like "got 60 from ${existing.toLowerCase()}".`,
      ),
      buttonsCard('Anything else?', [
        { text: 'My categories', value: 'what are my categories' },
        Buttons.help,
      ]),
    ]);
  }
  const customIncomeCategories = addCustomCategory(mine, valid.name, 'income');
  const name = customIncomeCategories.find((c) => categoryKey(c) === categoryKey(valid.name)) ?? valid.name;
  turn.writing = true;
  await turn.repo.putProfile(turn.userId, { ...turn.profile, customIncomeCategories });
  const word = name.toLowerCase();
  return turn.reply.close([
    plainText(
      `Added the income category ${name}. Try "got 60 from ${word}" or "how much did I earn from ${word} this month".`,
    ),
    buttonsCard('Anything else?', [{ text: 'My categories', value: 'what are my categories' }, Buttons.help]),
  ]);
};

export const handleRenameCategory: IntentHandler = (turn) => moveCategory(turn, 'rename');
export const handleMergeCategory: IntentHandler = (turn) => moveCategory(turn, 'merge');

export const categoryIntentHandlers = {
  [IntentName.AddCategory]: handleAddCategory,
  [IntentName.AddIncomeCategory]: handleAddIncomeCategory,
  [IntentName.RenameCategory]: handleRenameCategory,
  [IntentName.MergeCategory]: handleMergeCategory,
  [IntentName.ListCategories]: handleListCategories,
} satisfies Partial<Record<IntentName, IntentHandler>>;
