/**
 * `@budgetbuddy/bot/export`: the definition as Lex sees it: CloudFormation bot locales for the CDK
 * stack, and push/pull through the Lex Models V2 API.
 */
export { toCfnBotLocales } from './toCfnBotLocales';
export { pushBot, type PushOptions, type PushResult } from './pushBot';
export { pullBot } from './pullBot';
