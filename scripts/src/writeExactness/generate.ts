/**
 * Seeded generator of chat messages that log money, each paired with the exact ledger rows it must
 * produce (issue 11, "How to show it"). The items and their categories come from the bot's own slot
 * types, so the expectation follows the bot's definition rather than this file's opinion; the amounts,
 * dates and phrasing come from templates of the forms people type. Same seed, same messages.
 */
import { ExpenseCategoryType, HAND_SYNONYMS, IncomeCategoryType } from '@budgetbuddy/bot';
import type { TransactionKind } from '@budgetbuddy/fulfillment/ledger';

export type Kind = TransactionKind;

export interface ExpectedRow {
  kind: Kind;
  amountMinor: number;
  currency: 'USD';
  category: string;
  /** User-local date, YYYY-MM-DD. */
  date: string;
  /**
   * The note the fulfillment's documented rule implies (the item word when it is not the category's own
   * name, see impliedNote in fulfillment/src/intents/logTransaction.ts). Scored apart from the rest.
   */
  note?: string;
}

export type AmountForm =
  | 'digits'
  | 'decimalPoint'
  | 'decimalComma'
  | 'thousandsComma'
  | 'spacedThousands'
  | 'words'
  | 'wordsWithCents'
  | 'dollarsCents'
  | 'bucksCents'
  | 'dollarsAndCents'
  | 'centsOnly'
  | 'dollarSign'
  | 'codeSuffix'
  | 'codePrefix'
  | 'dollarsWord'
  | 'kSuffix'
  | 'slang';

export type DateForm =
  'none' | 'today' | 'yesterday' | 'weekday' | 'dayOfMonth' | 'dayOfLastMonth' | 'monthDay' | 'dayMonth';

export type Template =
  | 'spentOn'
  | 'itemAmount'
  | 'paidFor'
  | 'boughtFor'
  | 'gotPaid'
  | 'received'
  | 'earnedFrom'
  | 'incomeItemAmount';

export type Joiner = 'and' | 'comma' | 'none';

export interface GeneratedItem {
  text: string;
  item: string;
  itemSource: Item['source'];
  template: Template;
  amountForm: AmountForm;
  dateForm: DateForm;
  expected: ExpectedRow;
}

export interface GeneratedMessage {
  id: number;
  text: string;
  joiner: Joiner | null;
  items: GeneratedItem[];
  expected: ExpectedRow[];
}

/** The instant every generated message is said at, and where: a Wednesday, noon in New York. */
export const CLOCK_ISO = '2026-11-18T17:00:00.000Z';
export const TIME_ZONE = 'America/New_York';
export const DEFAULT_SEED = 20261118;
export const DEFAULT_COUNT = 2400;

