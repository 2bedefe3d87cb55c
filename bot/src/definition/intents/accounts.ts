/**
 * Accounts, transfers, balances and money jars (issue 12 point 1). The Account slot names one of the
 * person's own accounts; the code hook checks that they have it and answers with theirs when not.
 */
import { IntentName, SlotName } from '../names';
import type { IntentDefinition, SlotDefinition } from '../types';
import { prompt } from './prompts';
import { accountSlot, amountSlot } from './slots';

/**
 * The kind of an account opened under a name of its own: "a credit card called visa", "a savings
 * account called rainy day". The same type as Account, so Lex and the local classifier see one shape.
 */
const accountKindSlot: SlotDefinition = {
  name: SlotName.AccountKind,
  description: 'The kind of account opened under a name of its own ("a savings account called rainy day").',
  slotTypeName: 'AccountNameType',
  required: false,
  prompt: prompt('Is it cash, checking, savings or a credit card?'),
};

export const AddAccount: IntentDefinition = {
  name: IntentName.AddAccount,
  description: 'Open an account (cash, checking, savings, credit card) with its balance.',
  sampleUtterances: [
    'I have {Amount} in my {Account}',
    'I have {Amount} in my {Account} account',
    'I have {Amount} in {Account}',
    'I have {Amount} in the {Account}',
    'there is {Amount} in my {Account}',
    "there's {Amount} in my {Account} account",
    'my {Account} has {Amount}',
    'my {Account} has {Amount} in it',
    'my {Account} balance is {Amount}',
    'my {Account} account balance is {Amount}',
    'add a {Account} with {Amount}',
    'add a {Account} account with {Amount}',
    'add an account for {Account}',
    'add my {Account}',
    'add my {Account} account',
    'add a {Account}',
    'add an account',
    'open a {Account} account',
    'open a {Account} account with {Amount}',
    'create a {Account} account',
    'create an account called {Account}',
    'new account {Account} {Amount}',
    'new {Account} account',
    'set up my {Account} with {Amount}',
    'set up a {Account} account',
    'start tracking my {Account}',
    'track my {Account} account',
    'I owe {Amount} on my {Account}',
    'I owe {Amount} on the {Account}',
    'my {Account} has a balance of {Amount}',
    'I keep {Amount} in {Account}',
    'I got {Amount} in my {Account}',
    'I have a {Account} with {Amount} on it',
    // A name of its own after the kind (nlufree point 2): the kind says the type, the name is the account's.
    'add a {AccountKind} called {Account}',
    'add a {AccountKind} account called {Account}',
    'add a {AccountKind} named {Account}',
    'add a {AccountKind} called {Account} with {Amount}',
    'open a {AccountKind} called {Account}',
    'open a {AccountKind} account called {Account}',
    'open a {AccountKind} account named {Account}',
    'create a {AccountKind} account named {Account}',
    'create a {AccountKind} named {Account}',
    'create a {AccountKind} called {Account} with {Amount}',
    'new {AccountKind} account called {Account}',
    'set up a {AccountKind} called {Account}',
    'open an account called {Account}',
  ],
  slots: [
    accountSlot(true, 'Which account is it? Cash, checking, savings or a credit card?'),
    amountSlot(false, 'How much is in it now?'),
    accountKindSlot,
  ],
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};

const fromAccountSlot: SlotDefinition = {
  name: SlotName.FromAccount,
  description: 'The account the money leaves ("from checking").',
  slotTypeName: 'FromAccountType',
  required: false,
  prompt: prompt('Which account did it come from?'),
};

const toAccountSlot: SlotDefinition = {
  name: SlotName.ToAccount,
  description: 'The account the money goes to ("to cash").',
  slotTypeName: 'ToAccountType',
  required: false,
  prompt: prompt('Which account did it go to?'),
};

