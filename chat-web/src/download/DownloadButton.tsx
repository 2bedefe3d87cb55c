import { createContext, use, useState } from 'react';
import type { Download } from '@budgetbuddy/fulfillment/chat-api';
import { downloadFile } from './fileDownload';

/** What a download needs from the signed-in chat: where the API is and who is asking. */
export interface ApiAccess {
  apiBase: string;
  requestHeaders: () => Promise<Record<string, string>>;
}

export const ApiAccessContext = createContext<ApiAccess | null>(null);

type State =
  | { step: 'idle' }
  | { step: 'busy' }
  | { step: 'saved'; fileName: string }
  | { step: 'failed'; message: string };

/**
 * The bot's download message ("export my transactions"): a button that fetches the file with the
 * person's identity and saves it. Old replies keep a working button: the file is made when pressed.
 */
export function DownloadButton({ download }: { download: Download }) {
  const access = use(ApiAccessContext);
  const [state, setState] = useState<State>({ step: 'idle' });

  const start = async () => {
    if (!access || state.step === 'busy') return;
    setState({ step: 'busy' });
    const result = await downloadFile(
      access.apiBase,
      download.url,
      await access.requestHeaders(),
      'budgetbuddy.csv',
    );
    setState(
      result.ok ? { step: 'saved', fileName: result.fileName } : { step: 'failed', message: result.message },
    );
  };

  return (
    <div className="bb-download">
      <button
        type="button"
        className="bb-button"
        data-testid="download-button"
        disabled={!access || state.step === 'busy'}
        aria-busy={state.step === 'busy'}
        onClick={() => void start()}
      >
        <svg className="bb-download__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 3v11m0 0-4.5-4.5M12 14l4.5-4.5M4 17v3h16v-3" />
        </svg>
        {state.step === 'busy' ? 'Preparing…' : download.label}
      </button>
      <p className="bb-download__status" role="status">
        {state.step === 'saved' ? `Saved ${state.fileName}.` : state.step === 'failed' ? state.message : ''}
      </p>
    </div>
  );
}
