/**
 * Names fixed by the contracts of ../shared/DESIGN.md. Everything that needs an intent, slot or category name imports
 * it from here, so a rename is one edit.
 */

export const BOT_NAME = 'BudgetBuddy';
export const LOCAL_BOT_ID = 'BBLOCALBOT';
export const LOCAL_BOT_ALIAS_ID = 'TSTALIASID';
export const LOCAL_BOT_ALIAS_NAME = 'TestBotAlias';
export const LOCALE_ID = 'en_US';

export const IntentName = {
  LogExpense: 'LogExpense',
  LogIncome: 'LogIncome',
  SetBudget: 'SetBudget',
  QuerySpending: 'QuerySpending',
  CheckBudget: 'CheckBudget',
  ListTransactions: 'ListTransactions',
  DeleteTransaction: 'DeleteTransaction',
  Help: 'Help',
  Greeting: 'Greeting',
  Cancel: 'Cancel',
  /** Change the amount, category, date or note of the last entry or of a described one. */
  EditTransaction: 'EditTransaction',
  /** Take back the last change, whatever it was (an entry, a correction, a delete, a budget, a setting). */
  Undo: 'Undo',
  SetCurrency: 'SetCurrency',
  SetTimeZone: 'SetTimeZone',
  /** Whether and when budget alerts are e-mailed ("stop the e-mails", "only email me at 100%"). */
  SetEmailAlerts: 'SetEmailAlerts',
  DeleteBudget: 'DeleteBudget',
  /** Read-only: money that came in ("how much did I earn last month"). */
  QueryIncome: 'QueryIncome',
  /** Read-only: biggest expenses, averages, trends, by week, top notes, "more than usual". */
  SpendingInsights: 'SpendingInsights',
  /** Read-only: thanks, bye, how are you, are you a bot. */
  SmallTalk: 'SmallTalk',
  /** Read-only: a CSV download of the transactions ("export my transactions"), optionally for a period. */
  GetExport: 'GetExport',
  /** A payment that repeats ("my rent is 1,500 every month on the 1st", "netflix 15.99 every month"). */
  SetRecurring: 'SetRecurring',
  /** Income that repeats ("salary 3,200 every month on the 25th"). */
  SetRecurringIncome: 'SetRecurringIncome',
  /** Read-only: the recurring payments and income, their next dates and monthly cost; "bills due this week". */
  ListRecurring: 'ListRecurring',
  /** Stop a recurring payment or income for good ("cancel netflix"). */
  CancelRecurring: 'CancelRecurring',
  /** Pause or resume one ("pause the gym", "resume the gym"): the Action slot says which. */
  PauseRecurring: 'PauseRecurring',
  /** A savings goal: "I want to save 2,000 for a trip to japan by june" (issue 12 point 3). */
  SetGoal: 'SetGoal',
  /** Money put toward a goal: "put 300 toward the japan trip". */
  AddToGoal: 'AddToGoal',
  /** Read-only: one goal's progress ("how is my japan goal going") or all of them ("list my goals"). */
  CheckGoal: 'CheckGoal',
  DeleteGoal: 'DeleteGoal',
  /** Open an account with its balance: "I have 2,500 in my checking account", "add a cash wallet with 200". */
  AddAccount: 'AddAccount',
  /** Money moved between two accounts: "moved 100 from checking to cash". Neither spending nor income. */
  TransferMoney: 'TransferMoney',
  /** Read-only: "what are my balances", "how much cash do I have". */
  QueryBalance: 'QueryBalance',
  /** "split my salary into jars 55/10/10/10/10/5": income fills the six money jars by it. */
  SetJarSplit: 'SetJarSplit',
  /** Put a tag on the last entry or a described one ("tag it work", "tag the costco one as travel"). */
  TagTransaction: 'TagTransaction',
  /** A category of the person's own ("add a category called Pets"). */
  AddCategory: 'AddCategory',
  /** An income category of the person's own ("add an income category Tutoring"). */
  AddIncomeCategory: 'AddIncomeCategory',
  /** "rename Food to Eating out": entries and budgets follow the new name. */
  RenameCategory: 'RenameCategory',
  /** "merge Coffee into Food": entries and budgets move, the first category goes. */
  MergeCategory: 'MergeCategory',
  /** Read-only: the person's categories, defaults and own. */
  ListCategories: 'ListCategories',
  FallbackIntent: 'FallbackIntent',
} as const;
export type IntentName = (typeof IntentName)[keyof typeof IntentName];

/** Intents that change data: recognising one of these by mistake is the costliest NLU error. */
export const WRITE_INTENTS: readonly IntentName[] = [
  IntentName.LogExpense,
  IntentName.LogIncome,
  IntentName.SetBudget,
  IntentName.DeleteTransaction,
  IntentName.EditTransaction,
  IntentName.Undo,
  IntentName.SetCurrency,
  IntentName.SetTimeZone,
  IntentName.SetEmailAlerts,
  IntentName.DeleteBudget,
  IntentName.SetRecurring,
  IntentName.SetRecurringIncome,
  IntentName.CancelRecurring,
  IntentName.PauseRecurring,
  IntentName.SetGoal,
  IntentName.AddToGoal,
  IntentName.DeleteGoal,
  IntentName.AddAccount,
  IntentName.TransferMoney,
  IntentName.SetJarSplit,
  IntentName.TagTransaction,
  IntentName.AddCategory,
  IntentName.AddIncomeCategory,
  IntentName.RenameCategory,
  IntentName.MergeCategory,
];

