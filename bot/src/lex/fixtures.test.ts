/**
 * The recorded Lex V2 Lambda events (fixtures/, from aws-sam-cli) parse with our event schema, and
 * the events the local runtime sends its code hook have the same shape as the real ones.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LexRuntime } from '../runtime/LexRuntime';
import { RecordingCodeHook } from '../runtime/testing/RecordingCodeHook';
import { testBot, testNlu } from '../runtime/testing/testBot';
import { lexEventSchema, type LexEvent } from './schemas';
import { SettableClock } from '../testing';

const dir = join(__dirname, 'fixtures');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    file: f,
    event: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>,
  }));

/** The structure of a JSON value: object keys (recursively) and primitive types, values ignored. */
function shapeOf(value: unknown, depth: number): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object' && depth > 0) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shapeOf(v, depth - 1)]),
    );
  }
  return typeof value;
}

async function producedEvents(): Promise<LexEvent[]> {
  const hook = new RecordingCodeHook();
  const runtime = new LexRuntime({
    definition: testBot,
    nlu: testNlu,
    codeHook: hook.hook,
    clock: new SettableClock('2026-11-24T12:00:00Z', { advancePerReadMs: 0 }),
  });
  const path = { botId: 'BBLOCALBOT', botAliasId: 'TSTALIASID', localeId: 'en_US', sessionId: 'shape-1' };
  await runtime.recognizeText({ ...path, text: 'I spent something' });
  await runtime.recognizeText({ ...path, text: '12 for lunch' });
  return hook.events;
}

describe('recorded Lex V2 events', () => {
  it('has fixtures to compare with', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('$file parses with lexEventSchema', ({ event }) => {
    const parsed = lexEventSchema.safeParse(event);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it.each(fixtures)('our events have the shape of $file', async ({ event: recorded }) => {
    const ours = (await producedEvents()).find((e) => e.invocationSource === recorded.invocationSource);
    expect(ours).toBeDefined();
    const mine = ours as unknown as Record<string, unknown>;
    // Every top-level field Lex sent, with the same JSON type, and the same bot descriptor.
    for (const key of Object.keys(recorded)) {
      expect([key, shapeOf(mine[key], 0)]).toEqual([key, shapeOf(recorded[key], 0)]);
    }
    expect(shapeOf(mine.bot, 1)).toEqual(shapeOf(recorded.bot, 1));
    const intentShape = (e: Record<string, unknown>) =>
      Object.keys((e.sessionState as { intent: Record<string, unknown> }).intent).sort();
    expect(intentShape(mine)).toEqual(intentShape(recorded));
    expect('proposedNextState' in mine).toBe('proposedNextState' in recorded);
  });
});
