/**
 * Preview and commit of a bank import. The preview stores nothing in the ledger: it parses the file,
 * marks duplicates (an entry already in the ledger with the same date, amount and description, or the
 * same line earlier in the file) and keeps the new rows as a pending import in the store, with a TTL, so
 * the commit can run on any Lambda instance. The commit logs them through the ledger's own write path
 * (rollups, idempotency keys derived from each row), so committing twice or re-importing adds nothing.
 */
import { randomUUID } from 'node:crypto';
import { toMajorString } from '../domain/ledger/money';
import type { Clock } from '../ports/Clock';
import type { LedgerRepository } from '../ports/LedgerRepository';
import type { LedgerStores } from '../ports/LedgerStores';
import type { Account, PendingImportRow, Transaction, TransactionKind, UserProfile } from '../domain/ledger';
import { DEFAULT_ACCOUNT_KEY, DEFAULT_ACCOUNT_NAME } from '../domain/ledger/accounts';
import { applyLearnedCategories } from './learnedCategories';
import { duplicateKeyOf, parseBankCsv, type ImportedRow, type LineNote } from './parseBankCsv';
import { todayIn } from '@budgetbuddy/bot/calendar';
import { silentNotifier, type BudgetNotifier } from '../ports/BudgetNotifier';
import { budgetCrossings, notifyCrossings } from '../intents/support/budgetAlerts';

/** How long a preview can wait for its Import button. */
export const PENDING_IMPORT_TTL_MS = 60 * 60 * 1000;
/** Rows per ledger call; the store packs each call into transactions of up to 100 writes. */
export const COMMIT_BATCH = 250;
/** Rows shown in the preview card. */
export const PREVIEW_ROWS = 100;

const FALLBACK_PROFILE: UserProfile = { currency: 'USD', timeZone: 'UTC', customCategories: [] };

export interface PreviewRow {
  line: number;
  date: string;
  kind: TransactionKind;
  /** Major units, exact ("12.50"). */
  amount: string;
  currency: string;
  category: string;
  description: string;
  duplicate: boolean;
}

export interface ImportPreview {
  importId: string;
  rows: number;
  new: number;
  duplicates: number;
  errors: LineNote[];
  skipped: LineNote[];
  preview: PreviewRow[];
  layout: ReturnType<typeof parseBankCsv>['layout'];
  /**
   * The accounts the rows can go to (issue 13: "the account asked for when accounts exist"): empty
   * when the person has none of their own, and the rows go to the default account as typed entries do.
   */
  accounts: ImportAccount[];
  /** The account picked at first: where the chat files entries that name none. */
  account: string;
}

/** An account offered in the preview's picker. */
export interface ImportAccount {
  key: string;
  name: string;
  type: Account['type'];
}

/**
 * The accounts a bank file can go to. Jars are left out: they are shares of money, not places a bank
 * statement comes from. The default account is offered while unnamed entries still go to it. Nothing
 * is offered to someone whose only account is the default one the first entry opened.
 */
export function importAccounts(accounts: readonly Account[], profile: UserProfile): ImportAccount[] {
  const own = accounts.filter((a) => a.type !== 'jar');
  if (own.every((a) => a.key === DEFAULT_ACCOUNT_KEY && a.openingMinor === 0)) return [];
  const offered = own.map((a) => ({ key: a.key, name: a.name, type: a.type }));
  if (!profile.defaultAccount && !offered.some((a) => a.key === DEFAULT_ACCOUNT_KEY)) {
    offered.unshift({ key: DEFAULT_ACCOUNT_KEY, name: DEFAULT_ACCOUNT_NAME, type: 'checking' });
  }
  return offered;
}

/** Where the chat files an entry that names no account, so an import with no choice goes there too. */
export const defaultAccountOf = (profile: UserProfile): string =>
  profile.defaultAccount ?? DEFAULT_ACCOUNT_KEY;

export interface ImportDeps {
  /** The ledger, and the accounts the rows can be filed under. */
  ledger: LedgerStores;
  clock: Clock;
  /** Where a budget crossing's e-mail goes; none by default (the in-app notification is kept either way). */
  notifier?: BudgetNotifier;
  newId?: () => string;
  /**
   * Where failures that do not stop the import are reported (the proxy's logger, as for its other
   * lines); silent when absent. Never given the user id: log lines carry no one's identity.
   */
  logError?: (message: string, detail: Record<string, unknown>) => void;
}

async function existingKeys(ledger: LedgerRepository, userId: string, rows: { date: string }[]) {
  if (rows.length === 0) return new Set<string>();
  const dates = rows.map((r) => r.date).sort();
  const existing = await ledger.listAllTransactions(userId, {
    from: dates[0]!,
    to: dates[dates.length - 1]!,
  });
  return new Set(existing.map(duplicateKeyOf));
}

