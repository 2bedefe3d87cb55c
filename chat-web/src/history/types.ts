import type { ChatMessage } from '@budgetbuddy/fulfillment/chat-api';

/** One bubble in the conversation. User bubbles are always text. */
export interface ConversationEntry {
  id: string;
  from: 'user' | 'bot';
  /** Epoch milliseconds when it was sent or received. */
  at: number;
  message: ChatMessage;
}
