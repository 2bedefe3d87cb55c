import { IntentName } from '../names';
import type { IntentDefinition } from '../types';
import { dateSlot } from './slots';

/**
 * A download of the person's transactions as a CSV file (issue 13). Read-only: the code hook answers
 * with a link to GET /api/export.csv, limited to the Date slot's range when one is said.
 */
export const GetExport: IntentDefinition = {
  name: IntentName.GetExport,
  description: 'Download the transactions as a CSV file, optionally for a period.',
  sampleUtterances: [
    'export my transactions',
    'export my transactions {Date}',
    'export my data',
    'export my expenses',
    'export my expenses {Date}',
    'export my spending {Date}',
    'export everything',
    'export to csv',
    'export as csv',
    'export to excel',
    'export to a spreadsheet',
    'export my history',
    'export transactions from {Date}',
    'download my data',
    'download my data as csv',
    'download my transactions',
    'download my transactions {Date}',
    'download my expenses as a spreadsheet',
    'download a csv',
    'download a csv of my spending {Date}',
    'download everything',
    'download my history',
    'can I download my data',
    'can I export my transactions',
    'how do I export my data',
    'how can I download my transactions',
    'I want to export my transactions',
    'I want to download my data',
    'I need a csv of my expenses',
    'give me a csv of my transactions',
    'give me a csv {Date}',
    'get me a spreadsheet of my spending',
    'send me my data as a file',
    'csv export',
    'csv of my transactions {Date}',
    'spreadsheet of my expenses {Date}',
    'save my transactions to a file',
    'get a copy of my data',
    'back up my transactions',
    'download my statement',
    'download my statement {Date}',
  ],
  slots: [dateSlot('For which period?')],
  dialogCodeHook: true,
  fulfillmentCodeHook: false,
};
