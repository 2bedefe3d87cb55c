import type { SlotTypeDefinition, SlotTypeValue } from '../types';

/**
 * A person's own account (issue 12 point 1): "cash", "my checking account", "my visa", "the play jar".
 * The canonical value is the account's name; its type follows from it (domain/ledger/accounts
 * accountTypeOfName). Whether the person has that account is checked by the code hook, which answers
 * with their own accounts when they do not.
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
  description: "One of the person's accounts: cash, checking, savings, a credit card, a jar.",
  resolutionStrategy: 'TOP_RESOLUTION',
  values: ACCOUNTS,
};

export const FromAccountType: SlotTypeDefinition = {
  name: 'FromAccountType',
  description: 'The account money leaves, with its linking word ("from checking").',
  resolutionStrategy: 'TOP_RESOLUTION',
  values: linked(['from', 'out of', 'off']),
};

export const ToAccountType: SlotTypeDefinition = {
  name: 'ToAccountType',
  description: 'The account money goes to, with its linking word ("to cash", "into savings").',
  resolutionStrategy: 'TOP_RESOLUTION',
  values: linked(['to', 'into', 'onto']),
};
