/**
 * The money-in and money-out routes of the chat API (issue 13): POST /api/import (preview),
 * POST /api/import/{importId}/commit, GET /api/export.csv. Same identity and error shape as /api/chat.
 */
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Clock } from '../ports/Clock';
import type { LedgerStores } from '../ports/LedgerStores';
import type { BudgetNotifier } from '../ports/BudgetNotifier';
import { StoreUnavailableError } from '../ports/LedgerRepository';
import { ErrorCode, errorResponse } from '../proxy/errors';
import { transactionsToCsv } from '../export/exportCsv';
import { commitImport, defaultAccountOf, importAccounts, previewImport } from './importService';
import { ImportFileError } from './parseBankCsv';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface MoneyRoutesDeps {
  /** The ledger, and the accounts the rows can be filed under. */
  ledger: LedgerStores;
  clock: Clock;
  identify: (c: Context) => string | null;
  logError: (message: string, detail: Record<string, unknown>) => void;
  /** How long one commit call may write before answering with `remaining` (default 8 s). */
  commitBudgetMs?: number;
  /** Where a budget crossing's e-mail goes when a commit crosses one (deployed: SES); none by default. */
  notifier?: BudgetNotifier;
}

/** Leaves room under the proxy Lambda's 15 s timeout and API Gateway's 29 s for the batch in flight. */
export const DEFAULT_COMMIT_BUDGET_MS = 8_000;

/** Browsers label .csv files differently (Windows: application/vnd.ms-excel); all of these are text. */
const CSV_TYPES = new Set([
  'text/csv',
  'application/csv',
  'text/comma-separated-values',
  'application/vnd.ms-excel',
  'text/plain',
  'text/tab-separated-values',
]);

const NO_USER = 'Please sign in to import or export transactions.';
const NOT_CSV_TYPE =
  'That file is not a CSV file. In your online banking, export or download your transactions as CSV (not PDF or Excel) and send it with Content-Type: text/csv.';
const TOO_BIG = `That file is too big: bank files can be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Export a shorter date range and try again.`;
const STORE_DOWN = 'Your transactions could not be reached just now. Nothing was changed; please try again.';
const IMPORT_ID = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
/** The commit's optional body: which of the person's accounts the rows go to (a key from the preview). */
const commitBodySchema = z.object({ account: z.string().min(1).max(40).optional() }).strict();
const BAD_COMMIT_BODY =
  'Send the commit as JSON like {"account": "checking"} (an account key from the preview), or with no body.';
const UNKNOWN_ACCOUNT =
  "You don't have that account (any more). Pick one of yours in the preview and press Import again; nothing was imported.";

/** The ledger's dates are years 1900–9999 (two-digit years would be read as 19xx below that). */
const FIRST_DAY = '1900-01-01';
const LAST_DAY = '9999-12-31';

/** A real calendar day written YYYY-MM-DD ("2026-02-30" is refused, not rolled into March). */
const isoDay = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `"${name}" must be a date written YYYY-MM-DD, for example 2026-10-01.`)
    .refine((s) => {
      // zod runs this even when the pattern failed: an unparseable string must not throw here.
      const day = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === s && s >= FIRST_DAY;
    }, `"${name}" is not a day of the calendar. Write a date as YYYY-MM-DD, for example 2026-10-01.`);

/** GET /api/export.csv?from=&to=: both inclusive, either may be left out (from the first, to the last). */
export const exportQuerySchema = z
  .object({ from: isoDay('from').optional(), to: isoDay('to').optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'The range ends before it starts: "from" must be on or before "to".',
  });

/** Codes beyond the chat's own: the file's problem, or the ledger being unreachable. */
type MoneyErrorCode =
  ErrorCode | 'empty_file' | 'not_csv' | 'no_columns' | 'store_unavailable' | 'bad_range' | 'unknown_account';
const fail = (c: Context, status: ContentfulStatusCode, code: MoneyErrorCode, message: string) =>
  c.json({ error: { code, message } }, status);

const mediaType = (value: string | undefined) => (value ?? '').split(';', 1)[0]!.trim().toLowerCase();

