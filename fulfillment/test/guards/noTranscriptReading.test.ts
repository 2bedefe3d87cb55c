/**
 * Fulfillment decides from intents, slots and session state only (issue 10): the user's text is read
 * once, by the NLU, from the bot definition Amazon Lex also learns. This test fails when any fulfillment
 * source touches `inputTranscript`, except the one allowed place: hashing the event into an idempotency
 * key when no request id came with it (a retried invocation repeats the same text), which decides nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');
const ALLOWED = { file: 'lex/eventReader.ts', insideFunction: 'readRequestKey' };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every place the text names the transcript, with the function it sits in (by the nearest `function`). */
export function transcriptReadings(file: string, text: string): { file: string; line: number; fn: string }[] {
  const found: { file: string; line: number; fn: string }[] = [];
  const re = /input_?transcript/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(0, m.index);
    const fns = [...before.matchAll(/function\s+([A-Za-z0-9_$]+)/g)];
    found.push({ file, line: before.split('\n').length, fn: fns[fns.length - 1]?.[1] ?? '' });
  }
  return found;
}

describe('fulfillment never reads the user text to decide anything', () => {
  test('no source outside the idempotency-key hash mentions inputTranscript', () => {
    const readings = sources(SRC).flatMap((path) =>
      transcriptReadings(relative(SRC, path).replaceAll('\\', '/'), readFileSync(path, 'utf8')),
    );
    const forbidden = readings.filter((r) => !(r.file === ALLOWED.file && r.fn === ALLOWED.insideFunction));
    expect(forbidden).toEqual([]);
    // The allowed place is still the only one, used once.
    expect(readings.filter((r) => r.file === ALLOWED.file)).toHaveLength(1);
  });

  test('the scan does see a reading, wherever it hides', () => {
    const planted = [
      'const UNDO = /undo/;',
      'function handle(turn) {',
      '  if (UNDO.test(turn.event.inputTranscript)) return 1;',
      "  const { inputTranscript: said } = turn.event; return said['length'];",
      '}',
    ].join('\n');
    expect(transcriptReadings('x.ts', planted)).toEqual([
      { file: 'x.ts', line: 3, fn: 'handle' },
      { file: 'x.ts', line: 4, fn: 'handle' },
    ]);
  });
});
