/**
 * Accounts by chat (issue 12 point 1): AddAccount, QueryBalance, TransferMoney, SetJarSplit, and the
 * account an entry is logged to (accountFor, used by LogExpense and LogIncome). The Account slots carry
 * the bot's reading of the account said; whether the person has it is checked here, against theirs.
 */
import { SlotName, accountWords, listedAccountOf } from '@budgetbuddy/bot';
import type { LexResponse } from '@budgetbuddy/bot/lex';
import {
  DEFAULT_ACCOUNT_KEY,
  DEFAULT_ACCOUNT_NAME,
  JAR_NAMES,
  STANDARD_JAR_SPLIT,
  accountKey,
  accountTypeOfName,
  balanceOf,
  findAccount,
  jarShares,
  keepsAccounts,
  parseJarPercentages,
  type Account,
  type JarShare,
} from '../domain/ledger/accounts';
import { formatMoney } from '../domain/ledger/money';
import { pushedBack, type Memory } from '../lex/memory';
import { buttonsCard, plainText, textChunks, type Button } from '../lex/messages';
import { withoutSlot, type IntentHandler, type Turn } from './turn';
import { readAmount } from './support/amounts';

/** "a cash account", "an amex account". */
const withArticle = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word.toLowerCase()}`;

const balancesButton: Button = { text: 'My balances', value: 'what are my balances' };
const ADD_EXAMPLE = '"I have 2,500 in my checking account" or "add a cash wallet with 200"';

/** After an account write, "undo" must not silently take back an older entry: it is pushed back. */
function accountWriteMemory(turn: Turn): Memory {
  const pushed = pushedBack(turn.memory.lastLogged);
  return { lastAction: null, ...(pushed ? { lastLogged: pushed } : {}) };
}

/** "Visa: you owe $60.00", "Cash: $240.00". A credit card's negative balance is money owed. */
export function balanceLine(account: Account): string {
  const balance = balanceOf(account);
  const money = (minor: number) => formatMoney(minor, account.currency);
  if (account.type === 'credit') {
    if (balance < 0) return `${account.name} (credit card): you owe ${money(-balance)}`;
    if (balance === 0) return `${account.name} (credit card): nothing owed`;
    return `${account.name} (credit card): ${money(balance)} in credit`;
  }
  return `${account.name}: ${money(balance)}`;
}

/**
 * The account a slot names, read as Lex sends an ORIGINAL_VALUE slot (issue 12 point 1): the words said
 * are checked against the person's own accounts first ("chase" is their Chase), then read as a listed
 * kind only when they name one exactly ("my wallet" is Cash). Lex's own resolution is never trusted for
 * other words, so "chase" cannot land in Cash: a name they lack is asked about instead.
 * `said` is the name to speak of: the listed kind, or their words ("Chase").
 */
function readAccount(
  turn: Turn,
  slot: SlotName,
  accounts: readonly Account[],
): { said: string; account: Account | null } | null {
  const reading = turn.slot(slot);
  const words = accountWords(reading?.original ?? reading?.interpreted ?? '');
  if (!words) return null;
  const own = findAccount(accounts, words);
  if (own) return { said: own.name, account: own };
  const listed = listedAccountOf(words);
  if (listed) return { said: listed, account: resolve(accounts, listed) };
  return { said: ownName(words), account: null };
}

/** A name of the person's own as an account's name: "chase account" → "Chase" (a card stays a card). */
function ownName(words: string): string {
  const name = words.replace(/\s+(?:account|acct)$/i, '').trim() || words;
  return name === name.toLowerCase()
    ? name.replace(/(^|\s)(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase())
    : name;
}

/** The person's account the words mean; the default account is always there to be named. */
function resolve(accounts: readonly Account[], said: string): Account | null {
  const found = findAccount(accounts, said);
  if (found) return found;
  if (accountKey(said).replace(/\s*account$/, '') === DEFAULT_ACCOUNT_KEY) {
    return {
      key: DEFAULT_ACCOUNT_KEY,
      name: DEFAULT_ACCOUNT_NAME,
      type: 'checking',
      currency: '',
      openingMinor: 0,
      balances: {},
      createdAt: '',
    };
  }
  return null;
}

/**
 * Buttons for the person's accounts, their values said with `link`. The unnamed default ("Main
 * account") is offered only while unnamed entries go there: once the person has one of their own
 * ("When you don't name an account, I'll use Checking"), a second, hidden default would only take
 * money out of sight of the balances they keep (found walking issue 12 in the browser).
 */
function accountButtons(turn: Turn, accounts: readonly Account[], link = '', skip?: string): Button[] {
  const names = [...accounts.map((a) => a.name)];
  if (!turn.profile.defaultAccount && !accounts.some((a) => a.key === DEFAULT_ACCOUNT_KEY))
    names.unshift(DEFAULT_ACCOUNT_NAME);
  return names
    .filter((n) => accountKey(n) !== skip)
    .slice(0, 5)
    .map((n) => ({ text: n, value: `${link}${n}`.toLowerCase() }));
}

/** An account the person named but lacks: asked about with theirs as buttons; nothing moves. */
function askForAccount(
  turn: Turn,
  said: string,
  question: string,
  accounts: readonly Account[],
): LexResponse {
  return turn.reply.elicitSlot(
    SlotName.Account,
    [
      plainText(
        `You don't have ${withArticle(said)} account yet. ${question} (To add one, say "add my ${said.toLowerCase()} with 200".)`,
      ),
      buttonsCard('Pick an account', accountButtons(turn, accounts)),
    ],
    {},
    withoutSlot(turn.intent, SlotName.Account),
  );
}

