/**
 * Three months of believable demo data for one user: salary twice a month, rent, bills and
 * subscriptions on fixed days, and day-to-day spending drawn from a generator seeded by the date.
 * Every entry's request id is derived from its date and slot, so writing the same days again logs
 * nothing new (the repository's idempotency does the work).
 */
import type { ExpenseCategory, IncomeCategory } from '@budgetbuddy/bot';
import type {
  BudgetPeriodName,
  LedgerRepository,
  NewTransaction,
  TransactionKind,
} from '@budgetbuddy/fulfillment/ledger';

export interface DemoEntry {
  kind: TransactionKind;
  category: ExpenseCategory | IncomeCategory;
  amountMinor: number;
  date: string;
  note: string;
  requestId: string;
}

export const DEMO_BUDGETS: ReadonlyArray<{
  category: ExpenseCategory | null;
  period: BudgetPeriodName;
  limitMinor: number;
}> = [
  { category: 'Food', period: 'Monthly', limitMinor: 400_00 },
  { category: 'Groceries', period: 'Monthly', limitMinor: 500_00 },
  { category: 'Entertainment', period: 'Monthly', limitMinor: 150_00 },
  { category: 'Transport', period: 'Weekly', limitMinor: 60_00 },
  { category: null, period: 'Monthly', limitMinor: 3_500_00 },
];

/** mulberry32: small, fast and good enough to make each day look different but always the same. */
function randomFor(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The first day of the month two months before `today`'s, through `today` (YYYY-MM-DD, inclusive). */
export function demoDates(today: string): string[] {
  const end = new Date(`${today}T00:00:00Z`);
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 2, 1));
  const dates: string[] = [];
  for (let d = start; d <= end; d = new Date(d.getTime() + 86_400_000)) dates.push(iso(d));
  return dates;
}

export function demoEntriesFor(date: string): DemoEntry[] {
  const rnd = randomFor(date);
  const between = (lo: number, hi: number) => Math.round((lo + rnd() * (hi - lo)) * 100);
  const day = Number(date.slice(8, 10));
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  const out: Omit<DemoEntry, 'requestId' | 'date'>[] = [];
  const add = (kind: DemoEntry['kind'], category: DemoEntry['category'], amountMinor: number, note: string) =>
    out.push({ kind, category, amountMinor, note });

  if (day === 1) add('expense', 'Housing', 1_450_00, 'rent');
  if (day === 1 || day === 15) add('income', 'Salary', 2_600_00, 'paycheck');
  if (day === 5) add('expense', 'Subscriptions', 15_49, 'Netflix');
  if (day === 12) add('expense', 'Subscriptions', 10_99, 'Spotify');
  if (day === 10) add('expense', 'Utilities', between(80, 140), 'electricity');
  if (day === 18) add('expense', 'Utilities', 65_00, 'internet and phone');
  if (day === 20 && rnd() < 0.5) add('income', 'Freelance', between(200, 600), 'design gig');

  if (!weekend && rnd() < 0.6) add('expense', 'Food', between(3, 6), 'coffee');
  if (!weekend && rnd() < 0.45) add('expense', 'Food', between(9, 16), 'lunch');
  if (weekend && rnd() < 0.5) add('expense', 'Food', between(25, 70), 'dinner out');
  if (weekday === 3 || weekday === 6) add('expense', 'Groceries', between(40, 120), 'groceries');
  if (!weekend && rnd() < 0.5) add('expense', 'Transport', 2_75, 'subway');
  if (day % 10 === 3) add('expense', 'Transport', between(35, 55), 'gas');
  if (weekend && rnd() < 0.4) add('expense', 'Entertainment', between(12, 45), 'movies');
  if (rnd() < 0.08) add('expense', 'Shopping', between(20, 90), 'clothes');
  if (rnd() < 0.04) add('expense', 'Health', between(15, 60), 'pharmacy');
  if (rnd() < 0.03) add('expense', 'Personal Care', between(25, 45), 'haircut');
  if (rnd() < 0.02) add('expense', 'Gifts', between(30, 80), 'birthday present');

  return out.map((e, i) => ({ ...e, date, requestId: `seed-${date}-${i}` }));
}

export interface SeedResult {
  created: number;
  alreadyThere: number;
}

export async function seedDemoLedger(
  repo: LedgerRepository,
  userId: string,
  opts: { today: string; currency?: string; timeZone: string },
): Promise<SeedResult> {
  const currency = opts.currency ?? 'USD';
  if (!(await repo.getProfile(userId))) {
    await repo.putProfile(userId, { currency, timeZone: opts.timeZone, customCategories: [] });
  }
  const result: SeedResult = { created: 0, alreadyThere: 0 };
  for (const date of demoDates(opts.today)) {
    for (const entry of demoEntriesFor(date)) {
      const input: NewTransaction = {
        kind: entry.kind,
        amountMinor: entry.amountMinor,
        currency,
        category: entry.category,
        date: entry.date,
        note: entry.note,
        source: 'seed',
        requestId: entry.requestId,
      };
      const { created } = await repo.logTransaction(userId, input);
      if (created) result.created++;
      else result.alreadyThere++;
    }
  }
  for (const budget of DEMO_BUDGETS) {
    await repo.putBudget(userId, {
      ...budget,
      currency,
      requestId: `seed-budget-${budget.category}-${budget.period}`,
    });
  }
  return result;
}
