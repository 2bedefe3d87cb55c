/**
 * `@budgetbuddy/bot/calendar`: calendar days in a time zone, and the day or range a date slot names.
 * The NLU reads dates with these and fulfillment files and totals entries with the same ones.
 */
export * from './nlu/calendar';
export * from './nlu/dateRange';
// The date words, for tools that name days (the NLU eval's accepted dates).
export { MONTHS, WEEKDAYS, monthNumber, weekdayNumber } from './nlu/dateWords';