// ---------------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: small, fast and good enough to pick templates; the point is that it is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Picker {
  constructor(private readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  one<T>(values: readonly T[]): T {
    if (values.length === 0) throw new Error('nothing to pick from');
    return values[Math.floor(this.random() * values.length)]!;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.random() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
}

// ---------------------------------------------------------------------------------------------------
// Items, from the bot's slot types

export interface Item {
  word: string;
  kind: Kind;
  category: string;
  /** 'hand': a synonym written by hand; 'generated': an item noun the bot took from WordNet; 'emoji'. */
  source: 'hand' | 'generated' | 'emoji';
}

/**
 * Words that would make a message ambiguous for reasons that have nothing to do with the item: number
 * and date words, currency words, the joiners this generator splits on, and template verbs.
 */
const RESERVED = new Set([
  ...'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand k half'.split(
    ' ',
  ),
  ...'today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday'.split(' '),
  ...'jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december'.split(
    ' ',
  ),
  ...'dollar dollars buck bucks cent cents usd and on for from of at to the a an my spent paid bought got received earned'.split(
    ' ',
  ),
]);

/** Categories one can naturally say "bought X" of. */
const BOUGHT_CATEGORIES = new Set(['Food', 'Groceries', 'Shopping', 'Gifts', 'Personal Care', 'Health']);
/** Categories where four-figure amounts are ordinary (so "1.2k" and "1,250" are not odd). */
const BIG_CATEGORIES = new Set(['Housing', 'Travel', 'Education', 'Salary', 'Freelance', 'Investment']);

const EMOJI = /^\p{Extended_Pictographic}\uFE0F?$/u;

function usableWord(word: string): boolean {
  if (EMOJI.test(word)) return true;
  if (!/^[a-z][a-z' ]*[a-z]$/.test(word)) return false;
  return !word.split(' ').some((w) => RESERVED.has(w));
}

/**
 * Every synonym of the bot's category slot types that names exactly one category across both kinds
 * (so "other", listed for both Other and Other Income, is left out) and holds no reserved word.
 */
export function itemsFromBotDefinition(): Item[] {
  const byWord = new Map<string, Item[]>();
  const hand = new Set(
    Object.values(HAND_SYNONYMS)
      .flat()
      .map((w) => w.toLowerCase()),
  );
  const add = (kind: Kind, category: string, word: string) => {
    const w = word.toLowerCase().trim();
    const source = EMOJI.test(w)
      ? 'emoji'
      : kind === 'income' || hand.has(w) || w === category.toLowerCase()
        ? 'hand'
        : 'generated';
    byWord.set(w, [...(byWord.get(w) ?? []), { word: w, kind, category, source }]);
  };
  for (const value of ExpenseCategoryType.values) {
    add('expense', value.value, value.value);
    for (const s of value.synonyms) add('expense', value.value, s);
  }
  for (const value of IncomeCategoryType.values) {
    add('income', value.value, value.value);
    for (const s of value.synonyms) add('income', value.value, s);
  }
  const items: Item[] = [];
  for (const [word, entries] of byWord) {
    const distinct = new Set(entries.map((e) => `${e.kind}/${e.category}`));
    if (distinct.size !== 1 || !usableWord(word)) continue;
    items.push(entries[0]!);
  }
  return items.sort((a, b) => a.word.localeCompare(b.word));
}

/** The fulfillment's rule for the implied note: the item word, unless it is the category's own name. */
export function impliedNote(word: string, category: string): string | undefined {
  const stem = (w: string) => w.replace(/(ies|es|s)$/, '');
  const name = category.toLowerCase();
  if (stem(word) === stem(name) || name.startsWith(stem(word)) || word.startsWith(stem(name)))
    return undefined;
  return word;
}

// ---------------------------------------------------------------------------------------------------
// Amounts

const ONES = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 1..99 in words: "forty five". */
export function numberWords(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new Error(`numberWords: ${n}`);
  if (n < 20) return ONES[n]!;
  const tens = TENS[Math.floor(n / 10)]!;
  return n % 10 === 0 ? tens : `${tens} ${ONES[n % 10]!}`;
}

const cents2 = (c: number) => String(c).padStart(2, '0');
const withThousands = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

interface Amount {
  text: string;
  minor: number;
}

/** Forms that hold a comma or a space inside the amount: kept out of messages those characters split. */
const COMMA_FORMS = new Set<AmountForm>(['decimalComma', 'thousandsComma']);
const BIG_ONLY_FORMS = new Set<AmountForm>(['thousandsComma', 'spacedThousands', 'kSuffix']);
const SMALL_ONLY_FORMS = new Set<AmountForm>([
  'words',
  'wordsWithCents',
  'dollarsCents',
  'bucksCents',
  'dollarsAndCents',
  'centsOnly',
  'slang',
]);

const AMOUNT_WEIGHTS: readonly (readonly [AmountForm, number])[] = [
  ['digits', 14],
  ['decimalPoint', 10],
  ['decimalComma', 6],
  ['thousandsComma', 3],
  ['spacedThousands', 2],
  ['words', 7],
  ['wordsWithCents', 5],
  ['dollarsCents', 5],
  ['bucksCents', 5],
  ['dollarsAndCents', 5],
  ['centsOnly', 3],
  ['dollarSign', 8],
  ['codeSuffix', 6],
  ['codePrefix', 3],
  ['dollarsWord', 6],
  ['kSuffix', 4],
  ['slang', 3],
];

function makeAmount(p: Picker, form: AmountForm): Amount {
  const small = () =>
    p.weighted([[p.int(1, 30), 5] as const, [p.int(31, 99), 3] as const, [p.int(100, 400), 2] as const]);
  const cents = () => p.one([5, 10, 15, 20, 25, 30, 40, 45, 50, 60, 75, 80, 90, 95, 99]);
  const cents2up = () => p.one([10, 15, 20, 25, 30, 40, 45, 50, 60, 75, 80, 90, 95, 99]);
  switch (form) {
    case 'digits': {
      const d = small();
      return { text: String(d), minor: d * 100 };
    }
    case 'decimalPoint': {
      const d = small();
      const c = cents();
      // "12.5" as often as "12.50" would be odd; one in four drops the trailing zero.
      const text = c % 10 === 0 && p.chance(0.25) ? `${d}.${c / 10}` : `${d}.${cents2(c)}`;
      return { text, minor: d * 100 + c };
    }
    case 'decimalComma': {
      const d = p.int(1, 99);
      const c = cents();
      return { text: `${d},${cents2(c)}`, minor: d * 100 + c };
    }
    case 'thousandsComma': {
      const d = p.int(1001, 4999);
      return { text: withThousands(d, ','), minor: d * 100 };
    }
    case 'spacedThousands': {
      const d = p.int(1001, 4999);
      return { text: withThousands(d, ' '), minor: d * 100 };
    }
    case 'words': {
      const d = p.int(2, 99);
      return { text: numberWords(d), minor: d * 100 };
    }
    case 'wordsWithCents': {
      // "twelve fifty": a dollar word then a cents word from 10 up (so "one fifty" / "two oh five" stay out).
      const d = p.int(2, 49);
      const c = p.one([10, 15, 20, 25, 30, 40, 45, 50, 60, 75, 80, 90, 95, 99]);
      return { text: `${numberWords(d)} ${numberWords(c)}`, minor: d * 100 + c };
    }
    case 'dollarsCents': {
      const d = p.int(1, 60);
      // From 10 cents up: "14 dollars 5" could be 14.05 or 14.50, and a reader would have to ask.
      const c = cents2up();
      return { text: `${d} dollars ${c}`, minor: d * 100 + c };
    }
    case 'bucksCents': {
      const d = p.int(1, 60);
      const c = cents2up();
      return { text: `${d} bucks ${c}`, minor: d * 100 + c };
    }
    case 'dollarsAndCents': {
      const d = p.int(1, 60);
      const c = cents();
      return { text: `${d} ${d === 1 ? 'dollar' : 'dollars'} and ${c} cents`, minor: d * 100 + c };
    }
    case 'centsOnly': {
      const c = p.one([25, 50, 75, 80, 90, 99]);
      return { text: `${c} cents`, minor: c };
    }
    case 'dollarSign': {
      const d = small();
      const c = p.chance(0.4) ? cents() : 0;
      return { text: c ? `$${d}.${cents2(c)}` : `$${d}`, minor: d * 100 + c };
    }
    case 'codeSuffix': {
      const d = small();
      const c = p.chance(0.3) ? cents() : 0;
      return { text: `${c ? `${d}.${cents2(c)}` : d} ${p.one(['USD', 'usd'])}`, minor: d * 100 + c };
    }
    case 'codePrefix': {
      const d = small();
      return { text: `USD ${d}`, minor: d * 100 };
    }
    case 'dollarsWord': {
      const d = small();
      return { text: `${d} ${p.one(['dollars', 'bucks'])}`, minor: d * 100 };
    }
    case 'slang': {
      const [text, minor] = p.one([
        ['a tenner', 1000],
        ['a fiver', 500],
        ['half a dollar', 50],
      ] as const);
      return { text, minor };
    }
    case 'kSuffix': {
      const tenths = p.int(10, 49);
      const text = tenths % 10 === 0 ? `${tenths / 10}${p.one(['k', 'K'])}` : `${(tenths / 10).toFixed(1)}k`;
      return { text, minor: tenths * 10_000 };
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Dates, relative to the fixed clock

/** YYYY-MM-DD of an instant in a time zone. */
export function localDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

const toUtc = (ymd: string) => new Date(`${ymd}T00:00:00.000Z`);
const ymdOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (ymd: string, days: number) => ymdOf(new Date(toUtc(ymd).getTime() + days * 86_400_000));

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may', 'may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
] as const;

export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

interface SaidDate {
  /** Words after the item, with their leading space; '' for no date. */
  text: string;
  date: string;
}

const DATE_WEIGHTS: readonly (readonly [DateForm, number])[] = [
  ['none', 30],
  ['today', 6],
  ['yesterday', 14],
  ['weekday', 16],
  ['dayOfMonth', 14],
  ['dayOfLastMonth', 6],
  ['monthDay', 12],
  ['dayMonth', 8],
];

function makeDate(p: Picker, form: DateForm, today: string): SaidDate {
  const todayUtc = toUtc(today);
  switch (form) {
    case 'none':
      return { text: '', date: today };
    case 'today':
      return { text: ' today', date: today };
    case 'yesterday':
      return { text: ' yesterday', date: addDays(today, -1) };
    case 'weekday': {
      // The most recent past one; today's own weekday is left out ("on wednesday" said on a Wednesday).
      const back = p.int(1, 6);
      const date = addDays(today, -back);
      return { text: ` on ${WEEKDAYS[toUtc(date).getUTCDay()]!}`, date };
    }
    case 'dayOfMonth': {
      // Only days already past this month: a later day would be a future date or last month's, both asked.
      const day = p.int(1, todayUtc.getUTCDate());
      return { text: ` on the ${ordinal(day)}`, date: `${today.slice(0, 8)}${String(day).padStart(2, '0')}` };
    }
    case 'dayOfLastMonth': {
      const first = toUtc(`${today.slice(0, 8)}01`);
      const lastMonthEnd = new Date(first.getTime() - 86_400_000);
      const day = p.int(1, lastMonthEnd.getUTCDate());
      return {
        text: ` on the ${ordinal(day)} of last month`,
        date: `${ymdOf(lastMonthEnd).slice(0, 8)}${String(day).padStart(2, '0')}`,
      };
    }
    case 'monthDay':
    case 'dayMonth': {
      // A past day of this year, from August on.
      const start = toUtc(`${today.slice(0, 4)}-08-01`).getTime();
      const span = Math.round((todayUtc.getTime() - start) / 86_400_000);
      const date = ymdOf(new Date(start + p.int(0, span) * 86_400_000));
      const d = toUtc(date);
      const [short, long] = MONTHS[d.getUTCMonth()]!;
      const month = p.chance(0.6) ? short : long;
      const day = d.getUTCDate();
      const dayText = p.chance(0.3) ? ordinal(day) : String(day);
      // "for 19 19 september" would run the amount into the day: a leading day always gets its "on".
      const on = form === 'dayMonth' || p.chance(0.7) ? 'on ' : '';
      const text = form === 'monthDay' ? ` ${on}${month} ${dayText}` : ` ${on}${dayText} ${month}`;
      return { text, date };
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Templates

const EXPENSE_TEMPLATES: readonly (readonly [Template, number])[] = [
  ['spentOn', 3],
  ['itemAmount', 3],
  ['paidFor', 2],
  ['boughtFor', 1],
];
const INCOME_TEMPLATES: readonly (readonly [Template, number])[] = [
  ['gotPaid', 2],
  ['received', 2],
  ['earnedFrom', 2],
  ['incomeItemAmount', 2],
];

function render(template: Template, item: string, amount: string, date: string): string {
  switch (template) {
    case 'spentOn':
      return `spent ${amount} on ${item}${date}`;
    case 'itemAmount':
    case 'incomeItemAmount':
      return `${item} ${amount}${date}`;
    case 'paidFor':
      return `paid ${amount} for ${item}${date}`;
    case 'boughtFor':
      return `bought ${item} for ${amount}${date}`;
    case 'gotPaid':
      return `got paid ${amount} ${item}${date}`;
    case 'received':
      return `received ${amount} ${item}${date}`;
    case 'earnedFrom':
      return `earned ${amount} from ${item}${date}`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Messages

export interface GenerateOptions {
  seed?: number;
  count?: number;
  clockIso?: string;
  timeZone?: string;
}

interface ItemConstraints {
  joiner: Joiner | null;
  /** A comma separates items somewhere in the message ("a, b and c" too). */
  commaSeparated: boolean;
  dated: boolean | null;
  usedWords: Set<string>;
}

function makeItem(p: Picker, items: readonly Item[], today: string, c: ItemConstraints): GeneratedItem {
  // One income item in six: enough to see income and spending told apart inside one message.
  const kind: Kind = p.chance(1 / 6) ? 'income' : 'expense';
  // Mostly the words people use most (the hand-written synonyms); one expense item in ten is one of
  // the item nouns the bot draws from WordNet, one in twenty an emoji ("🍕 15").
  const source: Item['source'] =
    kind === 'income'
      ? 'hand'
      : p.weighted([
          ['hand', 17],
          ['generated', 2],
          ['emoji', 1],
        ] as const);
  const pool = items.filter(
    (i) =>
      i.kind === kind &&
      i.source === source &&
      !c.usedWords.has(i.word) &&
      // Run-on messages carry no verbs, and a bare "christmas gift 50" could as well be a gift given.
      !(c.joiner === 'none' && i.category === 'Gift'),
  );
  const item = p.one(pool);
  c.usedWords.add(item.word);

  const template: Template =
    c.joiner === 'none'
      ? kind === 'expense'
        ? 'itemAmount'
        : 'incomeItemAmount'
      : p.weighted(
          (kind === 'expense' ? EXPENSE_TEMPLATES : INCOME_TEMPLATES).filter(
            ([t]) =>
              (t !== 'boughtFor' || BOUGHT_CATEGORIES.has(item.category)) &&
              // An emoji stands for the item in a bare "🍕 15", not inside a sentence.
              (item.source !== 'emoji' || t === 'itemAmount') &&
              // A bare "christmas gift 50" may be a gift given as well as one received: only with a verb.
              (t !== 'incomeItemAmount' || item.category !== 'Gift'),
          ),
        );

  const big = BIG_CATEGORIES.has(item.category);
  const amountForm = p.weighted(
    AMOUNT_WEIGHTS.filter(([form]) => {
      if (BIG_ONLY_FORMS.has(form) && !big) return false;
      if (SMALL_ONLY_FORMS.has(form) && big && kind === 'income') return false;
      if (form === 'centsOnly' && big) return false;
      if (c.commaSeparated && COMMA_FORMS.has(form)) return false;
      if (c.joiner === 'none' && (form === 'dollarsAndCents' || form === 'spacedThousands')) return false;
      return true;
    }),
  );
  const amount = makeAmount(p, amountForm);

  // In a message of several items a date is said for every item or for none, so no reader has to guess
  // whether "coffee 4 and muffin 3 yesterday" dates the coffee too. Run-on messages carry no dates.
  let dateForm: DateForm;
  if (c.joiner === 'none' || c.dated === false) dateForm = 'none';
  else if (c.dated === true) dateForm = p.weighted(DATE_WEIGHTS.filter(([f]) => f !== 'none'));
  else dateForm = p.weighted(DATE_WEIGHTS);
  const said = makeDate(p, dateForm, today);

  const note = impliedNote(item.word, item.category);
  return {
    text: render(template, item.word, amount.text, said.text),
    item: item.word,
    itemSource: item.source,
    template,
    amountForm,
    dateForm,
    expected: {
      kind,
      amountMinor: amount.minor,
      currency: 'USD',
      category: item.category,
      date: said.date,
      ...(note ? { note } : {}),
    },
  };
}

export function generateMessages(opts: GenerateOptions = {}): GeneratedMessage[] {
  const p = new Picker(seededRandom(opts.seed ?? DEFAULT_SEED));
  const today = localDate(opts.clockIso ?? CLOCK_ISO, opts.timeZone ?? TIME_ZONE);
  const items = itemsFromBotDefinition();
  const count = opts.count ?? DEFAULT_COUNT;
  const out: GeneratedMessage[] = [];
  for (let id = 0; id < count; id++) {
    const n = p.weighted([
      [1, 50],
      [2, 32],
      [3, 18],
    ] as const);
    const joiner: Joiner | null =
      n === 1
        ? null
        : p.weighted([
            ['and', 5],
            ['comma', 3],
            ['none', 2],
          ] as const);
    // "a, b and c" for three items joined by "and", half the time.
    const oxford = n === 3 && joiner === 'and' && p.chance(0.5);
    const c: ItemConstraints = {
      joiner,
      commaSeparated: joiner === 'comma' || oxford,
      dated: n === 1 ? null : p.chance(0.5),
      usedWords: new Set(),
    };
    const parts = Array.from({ length: n }, () => makeItem(p, items, today, c));
    const text =
      joiner === null
        ? parts[0]!.text
        : joiner === 'none'
          ? parts.map((x) => x.text).join(' ')
          : joiner === 'comma'
            ? parts.map((x) => x.text).join(', ')
            : oxford
              ? `${parts[0]!.text}, ${parts[1]!.text} and ${parts[2]!.text}`
              : parts.map((x) => x.text).join(' and ');
    out.push({ id, text, joiner, items: parts, expected: parts.map((x) => x.expected) });
  }
  return out;
}
