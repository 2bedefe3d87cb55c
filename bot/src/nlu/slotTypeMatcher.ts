/**
 * Resolves a custom slot type's values in text: exact synonyms (longest phrase wins, whole words only,
 * so "gas" is not found in "vegas"), simple plural/singular forms, and one- or two-letter typos in
 * longer words ("grocceries", "resturant", "restuarant", "shooping") via fastest-levenshtein. Only words
 * that are not real words are corrected (the caller's `isKnownWord`, backed by an English word list).
 */
import { distance } from 'fastest-levenshtein';
import type { SlotTypeDefinition } from '../definition/types';
import type { Span } from './spans';
import type { Token } from './tokens';
import { tokenize } from './tokens';

export interface SlotTypeMatch extends Span {
  /** The canonical value the words resolve to. */
  value: string;
  /** The user's words ("resturant"). */
  originalValue: string;
  /** True when the words matched only after a typo correction. */
  fuzzy: boolean;
  /** A name of the person's own, which no listed value holds ("my Chase account"). */
  own?: boolean;
}

const sortedLetters = (w: string): string => [...w].sort().join('');

const phraseKey = (words: string[]): string => words.join(' ');

const MIN_LENGTH_FOR_CHANGED_LETTER = 6;

/** Typo tolerance grows with word length: short words have too many real neighbours. */
const maxTypos = (length: number): number => (length >= 8 ? 2 : length >= 5 ? 1 : 0);

export class SlotTypeMatcher {
  private readonly phrases = new Map<string, string>();
  /** Single-word phrases by first letter: typos rarely hit it, and the lists hold thousands of words. */
  private readonly singleWords = new Map<string, { word: string; value: string }[]>();
  /**
   * Phrases of two words or more by all their words but the last ("from", "into my"): a typo in the
   * last word ("from chekcing", "into savngs") is forgiven as it is in a one-word phrase.
   */
  private readonly byLead = new Map<string, { word: string; value: string }[]>();
  private readonly longest: number;

  constructor(readonly slotType: SlotTypeDefinition) {
    let longest = 1;
    const add = (phrase: string, value: string): void => {
      const words = tokenize(phrase.toLowerCase(), true).map((t) => t.text);
      if (words.length === 0) return;
      const key = phraseKey(words);
      if (!this.phrases.has(key)) this.phrases.set(key, value);
      longest = Math.max(longest, words.length);
    };
    for (const v of slotType.values) {
      for (const phrase of [v.value, ...v.synonyms]) add(phrase, v.value);
    }
    // Plural and singular forms come after every written synonym, so they never override one.
    for (const v of slotType.values) {
      for (const phrase of [v.value, ...v.synonyms]) {
        const lower = phrase.toLowerCase();
        // "savings", "winnings": the singular of a long "-ings" noun is a verb ("I'm saving up").
        if (/ings$/.test(lower) && lower.length > 6) continue;
        if (lower.endsWith('s') && lower.length > 4) add(lower.slice(0, -1), v.value);
        else if (!lower.endsWith('s')) add(`${lower}s`, v.value);
      }
    }
    for (const [key, value] of this.phrases) {
      const cut = key.lastIndexOf(' ');
      if (cut > 0) {
        const lead = key.slice(0, cut);
        const list = this.byLead.get(lead) ?? [];
        list.push({ word: key.slice(cut + 1), value });
        this.byLead.set(lead, list);
        continue;
      }
      const first = key[0] ?? '';
      const list = this.singleWords.get(first) ?? [];
      list.push({ word: key, value });
      this.singleWords.set(first, list);
    }
    this.longest = longest;
  }

  /** The canonical value of a whole phrase, if it is one (no typo tolerance). */
  valueOf(phrase: string): string | undefined {
    return this.phrases.get(phraseKey(tokenize(phrase.toLowerCase(), true).map((t) => t.text)));
  }

