/**
 * Fetches a file of the API with the person's identity and hands it to the browser as a download.
 * A bare <a href> cannot carry the identity header (locally X-BB-Local-User, deployed the Cognito
 * token), so the file is fetched here and saved from a Blob URL through an <a download>.
 */
import * as z from 'zod/mini';

const NETWORK_ERROR = "Couldn't reach BudgetBuddy. Check your connection, then try again.";
const SERVER_ERROR = 'BudgetBuddy could not make the file just now. Please try again.';
const errorSchema = z.object({ error: z.object({ message: z.string() }) });

export type DownloadResult = { ok: true; fileName: string } | { ok: false; message: string };

/** The name the server suggests (Content-Disposition), kept to safe characters. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  const name = match?.[1]?.replace(/[^A-Za-z0-9._-]/g, '_');
  return name && /\.[A-Za-z0-9]+$/.test(name) ? name : fallback;
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click's task is over; the object URL can go later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** GET `${apiBase}${path}` and save it. Never throws: a failure is a sentence to show. */
export async function downloadFile(
  apiBase: string,
  path: string,
  headers: Record<string, string>,
  fallbackName: string,
): Promise<DownloadResult> {
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, { headers });
  } catch {
    return { ok: false, message: NETWORK_ERROR };
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    const error = errorSchema.safeParse(body);
    return { ok: false, message: error.success ? error.data.error.message : SERVER_ERROR };
  }
  const fileName = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  save(await response.blob(), fileName);
  return { ok: true, fileName };
}
