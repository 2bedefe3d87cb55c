/**
 * `@budgetbuddy/bot/lex`: the Lex V2 code-hook contract (the event Lex sends, the response it takes),
 * shared by the local runtime that calls a code hook and the fulfillment Lambda that is one.
 */
export * from './schemas';