/**
 * The account an entry goes to: the one the Account slot names, or the person's default. A name they
 * do not have is asked about, with their accounts as buttons; nothing is logged until it is settled.
 */
export async function accountFor(
  turn: Turn,
  question: string,
): Promise<{ ok: true; account?: Account; key?: string } | { ok: false; reply: LexResponse }> {
  if (!turn.slot(SlotName.Account))
    return { ok: true, ...(turn.profile.defaultAccount ? { key: turn.profile.defaultAccount } : {}) };
  const accounts = await turn.accounts.listAccounts(turn.userId);
  const read = readAccount(turn, SlotName.Account, accounts);
  if (!read)
    return { ok: true, ...(turn.profile.defaultAccount ? { key: turn.profile.defaultAccount } : {}) };
  const { said, account } = read;
  if (account) return { ok: true, account, key: account.key };
  return { ok: false, reply: askForAccount(turn, said, question, accounts) };
}

/**
 * The account money put toward a goal leaves (issue 12 point 3): the one the Account slot names, or
 * where the chat files unnamed entries (the person's default). Someone who keeps no accounts moves no
 * balance (`account` absent). A name they do not have is asked about, with theirs as buttons.
 */
export async function sourceAccountFor(
  turn: Turn,
  question: string,
): Promise<{ ok: true; account?: Account } | { ok: false; reply: LexResponse }> {
  const accounts = await turn.accounts.listAccounts(turn.userId);
  const read = readAccount(turn, SlotName.Account, accounts);
  if (!read) {
    if (!keepsAccounts(accounts)) return { ok: true };
    const key = turn.profile.defaultAccount ?? DEFAULT_ACCOUNT_KEY;
    const account = accounts.find((a) => a.key === key) ?? resolve(accounts, key);
    return account ? { ok: true, account } : { ok: true };
  }
  const { said, account } = read;
  if (account) return { ok: true, account };
  return { ok: false, reply: askForAccount(turn, said, question, accounts) };
}

/** "Savings: $4,700.00" after `deltaMinor` moved it (the default account not yet opened has no currency). */
export function balanceLineAfter(turn: Turn, account: Account, deltaMinor: number): string {
  const currency = account.currency || turn.profile.currency;
  const after = { ...account, currency, balances: { ...account.balances } };
  after.balances[currency] = balanceOf(after) + deltaMinor;
  return balanceLine(after);
}

/** What an entry did to its account, said after "Logged …": a card's debt, or the jars filled. */
export function accountLines(
  turn: Turn,
  account: Account | undefined,
  kind: 'expense' | 'income',
  amountMinor: number,
  jars: readonly JarShare[] | undefined,
): string[] {
  const lines: string[] = [];
  if (account && account.currency) {
    const after = { ...account, balances: { ...account.balances } };
    after.balances[after.currency] = balanceOf(account) + (kind === 'income' ? amountMinor : -amountMinor);
    lines.push(
      account.type === 'credit' && kind === 'expense'
        ? `Spending on a credit card adds to what you owe: ${balanceLine(after)}.`
        : `${balanceLine(after)}.`,
    );
  }
  if (kind === 'income' && jars && jars.length > 0) {
    const shares = jarShares(amountMinor, jars);
    if (shares.length > 0) {
      const named = new Map(JAR_NAMES.map((n) => [accountKey(n), n]));
      lines.push(
        `Into your jars: ${shares.map((s) => `${named.get(s.account) ?? s.account} ${turn.money(s.minor)}`).join(', ')}.`,
      );
    }
  }
  return lines;
}

