/**
 * Free-text (ORIGINAL_VALUE) slots such as Note: the person's own words for the item, never the amount
 * or the date. The rule (docs/nlu.md, "Notes"):
 *
 * 1. After "note", "memo" or "re", the words that follow ("groceries 45 note weekly shop").
 * 2. Otherwise, when the item (a category phrase) is followed by a complement introduced by "for",
 *    "with", "at", "to" or "from", the item and its complement: "bought a gift for mom for 45" → "gift
 *    for mom", "spent 12 on lunch with sam" → "lunch with sam", "pizza 40 for mom's birthday" → "pizza
 *    for mom's birthday". The item alone is no note ("spent 12 on lunch"): the category says it.
 * 3. Otherwise, the words after a trailing "for" (or an "on" right after the amount) that are not the
 *    category ("spent 30 for my sister's party", "spent 25 on cat litter", "paid 40 for kitty litter").
 *
 * Every candidate stops where an amount or a date starts, and link words left dangling at its end
 * ("gift for mom for 45" → not "gift for mom for") are trimmed.
 */
import type { Span } from './spans';

export interface FreeTextMatch extends Span {
  /** The note. */
  originalValue: string;
  // start/end cover only the words no other slot claims (the complement, not the category phrase), so
  // the classifier can replace them with a placeholder and still see the category.
}

const EXPLICIT = /\b(?:note|memo|re)\b:?\s*/g;
/**
 * "for ..." anywhere, and "on ..." right after the amount ("spent 25 on cat litter"): the same thing
 * bought as "paid 40 for kitty litter", so it is kept the same way.
 */
const LEAD_IN =
  /\b(?:for|because of)\b:?\s*|(?<=\d[\d.,]*\s+(?:(?:dollars|dollar|bucks|euros|pounds|quid)\s+)?)on\s+/g;
const COMPLEMENT = /^\s*(?:for|with|at|to|from)\s+/;

const FILLER = new Set(['a', 'an', 'the', 'my', 'some', 'it', 'that', 'this', 'me']);
/** Link words that cannot end a note: what followed them was an amount or a date. */
const DANGLING = /(?:\s+|^)(?:for|on|at|to|with|from|and|of|in|by|the|a|an|my|about|around|like|just|only)$/i;

function trimEnd(text: string): string {
  let out = text.replace(/[\s.!?,;:]+$/, '');
  for (let prev = ''; prev !== out;) {
    prev = out;
    out = out.replace(DANGLING, '').replace(/[\s.!?,;:]+$/, '');
  }
  return out;
}

const meaningful = (text: string): boolean =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean)
    .some((w) => !FILLER.has(w));

/** The stretch from `start` to the next claimed span or sentence break, trimmed. */
function stretch(lower: string, original: string, start: number, claimed: Span[]): Span | null {
  const nextClaim = claimed
    .filter((c) => c.start >= start)
    .reduce((min, c) => Math.min(min, c.start), lower.length);
  const brk = /[.!?;]\s|[.!?;]$|,/.exec(lower.slice(start, nextClaim));
  const stop = brk ? start + brk.index : nextClaim;
  const text = trimEnd(original.slice(start, stop));
  if (!meaningful(text)) return null;
  const lead = text.length - text.trimStart().length;
  return { start: start + lead, end: start + text.length };
}

/**
 * @param claimed spans of numbers and dates: the note stops where one starts
 * @param categories spans of listed slot-type values (the item)
 * @param accounts spans of accounts, listed kinds and the person's own names ("with cash", "on my
 *   visa"): a slot of their own, so never the item's complement, and the note stops where one starts
 */
export function findFreeText(
  lower: string,
  original: string,
  claimed: Span[],
  categories: Span[],
  accounts: Span[] = [],
): FreeTextMatch | null {
  const inside = (at: number): boolean =>
    [...claimed, ...categories].some((c) => c.start <= at && c.end > at);

  let explicit: FreeTextMatch | null = null;
  EXPLICIT.lastIndex = 0;
  for (let m = EXPLICIT.exec(lower); m; m = EXPLICIT.exec(lower)) {
    if (inside(m.index)) continue;
    const s = stretch(lower, original, m.index + m[0].length, claimed);
    if (s) explicit = { ...s, originalValue: original.slice(s.start, s.end) };
  }
  if (explicit) return explicit;

  for (const item of [...categories].sort((a, b) => a.start - b.start)) {
    // The complement may follow the amount or the date: "coffee 4 with sam".
    let at = item.end;
    for (let moved = true; moved;) {
      moved = false;
      const gap = /^\s*/.exec(lower.slice(at))?.[0].length ?? 0;
      const next = claimed.find((c) => c.start === at + gap);
      if (next) {
        at = next.end;
        moved = true;
      }
    }
    const link = COMPLEMENT.exec(lower.slice(at));
    if (!link) continue;
    const from = at + link[0].length;
    // An account after the link ("with cash", "with my chase card"), or one that holds the link ("from
    // checking", an account said with its linking word), is a slot of its own, not the item's
    // complement; so is another listed value ("300 a month for groceries"), except after "at", which
    // names where it was bought: "coffee 4 at costco" is coffee at costco, though "costco" alone is groceries.
    const linkStart = at + (link[0].length - link[0].trimStart().length);
    const owned = from + (/^(?:my|the|our)\s+/.exec(lower.slice(from))?.[0].length ?? 0);
    const startsHere = (c: Span): boolean => c.start === from || c.start === owned || c.start === linkStart;
    if (accounts.some(startsHere)) continue;
    if (!/^\s*at\s/.test(link[0]) && categories.some(startsHere)) continue;
    // "gas 40 at shell on my visa": the note stops where the account starts.
    const s = stretch(lower, original, from, [...claimed, ...accounts]);
    if (!s) continue;
    const itemWords = original.slice(item.start, item.end);
    const linkWords = original.slice(at, from).trim();
    const contiguous = at === item.end;
    const note = contiguous
      ? original.slice(item.start, s.end)
      : `${itemWords} ${linkWords} ${original.slice(s.start, s.end)}`;
    return { start: s.start, end: s.end, originalValue: note.replace(/\s+/g, ' ') };
  }

  let best: FreeTextMatch | null = null;
  LEAD_IN.lastIndex = 0;
  for (let m = LEAD_IN.exec(lower); m; m = LEAD_IN.exec(lower)) {
    const start = m.index + m[0].length;
    if (inside(m.index)) continue;
    const s = stretch(lower, original, start, claimed);
    if (!s) continue;
    if (categories.some((c) => c.start >= start && c.start < s.end)) continue;
    // The last candidate wins: notes trail the sentence.
    best = { ...s, originalValue: original.slice(s.start, s.end) };
  }
  return best;
}
