/**
 * Calls the code hook the way Lex calls its Lambda: with a deadline, and with the reply checked against
 * the response contract. Any failure becomes a CodeHookError so the caller sees DependencyFailedException.
 */
import { lexResponseSchema, type CodeHook, type LexEvent, type LexResponse } from '../lex/schemas';
import { CodeHookError } from './errors';

export async function invokeCodeHook(
  hook: CodeHook,
  event: LexEvent,
  timeoutMs: number,
): Promise<LexResponse> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CodeHookError(`Code hook timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  let raw: unknown;
  try {
    raw = await Promise.race([Promise.resolve().then(() => hook(event)), deadline]);
  } catch (err) {
    if (err instanceof CodeHookError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new CodeHookError(`Code hook failed: ${reason}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
  const parsed = lexResponseSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
    throw new CodeHookError(`Invalid code hook response${where}: ${first?.message ?? 'unknown'}`);
  }
  return parsed.data;
}
