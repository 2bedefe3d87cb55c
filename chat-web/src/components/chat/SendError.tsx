import type { FailedSend } from '../../hooks/useConversation';

export interface SendErrorProps {
  failure: FailedSend;
  busy: boolean;
  onRetry: () => void;
  onDismiss: () => void;
}

/** Why the last message was not sent, with Retry when sending it again unchanged can help. */
export function SendError({ failure, busy, onRetry, onDismiss }: SendErrorProps) {
  return (
    <div className="bb-send-error" role="alert" data-testid="send-error">
      <p className="bb-send-error__text">
        Not sent: “{failure.displayText}”. {failure.message}
      </p>
      <div className="bb-send-error__actions">
        {failure.retryable ? (
          <button type="button" className="bb-button" onClick={onRetry} disabled={busy}>
            Retry
          </button>
        ) : null}
        <button type="button" className="bb-button bb-button--secondary" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