export const handleAddAccount: IntentHandler = async (turn) => {
  const read = readAccount(turn, SlotName.Account, await turn.accounts.listAccounts(turn.userId));
  const said = read?.account?.name ?? read?.said;
  if (!said) {
    return turn.reply.elicitSlot(SlotName.Account, [
      plainText('Which account is it? Cash, checking, savings or a credit card?'),
    ]);
  }
  const amountSlot = turn.slot(SlotName.Amount);
  let amountMinor = 0;
  if (amountSlot) {
    const amount = readAmount(amountSlot, turn.profile.currency);
    if (!amount.ok) {
      return turn.reply.elicitSlot(
        SlotName.Amount,
        [plainText(`${amount.problem} How much is in it now?`)],
        {},
        withoutSlot(turn.intent, SlotName.Amount),
      );
    }
    amountMinor = amount.minor;
  }
  // "a savings account called rainy day": the kind said, not the name, gives the type.
  const kindSlot = turn.slot(SlotName.AccountKind);
  const kind = listedAccountOf(kindSlot?.original ?? kindSlot?.interpreted ?? '');
  const type = accountTypeOfName(kind ?? said);
  turn.writing = true;
  const { account, created } = await turn.accounts.addAccount(turn.userId, {
    name: said,
    type,
    currency: turn.profile.currency,
    // A card's balance is what is owed on it: less than nothing.
    openingMinor: type === 'credit' ? -amountMinor : amountMinor,
  });
  const lines: string[] = [];
  if (!created) {
    lines.push(
      `You already have that account. ${balanceLine(account)}. Money in or out of it is logged with it ("spent 20 on lunch with ${account.name.toLowerCase()}").`,
    );
  } else {
    lines.push(
      type === 'credit'
        ? `Added your ${account.name} card${amountMinor ? `: you owe ${turn.money(amountMinor)} on it` : ''}. Spending on it adds to what you owe.`
        : `Added your ${account.name} account with ${turn.money(balanceOf(account))}.`,
    );
    // The first everyday account becomes where unnamed entries go, unless entries already use the default.
    if (!turn.profile.defaultAccount && (type === 'cash' || type === 'checking')) {
      const accounts = await turn.accounts.listAccounts(turn.userId);
      if (!accounts.some((a) => a.key === DEFAULT_ACCOUNT_KEY)) {
        await turn.repo.putProfile(turn.userId, { ...turn.profile, defaultAccount: account.key });
        lines.push(`When you don't name an account, I'll use ${account.name}.`);
      }
    }
  }
  return turn.reply.close(
    [plainText(lines.join(' ')), buttonsCard('Anything else?', [balancesButton])],
    accountWriteMemory(turn),
  );
};

export const handleQueryBalance: IntentHandler = async (turn) => {
  const accounts = await turn.accounts.listAccounts(turn.userId);
  const read = readAccount(turn, SlotName.Account, accounts);
  if (read) {
    const { said } = read;
    // Only an account they have: the default one not yet opened has no balance to give.
    const account = findAccount(accounts, read.account?.name ?? said);
    if (!account) {
      const theirs = accounts.map((a) => a.name).join(', ');
      return turn.reply.close([
        plainText(
          `You don't have ${withArticle(said)} account. ${theirs ? `Yours are: ${theirs}.` : `To add one, say ${ADD_EXAMPLE}.`}`,
        ),
        buttonsCard('Anything else?', [balancesButton]),
      ]);
    }
    return turn.reply.close([
      plainText(`${balanceLine(account)}.`),
      buttonsCard('Anything else?', [balancesButton]),
    ]);
  }
  if (accounts.length === 0) {
    return turn.reply.close([
      plainText(`You haven't added any accounts yet. To add one, say ${ADD_EXAMPLE}.`),
    ]);
  }
  const real = accounts.filter((a) => a.type !== 'jar');
  const jars = accounts.filter((a) => a.type === 'jar');
  const lines = [`Your balances:`, ...real.map((a) => `• ${balanceLine(a)}`)];
  const total = real
    .filter((a) => a.currency === turn.profile.currency)
    .reduce((sum, a) => sum + balanceOf(a), 0);
  if (real.length > 1) lines.push(`Net across these: ${turn.money(total)} (cards count as what you owe).`);
  if (jars.length > 0) lines.push(`Your jars:`, ...jars.map((a) => `• ${balanceLine(a)}`));
  return turn.reply.close([...textChunks(lines), buttonsCard('Anything else?', [balancesButton])]);
};

