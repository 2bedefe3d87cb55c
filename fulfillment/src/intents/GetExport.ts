/**
 * GetExport: "export my transactions", "download last month's spending as csv". Answers with a download
 * message (a CustomPayload the chat API turns into a download button) for GET /api/export.csv, limited
 * to the Date slot's range when one was said. Reads one row at most; the file itself is made by the
 * export route when the person presses the button, so it is always current.
 */
import { SlotName } from '@budgetbuddy/bot';
import { EXPORT_PATH, downloadSchema, type Download } from '../chatApi/reply';
import { buttonsCard, Buttons, customPayload, plainText } from '../lex/messages';
import { rangeOfSlot } from './support/dateSlot';
import type { IntentHandler } from './turn';

export const COLUMNS_SENTENCE =
  'One line per transaction: date, kind, amount, currency, category, account, note and tags.';

export function exportDownload(span: { from: string; to: string } | null): Download {
  return downloadSchema.parse({
    type: 'download',
    label: span ? `Download CSV (${span.from} to ${span.to})` : 'Download CSV (all transactions)',
    url: span ? `${EXPORT_PATH}?from=${span.from}&to=${span.to}` : EXPORT_PATH,
  });
}

export const handleGetExport: IntentHandler = async (turn) => {
  const range = rangeOfSlot(turn.slot(SlotName.Date), turn.today);
  const any = range
    ? await turn.repo.listByRange(turn.userId, { from: range.from, to: range.to, limit: 1 })
    : await turn.repo.listRecent(turn.userId, 1);
  if (any.length === 0) {
    return turn.reply.close([
      plainText(
        range
          ? `You have no transactions ${range.label}, so there is nothing to export. Ask for another period, or "export my transactions" for everything.`
          : 'You have no transactions yet, so there is nothing to export. Log an expense or import a bank file first.',
      ),
      buttonsCard('Anything else?', [Buttons.logExpense, Buttons.help]),
    ]);
  }
  const what = range ? `Your transactions ${range.label}` : 'All your transactions';
  return turn.reply.close([
    plainText(`${what} are ready as a CSV file. ${COLUMNS_SENTENCE}`),
    customPayload(exportDownload(range)),
  ]);
};
