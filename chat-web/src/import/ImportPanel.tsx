import { useEffect, useRef } from 'react';
import type { ImportState } from './useBankImport';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const SHOWN_ROWS = 5;

export interface AttachButtonProps {
  disabled: boolean;
  onFile: (file: File) => void;
}

/**
 * The paperclip opens the file picker (a bank export or a receipt photo). On touch screens a camera
 * button opens the camera straight away (`capture`); a `capture` input cannot pick a .csv, hence two.
 */
export function AttachButton({ disabled, onFile }: AttachButtonProps) {
  return (
    <>
      <FilePickButton
        label="Photograph a receipt"
        className="bb-attach--camera"
        testId="camera"
        accept="image/jpeg,image/png"
        capture="environment"
        icon="M4 8h3l2-3h6l2 3h3v11H4z M12 10.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z"
        disabled={disabled}
        onFile={onFile}
      />
      <FilePickButton
        label="Add a bank file (.csv) or a receipt photo"
        testId="attach"
        accept=".csv,text/csv,image/jpeg,image/png"
        icon="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5"
        disabled={disabled}
        onFile={onFile}
      />
    </>
  );
}

interface FilePickButtonProps extends AttachButtonProps {
  label: string;
  /** `<testId>` on the button, `<testId>-input` on its hidden file input. */
  testId: string;
  accept: string;
  capture?: 'environment';
  className?: string;
  /** The outline icon's path (24×24, stroked). */
  icon: string;
}

/**
 * A visible button that opens a hidden file input: a styled `<input type="file">` cannot be labelled
 * and focused like the other buttons. The input is out of the tab order; the button is the control.
 */
function FilePickButton({
  label,
  testId,
  accept,
  capture,
  className,
  icon,
  disabled,
  onFile,
}: FilePickButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const take = (target: HTMLInputElement) => {
    const file = target.files?.[0];
    target.value = ''; // picking the same file again must fire onChange again
    if (file) onFile(file);
  };
  return (
    <>
      <button
        type="button"
        className={`bb-button bb-button--secondary bb-attach${className ? ` ${className}` : ''}`}
        aria-label={label}
        title={label}
        data-testid={testId}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" width="20" height="20">
          <path
            d={icon}
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        {...(capture ? { capture } : {})}
        className="bb-visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={`${testId}-input`}
        onChange={(event) => take(event.target)}
      />
    </>
  );
}

export interface ImportPanelProps {
  state: ImportState;
  onConfirm: () => void;
  onCancel: () => void;
  onAccount: (key: string) => void;
}

/** Upload progress, the preview card with Import and Cancel, or why the file was refused. */
export function ImportPanel({ state, onConfirm, onCancel, onAccount }: ImportPanelProps) {
  const importButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The decision is the next thing to do: put the keyboard on it.
    if (state.step === 'preview') (importButton.current ?? closeButton.current)?.focus();
    if (state.step === 'error') closeButton.current?.focus();
  }, [state.step]);

  if (state.step === 'idle') return null;
  if (state.step === 'error') {
    return (
      <div className="bb-send-error" role="alert" data-testid="import-error">
        <p className="bb-send-error__text">{state.message}</p>
        <div className="bb-send-error__actions">
          <button
            ref={closeButton}
            type="button"
            className="bb-button bb-button--secondary"
            onClick={onCancel}
          >
            Dismiss
          </button>
        </div>
      </div>
    );
  }
  if (state.step === 'receipt') {
    return (
      <div className="bb-import bb-import--receipt" data-testid="receipt-reading">
        <img className="bb-import__thumbnail" src={state.thumbnail} alt={`Receipt photo ${state.fileName}`} />
        <p className="bb-import__label" role="status">
          Reading your receipt…
        </p>
      </div>
    );
  }
  if (state.step === 'uploading') {
    const percent = Math.round(state.progress * 100);
    return (
      <div className="bb-import" data-testid="import-progress">
        <label className="bb-import__label">
          Reading {state.fileName}…
          <progress className="bb-import__progress" max={100} value={percent} />
        </label>
      </div>
    );
  }

  const { preview, fileName } = state;
  const committing = state.step === 'committing';
  const fresh = preview.preview.filter((row) => !row.duplicate);
  const skipped = preview.skipped ?? [];
  // The person's accounts (issue 13): the picker shows only when they have some of their own.
  const accounts = preview.accounts ?? [];
  const title =
    preview.new > 0
      ? `Import ${plural(preview.new, 'transaction')}${preview.duplicates > 0 ? ` — ${plural(preview.duplicates, 'duplicate')} skipped` : ''}`
      : `Nothing new to import — ${preview.rows === 0 ? 'no transactions found' : `all ${plural(preview.rows, 'transaction')} are already in your ledger`}`;
  return (
    <section
      className="bb-import bb-card"
      aria-label={`Import preview for ${fileName}`}
      data-testid="import-preview"
    >
      <p className="bb-card__title" data-testid="import-title">
        {title}
      </p>
      <p className="bb-card__subtitle">From {fileName}.</p>
      {fresh.length > 0 ? (
        <ul className="bb-import__rows">
          {fresh.slice(0, SHOWN_ROWS).map((row) => (
            <li key={row.line}>
              <span>{row.date}</span>{' '}
              <span className="bb-import__desc">{row.description || '(no description)'}</span>{' '}
              <span>
                {row.kind === 'income' ? '+' : '−'}
                {row.amount} {row.currency}
              </span>{' '}
              <span className="bb-import__category">{row.category}</span>
            </li>
          ))}
          {preview.new > SHOWN_ROWS ? <li>…and {preview.new - SHOWN_ROWS} more</li> : null}
        </ul>
      ) : null}
      {skipped.length > 0 ? (
        <p className="bb-import__note">
          {plural(skipped.length, 'card payment or transfer', 'card payments or transfers')} left out: moving
          your own money is not spending.
        </p>
      ) : null}
      {preview.errors.length > 0 ? (
        <p className="bb-import__note" data-testid="import-line-errors">
          {plural(preview.errors.length, 'line')} could not be read:{' '}
          {preview.errors
            .slice(0, 3)
            .map((e) => `line ${e.line}: ${e.message}`)
            .join(' ')}
        </p>
      ) : null}
      {preview.new > 0 && accounts.length > 0 ? (
        <label className="bb-import__account">
          Import into{' '}
          <select
            className="bb-import__select"
            data-testid="import-account"
            value={state.account ?? preview.account ?? accounts[0]!.key}
            disabled={committing}
            onChange={(event) => onAccount(event.target.value)}
          >
            {accounts.map((a) => (
              <option key={a.key} value={a.key}>
                {a.type === 'credit' ? `${a.name} (credit card)` : a.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {committing ? (
        <label className="bb-import__label">
          Importing {plural(preview.new, 'transaction')}…
          <progress className="bb-import__progress" max={preview.new} value={state.imported} />
        </label>
      ) : null}
      <div className="bb-card__buttons">
        {preview.new > 0 ? (
          <button
            ref={importButton}
            type="button"
            className="bb-button"
            disabled={committing}
            onClick={onConfirm}
          >
            Import
          </button>
        ) : null}
        <button
          ref={closeButton}
          type="button"
          className="bb-button bb-button--secondary"
          disabled={committing}
          onClick={onCancel}
        >
          {preview.new > 0 ? 'Cancel' : 'Close'}
        </button>
      </div>
    </section>
  );
}
