/**
 * `@budgetbuddy/bot/testing`: test doubles for the bot and for every package that runs it. The clock
 * lives here, beside the `Clock` the runtime takes, so the bot's tests and fulfillment's drive time
 * with the one class.
 */
export { SettableClock } from './settableClock';
