/** A previewed bank-file import waiting for the person to commit it (issue 13). */
import { z } from 'zod';
import { transactionKindSchema } from './transactionKind';

/** One row of a bank file waiting between preview and commit. */
export const pendingImportRowSchema = z.object({
  kind: transactionKindSchema,
  amountMinor: z.number().int(),
  currency: z.string(),
  category: z.string(),
  date: z.string(),
  note: z.string().optional(),
  /** "#work" words of the description (issue 12 point 4), as the chat keeps them. */
  tags: z.array(z.string()).max(10).optional(),
  /** Derived from the row itself, so committing twice or importing the same file again logs it once. */
  requestId: z.string(),
});
export type PendingImportRow = z.infer<typeof pendingImportRowSchema>;

/** A previewed import, kept in the store (not in process memory) so any Lambda instance can commit it. */
export interface PendingImport {
  importId: string;
  rows: PendingImportRow[];
  /** ISO instant; the store forgets the import after `expiresAt`. */
  createdAt: string;
  expiresAt: string;
  /** Rows (from the start of `rows`) a commit has already written; absent = none. */
  committedRows?: number;
}