export const SlotName = {
  Amount: 'Amount',
  Category: 'Category',
  Date: 'Date',
  Period: 'Period',
  Count: 'Count',
  Note: 'Note',
  /** Which existing entry a request means, in the person's words ("the costco one", "the laptop"). */
  Entry: 'Entry',
  /** An ISO 4217 code (SetCurrency; LogExpense when a foreign currency is said). */
  Currency: 'Currency',
  /** An IANA time zone (SetTimeZone). */
  TimeZone: 'TimeZone',
  /** Which insight SpendingInsights gives (Biggest, DailyAverage, WeeklyAverage, Trend, ByWeek, TopNotes, VersusUsual). */
  Insight: 'Insight',
  /** Which budget alerts are e-mailed: Off, On (80% and 100%) or OverOnly (100%) (SetEmailAlerts). */
  EmailAlerts: 'EmailAlerts',
  /** What kind of small talk (Thanks, Bye, HowAreYou, AreYouABot, Compliment, Complaint). */
  Topic: 'Topic',
  /** How many periods between two occurrences of a recurring payment ("every 2 weeks" → 2). */
  Interval: 'Interval',
  /** Pause or Resume (PauseRecurring). */
  Action: 'Action',
  /** Which savings goal, in the person's words ("a trip to japan", "the japan trip"). */
  Goal: 'Goal',
  /** One of the person's accounts ("cash", "my visa"); the code hook checks they have it. */
  Account: 'Account',
  /**
   * The kind of account being opened under a name of its own ("a savings account called rainy day":
   * Savings), which the name alone cannot say.
   */
  AccountKind: 'AccountKind',
  /** A transfer's two sides ("from checking", "to cash"). */
  FromAccount: 'FromAccount',
  ToAccount: 'ToAccount',
  /** The six jars' percentages in order ("55/10/10/10/10/5": Jar1 = 55 … Jar6 = 5). */
  Jar1: 'Jar1',
  Jar2: 'Jar2',
  Jar3: 'Jar3',
  Jar4: 'Jar4',
  Jar5: 'Jar5',
  Jar6: 'Jar6',
  /** A tag, as said ("#work", "work"); fulfillment keeps it lower case without the "#". */
  Tag: 'Tag',
  /** The new name of a category (RenameCategory) or the category another is merged into (MergeCategory). */
  NewCategory: 'NewCategory',
} as const;
export type SlotName = (typeof SlotName)[keyof typeof SlotName];

/**
 * Daily is a period people say ("a daily budget of 30", "20 a day on lunch"); budgets are not kept per
 * day, so fulfillment says so and offers the monthly equivalent instead of storing another period.
 */
export const BudgetPeriod = {
  Daily: 'Daily',
  Weekly: 'Weekly',
  Monthly: 'Monthly',
  Yearly: 'Yearly',
} as const;
export type BudgetPeriod = (typeof BudgetPeriod)[keyof typeof BudgetPeriod];

/**
 * The periods a budget is kept for: the Period slot's values minus Daily, which people say but which is
 * answered with the monthly equivalent. One list for the ledger, the overview contract and the browser.
 */
export const BUDGET_PERIODS = [BudgetPeriod.Weekly, BudgetPeriod.Monthly, BudgetPeriod.Yearly] as const;

/**
 * Which budget alerts a person gets by e-mail (the EmailAlerts slot's values, stored in the profile):
 * none, both thresholds (80% and 100%, the default), or only going over (100%).
 */
export const EmailAlertSetting = {
  Off: 'Off',
  On: 'On',
  OverOnly: 'OverOnly',
} as const;
export type EmailAlertSetting = (typeof EmailAlertSetting)[keyof typeof EmailAlertSetting];

export const EXPENSE_CATEGORIES = [
  'Food',
  'Groceries',
  'Transport',
  'Housing',
  'Utilities',
  'Health',
  'Entertainment',
  'Shopping',
  'Travel',
  'Education',
  'Personal Care',
  'Gifts',
  'Subscriptions',
  'Other',
] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

export const INCOME_CATEGORIES = [
  'Salary',
  'Freelance',
  'Investment',
  'Gift',
  'Refund',
  'Other Income',
] as const;
export type IncomeCategory = (typeof INCOME_CATEGORIES)[number];

/** What PauseRecurring does: the canonical values of its Action slot. */
export const RecurringAction = { Pause: 'Pause', Resume: 'Resume' } as const;
export type RecurringAction = (typeof RecurringAction)[keyof typeof RecurringAction];

/** Session attribute that carries the verified user id. Only the proxy sets it; the code hook refuses events without it. */
export const USER_ID_ATTRIBUTE = 'bb:userId';
/** Request attribute with a per-turn id the code hook uses as its idempotency key (a retried invocation repeats it). */
export const REQUEST_ID_ATTRIBUTE = 'bb:requestId';
/**
 * Request attribute the chat proxy sets on every part of one message split into items ("coffee 4 and
 * muffin 3.50"): the same id for all parts, so one undo can take back the whole message's entries.
 */
export const MESSAGE_ID_ATTRIBUTE = 'bb:messageId';
/** Request attribute naming which part of a split message a turn is ("1/2"). */
export const MESSAGE_PART_ATTRIBUTE = 'bb:part';
/** Lex's own request attribute for the user's IANA time zone. */
export const TIME_ZONE_ATTRIBUTE = 'x-amz-lex:time-zone';
