/**
 * `@budgetbuddy/bot/runtime`: the local Lex V2 runtime (an HTTP server speaking the Lex runtime and
 * models APIs) and the clock it runs on.
 */
export { startLexServer, type LexServer, type LexServerOptions } from './server';
export { createModelsApiRoutes, type ModelsApiOptions } from '../modelsApi/modelsApiRoutes';
export type { Clock } from '../dialog/types';
