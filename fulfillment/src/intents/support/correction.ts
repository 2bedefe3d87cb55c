/**
 * Reading a correction of the entry just logged: "no, make that 15", "actually it was yesterday",
 * "change it to groceries", "no, it was 15 for lunch", "sorry, 15 not 12.50". The NLU has no intent for
 * these (they land in the fallback, or in LogExpense when they restate a whole expense), so the words
 * decide; slot values the NLU did find in any reading of the text are used first.
 */
import { IntentName, SlotName } from '@budgetbuddy/bot/src/definition/names';
import type { TransactionKind } from '../../ports/LedgerRepository';
import { answersPrompt, readSlotAnywhere, type SlotReading } from '../../lex/eventReader';
import type { Turn } from '../turn';
import { matchCategory } from './categoryChoice';
import { categoryInText } from './categoryWords';
import { amountsIn, namesDay } from './moneyWords';

export interface CorrectionRequest {
  amount?: SlotReading;
  category?: string;
  /** Words naming the day, read like a Date slot. */
  date?: SlotReading;
  /** The category words could not be placed (for "change it to xyzzy"). */
  unknownCategory?: string;
}

const FILLER = String.raw`(?:no|nope|nah|oops|sorry|wait|oh|hmm|ah|actually|correction|my bad|wrong)`;
const LEAD = new RegExp(String.raw`^\s*(?:${FILLER}\b[\s,.:;!-]*)+`, 'i');
const VERB = new RegExp(
  String.raw`^(?:` +
    [
      String.raw`(?:please\s+)?(?:make|change|fix|correct|edit|update|set)\s+(?:that|it|this|the (?:last )?(?:one|entry|expense|amount|price|date|day|category)|my last (?:one|entry|expense|transaction|purchase))(?:\s+(?:to|into|be))?`,
      String.raw`(?:it|that|this)\s+(?:was|is|should(?: have)? be(?:en)?)(?:\s+actually)?`,
      String.raw`(?:it's|that's|thats|its)(?:\s+actually)?`,
      String.raw`should(?: have)? be(?:en)?`,
      String.raw`i meant`,
      String.raw`i mean`,
      String.raw`(?:amount|category|date|day)\b[\s,.:;-]*(?:(?:it|that) (?:was|is|should be))?`,
    ].join('|') +
    String.raw`)\b[\s,.:;-]*`,
  'i',
);
/** Words that make it a new request, not a correction ("actually, how much did I spend?", "also 5 on coffee"). */
const NEW_REQUEST =
  /\?|\b(how|what|which|when|where|why|show|list|delete|remove|undo|budget|also|too|another|again|more|plus|and then)\b/i;
const NOT_THIS = /\b(?:not|instead of|rather than)\s+[$€£¥₫]?\s?[\d.,]+\b(?:\s*(?:dollars?|bucks|euros?))?/gi;

/** Cues that can only mean a change of the entry, so even an unknown category is worth an answer. */
const EXPLICIT =
  /^(?:(?:please\s+)?(?:make|change|fix|correct|edit|update|set)\b|(?:amount|category|date|day)\b)/i;

/** The words of a correction once its cue is stripped, or null when the text is no correction. */
export function correctionWords(text: string): { rest: string; explicit: boolean; verb: boolean } | null {
  const lead = LEAD.exec(text);
  let rest = lead ? text.slice(lead[0].length) : text;
  const verb = VERB.exec(rest);
  const explicit = !!verb && EXPLICIT.test(verb[0]);
  if (verb) rest = rest.slice(verb[0].length);
  if (!lead && !verb) return null;
  rest = rest.replace(/^(?:for|on|to)\s+/i, '').trim();
  if (NEW_REQUEST.test(rest)) return null;
  return { rest, explicit, verb: !!verb };
}

/**
 * What the user wants changed in the entry just logged, or null when the turn is not a correction
 * (or answers a question the bot asked: "actually it was transport" then fills the pending slot).
 */
export function readCorrection(
  turn: Turn,
  kind: TransactionKind,
  opts: { needsVerb?: boolean } = {},
): CorrectionRequest | null {
  if (answersPrompt(turn.event)) return null;
  const words = correctionWords(turn.event.inputTranscript);
  if (!words || words.rest === '' || (opts.needsVerb && !words.verb)) return null;
  const { rest, explicit } = words;
  const request: CorrectionRequest = {};

  if (namesDay(rest)) {
    const dateSlot = readSlotAnywhere(turn.event, SlotName.Date);
    request.date =
      dateSlot && dateSlot.original ? dateSlot : { original: rest, interpreted: undefined, resolved: [] };
  }

  const amounts = amountsIn(rest.replace(NOT_THIS, ' '));
  if (amounts.length > 0) {
    request.amount = { original: amounts[0], interpreted: amounts[0], resolved: [] };
  }

  const categoryIntents =
    kind === 'expense'
      ? [IntentName.LogExpense, IntentName.QuerySpending, IntentName.CheckBudget, IntentName.SetBudget]
      : [IntentName.LogIncome];
  const slot = readSlotAnywhere(turn.event, SlotName.Category, categoryIntents);
  const fromSlot = slot ? matchCategory(slot, kind, turn.profile) : null;
  const fromText = fromSlot ?? categoryInText(rest, kind, turn.profile)?.category ?? null;
  if (fromText) request.category = fromText;

  if (!request.amount && !request.category && !request.date) {
    // "change it to xyzzy": a correction of the category to one we do not have.
    const word = rest.replace(/[.!]+$/, '').trim();
    if (explicit && /^[\p{L}][\p{L}' -]{1,30}$/u.test(word) && word.split(' ').length <= 3) {
      return { unknownCategory: word };
    }
    return null;
  }
  return request;
}
