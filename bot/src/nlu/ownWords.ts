/**
 * The person's own words: names no list or sample can hold (issue 12, issue 15's "one home per
 * concept"). A shop or a card in a money question, the thing bought in a plain spending statement, a
 * bare name given as an answer, and the names of the person's own accounts ("my Chase account", "from
 * chase to cash"). Each is read only in the place where a name stands, so chatter keeps its meaning;
 * whether the person has such a category or account is the code hook's question, never the NLU's.
 */
import type { SlotTypeMatch } from './slotTypeMatcher';
import type { Span } from './spans';
import { overlaps } from './spans';
import { tokenize } from './tokens';

/**
 * In a question about one's own money, the words of a shop ("at macys", "at target") or a card ("on my
 * barclays card", "my discover visa") are names, which no sample can hold: they count as no change of topic.
 */
const MONEY_NAMES = [
  /\bat (?:the )?([a-z][a-z'&-]*)/g,
  /\b(?:on|with|from) (?:my |the )?([a-z][a-z'&-]*) (?:(?:credit|debit|visa|mastercard|amex|rewards) )?(?:card|visa|mastercard|account|amex)\b/g,
];

/** @param moneyQuestion whether the text asks about one's own money (the caller's reading) */
export function namesInMoneyQuestion(lower: string, moneyQuestion: boolean): string[] {
  if (!moneyQuestion) return [];
  const out: string[] = [];
  for (const pattern of MONEY_NAMES)
    for (const m of lower.matchAll(pattern)) if (m[1]) out.push(m[1].replace(/'/g, ''));
  return out;
}

/**
 * A plain spending statement ("spent 25 on cat litter", "paid $40 for kitty litter"): what follows
 * "on"/"for" is the thing bought, the person's own words, which no sample can hold. Only a whole
 * sentence of this shape counts, so a longer stray sentence that happens to hold one is still judged.
 */
const SPENT_ON_THING =
  /^(?:i\s+)?(?:just\s+)?(?:spent|paid)\s+\$?\d[\d,]*(?:\.\d{1,2})?\s*(?:dollars|bucks)?\s+(?:on|for)\s+((?:an?\s+|some\s+)?[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2})$/;
export function thingBought(lower: string): string[] {
  const m = SPENT_ON_THING.exec(lower.trim().replace(/[.!]+$/, ''));
  return m?.[1] ? tokenize(m[1]).map((t) => t.text) : [];
}

/** A bare answer that can be a name of the person's own: letters only, one to three words. */
const BARE_NAME = /^\p{L}[\p{L}'&.-]*(?:\s+\p{L}[\p{L}'&.-]*){0,2}$/u;
/** Saying one does not know, or nothing at all, is no name: the prompt is asked again. */
const NO_ANSWER =
  /^(?:no idea|not sure|(?:i )?(?:don'?t|do not|dont) know|dunno|idk|no clue|whatever|anything|nothing|none|skip|pass|hm+|um+|uh+|eh|ok|okay|sure|maybe|other stuff)$/i;

/**
 * The words of an answer that is only a name ("Pets", "chase"), without a closing full stop; null for a
 * sentence, a number, or "I don't know". Whether it is a request of its own is the caller's question.
 */
export function bareNameAnswer(text: string): string | null {
  const words = text.replace(/[.!]+$/u, '').trim();
  return BARE_NAME.test(words) && !NO_ANSWER.test(words) ? words : null;
}

/** A word of an account's name: "chase", "wells", "n26" is left out (a digit reads as an amount). */
const NAME_WORD = String.raw`[a-z][a-z'&.-]*`;
const NAME = String.raw`(?<v>${NAME_WORD}(?:\s+${NAME_WORD})?)`;
const OWNER = String.raw`(?:(?:my|the|our|a|an)\s+)?`;
/** What a name is followed by when it is an account's: "account", "card"; not "account number". */
const ACCOUNT_NOUN = String.raw`(?<noun>(?:credit\s+|debit\s+)?card|account|acct)\b(?!\s+(?:numbers?|password|login|username|name|details|info|information|settings|page|app|website|holder|manager|types?|fees?|statements?)\b)`;
/** Where money leaves or goes: the side of a transfer a name is on. */
const FROM_LINK = /^(?:from|out of|off)$/;
const TO_LINK = /^(?:to|into|onto)$/;

/**
 * Words that are never an account's own name, though they stand where one does: owners, counts, kinds
 * ("my new card", "the other account", "a joint checking account" is checking), and the listed words.
 */
const NOT_A_NAME = new Set(
  (
    'a an the my our your his her their this that these those which what whose one new old other another ' +
    'same first second third main default own current only whole entire credit debit bank checking ' +
    'savings saving card cards account accounts money cash with from to into onto on in of for and or ' +
    'it its me i you we any some every each all no not same spending business personal gift ' +
    // A goal's words ("to my japan goal", "into the car fund") are the goal's, not an account's.
    'goal goals fund funds jar jars budget budgets'
  ).split(' '),
);

/**
 * Moving money between accounts: only then is a bare name after "from" or "to" an account's ("moved 50
 * from chase to cash"); "paid 30 to the plumber" or "got 20 from mom" names a person.
 */
const MOVING =
  /\b(?:move|moved|moving|transfer|transferred|transferring|shift|shifted|sent|send|put|took|take|withdrew|withdraw)\b/;

/** The person's own account names found in a text, per slot type: the account, and a transfer's sides. */
export interface OwnAccountNames {
  account: SlotTypeMatch[];
  from: SlotTypeMatch[];
  to: SlotTypeMatch[];
}

interface Found {
  link: string;
  linkStart: number;
  start: number;
  /** Where the words said end ("chase account"), and where the name ends ("chase"). */
  end: number;
  nameEnd: number;
}

/** The span covers the words said (the classifier then reads "with my {Account}", as samples say it). */
const match = (original: string, f: Found, start: number): SlotTypeMatch => ({
  start,
  end: f.end,
  value: original.slice(f.start, f.nameEnd),
  originalValue: original.slice(start, f.end),
  fuzzy: false,
  own: true,
});

function isName(words: string): boolean {
  const parts = words.split(/\s+/);
  return parts.length > 0 && parts.every((w) => !NOT_A_NAME.has(w)) && !/^(?:[a-z]\.?)$/.test(words);
}

function collect(lower: string, pattern: RegExp): Found[] {
  const out: Found[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(lower); m; m = pattern.exec(lower)) {
    const v = m.indices?.groups?.['v'];
    const link = m.groups?.['link'] ?? '';
    const l = m.indices?.groups?.['link'];
    const noun = m.indices?.groups?.['noun'];
    if (!v) continue;
    const words = lower.slice(v[0], v[1]);
    if (!isName(words)) continue;
    // A card is part of the name ("my chase card" is a card); "account" only says it is one.
    const nameEnd = noun && /card$/.test(m.groups?.['noun'] ?? '') ? noun[1] : v[1];
    out.push({ link, linkStart: l ? l[0] : v[0], start: v[0], end: noun ? noun[1] : v[1], nameEnd });
  }
  return out;
}

/**
 * Marked as an account: "with my chase account", "on my chase card", "I have 500 in my chase account",
 * "add a chase account". Named: "an account called Chase".
 */
const MARKED = new RegExp(
  String.raw`\b(?:(?<link>with|on|from|in|into|using|via|to|onto|off|out\s+of)\s+)?${OWNER}${NAME}\s+${ACCOUNT_NOUN}`,
  'dg',
);
const CALLED = new RegExp(
  String.raw`\b(?:account|card|wallet)\s+(?:called|named)\s+(?<v>${NAME_WORD}(?:\s+(?!(?:with|for|and|that|which|of|at|on|in|to)\b)${NAME_WORD}){0,2})`,
  'dg',
);
/** A transfer's sides said bare: "from chase to cash", "from cash to chase", "to chase from cash". */
const BARE_FROM = new RegExp(
  String.raw`\b(?<link>from|out\s+of|off)\s+${OWNER}${NAME}(?=\s+(?:to|into|onto)\b)`,
  'dg',
);
const BARE_TO = new RegExp(
  String.raw`\b(?<link>to|into|onto)\s+${OWNER}${NAME}(?=\s*$|\s*[.!,]|\s+(?:from|out\s+of|off)\b)`,
  'dg',
);
/** A balance question about one account: "how much is in chase", "what's my chase balance". */
const BALANCE = [
  new RegExp(
    String.raw`^(?:so\s+|and\s+)?how\s+much(?:\s+money)?\s+(?:is|is\s+there|do\s+i\s+have|have\s+i\s+got|do\s+we\s+have)\s+(?:left\s+)?(?:in|on)\s+${OWNER}${NAME}(?:\s+account)?\s*\??$`,
    'dg',
  ),
  new RegExp(
    String.raw`^what(?:'s|\s+is)\s+(?:the\s+balance\s+(?:of|on|in)\s+)?${OWNER}${NAME}\s+balance\s*\??$`,
    'dg',
  ),
  new RegExp(
    String.raw`^what(?:'s|\s+is)\s+the\s+balance\s+(?:of|on|in)\s+${OWNER}${NAME}(?:\s+account)?\s*\??$`,
    'dg',
  ),
];

/**
 * The names of the person's own accounts in `lower` (`original` for the words as said), outside the
 * `listed` account readings (cash, checking, my visa…) and the `claimed` numbers and dates.
 */
export function ownAccountNames(
  lower: string,
  original: string,
  listed: readonly Span[],
  claimed: readonly Span[],
): OwnAccountNames {
  const out: OwnAccountNames = { account: [], from: [], to: [] };
  const taken = (s: Span): boolean =>
    [...listed, ...claimed].some((c) => overlaps(c, s)) ||
    [...out.account, ...out.from, ...out.to].some((c) => overlaps(c, s));
  const add = (f: Found, sides: boolean): void => {
    if (taken({ start: f.start, end: f.end })) return;
    out.account.push(match(original, f, f.start));
    if (!sides) return;
    // A side keeps its linking word, as the listed sides do ("from chase").
    if (FROM_LINK.test(f.link.replace(/\s+/g, ' '))) out.from.push(match(original, f, f.linkStart));
    if (TO_LINK.test(f.link)) out.to.push(match(original, f, f.linkStart));
  };
  for (const f of collect(lower, MARKED)) add(f, true);
  for (const f of collect(lower, CALLED)) add(f, false);
  if (MOVING.test(lower)) {
    for (const f of collect(lower, BARE_FROM)) add(f, true);
    // "to chase" only with the side money leaves said ("transfer money to my friend" names a person).
    const leaves =
      out.from.length > 0 || listed.some((l) => /^(?:from|out of|off)\b/.test(lower.slice(l.start, l.end)));
    if (leaves) for (const f of collect(lower, BARE_TO)) add(f, true);
  }
  for (const pattern of BALANCE) for (const f of collect(lower, pattern)) add(f, false);
  for (const list of [out.account, out.from, out.to]) list.sort((a, b) => a.start - b.start);
  return out;
}
