import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '@budgetbuddy/fulfillment/chat-api';
import { changesData } from '../api/changesData';
import { sendChat } from '../api/client';
import { newMessageId } from '../api/messageId';
import type { AuthSession } from '../auth/AuthSession';
import { forgetOtherUsers, loadHistory, saveHistory } from '../history/historyStore';
import type { ConversationEntry } from '../history/types';

/** A message the server did not answer; Retry resends it with the same clientMessageId. */
export interface FailedSend {
  text: string;
  displayText: string;
  clientMessageId: string;
  message: string;
  retryable: boolean;
  /** It was typed (its text is back in the composer), not a card button or suggestion. */
  fromComposer: boolean;
}

export interface SendOptions {
  /** What the user's bubble shows, when it differs from what is sent (card buttons). */
  displayText?: string;
  /** Typed in the composer: the draft is cleared on send and restored on failure. */
  fromComposer?: boolean;
}

export interface Conversation {
  entries: ConversationEntry[];
  pending: boolean;
  failure: FailedSend | null;
  draft: string;
  setDraft: (text: string) => void;
  /** Text of the latest bot reply, for the aria-live region; `id` changes every time. */
  announcement: { id: number; text: string };
  /** The last text the user typed, for ArrowUp recall. */
  lastTyped: string | undefined;
  send: (text: string, options?: SendOptions) => void;
  /** Adds a message from BudgetBuddy that did not come from a chat turn (an import's summary). */
  addNote: (text: string) => void;
  /** Adds BudgetBuddy's messages from outside a chat turn (a receipt's proposal). */
  addBotMessages: (messages: ChatMessage[]) => void;
  retry: () => void;
  dismissFailure: () => void;
  /** Goes up after every turn that may have changed data (and every note from an import): the overview reloads. */
  dataVersion: number;
}

/** What a screen reader should hear for a bot message. */
export function spokenText(message: ChatMessage): string {
  switch (message.type) {
    case 'text':
    case 'chart':
      return message.text;
    case 'card':
      return [message.title, message.subtitle, ...message.buttons.map((b) => b.text)]
        .filter(Boolean)
        .join('. ');
    case 'download':
      return message.label;
  }
}

function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export function useConversation(
  session: AuthSession,
  apiBase: string,
  now: () => number = Date.now,
): Conversation {
  const [entries, setEntries] = useState<ConversationEntry[]>(() => {
    forgetOtherUsers(session.userKey);
    return loadHistory(session.userKey);
  });
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<FailedSend | null>(null);
  const [draft, setDraft] = useState('');
  const [announcement, setAnnouncement] = useState({ id: 0, text: '' });
  // The same reply twice ("Sorry, I didn't get that") must be announced twice: a new id remounts it.
  const announce = useCallback(
    (text: string) => setAnnouncement((previous) => ({ id: previous.id + 1, text })),
    [],
  );
  const [lastTyped, setLastTyped] = useState<string | undefined>(undefined);
  const [dataVersion, setDataVersion] = useState(0);
  // A ref, not state, so two quick clicks cannot both pass the "not busy" check.
  const busy = useRef(false);

  useEffect(() => saveHistory(session.userKey, entries), [session.userKey, entries]);

  const deliver = useCallback(
    async (text: string, displayText: string, clientMessageId: string, fromComposer: boolean) => {
      if (busy.current) return;
      busy.current = true;
      setPending(true);
      setFailure(null);
      if (fromComposer) {
        setDraft('');
        setLastTyped(text);
      }
      const userEntry: ConversationEntry = {
        id: clientMessageId,
        from: 'user',
        at: now(),
        message: { type: 'text', text: displayText },
      };
      setEntries((current) => [...current.filter((e) => e.id !== clientMessageId), userEntry]);

      let result: Awaited<ReturnType<typeof sendChat>>;
      try {
        const headers = await session.requestHeaders();
        result = await sendChat(apiBase, { text, clientMessageId, timeZone: browserTimeZone() }, headers);
      } catch (error) {
        result = {
          ok: false,
          message: error instanceof Error ? error.message : String(error),
          retryable: true,
        };
      }

      if (result.ok) {
        const at = now();
        const replies = result.reply.messages.map((message, index): ConversationEntry => ({
          id: `${clientMessageId}-${index}`,
          from: 'bot',
          at,
          message,
        }));
        setEntries((current) => [...current, ...replies]);
        announce(replies.map((r) => spokenText(r.message)).join(' '));
        if (changesData(result.reply)) setDataVersion((v) => v + 1);
      } else {
        setEntries((current) => current.filter((e) => e.id !== clientMessageId));
        setFailure({
          text,
          displayText,
          clientMessageId,
          message: result.message,
          retryable: result.retryable,
          fromComposer,
        });
        // Not announced here: the error panel is role="alert" and is read out on its own.
        // Back into the composer, unless the user has started typing something else meanwhile.
        if (fromComposer) setDraft((current) => (current.trim() === '' ? text : current));
      }
      busy.current = false;
      setPending(false);
    },
    [announce, apiBase, now, session],
  );

  const send = useCallback(
    (rawText: string, options: SendOptions = {}) => {
      const text = rawText.trim();
      if (text === '') return;
      // Re-sending the text that just failed is a retry: same id, so the server logs it at most once.
      const clientMessageId = failure && failure.text === text ? failure.clientMessageId : newMessageId();
      void deliver(text, options.displayText ?? text, clientMessageId, options.fromComposer ?? false);
    },
    [deliver, failure],
  );

  const retry = useCallback(() => {
    if (!failure) return;
    void deliver(failure.text, failure.displayText, failure.clientMessageId, failure.fromComposer);
  }, [deliver, failure]);

  const dismissFailure = useCallback(() => setFailure(null), []);

  const addBotMessages = useCallback(
    (messages: ChatMessage[]) => {
      const at = now();
      const id = `note-${newMessageId()}`;
      const added = messages.map((message, index): ConversationEntry => ({
        id: `${id}-${index}`,
        from: 'bot',
        at,
        message,
      }));
      setEntries((current) => [...current, ...added]);
      announce(messages.map(spokenText).join(' '));
      // An import's summary or a receipt's proposal: what the overview shows may have moved.
      setDataVersion((v) => v + 1);
    },
    [announce, now],
  );
  const addNote = useCallback((text: string) => addBotMessages([{ type: 'text', text }]), [addBotMessages]);

  const fallbackTyped = [...entries].reverse().find((e) => e.from === 'user' && e.message.type === 'text');
  return {
    entries,
    pending,
    failure,
    draft,
    setDraft,
    announcement,
    lastTyped: lastTyped ?? (fallbackTyped?.message.type === 'text' ? fallbackTyped.message.text : undefined),
    send,
    addNote,
    addBotMessages,
    retry,
    dismissFailure,
    dataVersion,
  };
}
