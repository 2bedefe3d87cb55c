import { IntentName } from '../names';
import type { IntentDefinition } from '../types';
import { expenseCategorySlot, periodSlot } from './slots';

/**
 * Remove a budget. Neither slot is required: with one budget there is nothing to ask, with several the
 * code hook asks which one.
 */
export const DeleteBudget: IntentDefinition = {
  name: IntentName.DeleteBudget,
  description: 'Remove a budget.',
  sampleUtterances: [
    'remove my {Category} budget',
    'delete my {Category} budget',
    'delete the {Category} budget',
    'remove the {Period} budget',
    'delete the {Period} budget',
    'delete my {Period} {Category} budget',
    'stop budgeting {Category}',
    'stop budgeting for {Category}',
    'I no longer want a {Category} budget',
    "I don't need a {Category} budget anymore",
    'get rid of the {Category} budget',
    'get rid of my budget',
    'cancel my {Category} budget',
    'cancel the {Period} budget',
    'drop the {Category} budget',
    'clear my {Category} budget',
    'remove the budget for {Category}',
    'delete the budget for {Category}',
    'no more budget for {Category}',
    'remove the limit on {Category}',
    'take off the {Category} limit',
    'delete a budget',
    'remove a budget',
    'delete my budget',
    'remove my budget',
    'remove all my budgets',
    'delete budget',
    'turn off the {Category} budget',
    'I want to remove a budget',
  ],
  slots: [expenseCategorySlot(false, 'Which budget should I remove?'), periodSlot],
  confirmation: {
    prompt: {
      messageGroups: [{ message: 'Remove that budget?' }],
      maxRetries: 2,
      allowInterrupt: true,
    },
    declinationResponse: { message: 'OK, I kept your budgets.' },
    failureResponse: { message: "I didn't get a yes or a no, so I kept your budgets." },
  },
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};
