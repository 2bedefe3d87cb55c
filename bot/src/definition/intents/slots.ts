/**
 * Slot definitions shared by several intents. The prompts are what a person sees when the bot needs
 * the value, so they say what kind of answer works.
 */
import { SlotName } from '../names';
import type { SlotDefinition } from '../types';
import { prompt } from './prompts';

export const amountSlot = (required: boolean, question: string): SlotDefinition => ({
  name: SlotName.Amount,
  description: 'A money amount; the currency is the user default unless they say one.',
  slotTypeName: 'AMAZON.Number',
  required,
  prompt: prompt(question, 'Sorry, how much was it? A number like 12.50 works.'),
  sampleUtterances: ['{Amount}', '{Amount} dollars', 'it was {Amount}', 'about {Amount}'],
});

export const expenseCategorySlot = (required: boolean, question: string): SlotDefinition => ({
  name: SlotName.Category,
  description: 'An expense category (Food, Groceries, Transport, ...).',
  slotTypeName: 'ExpenseCategoryType',
  required,
  prompt: prompt(question, 'Which category? For example food, groceries, transport or rent.'),
  sampleUtterances: ['{Category}', 'it was for {Category}', 'put it under {Category}'],
});

export const incomeCategorySlot = (required: boolean): SlotDefinition => ({
  name: SlotName.Category,
  description: 'An income category (Salary, Freelance, Investment, Gift, Refund, Other Income).',
  slotTypeName: 'IncomeCategoryType',
  required,
  prompt: prompt(
    'What kind of income is it: salary, freelance, investment, gift, refund or other?',
    'Which kind of income? Salary, freelance, investment, gift, refund or other.',
  ),
  sampleUtterances: ['{Category}', 'it was {Category}'],
});

export const dateSlot = (question: string): SlotDefinition => ({
  name: SlotName.Date,
  description: 'A day, or the first day of a period ("last month" is the 1st of last month).',
  slotTypeName: 'AMAZON.Date',
  required: false,
  prompt: prompt(question, 'Which day? You can say today, yesterday or a date.'),
  sampleUtterances: ['{Date}', 'it was {Date}'],
});

export const noteSlot: SlotDefinition = {
  name: SlotName.Note,
  description: 'A free-text note kept with the transaction.',
  slotTypeName: 'NoteType',
  required: false,
  prompt: prompt('Any note to keep with it?'),
};

export const periodSlot: SlotDefinition = {
  name: SlotName.Period,
  description: 'How often the budget resets; the code hook assumes Monthly when it is not said.',
  slotTypeName: 'BudgetPeriodType',
  required: false,
  prompt: prompt('Is that a weekly, monthly or yearly budget?', 'Weekly, monthly or yearly?'),
  sampleUtterances: ['{Period}'],
};

export const countSlot: SlotDefinition = {
  name: SlotName.Count,
  description: 'How many transactions to show.',
  slotTypeName: 'AMAZON.Number',
  required: false,
  prompt: prompt('How many transactions should I show?'),
  sampleUtterances: ['{Count}'],
};

export const entrySlot: SlotDefinition = {
  name: SlotName.Entry,
  description: 'Which existing entry, in the user\'s words ("the costco one"); absent means the last change.',
  slotTypeName: 'EntryType',
  required: false,
  prompt: prompt('Which entry do you mean? For example "the coffee" or "the costco one".'),
};

export const currencySlot = (required: boolean): SlotDefinition => ({
  name: SlotName.Currency,
  description: 'An ISO 4217 currency code.',
  slotTypeName: 'CurrencyType',
  required,
  prompt: prompt(
    'Which currency? For example USD, EUR, GBP or VND.',
    'Which currency? A code like EUR or a name like euros works.',
  ),
  sampleUtterances: ['{Currency}', 'use {Currency}', 'in {Currency}'],
});

export const timeZoneSlot: SlotDefinition = {
  name: SlotName.TimeZone,
  description: 'An IANA time zone, said as a city, region or abbreviation.',
  slotTypeName: 'TimeZoneType',
  required: true,
  prompt: prompt(
    'Which time zone? A city works, for example New York, London or Tokyo.',
    'Which city or time zone are you in?',
  ),
  sampleUtterances: ['{TimeZone}', 'I live in {TimeZone}', "I'm in {TimeZone}"],
};

