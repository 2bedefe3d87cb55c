import { useId, type KeyboardEvent, type RefObject } from 'react';

/** Mirrors the server's limit (MAX_TEXT_LENGTH in the chat contract). */
const MAX_TEXT_LENGTH = 1024;

export interface ComposerProps {
  value: string;
  onChange: (text: string) => void;
  onSend: (text: string) => void;
  /** The previous typed message, recalled by ArrowUp in an empty composer. */
  lastTyped: string | undefined;
  busy: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}

/**
 * A plain textarea rather than chatscope's contenteditable MessageInput, which can keep pasted
 * HTML: here everything typed or pasted stays plain text.
 */
export function Composer({ value, onChange, onSend, lastTyped, busy, inputRef }: ComposerProps) {
  const id = useId();

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (!busy) onSend(value);
    } else if (event.key === 'ArrowUp' && value === '' && lastTyped) {
      event.preventDefault();
      onChange(lastTyped);
    }
  }

  return (
    <form
      className="bb-composer"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onSend(value);
      }}
    >
      <label htmlFor={id} className="bb-visually-hidden">
        Message BudgetBuddy
      </label>
      <textarea
        id={id}
        ref={inputRef}
        className="bb-composer__input"
        data-testid="composer"
        rows={1}
        maxLength={MAX_TEXT_LENGTH}
        placeholder="e.g. spent 12.50 on lunch"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={handleKeyDown}
        aria-describedby={`${id}-hint`}
        enterKeyHint="send"
      />
      <span id={`${id}-hint`} className="bb-visually-hidden">
        Enter sends, Shift+Enter starts a new line, Up arrow recalls your last message.
      </span>
      <button type="submit" className="bb-button bb-composer__send" disabled={busy || value.trim() === ''}>
        Send
      </button>
    </form>
  );
}
