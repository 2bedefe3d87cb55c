/** A user's profile (default currency, time zone, own categories) and its validation before it is stored. */
import { z } from 'zod';
import { addCustomCategory } from './categories';
import { InvalidTransactionError } from './errors';
import { normalizeCurrency } from './money';
import { assertTimeZone } from './periods';
import { jarSplitSchema } from './accounts';

export const userProfileSchema = z.object({
  currency: z.string(),
  timeZone: z.string(),
  customCategories: z.array(z.string()).max(200),
  /** Income categories of the person's own ("add an income category Tutoring"); absent = none. */
  customIncomeCategories: z.array(z.string()).max(200).optional(),
  /** Set by "set my time zone to …": the browser's zone then no longer moves it. */
  timeZoneChosen: z.boolean().optional(),
  /** Set once this person has taught a category ("costco" → Groceries): only then are their words looked up. */
  taughtCategories: z.boolean().optional(),
  /**
   * Which budget alerts are e-mailed ("stop the e-mails", "only email me at 100%"): the bot's
   * EmailAlertSetting values. Absent means On (80% and 100%). The chat shows every crossing regardless.
   */
  emailAlerts: z.enum(['Off', 'On', 'OverOnly']).optional(),
  /** The account entries go to when none is named (issue 12 point 1); absent means the default account. */
  defaultAccount: z.string().optional(),
  /** "split my salary into jars 55/10/10/10/10/5": income fills these jars by these percentages. */
  jarSplit: jarSplitSchema.optional(),
  /**
   * Categories renamed or merged away ("rename Food to Eating out", "merge Coffee into Food"): old name
   * → where its entries went. The old name is no longer offered, and a word that still means it (the
   * NLU's "lunch" → Food) lands in the new one (issue 12 point 4).
   */
  categoryMoves: z.record(z.string(), z.string()).optional(),
});
export type UserProfile = z.infer<typeof userProfileSchema>;

/** Normalises a profile (currency upper-cased, categories trimmed and de-duplicated); throws a LedgerError. */
export function parseUserProfile(input: unknown): UserProfile {
  const parsed = userProfileSchema.safeParse(input);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? 'profile';
    throw new InvalidTransactionError(
      `The profile is missing or has a malformed "${field}". Nothing was saved.`,
    );
  }
  const p = parsed.data;
  return {
    currency: normalizeCurrency(p.currency),
    timeZone: assertTimeZone(p.timeZone),
    customCategories: p.customCategories.reduce<string[]>((acc, c) => addCustomCategory(acc, c), []),
    ...(p.customIncomeCategories?.length
      ? {
          customIncomeCategories: p.customIncomeCategories.reduce<string[]>(
            (acc, c) => addCustomCategory(acc, c, 'income'),
            [],
          ),
        }
      : {}),
    ...(p.timeZoneChosen ? { timeZoneChosen: true } : {}),
    ...(p.taughtCategories ? { taughtCategories: true } : {}),
    ...(p.emailAlerts ? { emailAlerts: p.emailAlerts } : {}),
    ...(p.defaultAccount ? { defaultAccount: p.defaultAccount } : {}),
    ...(p.jarSplit ? { jarSplit: p.jarSplit } : {}),
    ...(p.categoryMoves && Object.keys(p.categoryMoves).length > 0 ? { categoryMoves: p.categoryMoves } : {}),
  };
}
