import { MessageList as ChatscopeMessageList, TypingIndicator } from '@chatscope/chat-ui-kit-react';
import type { ChatButton } from '@budgetbuddy/fulfillment/src/proxy/contract';
import type { ConversationEntry } from '../../history/types';
import { MessageBubble } from './MessageBubble';

export interface MessageListProps {
  entries: ConversationEntry[];
  pending: boolean;
  onChoose: (button: ChatButton) => void;
}

export function MessageList({ entries, pending, onChoose }: MessageListProps) {
  return (
    <ChatscopeMessageList
      className="bb-message-list"
      aria-label="Conversation"
      typingIndicator={
        pending ? <TypingIndicator content="BudgetBuddy is typing" data-testid="typing" /> : undefined
      }
    >
      {entries.map((entry) => (
        <MessageBubble key={entry.id} entry={entry} buttonsDisabled={pending} onChoose={onChoose} />
      ))}
    </ChatscopeMessageList>
  );
}
