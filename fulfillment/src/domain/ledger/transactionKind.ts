/**
 * The two kinds of transaction, money going out and money coming in. Defined once here: categories,
 * stores, the code hook's session memory and the scripts all use this list and its schema.
 */
import { z } from 'zod';

export const TRANSACTION_KINDS = ['expense', 'income'] as const;
export const transactionKindSchema = z.enum(TRANSACTION_KINDS);
export type TransactionKind = z.infer<typeof transactionKindSchema>;
