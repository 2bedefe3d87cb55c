/**
 * Splits a message that logs several items ("coffee 4 and muffin 3.50", "lunch 12 dinner 25", "spent 10
 * on lunch and got paid 500 freelance") into one text per item. The chat proxy sends each part to the
 * bot as its own turn, so Amazon Lex and the local runtime understand every part the same way, and each
 * part keeps its own amount, category, date and note.
 *
 * A message is split only where every part has its own amount and its own item word; anything else
 * (one amount, "3 dollars and 25 cents", a budget, a question, an edit) stays whole and the bot asks.
 */
import { findDates } from './dates';
import type { NumberMatch } from './digitAmounts';
import { findDigitAmounts, findWordAmounts, joinCents } from './digitAmounts';
import type { Span } from './spans';
import { lowerKeepingOffsets } from './spans';
import { tokenize } from './tokens';

export interface Segment extends Span {
  text: string;
}

/**
 * Requests that hold several amounts but are one request (or not a log at all): never split. Words that
 * are also items ("phone plan", "oil change", "ski cap", "banana split", "monthly pay") only count in
 * the phrasing of a request.
 */
const NOT_A_LIST = new RegExp(
  [
    '\\?',
    '\\b(?:budgets?|limit|limits|allocate|allocated)\\b',
    '\\bcap(?:ped)?\\s+(?:(?:at|of|on|to)\\s+[$€£]?\\d|it\\b|my\\b)',
    '\\bmax(?:imum)?\\s+(?:of\\s+)?[$€£]?\\d',
    '^\\s*(?:cap|max|keep)\\b',
    '\\b(?:no\\s+more\\s+than|at\\s+most|up\\s+to)\\b',
    '\\b(?:per|a\\s+(?:day|week|month|year)|each\\s+(?:day|week|month|year))\\b',
    // A repeating payment: "gym 40 every two weeks from friday" is one rule, not a $40 and a $2 expense.
    '\\b(?:every|biweekly|bi-weekly|fortnightly)\\b',
    '\\b(?:change|edit|update|correct|fix)\\s+(?:the|that|it|my|this|last|to)\\b',
    '\\b(?:instead|actually|make\\s+(?:it|that))\\b',
    '\\b(?:delete|remove|undo|cancel)\\b',
    '^\\s*(?:how|what|when|where|which|why|did|do|does|is|are|can|could|should|will|would)\\b',
    '\\b(?:how\\s+much|how\\s+many)\\b',
    '\\b(?:show|list)\\s+(?:me|my|all|the)\\b',
    '\\bbetween\\b',
    '\\bfrom\\s+[$€£]?\\d',
    '\\bsplit\\s+(?:it|the|with|between|[$€£]?\\d[\\d.,]*\\s+(?:with|between|ways))',
    '\\b(?:save|saving\\s+(?:up|for)|goal|plan\\s+to|planning|want\\s+to|wish|remind)\\b',
    '\\b(?:owe|owes|owed|lent|lend|borrow|borrowed)\\b',
    '\\btotal\\b',
    // One shared bill: "paid 62 for dinner, my share is 31" is $31 of dinner, not a second item.
    '\\b(?:my|our)\\s+(?:share|part|half|portion|cut)\\b',
  ].join('|'),
);

/** Where one item ends and the next begins, when the person marked it. */
// Not "plus": it is part of too many item names ("disney plus", "playstation plus").
const SEPARATOR = /\s*(?:[,;\n]|\s-\s)\s*(?:and\s+|then\s+|also\s+)?|\s+(?:and|then|also|&|\+)\s+/g;

/** Words that are not the item: verbs of paying, links, fillers. */
const NOT_ITEM = new Set(
  (
    'a an the and or but of to in on at for from with by about as into than then so is am are was were be ' +
    'been it its this that these those there here i me my mine you your we our us he she him her they them ' +
    'their do does did have has had just also plus some another other more again today yesterday tonight ' +
    'spent spend spending paid pay paying bought buy buying got get getting gave give add added log logged ' +
    'record put cost costs costing charged charge was were made make earned earn received receive another ' +
    'dollars dollar bucks buck euros euro pounds pound quid cents cent usd eur gbp ok okay oh um'
  ).split(' '),
);

/** "2 coffees for 8": a small count before a plural word is not the price. */
const COUNT_BEFORE_PLURAL = /^\s+(?!bucks|dollars|euros|pounds|cents|quid|usd)[a-z]{3,}s\b/;

const hasSeparator = (text: string): boolean => {
  SEPARATOR.lastIndex = 0;
  return SEPARATOR.test(text);
};

