import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Button } from '@budgetbuddy/fulfillment/chat-api';
import type { AuthSession } from '../../auth/AuthSession';
import { clearHistory } from '../../history/historyStore';
import { useConversation } from '../../hooks/useConversation';
import { useMediaQuery } from '../../hooks/useMediaQuery';
import { useOverview } from '../../hooks/useOverview';
import { OverviewContent } from '../overview/OverviewContent';
import { OverviewDrawer } from '../overview/OverviewDrawer';
import { AttachButton, ImportPanel } from '../../import/ImportPanel';
import { useBankImport } from '../../import/useBankImport';
import { ApiAccessContext, type ApiAccess } from '../../download/DownloadButton';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { SendError } from './SendError';
import { Suggestions } from './Suggestions';

export interface ChatProps {
  session: AuthSession;
  apiBase: string;
  embedded: boolean;
}

/** From this width the overview sits beside the chat; below it, it is a drawer opened from the header. */
const WIDE_QUERY = '(min-width: 1024px)';

/** On a touch screen, focusing the composer at start-up would pop the keyboard over the suggestions. */
function hasFinePointer(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(pointer: fine)').matches;
}

/** The one stateful chat container: owns the conversation, passes narrow props down. */
export function Chat({ session, apiBase, embedded }: ChatProps) {
  const conversation = useConversation(session, apiBase);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const { send, retry, dismissFailure } = conversation;
  const bankImport = useBankImport(session, apiBase, conversation.addNote, conversation.addBotMessages);
  const apiAccess = useMemo<ApiAccess>(
    () => ({ apiBase, requestHeaders: () => session.requestHeaders() }),
    [apiBase, session],
  );
  const importBusy =
    bankImport.state.step === 'uploading' ||
    bankImport.state.step === 'committing' ||
    bankImport.state.step === 'receipt';

  useEffect(() => {
    if (hasFinePointer()) inputRef.current?.focus();
  }, []);

  // The overview (issue 12 point 6): a panel beside the chat on wide screens, a drawer from the header
  // on narrow ones; not inside the embedded widget, whose host page gives it a small panel.
  const wide = useMediaQuery(WIDE_QUERY);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const drawerButton = useRef<HTMLButtonElement>(null);
  const showOverview = !embedded;
  const overview = useOverview(
    session,
    apiBase,
    conversation.dataVersion,
    showOverview && (wide || drawerOpen),
  );
  const closeDrawer = useCallback(() => {
    setDrawerOpen(false);
    drawerButton.current?.focus();
  }, []);
  useEffect(() => {
    if (wide) setDrawerOpen(false);
  }, [wide]);

  const signOut = session.signOut;
  const handleSignOut = signOut
    ? () => {
        // A shared computer must not show the next person this user's conversation.
        clearHistory(session.userKey);
        void signOut();
      }
    : undefined;

  const choose = useCallback(
    (button: Button) => {
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
  // The Retry and Dismiss buttons disappear with the error panel; focus goes back to the composer.
  const handleRetry = useCallback(() => {
    retry();
    inputRef.current?.focus();
  }, [retry]);
  const handleDismiss = useCallback(() => {
    dismissFailure();
    inputRef.current?.focus();
  }, [dismissFailure]);

  // Inside the widget, the host page's panel already has a title bar; only sign-in needs a header.
  const showHeader = !embedded || handleSignOut !== undefined;

  return (
    <div
      className={`bb-chat${embedded ? ' bb-chat--embedded' : ''}${showOverview && wide ? ' bb-chat--with-overview' : ''}`}
      // A bank file dropped anywhere on the chat is imported (previewed first).
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) event.preventDefault();
      }}
      onDrop={(event) => {
        const file = event.dataTransfer.files[0];
        if (!file) return;
        event.preventDefault();
        bankImport.choose(file);
      }}
    >
      {showHeader ? (
        <header className="bb-header">
          <h1 className={embedded ? 'bb-visually-hidden' : 'bb-header__title'}>
            <svg className="bb-header__logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
            </svg>
            BudgetBuddy
          </h1>
          {session.displayName ? <span className="bb-header__user">{session.displayName}</span> : null}
          {showOverview && !wide ? (
            <button
              ref={drawerButton}
              type="button"
              className="bb-button bb-button--header"
              aria-haspopup="dialog"
              aria-expanded={drawerOpen}
              aria-controls="bb-overview-drawer"
              data-testid="overview-button"
              onClick={() => setDrawerOpen(true)}
            >
              Overview
            </button>
          ) : null}
          {handleSignOut ? (
            <button type="button" className="bb-button bb-button--header" onClick={handleSignOut}>
              Sign out
            </button>
          ) : null}
        </header>
      ) : (
        <h1 className="bb-visually-hidden">BudgetBuddy</h1>
      )}
      <main className="bb-main">
        {conversation.entries.length === 0 && !conversation.pending ? (
          <Suggestions disabled={conversation.pending} onPick={pick} />
        ) : (
          <ApiAccessContext value={apiAccess}>
            <MessageList entries={conversation.entries} pending={conversation.pending} onChoose={choose} />
          </ApiAccessContext>
        )}
      </main>
      <footer className="bb-footer">
        {conversation.failure ? (
          <SendError
            failure={conversation.failure}
            busy={conversation.pending}
            onRetry={handleRetry}
            onDismiss={handleDismiss}
          />
        ) : null}
        <ImportPanel
          state={bankImport.state}
          onConfirm={bankImport.confirm}
          onCancel={bankImport.cancel}
          onAccount={bankImport.chooseAccount}
        />
        <div className="bb-compose-row">
          <Composer
            value={conversation.draft}
            onChange={conversation.setDraft}
            onSend={(text) => send(text, { fromComposer: true })}
            lastTyped={conversation.lastTyped}
            busy={conversation.pending}
            inputRef={inputRef}
          />
          {/* After the composer, so Shift+Tab from it still reaches the suggestions first. */}
          <AttachButton disabled={importBusy} onFile={bankImport.choose} />
        </div>
      </footer>
      {showOverview && wide ? (
        <aside className="bb-overview" aria-labelledby="bb-overview-title" data-testid="overview-panel">
          <h2 id="bb-overview-title" className="bb-overview__title">
            Overview
          </h2>
          <OverviewContent
            state={overview.state}
            onRetry={() => void overview.reload()}
            idPrefix="bb-panel"
          />
        </aside>
      ) : null}
      {showOverview && !wide ? (
        <OverviewDrawer open={drawerOpen} onClose={closeDrawer} titleId="bb-drawer-title">
          <OverviewContent
            state={overview.state}
            onRetry={() => void overview.reload()}
            idPrefix="bb-drawer"
          />
        </OverviewDrawer>
      ) : null}
      {/* chatscope's message list is not a live region, so bot replies are announced here. */}
      <div className="bb-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
        <p key={conversation.announcement.id}>{conversation.announcement.text}</p>
      </div>
    </div>
  );
}