export const insightSlot: SlotDefinition = {
  name: SlotName.Insight,
  description: 'Which insight: Biggest, DailyAverage, WeeklyAverage, Trend, ByWeek, TopNotes or VersusUsual.',
  slotTypeName: 'InsightType',
  required: false,
  prompt: prompt(
    'Which would you like: biggest expenses, average per day or week, the trend, spending by week, top merchants, or how this compares with usual?',
  ),
  sampleUtterances: ['{Insight}'],
};

export const topicSlot: SlotDefinition = {
  name: SlotName.Topic,
  description: 'What kind of small talk: Thanks, Bye, HowAreYou, AreYouABot, Compliment or Complaint.',
  slotTypeName: 'SmallTalkTopicType',
  required: false,
  prompt: prompt('Anything else I can do for you?'),
};

export const intervalSlot: SlotDefinition = {
  name: SlotName.Interval,
  description: 'How many periods between two occurrences ("every 2 weeks" is 2); 1 when not said.',
  slotTypeName: 'AMAZON.Number',
  required: false,
  prompt: prompt('Every how many weeks or months?'),
  sampleUtterances: ['every {Interval}'],
};

export const repeatPeriodSlot: SlotDefinition = {
  name: SlotName.Period,
  description: 'How often it repeats: Daily, Weekly, Monthly or Yearly (with Interval: every 2 weeks).',
  slotTypeName: 'BudgetPeriodType',
  required: false,
  prompt: prompt(
    'How often does it repeat: every week, every month or every year?',
    'Weekly, monthly or yearly?',
  ),
  sampleUtterances: ['{Period}', 'every {Period}'],
};

export const recurringActionSlot: SlotDefinition = {
  name: SlotName.Action,
  description: 'Pause or Resume a recurring payment or income.',
  slotTypeName: 'RecurringActionType',
  required: false,
  prompt: prompt('Should I pause it or resume it?'),
  sampleUtterances: ['{Action}', '{Action} it'],
};
export const goalSlot = (required: boolean, question: string): SlotDefinition => ({
  name: SlotName.Goal,
  description: 'Which savings goal, in the person\'s words ("a trip to japan", "the car").',
  slotTypeName: 'GoalNameType',
  required,
  prompt: prompt(question, 'What is the goal for? For example "a trip to japan" or "a new car".'),
  sampleUtterances: ['{Goal}', 'for {Goal}', 'the {Goal}', 'my {Goal} goal'],
});

export const tagSlot = (required: boolean): SlotDefinition => ({
  name: SlotName.Tag,
  description: 'A tag as said ("#work", "travel"); the code hook normalises it.',
  slotTypeName: 'TagType',
  required,
  prompt: prompt('Which tag? For example work or travel.', 'Which tag should I use? One word, like work.'),
  sampleUtterances: ['{Tag}', 'tag it {Tag}', 'as {Tag}'],
});

export const categoryNameSlot = (required: boolean, question: string): SlotDefinition => ({
  name: SlotName.Category,
  description: "A category's name: a default one or the person's own (checked by the code hook).",
  slotTypeName: 'CategoryNameType',
  required,
  prompt: prompt(question, 'Which category? Say its name, for example Pets.'),
  sampleUtterances: ['{Category}', 'the {Category} category'],
});

export const newCategorySlot = (question: string): SlotDefinition => ({
  name: SlotName.NewCategory,
  description: 'The new name of a category, or the category another one is merged into.',
  slotTypeName: 'NewCategoryNameType',
  required: false,
  prompt: prompt(question, 'Which name? For example Eating out.'),
  sampleUtterances: ['{NewCategory}', 'to {NewCategory}', 'into {NewCategory}'],
});

/** One of the person's accounts (issue 12 point 1); the code hook checks that they have it. */
export const accountSlot = (required: boolean, question: string): SlotDefinition => ({
  name: SlotName.Account,
  description: "One of the person's accounts (cash, checking, savings, a credit card, a jar).",
  slotTypeName: 'AccountNameType',
  required,
  prompt: prompt(question, 'Which account? For example cash, checking, savings or your visa.'),
  sampleUtterances: ['{Account}', 'my {Account}', 'the {Account}', 'from {Account}', 'on {Account}'],
});
