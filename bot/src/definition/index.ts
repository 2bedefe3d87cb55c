/**
 * `@budgetbuddy/bot`: the bot as typed data. Intent, slot and category names, the session attributes
 * the proxy and the code hook share, the definition types, and the definition itself.
 */
export { budgetBuddyBot } from './bot';
export * from './names';
export * from './types';
export { ExpenseCategoryType, HAND_SYNONYMS } from './slotTypes/ExpenseCategoryType';
export { IncomeCategoryType } from './slotTypes/IncomeCategoryType';
export { accountWords, listedAccountOf } from './slotTypes/AccountNameType';
