/** Validation of a user's profile (default currency, time zone, own categories) before it is stored. */
import { z } from 'zod';
import type { UserProfile } from '../../ports/LedgerRepository';
import { addCustomCategory } from './categories';
import { InvalidTransactionError } from './errors';
import { normalizeCurrency } from './money';
import { assertTimeZone } from './periods';

const profileSchema = z.object({
  currency: z.string(),
  timeZone: z.string(),
  customCategories: z.array(z.string()).max(200),
  timeZoneChosen: z.boolean().optional(),
  taughtCategories: z.boolean().optional(),
  emailAlerts: z.enum(['Off', 'On', 'OverOnly']).optional(),
});

/** Normalises a profile (currency upper-cased, categories trimmed and de-duplicated); throws a LedgerError. */
export function parseUserProfile(input: unknown): UserProfile {
  const parsed = profileSchema.safeParse(input);
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
    ...(p.timeZoneChosen ? { timeZoneChosen: true } : {}),
    ...(p.taughtCategories ? { taughtCategories: true } : {}),
    ...(p.emailAlerts ? { emailAlerts: p.emailAlerts } : {}),
  };
}