/** Bank files are UTF-8 these days, but older exports are Windows-1252 ("£" as one byte). */
function decode(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function registerMoneyRoutes(app: Hono, deps: MoneyRoutesDeps): void {
  const storeDown = (c: Context, err: unknown, what: string) => {
    deps.logError(`${what} failed`, {
      error: err instanceof Error ? err.name : 'unknown',
      detail: err instanceof Error ? err.message : String(err),
    });
    return fail(c, 503, 'store_unavailable', STORE_DOWN);
  };

  app.post(
    '/api/import',
    (c, next) => {
      if (!CSV_TYPES.has(mediaType(c.req.header('content-type')))) {
        return Promise.resolve(fail(c, 415, 'not_csv', NOT_CSV_TYPE));
      }
      return next();
    },
    bodyLimit({
      maxSize: MAX_IMPORT_BYTES,
      onError: (c) => {
        c.header('Connection', 'close');
        return errorResponse(c, 413, ErrorCode.payloadTooLarge, TOO_BIG);
      },
    }),
    async (c) => {
      const userId = deps.identify(c);
      if (userId === null) return errorResponse(c, 401, ErrorCode.unauthenticated, NO_USER);
      const text = decode(await c.req.arrayBuffer());
      try {
        return c.json(await previewImport(deps, userId, text));
      } catch (err) {
        if (err instanceof ImportFileError) {
          return fail(
            c,
            err.problem === 'empty' ? 400 : 422,
            err.problem === 'empty' ? 'empty_file' : err.problem,
            err.message,
          );
        }
        if (err instanceof StoreUnavailableError) return storeDown(c, err, 'import preview');
        throw err;
      }
    },
  );

  app.post('/api/import/:importId/commit', async (c) => {
    const userId = deps.identify(c);
    if (userId === null) return errorResponse(c, 401, ErrorCode.unauthenticated, NO_USER);
    const importId = IMPORT_ID.safeParse(c.req.param('importId'));
    const missing = () =>
      errorResponse(
        c,
        404,
        ErrorCode.notFound,
        'That import preview has expired or does not exist. Upload the file again to see a new preview.',
      );
    if (!importId.success) return missing();
    const raw = await c.req.text();
    let body: z.infer<typeof commitBodySchema> = {};
    if (raw.trim() !== '') {
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        return errorResponse(c, 400, ErrorCode.invalidJson, BAD_COMMIT_BODY);
      }
      const parsed = commitBodySchema.safeParse(json);
      if (!parsed.success) return errorResponse(c, 400, ErrorCode.invalidRequest, BAD_COMMIT_BODY);
      body = parsed.data;
    }
    try {
      if (body.account !== undefined) {
        // Only an account the preview could offer: an unknown key would open nothing and file the rows nowhere.
        const [accounts, profile] = await Promise.all([
          deps.ledger.accounts.listAccounts(userId),
          deps.ledger.getProfile(userId),
        ]);
        const fallback = profile ?? { currency: 'USD', timeZone: 'UTC', customCategories: [] };
        const allowed = new Set([
          defaultAccountOf(fallback),
          ...importAccounts(accounts, fallback).map((a) => a.key),
        ]);
        if (!allowed.has(body.account)) return fail(c, 422, 'unknown_account', UNKNOWN_ACCOUNT);
      }
      const result = await commitImport(
        deps,
        userId,
        importId.data,
        deps.commitBudgetMs ?? DEFAULT_COMMIT_BUDGET_MS,
        body.account,
      );
      return result ? c.json(result) : missing();
    } catch (err) {
      if (err instanceof StoreUnavailableError) return storeDown(c, err, 'import commit');
      throw err;
    }
  });

  app.get('/api/export.csv', async (c) => {
    const userId = deps.identify(c);
    if (userId === null) return errorResponse(c, 401, ErrorCode.unauthenticated, NO_USER);
    const query = exportQuerySchema.safeParse(c.req.query());
    if (!query.success) {
      const message =
        query.error.issues[0]?.code === 'unrecognized_keys'
          ? 'The export takes only "from" and "to" (dates written YYYY-MM-DD).'
          : (query.error.issues[0]?.message ?? 'Bad dates.');
      return fail(c, 400, 'bad_range', message);
    }
    const { from, to } = query.data;
    try {
      const all = await deps.ledger.listAllTransactions(
        userId,
        from || to ? { from: from ?? FIRST_DAY, to: to ?? LAST_DAY } : undefined,
      );
      const csv = transactionsToCsv(all);
      const day = deps.clock.now().toISOString().slice(0, 10);
      const name = from || to ? `budgetbuddy-${from ?? 'start'}-to-${to ?? day}` : `budgetbuddy-${day}`;
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${name}.csv"`);
      return c.body(csv);
    } catch (err) {
      if (err instanceof StoreUnavailableError) return storeDown(c, err, 'export');
      throw err;
    }
  });
}
