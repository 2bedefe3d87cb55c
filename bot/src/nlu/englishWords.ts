/**
 * Whether a word is a real English word, from the ~275,000 words of `an-array-of-english-words`. Typo
 * correction uses it as a guard: a real word ("table", "convert", "boost") is what the user meant, not a
 * misspelt category ("tablet", "concert", "boots").
 *
 * The list is one sorted JSON array of lower-case a–z words. Parsing it into a Set costs 0.3 s and
 * 20 MB; instead the file's text is kept as it is (3.3 MB) and searched by bisection over its word
 * boundaries, about 20 string comparisons a look-up.
 */
import { readFileSync } from 'node:fs';

let text: string | undefined;
let fallback: Set<string> | undefined;

function load(): string {
  if (text === undefined) {
    const raw = readFileSync(require.resolve('an-array-of-english-words'), 'utf8');
    // The bisection needs the compact form `["a","aa",…]`; anything else is parsed the slow way.
    if (!raw.startsWith('["') || !/"\]\s*$/.test(raw) || raw.includes(' ')) {
      fallback = new Set(JSON.parse(raw) as string[]);
      text = '';
    } else {
      text = raw;
    }
  }
  return text;
}

/** The offset of the first word that starts at or after `at`, or -1. */
function nextStart(t: string, at: number): number {
  if (at <= 2) return 2;
  const separator = t.indexOf(',"', at - 2);
  return separator < 0 ? -1 : separator + 2;
}

export function isEnglishWord(word: string): boolean {
  if (!/^[a-z]+$/.test(word)) return false;
  const t = load();
  if (fallback) return fallback.has(word);
  let lo = 2;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = nextStart(t, mid);
    if (start < 0 || start >= hi) {
      hi = mid;
      continue;
    }
    const end = t.indexOf('"', start);
    const candidate = t.slice(start, end);
    if (candidate === word) return true;
    if (candidate < word) lo = end + 1;
    else hi = mid;
  }
  return false;
}

/** Reads the list now, so the first user with a typo does not wait for it. */
export function warmEnglishWords(): void {
  isEnglishWord('warm');
}
