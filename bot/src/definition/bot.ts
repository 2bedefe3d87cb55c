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
import { AddAccount, QueryBalance, SetJarSplit, TransferMoney } from './intents/accounts';
import { AccountNameType, FromAccountType, ToAccountType } from './slotTypes/AccountNameType';
import { TagType } from './slotTypes/TagType';
import { CategoryNameType, NewCategoryNameType } from './slotTypes/CategoryNameType';
import { TagTransaction } from './intents/tags';
import {
  AddCategory,
  AddIncomeCategory,
  ListCategories,
  MergeCategory,
  RenameCategory,
} from './intents/categories';

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
        AddIncomeCategory,
        RenameCategory,
        MergeCategory,
        ListCategories,
        AddAccount,
        TransferMoney,
        QueryBalance,
        SetJarSplit,
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
        AccountNameType,
        FromAccountType,
        ToAccountType,
      ],
    },
  ],
};
