/**
 * Each person's own categories (issue 12 point 4): add one, rename one, merge one into another, list
 * them. The names are read by CategoryNameType (the defaults as values, the person's own let through).
 */
import { IntentName } from '../names';
import type { IntentDefinition } from '../types';
import { categoryNameSlot, newCategorySlot } from './slots';

export const AddCategory: IntentDefinition = {
  name: IntentName.AddCategory,
  description: "Add a category of the person's own.",
  sampleUtterances: [
    'add a category called {Category}',
    'add a new category called {Category}',
    'add a category named {Category}',
    'create a category called {Category}',
    'create a new category named {Category}',
    'make a category called {Category}',
    'make a new category for {Category}',
    'new category called {Category}',
    'I want a category called {Category}',
    'I need a new category called {Category}',
    'can you add a category called {Category}',
    'please add a category named {Category}',
    'add {Category} as a category',
    'add {Category} as a new category',
    'add {Category} to my categories',
    'start a category called {Category}',
    'set up a category named {Category}',
    'add a category',
    'create a new category',
    'I want my own category',
  ],
  slots: [categoryNameSlot(true, 'What should the new category be called?')],
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};

export const RenameCategory: IntentDefinition = {
  name: IntentName.RenameCategory,
  description: 'Rename a category; its entries and budgets keep their history under the new name.',
  sampleUtterances: [
    'rename {Category} to {NewCategory}',
    'rename the {Category} category to {NewCategory}',
    'rename my {Category} category to {NewCategory}',
    'rename category {Category} to {NewCategory}',
    'change the name of {Category} to {NewCategory}',
    'change the {Category} category name to {NewCategory}',
    'call the {Category} category {NewCategory} instead',
    'I want to rename {Category} to {NewCategory}',
    'can you rename {Category} to {NewCategory}',
    'please rename the category {Category} as {NewCategory}',
    'rename a category',
    'I want to rename a category',
    'rename {Category}',
  ],
  slots: [
    categoryNameSlot(true, 'Which category should I rename?'),
    newCategorySlot('What should it be called?'),
  ],
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};

export const MergeCategory: IntentDefinition = {
  name: IntentName.MergeCategory,
  description: 'Merge one category into another: entries and budgets move, the first category goes.',
  sampleUtterances: [
    'merge {Category} into {NewCategory}',
    'merge the {Category} category into {NewCategory}',
    'merge my {Category} category into {NewCategory}',
    'merge {Category} with {NewCategory}',
    'combine {Category} into {NewCategory}',
    'combine {Category} with {NewCategory}',
    'fold {Category} into {NewCategory}',
    'move everything from {Category} into {NewCategory}',
    'move all my {Category} entries to {NewCategory}',
    'I want to merge {Category} into {NewCategory}',
    'can you merge {Category} into {NewCategory}',
    'merge two categories',
    'merge categories',
    'combine two categories',
  ],
  slots: [
    categoryNameSlot(true, 'Which category should I merge into another?'),
    newCategorySlot('Which category should it go into?'),
  ],
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};

export const ListCategories: IntentDefinition = {
  name: IntentName.ListCategories,
  description: "The person's categories: the defaults and their own.",
  sampleUtterances: [
    'what are my categories',
    'list my categories',
    'show my categories',
    'show me all my categories',
    'which categories do I have',
    'what categories can I use',
    'what categories are there',
    'list the categories',
    'list all categories',
    'my categories',
    'show categories',
    'what categories do you have',
    'which categories can I log to',
    'tell me my categories',
    'what spending categories are available',
  ],
  slots: [],
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};
