/** `@budgetbuddy/fulfillment/testing`: test doubles other packages' tests use too. */
export { SettableClock } from './settableClock';
export {
  DEFAULT_TIME_ZONE,
  sessionIdFor,
  startConversationHarness,
  type ConversationHarness,
  type HarnessOptions,
  type SayOptions,
} from '../harness';
