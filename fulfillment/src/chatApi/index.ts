/**
 * `@budgetbuddy/fulfillment/chat-api`: the chat API as the browser and the scripts see it: the reply
 * contract (zod/mini schemas and their types), the overview panel's reply (GET /api/overview), the
 * request's limits and the request type. Nothing here
 * pulls in server code, so chat-web can import values from it.
 */
export * from './reply';
export * from './limits';
export * from './overview';
export type { ChatRequest } from '../proxy/contract';