function followsItem(lower: string, at: number): boolean {
  const words = tokenize(lower.slice(0, at), true);
  const last = words[words.length - 1];
  return (
    last !== undefined &&
    !/\d/.test(last.text) &&
    !NOT_ITEM.has(last.text) &&
    /^\s*$/.test(lower.slice(last.end, at))
  );
}

function amountsIn(lower: string, original: string, dates: Span[]): NumberMatch[] {
  const digits = findDigitAmounts(lower, original, dates);
  const words = findWordAmounts(lower, original, [...dates, ...digits]);
  const all = joinCents(
    [...digits, ...words].sort((a, b) => a.start - b.start),
    lower,
    original,
  ).filter(
    (n) =>
      !n.picksEntries &&
      n.value > 0 &&
      // "one coffee 4": "one" before a word counts the item.
      !(n.fromWords && n.value === 1 && !n.isMoney && /^\s+[a-z]/.test(lower.slice(n.end))),
  );
  return all.filter((n, i) => {
    // "bought 2 coffees for 8": a small count before a plural, with the price still to come in the same
    // item. Not "got paid 5 christmas money and boba 1", nor "hydroxyzine 15 sainsburys 24".
    const next = all[i + 1];
    const isCount =
      Number.isInteger(n.value) &&
      n.value <= 20 &&
      !n.isMoney &&
      COUNT_BEFORE_PLURAL.test(lower.slice(n.end)) &&
      !followsItem(lower, n.start) &&
      next !== undefined &&
      !hasSeparator(lower.slice(n.end, next.start));
    return !isCount;
  });
}

const hasItem = (lower: string, part: Span, claimed: Span[]): boolean =>
  tokenize(lower.slice(part.start, part.end), true).some((t) => {
    const at = { start: t.start + part.start, end: t.end + part.start };
    if (claimed.some((c) => c.start < at.end && at.start < c.end)) return false;
    return (
      !/\d/.test(t.text) &&
      (t.text.length >= 2 || /\p{Extended_Pictographic}/u.test(t.text)) &&
      !NOT_ITEM.has(t.text)
    );
  });

/**
 * The parts of `text`, in order; one part (the whole text) when it is not a list of items. `now` and
 * `timeZone` only tell date words apart (they stay with their item), so any clock will do.
 */
export function splitItems(text: string, now: Date = new Date(), timeZone = 'UTC'): Segment[] {
  const whole: Segment[] = [{ start: 0, end: text.length, text }];
  const lower = lowerKeepingOffsets(text);
  if (NOT_A_LIST.test(lower)) return whole;
  const dates = findDates(lower, text, now, timeZone);
  const amounts = amountsIn(lower, text, dates);
  if (amounts.length < 2) return whole;
  const claimed: Span[] = [...dates, ...amounts];

  // Items before their amounts ("lunch 12 dinner 25") or after them ("12 lunch 25 dinner")?
  const first = amounts[0]!;
  const itemsLead = hasItem(lower, { start: 0, end: first.start }, claimed);

  const cuts: Span[] = [];
  for (let i = 0; i + 1 < amounts.length; i++) {
    const from = amounts[i]!.end;
    const to = amounts[i + 1]!.start;
    const region = lower.slice(from, to);
    let cut: Span | null = null;
    SEPARATOR.lastIndex = 0;
    for (let m = SEPARATOR.exec(region); m; m = SEPARATOR.exec(region)) {
      const at = { start: from + m.index, end: from + m.index + m[0].length };
      if (claimed.some((c) => c.start < at.end && at.start < c.end)) continue;
      cut = at;
      // Items after amounts: the first mark ends the item; before: the last one starts the next.
      if (!itemsLead) break;
    }
    if (!cut) {
      if (itemsLead) {
        // "lunch 12 yesterday dinner 25": the next item starts after the last date before its amount.
        const before = claimed
          .filter((c) => c.end <= to && c.start >= from)
          .reduce((e, c) => Math.max(e, c.end), from);
        const words = tokenize(lower.slice(before, to), true);
        const start = words[0] ? before + words[0].start : to;
        cut = { start, end: start };
      } else {
        cut = { start: to, end: to };
      }
    }
    cuts.push(cut);
  }

  const parts: Segment[] = [];
  let at = 0;
  for (const cut of [...cuts, { start: text.length, end: text.length }]) {
    const raw = text.slice(at, cut.start);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim().replace(/[,;.]+$/, '');
    parts.push({ start: at + lead, end: at + lead + body.length, text: body });
    at = cut.end;
  }
  // Every part must hold exactly one amount and an item of its own; otherwise the message is one request.
  const ok = parts.every(
    (p) =>
      amounts.filter((n) => n.start >= p.start && n.end <= p.end).length === 1 && hasItem(lower, p, claimed),
  );
  return ok ? parts : whole;
}
