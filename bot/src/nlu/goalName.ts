/**
 * Where the text names a savings goal ("save 2000 for a trip to japan by june", "put 300 toward the
 * japan trip", "how is my japan goal going"). The words are the Goal slot's value (ORIGINAL_VALUE); the
 * classifier sees them as one placeholder, as it sees `{Goal}` in samples. Only read when the text is
 * about saving or goals (writeEvidence's GOAL_TOPIC), so "a trip to paris for 300" stays an expense.
 */
import type { Span } from './spans';
import { overlaps } from './spans';

export interface GoalMatch extends Span {
  originalValue: string;
}

const WORD = "[\\p{L}\\p{N}][\\p{L}\\p{N}'&-]*";
/** "my japan goal", "the car fund", "my wedding savings goal" (one to four words before the noun). */
const NAMED = new RegExp(
  `\\b(?:my|the|our|a|an|this|that)\\s+(${WORD}(?:\\s+${WORD}){0,3}?)\\s+(?:savings\\s+)?(?:goal|fund)\\b`,
  'u',
);
/** "goal for a new car", "goal of a trip to japan". */
const GOAL_FOR = new RegExp(`\\bgoal\\s+(?:for|of)\\s+(${WORD}(?:\\s+${WORD}){0,4})`, 'u');
/** "for a trip to japan", "toward the japan trip", "into my car savings". */
const TOWARD = new RegExp(`\\b(?:for|toward|towards|into|to|on)\\s+(${WORD}(?:\\s+${WORD}){0,5})`, 'gu');

/** Where the goal's words end: a date or amount word, or a link to what follows. */
const STOP_WORDS = new Set(
  'by before until till in within from with using via each every per a month week year goal goals fund savings saving and so which that because but or please now'.split(
    ' ',
  ),
);
/** A goal's words never start with these: "to save", "to reach", "for me". */
const NOT_A_START = new Set(
  'save saving saved buy get reach have be put add me it that this track how what which'.split(' '),
);
const ARTICLES = /^(?:(?:a|an|the|my|our|this|that|some)\s+)+/u;
/** Words that say "goals" without saying which one: "my savings goals", "all my goals". */
const GENERIC = new Set(
  'all savings saving money new current financial big main first last next goal goals my the a an'.split(' '),
);

function trimmed(
  lower: string,
  original: string,
  start: number,
  words: string,
  claimed: Span[],
): GoalMatch | null {
  const parts: string[] = [];
  let at = start;
  for (const raw of words.split(/\s+/)) {
    const w = raw.replace(/[.,!?;:]+$/, '');
    const wStart = lower.indexOf(raw, at);
    const span = { start: wStart, end: wStart + w.length };
    if (!w || claimed.some((c) => overlaps(c, span))) break;
    if (parts.length > 0 && (STOP_WORDS.has(w) || (w === 'out' && /^\s*of\b/.test(lower.slice(span.end)))))
      break;
    parts.push(w);
    at = span.end;
    if (raw !== w) break; // punctuation ends the phrase
  }
  let phrase = parts.join(' ');
  const article = ARTICLES.exec(phrase)?.[0] ?? '';
  phrase = phrase.slice(article.length);
  const words2 = phrase.split(/\s+/).filter(Boolean);
  while (words2.length && STOP_WORDS.has(words2[words2.length - 1]!)) words2.pop();
  if (words2.length === 0 || NOT_A_START.has(words2[0]!) || words2.every((w) => GENERIC.has(w))) return null;
  phrase = words2.join(' ');
  const s = lower.indexOf(phrase, start);
  if (s < 0) return null;
  return { start: s, end: s + phrase.length, originalValue: original.slice(s, s + phrase.length) };
}

/** @param claimed numbers and dates: a goal's name never contains one */
export function findGoalName(lower: string, original: string, claimed: Span[]): GoalMatch | null {
  for (const pattern of [NAMED, GOAL_FOR]) {
    const m = pattern.exec(lower);
    let words = m?.[1];
    if (!m || !words) continue;
    let start = m.index + m[0].indexOf(words, m[0].search(/\s/));
    // "my progress on the vacation goal": the name is what the last article or preposition leads to.
    const inner =
      pattern === NAMED ? /^.*\b(?:the|my|our|a|an|on|of|for|to|with|toward|towards)\s+/u.exec(words) : null;
    if (inner) {
      start += inner[0].length;
      words = words.slice(inner[0].length);
    }
    const found = trimmed(lower, original, start, words, claimed);
    if (found) return found;
  }
  TOWARD.lastIndex = 0;
  for (let m = TOWARD.exec(lower); m; m = TOWARD.exec(lower)) {
    const words = m[1];
    if (!words) continue;
    const start = m.index + m[0].length - words.length;
    const found = trimmed(lower, original, start, words, claimed);
    if (found) return found;
    TOWARD.lastIndex = m.index + 1;
  }
  return null;
}