  /**
   * Every match in `tokens` (from the lower-cased text; `original` for verbatim words), in order.
   * `isKnownWord` guards typo correction: a real word (of the bot's vocabulary or of English) is never
   * "corrected" ("table" is not a typo of "tablet", nor "convert" of "concert").
   */
  findAll(tokens: Token[], original: string, isKnownWord: (word: string) => boolean): SlotTypeMatch[] {
    const out: SlotTypeMatch[] = [];
    for (let i = 0; i < tokens.length;) {
      const match = this.exactAt(tokens, i) ?? this.fuzzyAt(tokens, i, isKnownWord);
      if (!match) {
        i += 1;
        continue;
      }
      const first = tokens[i];
      const last = tokens[i + match.length - 1];
      if (!first || !last) break;
      out.push({
        start: first.start,
        end: last.end,
        value: match.value,
        originalValue: original.slice(first.start, last.end),
        fuzzy: match.fuzzy,
      });
      i += match.length;
    }
    return out;
  }

  private exactAt(tokens: Token[], i: number): { value: string; length: number; fuzzy: false } | null {
    for (let n = Math.min(this.longest, tokens.length - i); n >= 1; n -= 1) {
      const key = phraseKey(tokens.slice(i, i + n).map((t) => t.text));
      const value = this.phrases.get(key);
      if (value !== undefined) return { value, length: n, fuzzy: false };
    }
    return null;
  }

  private fuzzyAt(
    tokens: Token[],
    i: number,
    isKnownWord: (word: string) => boolean,
  ): { value: string; length: number; fuzzy: true } | null {
    for (let n = Math.min(this.longest, tokens.length - i); n >= 2; n -= 1) {
      const lead = phraseKey(tokens.slice(i, i + n - 1).map((t) => t.text));
      const list = this.byLead.get(lead);
      const value = list && closest(tokens[i + n - 1]?.text, list, isKnownWord);
      if (value) return { value, length: n, fuzzy: true };
    }
    const word = tokens[i]?.text;
    const value = closest(word, this.singleWords.get(word?.[0] ?? '') ?? [], isKnownWord);
    return value ? { value, length: 1, fuzzy: true } : null;
  }
}

/**
 * The one value a misspelt word means, or null. Only a word that is no real word, long enough to
 * have few real neighbours, and near the words of one value only: "savngs" is Savings, but a word as
 * near to two values ("shoping"/"shipping") is asked about rather than guessed.
 */
function closest(
  word: string | undefined,
  candidates: readonly { word: string; value: string }[],
  isKnownWord: (word: string) => boolean,
): string | null {
  if (!word || /\d/.test(word) || isKnownWord(word)) return null;
  const allowed = maxTypos(word.length);
  if (allowed === 0) return null;
  let best: { value: string; d: number } | null = null;
  let ambiguous = false;
  for (const candidate of candidates) {
    if (Math.abs(candidate.word.length - word.length) > allowed) continue;
    if (maxTypos(candidate.word.length) === 0) continue;
    const d = distance(word, candidate.word);
    if (d > allowed) continue;
    // In a short word a changed letter often makes a name or slang the word list lacks, so there
    // only swapped letters count ("lucnh"); longer words may have one letter changed ("shooping").
    if (
      word.length === candidate.word.length &&
      word.length < MIN_LENGTH_FOR_CHANGED_LETTER &&
      sortedLetters(word) !== sortedLetters(candidate.word)
    )
      continue;
    if (best && d === best.d && candidate.value !== best.value) ambiguous = true;
    if (!best || d < best.d) {
      best = { value: candidate.value, d };
      ambiguous = false;
    }
  }
  return best && !ambiguous ? best.value : null;
}

/** A tag word: letters first, then letters, digits, "-" or "_" (fulfillment keeps the same alphabet). */
const TAG_WORD = String.raw`\p{L}[\p{L}\p{N}_-]{0,29}`;
/**
 * Where a tag is said (issue 12 point 4): written with a "#" anywhere ("lunch 12 #work"), or named
 * after "tag": "tag it work", "tag that as travel", "tag the costco one as work", "tagged travel",
 * "tagged with travel", "add the tag work". The group `v` is the tag.
 */
