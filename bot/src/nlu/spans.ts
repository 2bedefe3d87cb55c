/** A piece of the user's text, by offsets into it, that some slot resolver claimed. */
export interface Span {
  start: number;
  end: number;
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * Keeps the longest candidates that do not overlap anything already kept (ties: the earlier one),
 * returned in text order. Resolvers propose overlapping readings ("last week" vs "week"); this picks.
 */
export function longestNonOverlapping<T extends Span>(candidates: T[], taken: Span[] = []): T[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  for (const c of sorted) {
    if (taken.some((t) => overlaps(t, c)) || kept.some((k) => overlaps(k, c))) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Lower-cases without changing the string's length, so offsets found in the result point at the same
 * characters of the original (a few characters, like 'İ', grow when lower-cased; those stay as they are).
 */
export function lowerKeepingOffsets(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/** Replaces spans with spaces so later resolvers cannot claim the same words. */
export function blankOut(text: string, spans: Span[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}
