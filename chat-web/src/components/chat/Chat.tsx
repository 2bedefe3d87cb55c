import { useCallback, useRef } from 'react';
import type { ChatButton } from '@budgetbuddy/fulfillment/src/proxy/contract';
import type { AuthSession } from '../../auth/AuthSession';
import { clearHistory } from '../../history/historyStore';
import { useConversation } from '../../hooks/useConversation';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { SendError } from './SendError';
import { Suggestions } from './Suggestions';

export interface ChatProps {
  session: AuthSession;
  apiBase: string;
  embedded: boolean;
}

/** The one stateful chat container: owns the conversation, passes narrow props down. */
export function Chat({ session, apiBase, embedded }: ChatProps) {
  const conversation = useConversation(session, apiBase);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const { send } = conversation;

  const signOut = session.signOut;
  const handleSignOut = signOut
    ? () => {
        // A shared computer must not show the next person this user's conversation.
        clearHistory(session.userKey);
        void signOut();
      }
    : undefined;

  const choose = useCallback(
    (button: ChatButton) => {
      send(button.value, { displayText: button.text });
      inputRef.current?.focus();
    },
    [send],
  );
  const pick = useCallback(
    (text: string) => {
      send(text);
      inputRef.current?.focus();
    },
    [send],
  );

  return (
    <div className={`bb-chat${embedded ? ' bb-chat--embedded' : ''}`}>
      <header className="bb-header">
        <h1 className="bb-header__title">BudgetBuddy</h1>
        {session.displayName ? <span className="bb-header__user">{session.displayName}</span> : null}
        {handleSignOut ? (
          <button type="button" className="bb-button bb-button--secondary" onClick={handleSignOut}>
            Sign out
          </button>
        ) : null}
      </header>
      <main className="bb-main">
        {conversation.entries.length === 0 && !conversation.pending ? (
          <Suggestions disabled={conversation.pending} onPick={pick} />
        ) : (
          <MessageList entries={conversation.entries} pending={conversation.pending} onChoose={choose} />
        )}
      </main>
      <footer className="bb-footer">
        {conversation.failure ? (
          <SendError
            failure={conversation.failure}
            busy={conversation.pending}
            onRetry={conversation.retry}
            onDismiss={conversation.dismissFailure}
          />
        ) : null}
        <Composer
          value={conversation.draft}
          onChange={conversation.setDraft}
          onSend={(text) => send(text, { fromComposer: true })}
          lastTyped={conversation.lastTyped}
          busy={conversation.pending}
          inputRef={inputRef}
        />
      </footer>
      {/* chatscope's message list is not a live region, so bot replies are announced here. */}
      <div className="bb-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {conversation.announcement}
      </div>
    </div>
  );
}