const TAG_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`#(?<v>${TAG_WORD})`, 'dgu'),
  new RegExp(
    String.raw`\b(?:tag|label|mark)(?:ged)?\s+(?:it|this|that|them|these|those)(?:\s+one)?\s+(?:as\s+|with\s+)?(?:a\s+)?(?<v>${TAG_WORD})`,
    'dgiu',
  ),
  new RegExp(
    String.raw`\b(?:tag|label|mark)\s+(?:the|my)\s+[^#]{1,60}?\s+(?:as|with)\s+(?:a\s+)?(?<v>${TAG_WORD})`,
    'dgiu',
  ),
  new RegExp(String.raw`\btag\s+the\s+last\s+(?:one|expense|entry)\s+(?:as\s+)?(?<v>${TAG_WORD})`, 'dgiu'),
  new RegExp(String.raw`\btagged\s+(?:as\s+|with\s+)?(?<v>${TAG_WORD})`, 'dgiu'),
  new RegExp(String.raw`\b(?:add|put)\s+(?:the\s+|a\s+)?tag\s+(?<v>${TAG_WORD})`, 'dgiu'),
  // "show my work expenses": a word before "expenses" that is no category (fulfillment checks which it is).
  new RegExp(
    String.raw`\b(?:show|list|see)\s+(?:me\s+)?(?:all\s+)?my\s+(?!(?:recent|last|latest|new|old|credit|debit|card|bank|online|big|biggest|daily|weekly|monthly|yearly|own|other)\b)(?<v>${TAG_WORD})\s+(?:expenses|purchases|spending|entries)\b`,
    'dgiu',
  ),
];

/** One word of a category's name; "category", "please" and "instead" frame a name, never end one. */
const NAME_WORD = String.raw`(?!(?:category|categories|please|instead|into|to|with|as)\b)[\p{L}\p{N}][\p{L}\p{N}'&-]*`;
/** A category's name: one to four words ("Pets", "Eating out", "Kids school trips"). */
const NAME = String.raw`(?<v>${NAME_WORD}(?:\s+${NAME_WORD}){0,3})`;
const END = String.raw`(?:\s+category)?(?:\s+instead)?(?:\s+please)?[\s.!?]*$`;
const THE = String.raw`(?:the\s+|my\s+|a\s+)?`;

