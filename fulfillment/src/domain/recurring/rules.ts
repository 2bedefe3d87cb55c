/**
 * A recurring payment or income: what it posts (amount, category, name as the note) and when (an RFC
 * 5545 rule, schedule.ts). `nextDue` is the next day the scheduled job posts; a paused rule keeps none.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TransactionKind } from '../ledger';
import { canonicalCategory, validateCategoryName } from '../ledger/categories';
import { InvalidNoteError, InvalidTransactionError } from '../ledger/errors';
import { normalizeCurrency } from '../ledger/money';
import { validateAmountMinor } from '../ledger/transactions';
import { parseRecurrence } from './schedule';

export type RecurringStatus = 'active' | 'paused';

export interface RecurringRule {
  id: string;
  /** The person's name for it ("netflix", "rent"); posted entries carry it as their note. */
  name: string;
  kind: TransactionKind;
  amountMinor: number;
  currency: string;
  category: string;
  /** RFC 5545: DTSTART and RRULE lines. */
  recurrence: string;
  status: RecurringStatus;
  /** The account its entries go to or come from; absent = the person's default when posted. */
  account?: string;
  /** The next user-local day to post (YYYY-MM-DD); null while paused or when the series has ended. */
  nextDue: string | null;
  /** ISO instants (UTC). */
  createdAt: string;
  updatedAt: string;
}

export interface NewRecurringRule {
  name: string;
  kind: TransactionKind;
  amountMinor: number;
  currency: string;
  category: string;
  recurrence: string;
  nextDue: string;
  /** The account its entries go to or come from (a key of the person's); absent = their default. */
  account?: string;
  /** Idempotency key: the same key twice creates one rule and returns it. */
  requestId: string;
}

/** A rule the scheduled job found due, with whose it is. */
export interface DueRecurringRule {
  userId: string;
  rule: RecurringRule;
}

export const MAX_RULE_NAME_LENGTH = 80;

const newRuleSchema = z.object({
  name: z.string(),
  kind: z.enum(['expense', 'income']),
  amountMinor: z.number(),
  currency: z.string(),
  category: z.string(),
  recurrence: z.string().min(1).max(500),
  nextDue: z.iso.date(),
  account: z.string().min(1).max(200).optional(),
  requestId: z.string().min(1).max(200),
});

/** Validates a new rule at the store's edge, with the same amount and category rules as an entry. */
export function parseNewRecurringRule(input: NewRecurringRule): NewRecurringRule {
  const shape = newRuleSchema.safeParse(input);
  if (!shape.success)
    throw new InvalidTransactionError(`That recurring payment is incomplete: ${shape.error.message}`);
  const v = shape.data;
  const name = v.name.trim();
  if (!name) throw new InvalidNoteError('A recurring payment needs a name, like "rent" or "netflix".');
  if (name.length > MAX_RULE_NAME_LENGTH)
    throw new InvalidNoteError(`That name is too long: at most ${MAX_RULE_NAME_LENGTH} characters.`);
  const currency = normalizeCurrency(v.currency);
  parseRecurrence(v.recurrence);
  return {
    name,
    kind: v.kind,
    amountMinor: validateAmountMinor(v.amountMinor, currency),
    currency,
    category: canonicalCategory(v.category, v.kind) ?? validateCategoryName(v.category),
    recurrence: v.recurrence,
    nextDue: v.nextDue,
    ...(v.account ? { account: v.account } : {}),
    requestId: v.requestId,
  };
}

export const recurringRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['expense', 'income']),
  amountMinor: z.number().int(),
  currency: z.string(),
  category: z.string(),
  recurrence: z.string(),
  status: z.enum(['active', 'paused']),
  account: z.string().optional(),
  nextDue: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The idempotency key of one posted occurrence: a rule posts each of its days exactly once. */
export const occurrenceRequestId = (ruleId: string, day: string): string => `recurring#${ruleId}#${day}`;

/**
 * The rule's id, from the request that created it: saying the same recurring payment twice (a retried
 * message) finds the same rule. Both stores key rules by it.
 */
export const recurringRuleIdFor = (requestId: string): string =>
  createHash('sha256').update(requestId).digest('base64url').slice(0, 22);

/** A new rule as both stores save it: active, due first on the day it was given. */
export function newRecurringRule(valid: NewRecurringRule, now: string): RecurringRule {
  return {
    id: recurringRuleIdFor(valid.requestId),
    name: valid.name,
    kind: valid.kind,
    amountMinor: valid.amountMinor,
    currency: valid.currency,
    category: valid.category,
    recurrence: valid.recurrence,
    status: 'active',
    ...(valid.account ? { account: valid.account } : {}),
    nextDue: valid.nextDue,
    createdAt: now,
    updatedAt: now,
  };
}

/** Whether a rule posts at all: active and with a next day (the due index holds exactly these). */
export const isScheduled = (rule: { status: RecurringStatus; nextDue: string | null }): boolean =>
  rule.status === 'active' && rule.nextDue !== null;

/** Whether a rule due on `day` is still one to post on `day` (the advance's guard; Dynamo says it as a condition). */
export const isDueOn = (rule: { status: RecurringStatus; nextDue: string | null }, day: string): boolean =>
  rule.status === 'active' && rule.nextDue === day;
