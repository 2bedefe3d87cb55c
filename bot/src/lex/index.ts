/**
 * `@budgetbuddy/bot/lex`: the Lex V2 code-hook contract (the event Lex sends, the response it takes),
 * shared by the local runtime that calls a code hook and the fulfillment Lambda that is one, and the
 * one builder of that event (the runtime's, which fulfillment's unit tests use too).
 */
export * from './schemas';
export { buildCodeHookEvent, type BotIdentity, type CodeHookEventInput } from '../dialog/codeHookEvent';
