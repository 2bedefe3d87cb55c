/**
 * Evidence for the account writes (issue 12 point 1): AddAccount, TransferMoney, SetJarSplit. Words
 * such as "have", "cash", "card", "savings" or "move" are everyday English, so the bag of words alone
 * read "I have 3 brothers" as opening an account. A real request names an account in an account's
 * place ("in my checking", "my visa has", "from checking to cash") and says what to do with it: hold an
 * amount, open it, or move money. Anything less is left to the other intents or the fallback.
 */
import type { Span } from './spans';
import type { Evidence } from './writeEvidence';

/**
 * A word after the account word that makes it describe something else: "a visa appointment", "my
 * savings goal", "a credit score", "cash register".
 */
const NOT_AN_ACCOUNT_AFTER =
  /^\s+(?:goals?|funds?|appointments?|applications?|interviews?|office|offices|renewal|status|plans?|rates?|scores?|limits?|reports?|history|register|flow|prizes?|back|machines?|questions?|advice|tips?|bonds?|requirements?|stamps?|cards? (?:games?|tricks?)|checks?|checking)\b/;

/**
 * Account spans that stand for an account: not a modifier ("visa appointment") and, unless the span
 * starts with its linking word ("from checking"), not counted ("2 credit cards").
 */
function realAccounts(e: Evidence, spans: Span[], linked = false): Span[] {
  return spans.filter((s) => {
    if (NOT_AN_ACCOUNT_AFTER.test(e.lower.slice(s.end))) return false;
    // "I have 2 credit cards", "3 savings accounts": a number right before the account counts them.
    const counted = e.amounts.some((n) => n.end <= s.start && /^\s*$/.test(e.lower.slice(n.end, s.start)));
    return linked || !counted;
  });
}

/** Amounts that are not a count of the accounts themselves. */
function amountsBeside(e: Evidence, spans: Span[]): number {
  return e.amounts.filter(
    (n) => !spans.some((s) => n.end <= s.start && /^\s*$/.test(e.lower.slice(n.end, s.start))),
  ).length;
}

/** A question asks; "can you add my visa" is still a request. */
const asks = (e: Evidence): boolean => e.isQuestion && !/^(?:can|could|would|will) you\b/.test(e.lower);

/** What an account holds, said as a fact: "I have 2,500 in", "I owe 300 on", "my visa has", "balance is". */
const HOLDS =
  /\b(?:i have|i've got|ive got|i got|i keep|we have|i owe|there is|there's|theres|has|have|holds?|balance (?:is|of)|is at|sits at|currently at)\b/;
/** Opening one: "add a cash wallet", "open a savings account", "start tracking my visa". */
const OPENS =
  /\b(?:add|open|opened|create|set up|setup|new|start tracking|track|register|i have a|i've got a|i got a)\b/;

function addAccount(e: Evidence): boolean {
  if (asks(e) || e.isWish) return false;
  const accounts = realAccounts(e, e.accounts);
  if (accounts.length === 0) return false;
  if (amountsBeside(e, e.accounts) > 0) return HOLDS.test(e.lower) || OPENS.test(e.lower);
  // Without an amount, only opening one: "add my visa" (the balance is then zero, or asked later).
  return OPENS.test(e.lower) && !HOLDS_ONLY_NEWS.test(e.lower);
}
/** "I have a visa" is news about a passport, not a request; with "add" or "open" it is one. */
const HOLDS_ONLY_NEWS = /^(?:i have|i've got|ive got|i got) a\b(?!.*\b(?:with|on it|in it)\b)/;

/** Moving money: "moved 100 from checking to cash", "transfer 500 to my savings", "withdrew 60 from checking". */
const MOVES =
  /\b(?:move|moved|moving|transfer|transferred|transferring|shift|shifted|took|take|withdrew|withdraw|withdrawn|took out|take out|pulled|pull|deposited|deposit|put|sent|send|paid off|pay off|paid|pay)\b/;
const TRANSFER_WITHOUT_SIDES =
  /^(?:please )?(?:make a transfer|transfer between (?:my )?accounts|(?:i want to |i need to )?move money between (?:my )?accounts)\b/;

function transferMoney(e: Evidence): boolean {
  // "move 100 to my savings goal" is money put toward a goal.
  // "took 100 out of savings for the japan trip" is money put toward a goal too.
  if (asks(e) || e.isWish || e.takenForGoal || /\b(?:goals?|towards?)\b/.test(e.lower)) return false;
  if (TRANSFER_WITHOUT_SIDES.test(e.lower)) return true;
  const sides = realAccounts(e, e.transferSides, true);
  if (sides.length === 0 || !MOVES.test(e.lower)) return false;
  // An amount, or money said in words ("transfer money from checking to savings"): the hook asks how much.
  return e.amounts.length > 0 || /\b(?:money|funds|cash|everything|it)\b/.test(e.lower);
}

/** Money jars: "split my salary into jars 55/10/…", "use the jar system"; not "a jar of pickles". */
const JAR_WORDS = /\bjars\b|\bjar (?:split|system|method)\b|\bmoney jars?\b/;
const JAR_SETTING =
  /\b(?:split|splits|divide|allocate|allot|use|using|set|setup|change|start|system|method|six|want)\b/;

function setJarSplit(e: Evidence): boolean {
  if (asks(e)) return false;
  return JAR_WORDS.test(e.lower) && JAR_SETTING.test(e.lower);
}

export const accountRules = {
  addAccount,
  transferMoney,
  setJarSplit,
} as const;
