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
