import { useCallback, useRef, useState } from 'react';
import type { ChatMessage } from '@budgetbuddy/fulfillment/chat-api';
import type { AuthSession } from '../auth/AuthSession';
import {
  commitImport,
  isCsvFile,
  isReceiptImage,
  MAX_IMPORT_BYTES,
  sendReceipt,
  NOT_CSV_MESSAGE,
  TOO_BIG_MESSAGE,
  uploadCsv,
  type ImportPreview,
} from './importClient';

export type ImportState =
  | { step: 'idle' }
  | { step: 'uploading'; fileName: string; progress: number }
  | { step: 'preview'; fileName: string; preview: ImportPreview; account?: string }
  | { step: 'committing'; fileName: string; preview: ImportPreview; imported: number; account?: string }
  | { step: 'receipt'; fileName: string; thumbnail: string }
  | { step: 'error'; message: string };

export interface BankImport {
  state: ImportState;
  choose: (file: File) => void;
  confirm: () => void;
  cancel: () => void;
  /** Picks the account the rows go to (a key the preview offered). */
  chooseAccount: (key: string) => void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The sentence shown after a commit; it goes into the conversation like a bot message. */
export function importSummary(
  fileName: string,
  preview: ImportPreview,
  imported: number,
  account?: string,
): string {
  const into = preview.accounts?.find((a) => a.key === account);
  const parts = [
    `Imported ${plural(imported, 'transaction')} from ${fileName}${into ? ` into ${into.name}` : ''}.`,
  ];
  if (preview.duplicates > 0) parts.push(`${plural(preview.duplicates, 'duplicate')} skipped.`);
  const left = (preview.skipped ?? []).length;
  if (left > 0)
    parts.push(`${plural(left, 'card payment or transfer', 'card payments or transfers')} left out.`);
  if (preview.errors.length > 0) parts.push(`${plural(preview.errors.length, 'line')} could not be read.`);
  return parts.join(' ');
}

/** Upload → preview → Import or Cancel. Nothing is stored until Import is pressed. */
export function useBankImport(
  session: AuthSession,
  apiBase: string,
  onImported: (summary: string) => void,
  onReceiptReply: (messages: ChatMessage[]) => void = () => {},
): BankImport {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const busy = useRef(false);

  const readReceipt = useCallback(
    (file: File) => {
      busy.current = true;
      // The photo is shown while it is read; the URL is released as soon as the answer is in.
      const thumbnail = URL.createObjectURL(file);
      setState({ step: 'receipt', fileName: file.name, thumbnail });
      void (async () => {
        const headers = await session.requestHeaders();
        const result = await sendReceipt(apiBase, file, headers);
        busy.current = false;
        URL.revokeObjectURL(thumbnail);
        setState({ step: 'idle' });
        // Either way the answer is part of the conversation: the proposal, or why there is none.
        onReceiptReply(result.ok ? result.value.messages : [{ type: 'text', text: result.message }]);
      })();
    },
    [apiBase, onReceiptReply, session],
  );

  const choose = useCallback(
    (file: File) => {
      if (busy.current) return;
      if (isReceiptImage(file)) return readReceipt(file);
      if (!isCsvFile(file)) return setState({ step: 'error', message: NOT_CSV_MESSAGE });
      if (file.size > MAX_IMPORT_BYTES) return setState({ step: 'error', message: TOO_BIG_MESSAGE });
      busy.current = true;
      setState({ step: 'uploading', fileName: file.name, progress: 0 });
      void (async () => {
        const headers = await session.requestHeaders();
        const result = await uploadCsv(apiBase, file, headers, (progress) =>
          setState({ step: 'uploading', fileName: file.name, progress }),
        );
        busy.current = false;
        setState(
          result.ok
            ? {
                step: 'preview',
                fileName: file.name,
                preview: result.value,
                ...(result.value.account !== undefined ? { account: result.value.account } : {}),
              }
            : { step: 'error', message: result.message },
        );
      })();
    },
    [apiBase, readReceipt, session],
  );

  const confirm = useCallback(() => {
    if (state.step !== 'preview' || busy.current) return;
    const { fileName, preview } = state;
    // The picker's choice, sent only when there was one to make (otherwise the server's default).
    const account = preview.accounts && preview.accounts.length > 0 ? state.account : undefined;
    const chosen = account !== undefined ? { account } : {};
    busy.current = true;
    setState({ step: 'committing', fileName, preview, imported: 0, ...chosen });
    void (async () => {
      // A large file is stored over several calls (each answers within the API's time limit).
      let imported = 0;
      for (;;) {
        const headers = await session.requestHeaders();
        const result = await commitImport(apiBase, preview.importId, headers, account);
        if (!result.ok) {
          busy.current = false;
          const message =
            imported > 0
              ? `${result.message} ${plural(imported, 'transaction')} were already imported.`
              : result.message;
          return setState({ step: 'error', message });
        }
        imported += result.value.imported;
        if (result.value.remaining === 0) break;
        setState({ step: 'committing', fileName, preview, imported, ...chosen });
      }
      busy.current = false;
      setState({ step: 'idle' });
      onImported(importSummary(fileName, preview, imported, account));
    })();
  }, [apiBase, onImported, session, state]);

  const cancel = useCallback(() => {
    if (!busy.current) setState({ step: 'idle' });
  }, []);

  const chooseAccount = useCallback((key: string) => {
    setState((now) => (now.step === 'preview' ? { ...now, account: key } : now));
  }, []);

  return { state, choose, confirm, cancel, chooseAccount };
}