export const TransferMoney: IntentDefinition = {
  name: IntentName.TransferMoney,
  description: 'Move money between two of the person’s accounts; neither spending nor income.',
  sampleUtterances: [
    'moved {Amount} {FromAccount} {ToAccount}',
    'move {Amount} {FromAccount} {ToAccount}',
    'I moved {Amount} {FromAccount} {ToAccount}',
    'transfer {Amount} {FromAccount} {ToAccount}',
    'transferred {Amount} {FromAccount} {ToAccount}',
    'I transferred {Amount} {FromAccount} {ToAccount}',
    'can you transfer {Amount} {ToAccount}',
    'transfer {Amount} {ToAccount}',
    'move {Amount} {ToAccount}',
    'moved {Amount} {ToAccount} {FromAccount}',
    'put {Amount} {FromAccount} {ToAccount}',
    'took {Amount} {FromAccount} {ToAccount}',
    'withdrew {Amount} {FromAccount}',
    'withdrew {Amount} {ToAccount}',
    'took out {Amount} {FromAccount}',
    'I withdrew {Amount} cash {FromAccount}',
    'pulled {Amount} {FromAccount}',
    'deposited {Amount} {ToAccount}',
    'I deposited {Amount} {ToAccount}',
    'paid {Amount} {ToAccount} {FromAccount}',
    'paid off {Amount} {ToAccount}',
    'shifted {Amount} {FromAccount} {ToAccount}',
    'sent {Amount} {FromAccount} {ToAccount}',
    'transfer money {FromAccount} {ToAccount}',
    'make a transfer',
    'transfer between accounts',
    'I want to move money between accounts',
  ],
  slots: [amountSlot(true, 'How much did you move?'), fromAccountSlot, toAccountSlot],
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};

export const QueryBalance: IntentDefinition = {
  name: IntentName.QueryBalance,
  description: 'Read-only: the balance of every account, or of one.',
  sampleUtterances: [
    'what are my balances',
    'what are my account balances',
    'show my balances',
    'show me my accounts',
    'list my accounts',
    'my accounts',
    'my balances',
    'balances',
    'account balances',
    'what is my balance',
    "what's my balance",
    'how much money do I have',
    'how much money do I have in my accounts',
    'how much do I have in total',
    'how much {Account} do I have',
    'how much is in my {Account}',
    'how much is in my {Account} account',
    'how much is left in my {Account}',
    'how much do I have in {Account}',
    'how much do I have in my {Account}',
    'what is my {Account} balance',
    "what's the balance on my {Account}",
    'how much do I owe on my {Account}',
    'how much is on my {Account}',
    '{Account} balance',
    'balance of my {Account} account',
    'check my {Account} balance',
    'show my {Account}',
    'how much is in my jars',
    'show my jars',
  ],
  slots: [accountSlot(false, 'Which account?')],
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};

/** The six jars' percentages, in the jars' order: one number slot each, so each is read as a number. */
const JAR_SLOTS = [
  SlotName.Jar1,
  SlotName.Jar2,
  SlotName.Jar3,
  SlotName.Jar4,
  SlotName.Jar5,
  SlotName.Jar6,
] as const;
const SPLIT = JAR_SLOTS.map((s) => `{${s}}`);

export const SetJarSplit: IntentDefinition = {
  name: IntentName.SetJarSplit,
  description:
    'Split income into the six money jars (Necessities, Financial freedom, Education, Long-term savings, Play, Give) by percentages.',
  // Six numbers in a row are read as the six shares whether they are written with spaces or slashes
  // ("55/10/10/10/10/5"); samples keep to plain words, as Lex builds them best.
  sampleUtterances: [
    `split my salary into jars ${SPLIT.join(' ')}`,
    `split my income into jars ${SPLIT.join(' ')}`,
    `split my pay into jars ${SPLIT.join(' ')}`,
    `split my income ${SPLIT.join(' ')}`,
    `divide my salary into jars ${SPLIT.join(' ')}`,
    `set my jars to ${SPLIT.join(' ')}`,
    `change my jar split to ${SPLIT.join(' ')}`,
    `my jar split is ${SPLIT.join(' ')}`,
    `jars ${SPLIT.join(' ')}`,
    `allocate my income to jars ${SPLIT.join(' ')}`,
    `use jars with ${SPLIT.join(' ')}`,
    `fill my jars ${SPLIT.join(' ')} from each paycheck`,
    `put my income into jars ${SPLIT.join(' ')} percent`,
    'split my salary into jars',
    'split my income into jars',
    'split my pay into the six jars',
    'split my income into six jars',
    'divide my paycheck between the jars',
    'use the jar system',
    'use money jars',
    'set up my jars',
    'set up money jars',
    'I want to use jars',
    'start using the six jars',
    'use the standard jar split',
    'put every paycheck into jars',
    'change my jar percentages',
  ],
  slots: JAR_SLOTS.map((name, i) => ({
    name,
    description: `Jar ${i + 1}'s share of each income, in percent.`,
    slotTypeName: 'AMAZON.Number',
    required: false,
    prompt: prompt('What split? Six percentages like 55/10/10/10/10/5.'),
  })),
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};
