/**
 * The scheduled job's Lambda (issue 12 point 2): EventBridge invokes it daily; it posts every due
 * occurrence of every active recurring rule (recurring/postDueOccurrences.ts). Run once a day at any
 * hour, each person's due day is posted during that day wherever they live, because a rule is due
 * when its day has begun in its owner's time zone. A run with failures throws, so EventBridge retries
 * it and the errors alarm sees it; retries post nothing twice.
 */
import { z } from 'zod';
import { systemClock } from '../ports/Clock';
import { postDueOccurrences, type PostDueReport } from '../recurring/postDueOccurrences';
import { createStoreFromEnv } from '../store/createStoreFromEnv';
import { notifierFromEnv } from '../notify/notifierFromEnv';

const repo = createStoreFromEnv();
/** A bill that takes a budget past 80 % or 100 % is e-mailed as from the chat (deployed with SES). */
const notifier = notifierFromEnv();

/** What EventBridge sends for a schedule; nothing in it is needed beyond knowing it is one. */
const scheduledEvent = z.looseObject({ 'detail-type': z.literal('Scheduled Event').optional() });

export async function handler(event: unknown): Promise<PostDueReport> {
  scheduledEvent.parse(event ?? {});
  const report = await postDueOccurrences({
    repo,
    clock: systemClock,
    notifier,
    logError: (message, detail) => console.error(JSON.stringify({ level: 'error', message, ...detail })),
  });
  console.log(JSON.stringify({ level: 'info', message: 'recurring payments posted', ...report }));
  if (report.failed > 0)
    throw new Error(`${report.failed} recurring payment(s) could not be posted; the next run retries them.`);
  return report;
}
