import { lazy, Suspense } from 'react';
import { Message } from '@chatscope/chat-ui-kit-react';
import type { ChatButton } from '@budgetbuddy/fulfillment/src/proxy/contract';
import type { ConversationEntry } from '../../history/types';
import { formatTime } from './formatTime';
import { ResponseCard } from './ResponseCard';

const SpendingChart = lazy(() => import('./SpendingChart'));

export interface MessageBubbleProps {
  entry: ConversationEntry;
  buttonsDisabled: boolean;
  onChoose: (button: ChatButton) => void;
}

function BubbleBody({ entry, buttonsDisabled, onChoose }: MessageBubbleProps) {
  const { message } = entry;
  switch (message.type) {
    case 'text':
      // Text nodes only: nothing a user or the bot sends is ever parsed as HTML.
      return <p className="bb-text">{message.text}</p>;
    case 'card':
      return (
        <ResponseCard
          title={message.title}
          subtitle={message.subtitle}
          buttons={message.buttons}
          disabled={buttonsDisabled}
          onChoose={onChoose}
        />
      );
    case 'chart':
      return (
        <>
          <Suspense fallback={<div className="bb-chart bb-chart--loading" aria-hidden="true" />}>
            <SpendingChart chart={message.chart} />
          </Suspense>
          <p className="bb-text">{message.text}</p>
        </>
      );
  }
}

export function MessageBubble(props: MessageBubbleProps) {
  const { entry } = props;
  const time = formatTime(entry.at);
  const fromUser = entry.from === 'user';
  return (
    <Message
      model={{ direction: fromUser ? 'outgoing' : 'incoming', position: 'single', type: 'custom' }}
      data-testid={fromUser ? 'user-message' : 'bot-message'}
      className={`bb-message bb-message--${entry.message.type}`}
    >
      <Message.CustomContent>
        <span className="bb-visually-hidden">{fromUser ? 'You said: ' : 'BudgetBuddy said: '}</span>
        <BubbleBody {...props} />
        <time className="bb-time" dateTime={time.iso} title={time.full}>
          {time.short}
        </time>
      </Message.CustomContent>
    </Message>
  );
}
