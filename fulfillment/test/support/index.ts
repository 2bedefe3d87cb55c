/** `@budgetbuddy/fulfillment/testing`: test doubles other packages' tests use too. */
export { SettableClock } from './settableClock';