export async function previewImport(deps: ImportDeps, userId: string, csv: string): Promise<ImportPreview> {
  const profile = (await deps.ledger.getProfile(userId)) ?? FALLBACK_PROFILE;
  const parsed = parseBankCsv(csv, profile);
  const [known, accounts, rows] = await Promise.all([
    existingKeys(deps.ledger, userId, parsed.rows),
    deps.ledger.accounts.listAccounts(userId),
    applyLearnedCategories(deps.ledger, userId, profile, parsed.rows),
  ]);
  const fresh: ImportedRow[] = [];
  const flagged: { row: ImportedRow; duplicate: boolean }[] = [];
  for (const row of rows) {
    const duplicate = known.has(row.duplicateKey);
    known.add(row.duplicateKey);
    if (!duplicate) fresh.push(row);
    flagged.push({ row, duplicate });
  }
  const importId = (deps.newId ?? randomUUID)();
  const now = deps.clock.now();
  await deps.ledger.savePendingImport(userId, {
    importId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + PENDING_IMPORT_TTL_MS).toISOString(),
    // In date order (a file's own order kept within a day): each commit batch then covers a few days,
    // whose rows share their week, month and year totals, so the ledger packs more rows into each write.
    rows: [...fresh].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)).map(toPendingRow),
  });
  return {
    importId,
    rows: parsed.rows.length,
    new: fresh.length,
    duplicates: parsed.rows.length - fresh.length,
    errors: parsed.errors,
    skipped: parsed.skipped,
    preview: flagged.slice(0, PREVIEW_ROWS).map(({ row, duplicate }) => ({
      line: row.line,
      date: row.date,
      kind: row.kind,
      amount: toMajorString(row.amountMinor, row.currency),
      currency: row.currency,
      category: row.category,
      description: row.description,
      duplicate,
    })),
    layout: parsed.layout,
    accounts: importAccounts(accounts, profile),
    account: defaultAccountOf(profile),
  };
}

function toPendingRow(row: ImportedRow): PendingImportRow {
  const pending: PendingImportRow = {
    kind: row.kind,
    amountMinor: row.amountMinor,
    currency: row.currency,
    category: row.category,
    date: row.date,
    requestId: row.requestId,
  };
  if (row.note !== undefined) pending.note = row.note;
  if (row.tags !== undefined) pending.tags = row.tags;
  return pending;
}

export interface CommitResult {
  /** Rows stored by this call. */
  imported: number;
  /** New rows of the preview still to store: call commit again (each call stays within its time budget). */
  remaining: number;
}

/**
 * Stores the pending import's new rows, in batches, until they are all stored or `budgetMs` has passed
 * (an API Gateway request ends after 29 s; a 10,000-row file takes longer than that on DynamoDB Local).
 * Progress is saved after each batch and the next call carries on from there. Rows are written with
 * idempotency keys derived from the row, so a row another commit already stored is not stored again.
 * null when there is no such pending import (never made, someone else's, or expired).
 */
export async function commitImport(
  deps: ImportDeps,
  userId: string,
  importId: string,
  budgetMs = Number.POSITIVE_INFINITY,
  account?: string,
): Promise<CommitResult | null> {
  const started = Date.now();
  const pending = await deps.ledger.getPendingImport(userId, importId);
  if (!pending) return null;
  const profile = await deps.ledger.getProfile(userId);
  // No choice made: the account the chat files unnamed entries under (the person's default).
  const target = account ?? profile?.defaultAccount;
  // Income fills the person's jars by their split, as income typed in the chat does.
  const jars = profile?.jarSplit;
  const rows = pending.rows;
  let done = Math.min(pending.committedRows ?? 0, rows.length);
  let imported = 0;
  const stored: Transaction[] = [];
  let first = true;
  while (done < rows.length && (first || Date.now() - started < budgetMs)) {
    first = false;
    const batch = rows.slice(done, done + COMMIT_BATCH).map((r) => ({
      ...r,
      source: 'import' as const,
      ...(target ? { account: target } : {}),
      ...(jars && r.kind === 'income' ? { jars } : {}),
    }));
    const results = await deps.ledger.logTransactions(userId, batch);
    const created = results.filter((r) => r.created);
    imported += created.length;
    stored.push(...created.map((r) => r.transaction).filter((t) => t.kind === 'expense'));
    done += batch.length;
    await deps.ledger.setPendingImportProgress(userId, importId, done);
  }
  await raiseBudgetAlerts(deps, userId, profile ?? FALLBACK_PROFILE, stored);
  return { imported, remaining: rows.length - done };
}

/**
 * The budget thresholds the rows just stored crossed in the current period, as notifications (and
 * e-mails) under the chat's claims: once per threshold and period, however often commit is called —
 * a repeated commit stores nothing, so it raises nothing. The rows are stored either way: a failure
 * here is only logged.
 */
async function raiseBudgetAlerts(
  deps: ImportDeps,
  userId: string,
  profile: UserProfile,
  expenses: Transaction[],
) {
  if (expenses.length === 0) return;
  const logError = deps.logError ?? (() => {});
  try {
    const today = todayIn(profile.timeZone, deps.clock.now());
    const crossings = await budgetCrossings(deps.ledger, userId, expenses, today);
    await notifyCrossings(
      {
        notifier: deps.notifier ?? silentNotifier,
        notifications: deps.ledger.notifications,
        userId,
        profile,
      },
      crossings,
      logError,
    );
  } catch (err) {
    logError('import: budget alerts skipped', { detail: String(err) });
  }
}
