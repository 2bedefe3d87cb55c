import { useId, type KeyboardEvent, type RefObject } from 'react';
import { MAX_TEXT_LENGTH } from '@budgetbuddy/fulfillment/chat-api';

/** The character count appears this close to the limit. */
const COUNT_FROM = MAX_TEXT_LENGTH - 124;

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
 * HTML: here everything typed or pasted stays plain text. No maxLength: it would silently cut a
 * pasted text; an over-long message is shown with a count and is not sent until shortened.
 */
export function Composer({ value, onChange, onSend, lastTyped, busy, inputRef }: ComposerProps) {
  const id = useId();
  const length = value.trim().length;
  const tooLong = length > MAX_TEXT_LENGTH;
  const canSend = !busy && length > 0 && !tooLong;

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (canSend) onSend(value);
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
        if (canSend) onSend(value);
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
        placeholder="e.g. spent 12.50 on lunch"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={handleKeyDown}
        aria-describedby={`${id}-hint${length > COUNT_FROM ? ` ${id}-count` : ''}`}
        aria-invalid={tooLong || undefined}
        enterKeyHint="send"
      />
      <span id={`${id}-hint`} className="bb-visually-hidden">
        Enter sends, Shift+Enter starts a new line, Up arrow recalls your last message.
      </span>
      {length > COUNT_FROM ? (
        <span
          id={`${id}-count`}
          className={`bb-composer__count${tooLong ? ' bb-composer__count--over' : ''}`}
          data-testid="composer-count"
        >
          {tooLong
            ? `${length - MAX_TEXT_LENGTH} characters too long (limit ${MAX_TEXT_LENGTH})`
            : `${MAX_TEXT_LENGTH - length} characters left`}
        </span>
      ) : null}
      <button type="submit" className="bb-button bb-composer__send" disabled={!canSend}>
        Send
      </button>
    </form>
  );
}
