/**
 * What a user said about the transaction they mean ("the coffee from yesterday"): words to find in a
 * note or category, and a date range. Slots win when the NLU filled them; otherwise the words are read
 * from the transcript, so "delete the coffee from yesterday" works whatever the bot's slots are.
 */
import { SlotName } from '@budgetbuddy/bot/src/definition/names';
import { resolveDateRange, type DateRange } from '../../dates/dateRange';
import type { Turn } from '../turn';

export interface TransactionDescription {
  /** Lower-case words to find in the note or the category name. */
  words: string[];
  /** Canonical category named by the Category slot, if any. */
  category: string | null;
  range: DateRange | null;
}

const COMMAND = /^\s*(please\s+)?(delete|remove|erase|cancel|get rid of|drop)\s+/i;
const MOST_RECENT =
  /^(the |my |that |this )?((last|previous|latest|most recent)( one)?|it|that|one|a|an)?\s*(transaction|expense|entry|purchase|payment|one)?\s*[.!?]*$/i;
const DATE_TAIL =
  /\b(from|on|of|since|in|at)?\s*(today|yesterday|last \w+|this \w+|(mon|tues|wed|thurs|fri|satur|sun)day|\w+ \d{1,2}(st|nd|rd|th)?|\d{4}-\d{2}-\d{2})\s*[.!?]*$/i;
const FILLER = new Set([
  'the',
  'my',
  'a',
  'an',
  'from',
  'on',
  'for',
  'of',
  'that',
  'this',
  'one',
  'transaction',
  'expense',
  'entry',
  'purchase',
  'payment',
]);

/** null when nothing beyond "the last one" was described. */
export function readTransactionDescription(turn: Turn): TransactionDescription | null {
  const category = turn.slot(SlotName.Category);
  const date = turn.slot(SlotName.Date);
  const note = turn.slot(SlotName.Note);
  if (category || date || note) {
    return {
      words: [category?.original, note?.original, note?.interpreted]
        .filter((w): w is string => !!w)
        .map((w) => w.toLowerCase()),
      category: category?.interpreted ?? null,
      range: date ? resolveDateRange(date.original ?? date.interpreted ?? '', turn.today) : null,
    };
  }
  const transcript = turn.event.inputTranscript;
  if (!COMMAND.test(transcript)) return null;
  const rest = transcript.replace(COMMAND, '').trim();
  if (MOST_RECENT.test(rest)) return null;
  const dateMatch = DATE_TAIL.exec(rest);
  const range = dateMatch ? resolveDateRange(dateMatch[0], turn.today) : null;
  const subject = range && dateMatch ? rest.slice(0, dateMatch.index) : rest;
  const words = subject
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s']/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !FILLER.has(w));
  if (words.length === 0 && !range) return null;
  return { words, category: null, range };
}
