import { useCallback, useRef, type Ref, type UIEvent } from 'react';
import { MessageList as ChatscopeMessageList, TypingIndicator } from '@chatscope/chat-ui-kit-react';
import type { Button } from '@budgetbuddy/fulfillment/chat-api';
import type { ConversationEntry } from '../../history/types';
import { ContentGrewContext } from './contentGrew';
import { MessageBubble } from './MessageBubble';

/** What chatscope's MessageList ref really exposes (its typings say HTMLDivElement). */
interface ChatscopeListHandle {
  scrollToBottom(behavior?: 'auto' | 'smooth'): void;
}

/** Within this many pixels of the end counts as "reading the newest messages". */
const NEAR_END_PX = 48;

export interface MessageListProps {
  entries: ConversationEntry[];
  pending: boolean;
  onChoose: (button: Button) => void;
}

/**
 * Index of the first entry of the latest bot reply. Buttons of older replies are stale: "Undo"
 * under yesterday's lunch would undo whatever was logged last, and a "Yes" answers no open question.
 */
function latestReplyStart(entries: readonly ConversationEntry[]): number {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.from === 'user') return i + 1;
  return 0;
}

type Position = 'single' | 'first' | 'normal' | 'last';

/** Consecutive bubbles from the same side form one visual group (one bot reply is often several). */
function positionOf(entries: readonly ConversationEntry[], index: number): Position {
  const from = entries[index]!.from;
  const joinsPrevious = index > 0 && entries[index - 1]!.from === from;
  const joinsNext = index < entries.length - 1 && entries[index + 1]!.from === from;
  if (joinsPrevious && joinsNext) return 'normal';
  if (joinsPrevious) return 'last';
  if (joinsNext) return 'first';
  return 'single';
}

export function MessageList({ entries, pending, onChoose }: MessageListProps) {
  const liveFrom = latestReplyStart(entries);
  const listRef = useRef<ChatscopeListHandle>(null);
  const nearEnd = useRef(true);

  // Scroll events do not bubble; the capture phase sees the inner scroll container's.
  const trackScroll = useCallback((event: UIEvent<HTMLDivElement>) => {
    const el = event.target as HTMLElement;
    nearEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_END_PX;
  }, []);
  const contentGrew = useCallback(() => {
    if (nearEnd.current) requestAnimationFrame(() => listRef.current?.scrollToBottom('auto'));
  }, []);

  return (
    <ContentGrewContext value={contentGrew}>
      <ChatscopeMessageList
        ref={listRef as unknown as Ref<HTMLDivElement>}
        className="bb-message-list"
        aria-label="Conversation"
        onScrollCapture={trackScroll}
        typingIndicator={
          pending ? <TypingIndicator content="BudgetBuddy is typing" data-testid="typing" /> : undefined
        }
      >
        {entries.map((entry, index) => (
          <MessageBubble
            key={entry.id}
            entry={entry}
            buttonsDisabled={pending || index < liveFrom}
            position={positionOf(entries, index)}
            onChoose={onChoose}
          />
        ))}
      </ChatscopeMessageList>
    </ContentGrewContext>
  );
}