export const handleTransferMoney: IntentHandler = async (turn) => {
  const amountSlot = turn.slot(SlotName.Amount);
  if (!amountSlot) return turn.reply.elicitSlot(SlotName.Amount, [plainText('How much did you move?')]);
  const amount = readAmount(amountSlot, turn.profile.currency);
  if (!amount.ok) {
    return turn.reply.elicitSlot(
      SlotName.Amount,
      [plainText(`${amount.problem} How much did you move?`)],
      {},
      withoutSlot(turn.intent, SlotName.Amount),
    );
  }
  const accounts = await turn.accounts.listAccounts(turn.userId);
  const sides = [
    {
      slot: SlotName.FromAccount,
      link: 'from ',
      question: `Which account did the ${turn.money(amount.minor)} come from?`,
    },
    {
      slot: SlotName.ToAccount,
      link: 'to ',
      question: `Which account did the ${turn.money(amount.minor)} go to?`,
    },
  ] as const;
  const found: Account[] = [];
  for (const side of sides) {
    const read = readAccount(turn, side.slot, accounts);
    const account = read?.account ?? null;
    if (!account) {
      const lead = read ? `You don't have ${withArticle(read.said)} account. ` : '';
      return turn.reply.elicitSlot(
        side.slot,
        [
          plainText(`${lead}${side.question}`),
          buttonsCard('Pick an account', accountButtons(turn, accounts, side.link, found[0]?.key)),
        ],
        {},
        withoutSlot(turn.intent, side.slot),
      );
    }
    found.push(account);
  }
  const [from, to] = found as [Account, Account];
  turn.writing = true;
  const { transfer } = await turn.accounts.transfer(turn.userId, {
    from: from.key,
    to: to.key,
    amountMinor: amount.minor,
    currency: turn.profile.currency,
    date: turn.today,
    requestId: turn.requestKey,
  });
  const after = await turn.accounts.listAccounts(turn.userId);
  const now = (a: Account) => after.find((x) => x.key === a.key);
  const balances = [now(from), now(to)].filter((a): a is Account => !!a).map(balanceLine);
  return turn.reply.close(
    [
      plainText(
        `Moved ${turn.money(transfer.amountMinor)} from ${from.name} to ${to.name}. ${balances.join('; ')}. ` +
          `A transfer is neither spending nor income, so your totals and budgets are unchanged.`,
      ),
      buttonsCard('Anything else?', [{ text: 'Undo', value: 'undo' }, balancesButton]),
    ],
    {
      lastAction: { type: 'transfer', id: transfer.id },
      ...(pushedBack(turn.memory.lastLogged) ? { lastLogged: pushedBack(turn.memory.lastLogged) } : {}),
    },
  );
};

const JAR_SLOTS = [SlotName.Jar1, SlotName.Jar2, SlotName.Jar3, SlotName.Jar4, SlotName.Jar5, SlotName.Jar6];

export const handleSetJarSplit: IntentHandler = async (turn) => {
  const said = JAR_SLOTS.map((s) => turn.slot(s)?.interpreted ?? turn.slot(s)?.original ?? null);
  const given = said.filter((v): v is string => v !== null);
  // No numbers: the PFM app's own split.
  const read =
    given.length === 0
      ? { ok: true as const, percents: [...STANDARD_JAR_SPLIT] }
      : parseJarPercentages(given.join(' '));
  if (!read.ok) {
    return turn.reply.close([
      plainText(`${read.problem} Say it as six numbers, like "split my salary into jars 55 10 10 10 10 5".`),
    ]);
  }
  turn.writing = true;
  const split: JarShare[] = [];
  for (const [i, name] of JAR_NAMES.entries()) {
    const { account } = await turn.accounts.addAccount(turn.userId, {
      name,
      type: 'jar',
      currency: turn.profile.currency,
      openingMinor: 0,
    });
    split.push({ account: account.key, percent: read.percents[i] ?? 0 });
  }
  await turn.repo.putProfile(turn.userId, { ...turn.profile, jarSplit: split });
  const parts = JAR_NAMES.map((n, i) => `${n} ${read.percents[i]}%`).join(', ');
  return turn.reply.close(
    [
      plainText(
        `Done: from now on each income fills your jars — ${parts}. ` +
          'The shares move from the account the income lands in into the jars, so your total stays the same.' +
          (given.length === 0
            ? ' (That is the standard split; to change it, say six numbers, like "split my salary into jars 50 10 10 10 10 10".)'
            : ''),
      ),
      buttonsCard('Anything else?', [balancesButton]),
    ],
    accountWriteMemory(turn),
  );
};
