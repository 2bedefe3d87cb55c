import { lazy, Suspense, use, useEffect } from 'react';
import { Message } from '@chatscope/chat-ui-kit-react';
import type { Button } from '@budgetbuddy/fulfillment/chat-api';
import type { ConversationEntry } from '../../history/types';
import { ChartBoundary } from './ChartBoundary';
import { ContentGrewContext } from './contentGrew';
import { formatTime } from './formatTime';
import { ResponseCard } from './ResponseCard';
import { DownloadButton } from '../../download/DownloadButton';

const SpendingChart = lazy(() => import('./SpendingChart'));

export interface MessageBubbleProps {
  entry: ConversationEntry;
  /** Card buttons are live only in the latest reply and while no message is on its way. */
  buttonsDisabled: boolean;
  onChoose: (button: Button) => void;
  /** Place in a run of bubbles from the same side; the run's last bubble carries the time. */
  position?: 'single' | 'first' | 'normal' | 'last';
}

/** Rendered beside the chart inside its Suspense boundary, so it mounts when the chart does. */
function ReportGrowth() {
  const contentGrew = use(ContentGrewContext);
  useEffect(() => contentGrew(), [contentGrew]);
  return null;
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
    case 'chart': {
      // The text twin is what screen readers get (the drawing is aria-hidden); it is also what
      // everyone sees while the chart's code loads, or if it cannot be loaded.
      const twin = <p className="bb-text">{message.text}</p>;
      if (message.chart.data.length === 0) return twin;
      return (
        <ChartBoundary fallback={twin}>
          <Suspense fallback={twin}>
            <SpendingChart chart={message.chart} />
            <p className="bb-text bb-visually-hidden">{message.text}</p>
            <ReportGrowth />
          </Suspense>
        </ChartBoundary>
      );
    }
    case 'download':
      return <DownloadButton download={message} />;
  }
}

export function MessageBubble(props: MessageBubbleProps) {
  const { entry, position = 'single' } = props;
  const time = formatTime(entry.at, Date.now());
  const fromUser = entry.from === 'user';
  const showTime = position === 'single' || position === 'last';
  return (
    <Message
      model={{ direction: fromUser ? 'outgoing' : 'incoming', position, type: 'custom' }}
      data-testid={fromUser ? 'user-message' : 'bot-message'}
      className={`bb-message bb-message--${entry.message.type}`}
    >
      <Message.CustomContent>
        <span className="bb-visually-hidden">{fromUser ? 'You said: ' : 'BudgetBuddy said: '}</span>
        <BubbleBody {...props} />
        {showTime ? (
          <time className="bb-time" dateTime={time.iso} title={time.full}>
            {time.short}
          </time>
        ) : null}
      </Message.CustomContent>
    </Message>
  );
}
