import { distance } from 'fastest-levenshtein';
import type { SlotTypeDefinition, SlotTypeValue } from '../types';

/**
 * A person's own account (issue 12 point 1): "cash", "my checking account", "my visa", "the play jar",
 * and names of their own ("my Chase account"), which no list can hold: the types are ORIGINAL_VALUE, so
 * Lex passes the words said, and the listed kinds below only show it the shape. The code hook checks
 * the words against the person's accounts first, then reads a listed kind with `listedAccountOf` (never
 * Lex's fuzzy resolution: "chase" must not become Cash; only a plain misspelling of one listed word). Locally the NLU reads the listed kinds by value and
 * the own names where an account's name stands (bot/src/nlu/ownWords.ts). The canonical value is the
 * account's name; its type follows from it (domain/ledger/accounts accountTypeOfName).
 *
 * A transfer names two accounts. Two slots of one type would both take the first account said, so the
 * "from" and "to" sides are their own types, whose synonyms carry the linking word ("from checking",
 * "into savings"): each side can only match its own words, on Lex and locally alike.
 */
const ACCOUNTS: SlotTypeValue[] = [
  { value: 'Main account', synonyms: ['main account', 'main', 'default account'] },
  { value: 'Cash', synonyms: ['cash', 'wallet', 'cash wallet', 'my wallet', 'pocket money', 'in cash'] },
  {
    value: 'Checking',
    synonyms: [
      'checking',
      'checking account',
      'chequing',
      'current account',
      'bank account',
      'debit card',
      'debit',
      'my bank',
    ],
  },
  { value: 'Savings', synonyms: ['savings', 'savings account', 'saving account'] },
  { value: 'Credit card', synonyms: ['credit card', 'credit', 'my card', 'the card'] },
  { value: 'Visa', synonyms: ['visa', 'visa card'] },
  { value: 'Mastercard', synonyms: ['mastercard', 'master card'] },
  { value: 'Amex', synonyms: ['amex', 'american express'] },
  { value: 'Necessities', synonyms: ['necessities', 'necessities jar', 'needs jar'] },
  { value: 'Financial freedom', synonyms: ['financial freedom', 'financial freedom jar', 'freedom jar'] },
  { value: 'Education', synonyms: ['education jar', 'learning jar'] },
  {
    value: 'Long-term savings',
    synonyms: ['long-term savings', 'long term savings', 'long-term savings jar'],
  },
  { value: 'Play', synonyms: ['play jar', 'fun jar', 'play money jar'] },
  { value: 'Give', synonyms: ['give jar', 'giving jar', 'charity jar'] },
];

/** The same accounts, each synonym after one of `links` ("from" + "my visa" → "from my visa"). */
function linked(links: readonly string[]): SlotTypeValue[] {
  return ACCOUNTS.map((a) => ({
    value: a.value,
    synonyms: a.synonyms.flatMap((s) =>
      links.flatMap((l) => [
        `${l} ${s}`,
        ...(s.startsWith('my ') || s.startsWith('the ') ? [] : [`${l} my ${s}`, `${l} the ${s}`]),
      ]),
    ),
  }));
}

export const AccountNameType: SlotTypeDefinition = {
  name: 'AccountNameType',
  description:
    "One of the person's accounts: cash, checking, savings, a credit card, a jar, or one they named.",
  resolutionStrategy: 'ORIGINAL_VALUE',
  values: ACCOUNTS,
};

export const FromAccountType: SlotTypeDefinition = {
  name: 'FromAccountType',
  description: 'The account money leaves, with its linking word ("from checking").',
  resolutionStrategy: 'ORIGINAL_VALUE',
  values: linked(['from', 'out of', 'off']),
};

export const ToAccountType: SlotTypeDefinition = {
  name: 'ToAccountType',
  description: 'The account money goes to, with its linking word ("to cash", "into savings").',
  resolutionStrategy: 'ORIGINAL_VALUE',
  values: linked(['to', 'into', 'onto']),
};

/** How an account is said around its name: a linking word, an owner ("from my", "into the", "a"). */
const AROUND = /^(?:(?:from|out of|off|to|into|onto|with|on|in|using|via|by)\s+)?(?:(?:my|the|our|a|an)\s+)?/;

/** The words of an account as said, without linking and owning words: "from my Chase" → "Chase". */
export function accountWords(said: string): string {
  return said.trim().replace(/\s+/g, ' ').replace(new RegExp(AROUND.source, 'i'), '').trim();
}

const LISTED = new Map(
  ACCOUNTS.flatMap((a) => [a.value, ...a.synonyms].map((s) => [s.toLowerCase(), a.value] as const)),
);

/**
 * The listed kind the words name exactly ("my wallet" → Cash, "from my checking account" → Checking),
 * or undefined for a name of the person's own ("chase", "chase checking").
 */
export function listedAccountOf(said: string): string | undefined {
  const words = accountWords(said).toLowerCase();
  const bare = words.replace(/\s+(?:account|acct)$/, '');
  // "with my card": the owner was taken off, but "my card" is the listed way to say it.
  return (
    [words, bare, `my ${words}`, `the ${words}`].map((w) => LISTED.get(w)).find(Boolean) ??
    misspeltAccountOf(bare)
  );
}

/** One-word listed names long enough to have few neighbours ("savings", "checking"; not "cash", "visa"). */
const CORRECTABLE = [...LISTED].filter(([w]) => !w.includes(' ') && w.length >= 5);

/**
 * The listed kind a misspelt word means ("savngs" → Savings, "chekcing" → Checking): a word of five
 * letters or more, one letter off (two from eight letters), and near one kind only, so a name of the
 * person's own is never taken for a kind it resembles. The local NLU's typo reading (SlotTypeMatcher)
 * and this one, which the code hook applies to the words Lex passes, agree on such words.
 */
export function misspeltAccountOf(word: string): string | undefined {
  const w = word.trim().toLowerCase();
  if (w.length < 5 || !/^\p{L}+$/u.test(w)) return undefined;
  const reach = w.length >= 8 ? 2 : 1;
  const kinds = new Set(
    CORRECTABLE.filter(([c]) => Math.abs(c.length - w.length) <= reach && distance(c, w) <= reach).map(
      ([, kind]) => kind,
    ),
  );
  return kinds.size === 1 ? [...kinds][0] : undefined;
}
