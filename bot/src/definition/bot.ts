/**
 * THE bot: the local runtime trains its NLU from this, and the CDK stack exports it to Lex, so both
 * understand the same sentences.
 */
import { BOT_NAME, LOCALE_ID } from './names';
import type { BotDefinition } from './types';
import { Cancel } from './intents/Cancel';
import { CheckBudget } from './intents/CheckBudget';
import { DeleteBudget } from './intents/DeleteBudget';
import { DeleteTransaction } from './intents/DeleteTransaction';
import { EditTransaction } from './intents/EditTransaction';
import { FallbackIntent } from './intents/FallbackIntent';
import { GetExport } from './intents/GetExport';
import { Greeting } from './intents/Greeting';
import { Help } from './intents/Help';
import { ListTransactions } from './intents/ListTransactions';
import { LogExpense } from './intents/LogExpense';
import { LogIncome } from './intents/LogIncome';
import { QueryIncome } from './intents/QueryIncome';
import { QuerySpending } from './intents/QuerySpending';
import { SetBudget } from './intents/SetBudget';
import { SetCurrency } from './intents/SetCurrency';
import { SetTimeZone } from './intents/SetTimeZone';
import { SetEmailAlerts } from './intents/SetEmailAlerts';
import { SmallTalk } from './intents/SmallTalk';
import { SpendingInsights } from './intents/SpendingInsights';
import { Undo } from './intents/Undo';
import { CancelRecurring, PauseRecurring } from './intents/CancelRecurring';
import { ListRecurring } from './intents/ListRecurring';
import { SetRecurring, SetRecurringIncome } from './intents/SetRecurring';
import { RecurringActionType } from './slotTypes/RecurringActionType';
import { AddToGoal, CheckGoal, DeleteGoal, SetGoal } from './intents/goals';
import { BudgetPeriodType } from './slotTypes/BudgetPeriodType';
import { CurrencyType } from './slotTypes/CurrencyType';
import { EntryType } from './slotTypes/EntryType';
import { ExpenseCategoryType } from './slotTypes/ExpenseCategoryType';
import { IncomeCategoryType } from './slotTypes/IncomeCategoryType';
import { InsightType } from './slotTypes/InsightType';
import { NoteType } from './slotTypes/NoteType';
import { SmallTalkTopicType } from './slotTypes/SmallTalkTopicType';
import { TimeZoneType } from './slotTypes/TimeZoneType';
import { EmailAlertType } from './slotTypes/EmailAlertType';
import { GoalNameType } from './slotTypes/GoalNameType';
import { AddAccount, QueryBalance, SetJarSplit, TransferMoney, accountSlot } from './intents/accounts';
import { AccountNameType, FromAccountType, ToAccountType } from './slotTypes/AccountNameType';
import { TagType } from './slotTypes/TagType';
import { CategoryNameType, NewCategoryNameType } from './slotTypes/CategoryNameType';
import { TagTransaction } from './intents/tags';
import { AddCategory, ListCategories, MergeCategory, RenameCategory } from './intents/categories';

export const budgetBuddyBot: BotDefinition = {
  name: BOT_NAME,
  description: 'BudgetBuddy: log spending and income, set budgets and ask where the money went.',
  idleSessionTtlInSeconds: 300,
  locales: [
    {
      localeId: LOCALE_ID,
      description: 'English (US)',
      nluConfidenceThreshold: 0.5,
      intents: [
        LogExpense,
        LogIncome,
        SetBudget,
        QuerySpending,
        CheckBudget,
        ListTransactions,
        DeleteTransaction,
        Help,
        Greeting,
        Cancel,
        EditTransaction,
        Undo,
        SetCurrency,
        SetTimeZone,
        SetEmailAlerts,
        DeleteBudget,
        QueryIncome,
        SpendingInsights,
        SmallTalk,
        GetExport,
        SetRecurring,
        SetRecurringIncome,
        ListRecurring,
        CancelRecurring,
        PauseRecurring,
        SetGoal,
        AddToGoal,
        CheckGoal,
        DeleteGoal,
        TagTransaction,
        AddCategory,
        RenameCategory,
        MergeCategory,
        ListCategories,
        FallbackIntent,
      ],
      slotTypes: [
        ExpenseCategoryType,
        IncomeCategoryType,
        BudgetPeriodType,
        NoteType,
        EntryType,
        CurrencyType,
        TimeZoneType,
        EmailAlertType,
        InsightType,
        SmallTalkTopicType,
        RecurringActionType,
        GoalNameType,
        TagType,
        CategoryNameType,
        NewCategoryNameType,
      ],
    },
  ],
};

/** Sentences that name the account an entry is paid from or paid into (issue 12 point 1). */
const ACCOUNT_UTTERANCES: Record<string, string[]> = {
  [LogExpense.name]: [
    'spent {Amount} on {Category} with {Account}',
    'spent {Amount} on {Category} with my {Account}',
    'paid {Amount} for {Category} on my {Account}',
    'paid {Amount} for {Category} with my {Account}',
    '{Amount} {Category} on my {Account}',
    'bought {Category} for {Amount} with {Account}',
  ],
  [LogIncome.name]: [
    'got {Amount} {Category} into my {Account}',
    'received {Amount} {Category} in my {Account}',
  ],
};

/**
 * The bot with accounts, transfers, balances and jars (issue 12 point 1): AddAccount, TransferMoney,
 * QueryBalance, SetJarSplit, and an Account slot on LogExpense and LogIncome. Defined and handled, and
 * tested end to end (fulfillment/test/conversations/accounts.test.ts), but not yet in `budgetBuddyBot`:
 * with them the local classifier fell below the held-out (97 %) and CLINC (no write) bars — lines such
 * as "I have 3 brothers" became AddAccount. They join the bot once the NLU keeps its bars with them
 * (classifier tuning, branch nlu2); until then, this is the bot the account tests run against.
 */
export const budgetBuddyBotWithAccounts: BotDefinition = {
  ...budgetBuddyBot,
  locales: budgetBuddyBot.locales.map((locale) => ({
    ...locale,
    intents: [
      ...locale.intents
        .filter((i) => i.parentIntentSignature === undefined)
        .map((i) =>
          ACCOUNT_UTTERANCES[i.name]
            ? {
                ...i,
                sampleUtterances: [...i.sampleUtterances, ...ACCOUNT_UTTERANCES[i.name]!],
                slots: [
                  ...i.slots,
                  accountSlot(false, 'Which account was it? For example cash, checking or your visa.'),
                ],
              }
            : i,
        ),
      AddAccount,
      TransferMoney,
      QueryBalance,
      SetJarSplit,
      ...locale.intents.filter((i) => i.parentIntentSignature !== undefined),
    ],
    slotTypes: [...locale.slotTypes, AccountNameType, FromAccountType, ToAccountType],
  })),
};