/** The name a category intent is about: the one added, renamed or merged away. */
const CATEGORY_NAME_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\bcategor(?:y|ies)\s+(?:called|named)\s+${NAME}${END}`, 'dgiu'),
  // An income category of one's own: "add an income category Tutoring", "… for tutoring".
  new RegExp(String.raw`\bincome\s+category\s+(?:for\s+)?${NAME}${END}`, 'dgiu'),
  new RegExp(
    String.raw`\b(?:add|create|make)\s+${NAME}\s+(?:as\s+an?\s+(?:new\s+)?income\s+category|as\s+a\s+source\s+of\s+income|to\s+my\s+income\s+categories)\b`,
    'dgiu',
  ),
  new RegExp(
    String.raw`\b(?:add|create|make)\s+${NAME}\s+(?:as\s+(?:a\s+)?(?:new\s+)?category|to\s+my\s+categories)\b`,
    'dgiu',
  ),
  new RegExp(String.raw`\b(?:new|a)\s+category\s+for\s+${NAME}${END}`, 'dgiu'),
  new RegExp(String.raw`\brename\s+${THE}(?:category\s+)?${NAME}\s+(?:category\s+)?(?:to|as|into)\s`, 'dgiu'),
  new RegExp(String.raw`\brename\s+${THE}(?:category\s+)?${NAME}${END}`, 'dgiu'),
  new RegExp(String.raw`\bchange\s+the\s+name\s+of\s+${THE}${NAME}\s+(?:category\s+)?to\s`, 'dgiu'),
  new RegExp(String.raw`\bchange\s+the\s+${NAME}\s+category\s+name\s+to\s`, 'dgiu'),
  new RegExp(String.raw`\bcall\s+the\s+${NAME}\s+category\s`, 'dgiu'),
  new RegExp(
    String.raw`\b(?:merge|combine|fold)\s+${THE}(?:category\s+)?${NAME}\s+(?:category\s+)?(?:into|with|and)\s`,
    'dgiu',
  ),
  new RegExp(
    String.raw`\bmove\s+(?:everything|all)\s+(?:from|in)\s+${THE}${NAME}\s+(?:category\s+)?(?:in)?to\s`,
    'dgiu',
  ),
  new RegExp(
    String.raw`\bmove\s+all\s+(?:of\s+)?${THE}${NAME}\s+(?:entries|expenses|transactions)\s+(?:in)?to\s`,
    'dgiu',
  ),
];

/** The other name: a rename's new name, or the category another is merged into. */
const NEW_CATEGORY_NAME_PATTERNS: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:rename|merge|combine|fold)\s+(?:\S+\s+){0,5}?(?:to|as|into|with|and)\s+${THE}${NAME}${END}`,
    'dgiu',
  ),
  new RegExp(
    String.raw`\b(?:change\s+the\s+name\s+of|move\s+(?:everything|all))\s+(?:\S+\s+){0,6}?(?:to|into)\s+${THE}${NAME}${END}`,
    'dgiu',
  ),
  new RegExp(String.raw`\bcategory\s+name\s+to\s+${NAME}${END}`, 'dgiu'),
  new RegExp(String.raw`\bcall\s+the\s+.+?\s+category\s+${NAME}${END}`, 'dgiu'),
];

/** Words a pattern may reach that are never a tag ("tag it as", "tagged with the"). */
const NOT_A_VALUE = new Set(['as', 'with', 'the', 'a', 'an', 'my', 'it', 'this', 'that', 'to', 'and', 'one']);

/**
 * Slot types whose values no list can hold (a person's tags, a person's category names): they are
 * read where they are said, by the patterns above. In Lex these types are ORIGINAL_VALUE, and the code
 * hook checks the words (against the person's own categories; a tag is normalised, "#Work" → "work").
 */
export const PATTERN_SLOT_TYPES: Readonly<Record<string, readonly RegExp[]>> = {
  TagType: TAG_PATTERNS,
  CategoryNameType: CATEGORY_NAME_PATTERNS,
  NewCategoryNameType: NEW_CATEGORY_NAME_PATTERNS,
};

/** A SlotTypeMatcher for one of PATTERN_SLOT_TYPES: the value is the words as said ("#work" keeps its "#"). */
export class PatternSlotMatcher extends SlotTypeMatcher {
  constructor(
    slotType: SlotTypeDefinition,
    private readonly patterns: readonly RegExp[],
  ) {
    super(slotType);
  }

  /** No value is a fixed phrase: the listed values only show Lex the shape. */
  override valueOf(): string | undefined {
    return undefined;
  }

  override findAll(_tokens: Token[], original: string): SlotTypeMatch[] {
    const found: SlotTypeMatch[] = [];
    for (const pattern of this.patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(original); m; m = pattern.exec(original)) {
        const word = m.groups?.['v'] ?? '';
        const at = m.indices?.groups?.['v'];
        if (m[0].length === 0) pattern.lastIndex += 1;
        if (!word || !at || NOT_A_VALUE.has(word.toLowerCase())) continue;
        const [wordStart, end] = at;
        const start = original[wordStart - 1] === '#' ? wordStart - 1 : wordStart;
        if (found.some((f) => start < f.end && f.start < end)) continue;
        const said = original.slice(start, end);
        found.push({ start, end, value: said, originalValue: said, fuzzy: false });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }
}
