/**
 * Turns text into ranked interpretations: resolve values (analyseText), classify the text with values
 * replaced by placeholders (IntentClassifier), keep write intents only with evidence (writeEvidence),
 * send text the bot mostly does not know the words of to FallbackIntent, then fill each intent's slots
 * from the values found.
 */
import { IntentName, SlotName, WRITE_INTENTS } from '../definition/names';
import type {
  IntentDefinition,
  LocaleDefinition,
  SlotDefinition,
  SlotTypeDefinition,
} from '../definition/types';
import type { TextAnalysis } from './analyseText';
import { analyseText, delexicalise } from './analyseText';
import type { EntryMatch } from './entryDescription';
import { findEntryDescription } from './entryDescription';
import { correctCommandVerb } from './commandTypos';
import { isEnglishWord, warmEnglishWords } from './englishWords';
import { findFreeText } from './freeText';
import type { GoalMatch } from './goalName';
import { findGoalName } from './goalName';
import type { NluContext, NluInterpretation, SlotValue } from './index';
import type { IntentScore } from './intentClassifier';
import { IntentClassifier, NONE_INTENT } from './intentClassifier';
import type { NumberMatch } from './numbers';
import { numberToSlotString, warmNumberRecognizer } from './numbers';
import { calendarWordsAsDate } from './dateWords';
import { CLINC_OUT_OF_SCOPE_TRAIN } from './clincOutOfScope';
import { OUT_OF_DOMAIN_SAMPLES } from './outOfDomainSamples';
import { delexicaliseSample, placeholderFor } from './placeholders';
import { expandContractions, QueryWords } from './queryWords';
import type { SlotTypeMatch } from './slotTypeMatcher';
import { PATTERN_SLOT_TYPES, PatternSlotMatcher, SlotTypeMatcher } from './slotTypeMatcher';
import type { Span } from './spans';
import { overlaps } from './spans';
import { classifyConfirmation } from './confirmation';
import { todayIn } from './calendar';
import { bareNameAnswer, namesInMoneyQuestion, ownAccountNames, thingBought } from './ownWords';
import { tokenize } from './tokens';
import type { Evidence, EvidenceTypes } from './writeEvidence';
import { collectEvidence, hasEvidenceFor, isAboutGoals } from './writeEvidence';

/** Above this share of words the bot never saw, the text is about something else. */
const MAX_UNKNOWN_SHARE = 0.5;
/** Write intents are held to a stricter bar: a stray sentence must not log anything. */
const MAX_UNKNOWN_SHARE_FOR_WRITE = 0.34;
/** ...unless it names money ("spent $12 on pho"): then an unknown word is likely an unlisted category. */
const MAX_UNKNOWN_SHARE_WITH_MONEY = 0.45;
/** What is left of a write intent's score when its evidence is missing (it stays listed, last). */
const NO_EVIDENCE_FACTOR = 0.05;
/**
 * Below this raw activation the classifier is guessing: a guess plus a word it never saw in the bot's
 * samples is out of scope ("the gym was packed this morning").
 */
const WEAK_ACTIVATION = 0.35;
/** The same bar for a stand-in: an intent that leads only because a write intent above it lacked evidence. */
const STAND_IN_ACTIVATION = 0.5;
const MAX_INTERPRETATIONS = 5;
const READ_INTENTS = new Set<string>([
  IntentName.QuerySpending,
  IntentName.ListTransactions,
  IntentName.SpendingInsights,
  IntentName.CheckBudget,
]);
/** How a question or a request to see something starts ("can you tell me", "i want to know", "show me"). */
const READ_OPENING =
  /\?|^(?:what|whats|how|hows|when|which|did|do|does|have|has|am|is|are|was|were|can|could|would|will|may|please|show|list|tell|give|let me|get|bring|i want to (?:know|see|hear)|i need to (?:know|see)|i would like to (?:know|see|hear))\b/;
const MONEY_QUESTION =
  /\b(?:spent|spending|spend|expenses?|expenditures?|transactions?|tranactions?|purchases?|purchased|bought|charges?|charged)\b/;
/**
 * Intents a question about one's own money can mean: the read intents that are about money. Help, small
 * talk, greetings and Cancel take no topic, and a question never asks for a write.
 */
const NOT_A_MONEY_READ = new Set<string>([
  ...WRITE_INTENTS,
  IntentName.Help,
  IntentName.Greeting,
  IntentName.SmallTalk,
  IntentName.Cancel,
]);
/** ...and a weaker fit: "what did i spend at target on my barclays card" names two places it never saw. */
const MONEY_QUESTION_ACTIVATION = 0.15;
/** Read intents asked about one's own money may have more words the bot never saw. */
const MAX_UNKNOWN_SHARE_FOR_MONEY_QUESTION = 0.67;
/** Small talk without a known topic is still said to the bot ("how is life treating you"). */
const SAID_TO_THE_BOT =
  /\b(?:you|your|youre|ya|u|yourself|bot|ai)\b|^(?:(?:so|well|and|ok|okay|oh|hey|hi|hello|howdy),? )?(?:how|hows|what|whats|hello|hi|hey)\b/;
/** What is left of a slot-less read-only intent's score when the text carries values. */
const VALUES_WITHOUT_SLOTS_FACTOR = 0.3;

/**
 * Words that say nothing about the topic. Coverage is measured over the other words, so "what time is
 * it in tokyo" counts as two unknown words out of two, not two out of six.
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but if of to in on at for from with by about as into than then so is am are was ' +
    'were be been being it its this that these those there here i me my mine you your we our us he she ' +
    'him her they them their do does did have has had can could would should will shall may might must ' +
    'not no yes what which who whom whose when where why how please just very really too also up out ' +
    'over some any all ' +
    // Contractions as the tokenizer spells them, quantifiers, and the filler of chat ("ok so", "oops").
    'im ive id ill dont doesnt didnt cant wont isnt arent wasnt youre theyre thats able lot lots much ' +
    'many ok okay oh oops um uh hmm well actually nevermind'
  ).split(' '),
);

const GOT_MONEY_BACK =
  /\b(?:got|get|getting|received|receive) (?:\S*\d\S*(?: dollars?| bucks?| euros?| pounds?)? |it |my money )back\b/;
/** Budget writes: an empty Category there means the overall budget, so a category said must fill it. */
const BUDGET_WRITES = new Set<string>([IntentName.SetBudget, IntentName.DeleteBudget]);
/** Where a budget's category stands: "a budget for X", "limit X to", "my X budget". */
const BUDGET_CATEGORY_POSITIONS = [
  /\b(?:budget|limit|cap|allow|allocate|aside) (?:\S+ )?(?:for|on) (?:my |the |a |an )?([a-z][a-z'-]*)/g,
  /\b(?:on|for) (?:my |the )?([a-z][a-z'-]*)(?= budget\b| limit\b)/g,
  /\b([a-z][a-z'-]*)(?= (?:budget|limit)\b)/g,
  /\b(?:limit|cap) (?:my )?([a-z][a-z'-]*)(?= (?:spending )?(?:to|at)\b)/g,
];
/** Where the item of an expense stands: "bought a gizmo", "spent 12 on xyzzy", "9 for a gizmo". */
const ITEM_POSITIONS = [
  /\b(?:bought|buy|buying|purchased|ordered|got|grabbed) (?:a |an |some |the |me |myself |new |a new )?([a-z][a-z'-]*)/g,
  /\d\S* (?:on|for) (?:a |an |some |the |my |new |a new )?([a-z][a-z'-]*)/g,
];
/** Where the new category of an edit stands: "change it to xyzzy", "put it under xyzzy". */
const NEW_CATEGORY_POSITIONS = [
  /\b(?:change|switch|move|put|file|set|make) (?:it|that|this|the category) (?:to|under|into|as|in) ([a-z][a-z'-]*)/g,
  /\b(?:category|it) should (?:be|have been) ([a-z][a-z'-]*)/g,
];
const UNLISTED_CATEGORY_POSITIONS: Partial<Record<string, readonly RegExp[]>> = {
  [IntentName.SetBudget]: BUDGET_CATEGORY_POSITIONS,
  [IntentName.DeleteBudget]: BUDGET_CATEGORY_POSITIONS,
  [IntentName.LogExpense]: ITEM_POSITIONS,
  [IntentName.EditTransaction]: NEW_CATEGORY_POSITIONS,
};
/** Words in a category's place that name no category: the overall budget, the budget itself, a filler. */
const NOT_A_CATEGORY = new Set(
  (
    'budget budgets limit limits spending overall total general whole entire everything new set my ' +
    'daily weekly monthly yearly annual day week month year per each every myself me money cash ' +
    'create make start update change raise lower increase decrease remove delete cancel drop clear ' +
    'reset max maximum spend spent something stuff thing things way time times one ones bit lot ' +
    'today yesterday tonight tomorrow last next this that them him her it us back paid total ' +
    'amount date note entry transaction expense purchase dollars dollar bucks cents euros pounds'
  ).split(' '),
);

/**
 * Where an intent's Account slot is read: anywhere (AddAccount, QueryBalance), only in an account's
 * place (the entries: "with cash", "on my visa") or only where money leaves (a goal contribution: "from
 * checking"; in "put 100 toward my savings goal" or "put 100 in savings for the trip" savings receives).
 */
type AccountPlace = 'any' | 'entry' | 'source';
const ACCOUNT_PLACES: Partial<Record<string, AccountPlace>> = {
  [IntentName.LogExpense]: 'entry',
  [IntentName.LogIncome]: 'entry',
  [IntentName.AddToGoal]: 'source',
};
const ACCOUNT_LINK_BEFORE =
  /\b(?:with|on|from|in|into|using|via|by|off|out of|to|onto)\s+(?:my\s+|the\s+|our\s+)?$/;
const OWN_ACCOUNT_BEFORE =
  /\b(?:(?:my|the|our)|(?:with|from|using|via|out of|into)(?:\s+(?:my|the|our))?)\s+$/;
const ACCOUNT_LINK_INSIDE = /^(?:with|on|from|in|into|using|via|by|off|out of|to|onto|my|the)\b/;
/** The words that say an account is where money leaves ("from checking", "out of savings"). */
const LEAVING_LINK = /^(?:from|out of|off|with|using|via)\b/;
const LEAVING_LINK_BEFORE = /\b(?:from|out of|off|with|using|via)\s+(?:my\s+|the\s+|our\s+)?$/;

/** How an account given as an answer may start: "from chase", "to my chase". */
const ANSWER_LINK = /^(?:(?:from|out of|off|to|into|onto|with|using|in|on)\s+)?(?:(?:my|the|our)\s+)?/i;

const JAR_SLOTS = new Set<string>([
  SlotName.Jar1,
  SlotName.Jar2,
  SlotName.Jar3,
  SlotName.Jar4,
  SlotName.Jar5,
  SlotName.Jar6,
]);

const round = (n: number): number => Math.round(n * 100) / 100;

export interface Interpreter {
  interpret(text: string, ctx: NluContext): NluInterpretation[];
  resolveSlot(intentName: string, slotName: string, text: string, ctx: NluContext): SlotValue | null;
}

/**
 * Date words written into a sample ("how are you doing today") reach the classifier as the date
 * placeholder at run time, because the date finder claims them; training must see them the same way.
 */
const LITERAL_DATES = /\b(?:today|tonight|yesterday|(?:this|last) (?:week|month|year))\b/gi;
/** The date finder claims "on the" with the day ("on the 25th"): the sample's words go with it. */
const DATE_PREPOSITION = new RegExp(`\\bon the (?=${placeholderFor('AMAZON.Date')}\\b)`, 'g');
const literalDatesAsPlaceholder = (u: string): string =>
  u.replace(LITERAL_DATES, placeholderFor('AMAZON.Date')).replace(DATE_PREPOSITION, '');

/**
 * The same for the words of a spending view ("which stores do I spend the most at"): the slot matcher
 * claims "spend the most" at run time, so the classifier sees the placeholder there, and must in training.
 */
function literalSlotValuesAsPlaceholder(
  locale: LocaleDefinition,
  intentName: string,
  slotName: string,
): (u: string) => string {
  const typeName = locale.intents
    .find((i) => i.name === intentName)
    ?.slots.find((s) => s.name === slotName)?.slotTypeName;
  const type = locale.slotTypes.find((t) => t.name === typeName);
  if (!typeName || !type) return (u) => u;
  const phrases = type.values
    .flatMap((v) => v.synonyms)
    .map((p) => p.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`\\b(?:${phrases.join('|')})\\b`, 'gi');
  const placeholder = placeholderFor(typeName);
  return (u) => u.replace(pattern, placeholder);
}

/** A sample as the classifier reads text (see `classifierView`): contractions written out, vague time words as a date. */
const sampleView = (u: string): string => calendarWordsAsDate(expandContractions(u.toLowerCase()));

export async function buildInterpreter(locale: LocaleDefinition): Promise<Interpreter> {
  const literalInsightsAsPlaceholder = literalSlotValuesAsPlaceholder(
    locale,
    IntentName.SpendingInsights,
    SlotName.Insight,
  );
  const intents = locale.intents.filter((i) => i.parentIntentSignature !== 'AMAZON.FallbackIntent');
  const samples = intents.flatMap((intent) =>
    intent.sampleUtterances.map((u) => ({
      utterance: sampleView(
        literalInsightsAsPlaceholder(literalDatesAsPlaceholder(delexicaliseSample(u, intent.slots))),
      ),
      intent: intent.name,
    })),
  );
  // A slot name means the same type everywhere in this bot's chatter samples: the first intent's that has it.
  const slotsByName = new Map<string, SlotDefinition>();
  for (const slot of intents.flatMap((i) => i.slots))
    if (!slotsByName.has(slot.name)) slotsByName.set(slot.name, slot);
  const none = (list: readonly string[]): typeof samples =>
    list.map((u) => ({ utterance: delexicaliseSample(u, [...slotsByName.values()]), intent: NONE_INTENT }));
  const [classifier, moneyQuestions] = await Promise.all([
    IntentClassifier.train([...samples, ...none(OUT_OF_DOMAIN_SAMPLES), ...none(CLINC_OUT_OF_SCOPE_TRAIN)]),
    // Only the read intents about money, without out-of-scope lines: consulted only for a question
    // about one's own spending that the main network gives wholly to "none of these" ("i want to know
    // my recent spending") or to a write that lacks its evidence ("my last ten debit card transactions
    // in the month of december" looks like recurring income). The question's shape already says it
    // reads; this network only says which read, so chatter and writes cannot pull it away.
    IntentClassifier.train(samples.filter((s) => !NOT_A_MONEY_READ.has(s.intent))),
  ]);
  warmNumberRecognizer();
  warmEnglishWords();
  const interpreter = new LocaleInterpreter(locale, classifier, moneyQuestions);
  // The first calls compile regular expressions and chrono's parsers (≈ 200 ms); pay that here, at start-up.
  const ctx = { timeZone: 'UTC', now: new Date() };
  for (const text of WARM_UP) interpreter.interpret(text, ctx);
  return interpreter;
}

const WARM_UP = [
  'spent 12.50 on lunch yesterday',
  'groceries 62.40 on 11/20',
  'how much did I spend last month in October',
  'fifty dollars for dinner on friday for the team',
  'I got 3.5k from salary on march 3',
];

class LocaleInterpreter implements Interpreter {
  private readonly intents: IntentDefinition[];
  private readonly fallbackName: string;
  /** Custom types whose values are listed (matched in text); ORIGINAL_VALUE types are free text. */
  private readonly matchers: SlotTypeMatcher[];
  private readonly freeTextTypes: Set<string>;
  /** The account types: listed kinds plus the person's own names (issue 12 point 1). */
  private readonly ownNameTypes: ReadonlySet<string>;
  private readonly vocabulary = new Set<string>();
  private readonly evidenceTypes: EvidenceTypes;
  /** The free-text types: the note kept with an entry, and the description of an existing entry. */
  private readonly noteType: string;
  private readonly entryType: string;
  /** The free-text name of a savings goal (issue 12 point 3). */
  private readonly goalType: string;
  private readonly insightType: string;
  private readonly queryWords: QueryWords;
  /** What the classifier reads: words it never saw swapped for known ones, vague time words as a date. */
  private readonly classifierView = (variant: string): string =>
    calendarWordsAsDate(this.queryWords.rewrite(expandContractions(variant)));

  constructor(
    private readonly locale: LocaleDefinition,
    private readonly classifier: IntentClassifier,
    private readonly moneyQuestions: IntentClassifier,
  ) {
    this.intents = locale.intents.filter((i) => i.parentIntentSignature !== 'AMAZON.FallbackIntent');
    this.fallbackName =
      locale.intents.find((i) => i.parentIntentSignature === 'AMAZON.FallbackIntent')?.name ??
      IntentName.FallbackIntent;
    const used = new Set(locale.intents.flatMap((i) => i.slots.map((s) => s.slotTypeName)));
    const types = locale.slotTypes.filter((t) => used.has(t.name));
    const slotType = (intent: string, slot: string): string =>
      locale.intents.find((i) => i.name === intent)?.slots.find((s) => s.name === slot)?.slotTypeName ?? '';
    // Accounts are the person's own (ORIGINAL_VALUE on Lex): the listed kinds are still read by value,
    // and the names no list holds where they stand (ownWords.ts).
    this.ownNameTypes = new Set([
      slotType(IntentName.AddAccount, SlotName.Account),
      slotType(IntentName.TransferMoney, SlotName.FromAccount),
      slotType(IntentName.TransferMoney, SlotName.ToAccount),
    ]);
    const listed = (t: SlotTypeDefinition): boolean =>
      t.resolutionStrategy === 'TOP_RESOLUTION' || this.ownNameTypes.has(t.name);
    // A person's own values (tags, category names) are read where they are said (issue 12 point 4).
    const patterns = (t: SlotTypeDefinition) => PATTERN_SLOT_TYPES[t.name];
    this.matchers = [
      ...types.filter(listed).map((t) => new SlotTypeMatcher(t)),
      ...types.flatMap((t) => {
        const own = patterns(t);
        return own ? [new PatternSlotMatcher(t, own)] : [];
      }),
    ];
    this.freeTextTypes = new Set(types.filter((t) => !listed(t) && !patterns(t)).map((t) => t.name));
    for (const intent of locale.intents) {
      for (const u of intent.sampleUtterances) {
        for (const t of tokenize(u.replace(/\{\w+\}/g, ' ').toLowerCase())) this.vocabulary.add(t.text);
      }
    }
    for (const t of types) {
      for (const v of t.values) {
        for (const phrase of [v.value, ...v.synonyms]) {
          for (const tok of tokenize(phrase.toLowerCase())) this.vocabulary.add(tok.text);
        }
      }
    }
    this.evidenceTypes = {
      expenseCategory: slotType(IntentName.LogExpense, SlotName.Category),
      incomeCategory: slotType(IntentName.LogIncome, SlotName.Category),
      period: slotType(IntentName.SetBudget, SlotName.Period),
      currency: slotType(IntentName.SetCurrency, SlotName.Currency),
      timeZone: slotType(IntentName.SetTimeZone, SlotName.TimeZone),
      account: slotType(IntentName.AddAccount, SlotName.Account),
      fromAccount: slotType(IntentName.TransferMoney, SlotName.FromAccount),
      toAccount: slotType(IntentName.TransferMoney, SlotName.ToAccount),
    };
    this.noteType = slotType(IntentName.LogExpense, SlotName.Note);
    this.entryType = slotType(IntentName.EditTransaction, SlotName.Entry);
    this.goalType = slotType(IntentName.SetGoal, SlotName.Goal);
    this.insightType = slotType(IntentName.SpendingInsights, SlotName.Insight);
    this.queryWords = new QueryWords(
      (w) => classifier.stems(w).every((stem) => classifier.knows(stem)),
      isEnglishWord,
    );
  }

  private analyse(text: string, ctx: NluContext): TextAnalysis {
    return this.withNamedAccounts(
      this.withOwnAccounts(
        analyseText(text, {
          now: ctx.now,
          timeZone: ctx.timeZone,
          matchers: this.matchers,
          isKnownWord: (w) => this.vocabulary.has(w) || isEnglishWord(w),
        }),
      ),
    );
  }

  /**
   * "add a credit card called visa": the words after an account and "called"/"named" are that account's
   * name, though "visa" is also a travel expense; only the account reading is kept for them.
   */
  private withNamedAccounts(analysis: TextAnalysis): TextAnalysis {
    const accounts = analysis.slotTypeMatches.get(this.evidenceTypes.account) ?? [];
    const named = accounts.filter((m) =>
      accounts.some(
        (kind) =>
          kind.end <= m.start &&
          /^\s+(?:account\s+|card\s+)?(?:called|named)\s+$/.test(analysis.lower.slice(kind.end, m.start)),
      ),
    );
    if (named.length === 0) return analysis;
    const slotTypeMatches = new Map(analysis.slotTypeMatches);
    for (const [type, matches] of slotTypeMatches) {
      if (type === this.evidenceTypes.account) continue;
      slotTypeMatches.set(
        type,
        matches.filter((m) => !named.some((n) => overlaps(n, m))),
      );
    }
    return { ...analysis, slotTypeMatches };
  }

  /** The person's own account names ("my Chase account", "from chase to cash") beside the listed kinds. */
  private withOwnAccounts(analysis: TextAnalysis): TextAnalysis {
    const { account, fromAccount, toAccount } = this.evidenceTypes;
    const get = (t: string) => analysis.slotTypeMatches.get(t) ?? [];
    const own = ownAccountNames(
      analysis.lower,
      analysis.original,
      [...get(account), ...get(fromAccount), ...get(toAccount)],
      [...analysis.dates, ...analysis.numbers],
    );
    if (own.account.length + own.from.length + own.to.length === 0) return analysis;
    const slotTypeMatches = new Map(analysis.slotTypeMatches);
    for (const [type, found] of [
      [account, own.account],
      [fromAccount, own.from],
      [toAccount, own.to],
    ] as const) {
      if (found.length)
        slotTypeMatches.set(
          type,
          [...get(type), ...found].sort((a, b) => a.start - b.start),
        );
    }
    return { ...analysis, slotTypeMatches };
  }

  interpret(text: string, ctx: NluContext): NluInterpretation[] {
    const trimmed = correctCommandVerb(
      text.trim().slice(0, 1024),
      (w) => this.vocabulary.has(w) || isEnglishWord(w),
    );
    if (!/[\p{L}\p{N}]/u.test(trimmed)) return [this.fallback(1)];
    const analysis = this.withoutAccountsOfGoals(this.analyse(trimmed, ctx));
    const entry = this.entryIn(analysis);
    const evidence = collectEvidence(
      analysis,
      this.evidenceTypes,
      (w) => this.vocabulary.has(w),
      entry !== null,
    );
    evidence.readLower = this.queryWords.rewrite(expandContractions(analysis.lower));
    const today = todayIn(ctx.timeZone, ctx.now);
    evidence.dayAhead = analysis.dates.some((d) => d.interpretedValue !== '' && d.interpretedValue > today);
    // Money coming in ("sold my old bike for 150", "refund for the shoes"): the thing named is what was
    // sold or returned, not where money went, so its category is left out of the classifier's view.
    // And the other way round: "paid 500 for a wedding gift" is an expense, whatever "gift" can also be.
    const omit = evidence.moneyCameIn
      ? new Set([this.evidenceTypes.expenseCategory])
      : evidence.moneyWentOut
        ? new Set([this.evidenceTypes.incomeCategory])
        : undefined;
    // The entry reading only competes when the text edits or deletes ("the train to boston was 49" logs).
    const editsOrDeletes =
      hasEvidenceFor(IntentName.EditTransaction, evidence) ||
      hasEvidenceFor(IntentName.DeleteTransaction, evidence);
    // "change it to xyzzy": the new category is the person's word, which the bot cannot know; it is
    // asked about, not counted as a change of topic.
    const newCategory = hasEvidenceFor(IntentName.EditTransaction, evidence)
      ? this.unlistedCategory(
          analysis,
          [...analysis.dates, ...analysis.numbers],
          NEW_CATEGORY_POSITIONS,
          false,
        )
      : null;
    // A goal's name is read only when the text is about saving or goals ("a trip to paris for 300" logs).
    const goal = evidence.aboutGoals || evidence.takenForGoal ? this.goalIn(analysis) : null;
    const { scores, activations, unknownShare } = this.classify(
      analysis,
      editsOrDeletes ? entry : null,
      omit,
      new Set([
        ...(newCategory ? [newCategory.originalValue.toLowerCase()] : []),
        ...namesInMoneyQuestion(
          analysis.lower,
          MONEY_QUESTION.test(analysis.lower) && READ_OPENING.test(analysis.lower),
        ),
        ...thingBought(analysis.lower),
        // A goal's name is the person's ("my emergency fund"): no sample can hold it.
        ...(goal ? tokenize(goal.originalValue.toLowerCase()).map((t) => t.text) : []),
      ]),
      goal,
      (intent) => !hasEvidenceFor(intent, evidence),
    );
    const ranked = this.takenForGoal(
      this.applyEvidence(scores, activations, evidence, analysis),
      evidence.takenForGoal && goal !== null,
    );
    const top = ranked[0];
    const topIsWrite = top !== undefined && (WRITE_INTENTS as readonly string[]).includes(top.intent);
    // An unknown word next to money ("spent $12 on pho") is an unlisted category, not a change of topic.
    const writeBar = evidence.hasMoney ? MAX_UNKNOWN_SHARE_WITH_MONEY : MAX_UNKNOWN_SHARE_FOR_WRITE;
    // Asking about one's own spending with names the bot never saw ("what did i spend at macys") is
    // still a spending question; a wrong guess there only reads.
    const topIsMoneyQuestion =
      top !== undefined && READ_INTENTS.has(top.intent) && MONEY_QUESTION.test(analysis.lower);
    const topActivation = activations.find((a) => a.intent === top?.intent)?.score ?? 0;
    const rawTop = scores.find((s) => s.intent !== NONE_INTENT);
    const standIn =
      rawTop !== undefined && rawTop.intent !== top?.intent && !hasEvidenceFor(rawTop.intent, evidence);
    const ruled = evidence.takenForGoal && goal !== null && top?.intent === IntentName.AddToGoal;
    const outOfScope =
      // Pasted markup or SQL is never a request, even when it holds one ("<b>spent 5</b>").
      evidence.looksLikeCode ||
      (!ruled &&
        unknownShare >= (topIsMoneyQuestion ? MAX_UNKNOWN_SHARE_FOR_MONEY_QUESTION : MAX_UNKNOWN_SHARE)) ||
      (topIsWrite && unknownShare > writeBar) ||
      (unknownShare > 0 &&
        topActivation <
          (standIn
            ? STAND_IN_ACTIVATION
            : topIsMoneyQuestion
              ? MONEY_QUESTION_ACTIVATION
              : WEAK_ACTIVATION)) ||
      // Small talk names its topic or is made of words the bot knows: "the train was late again" is not.
      (top?.intent === IntentName.SmallTalk &&
        !this.namesTopic(analysis) &&
        !SAID_TO_THE_BOT.test(analysis.lower));
    const understood = top !== undefined && !outOfScope && top.score >= this.locale.nluConfidenceThreshold;
    const candidates = ranked
      .slice(0, MAX_INTERPRETATIONS - 1)
      .map((s) => this.toInterpretation(s, analysis, entry, goal));
    const rest = Math.max(0, 1 - (top?.score ?? 0));
    // When it is the answer, FallbackIntent also scores at least 0.5, so anyone ranking by score agrees.
    const fallback = this.fallback(round(understood ? rest : Math.max(0.5, rest)));
    return understood ? [...candidates, fallback] : [fallback, ...candidates];
  }

  /**
   * "took 100 out of savings for the japan trip": money taken out of an account for a goal named is
   * put toward it (evidence's takenForGoal), whatever the bag of words prefers. At run time the account
   * reads as a transfer's side ("xfromaccount"), a view no goal sample gives, so the rule decides.
   */
  private takenForGoal(ranked: IntentScore[], applies: boolean): IntentScore[] {
    if (!applies) return ranked;
    const rest = ranked.filter((s) => s.intent !== IntentName.AddToGoal);
    return [
      { intent: IntentName.AddToGoal, score: 1 },
      ...rest.map((s) => ({ ...s, score: s.score * NO_EVIDENCE_FACTOR })),
    ];
  }

  resolveSlot(intentName: string, slotName: string, text: string, ctx: NluContext): SlotValue | null {
    const intent = this.locale.intents.find((i) => i.name === intentName);
    const slot = intent?.slots.find((s) => s.name === slotName);
    const trimmed = text.trim().slice(0, 1024);
    if (!intent || !slot || !trimmed) return null;
    const analysis = this.analyse(trimmed, ctx);
    if (this.freeTextTypes.has(slot.slotTypeName)) {
      const words = trimmed.replace(/^(?:for|note|memo)\b:?\s*/i, '').trim();
      return words ? { originalValue: words, interpretedValue: words, resolvedValues: [] } : null;
    }
    const found =
      this.fillSlots(intent, analysis, this.entryIn(analysis), this.goalIn(analysis))[slot.name] ??
      // Asked "Which account?", the bare name is the answer ("cash"), wherever it stands.
      (this.ownNameTypes.has(slot.slotTypeName) ? this.bareAccount(analysis) : null);
    // ...and a name of their own ("chase", "from chase"): the code hook checks it against theirs.
    if (!found && this.ownNameTypes.has(slot.slotTypeName)) {
      const name = this.ownNameAnswer(trimmed.replace(ANSWER_LINK, ''), intent.name, ctx);
      if (name) return { ...name, originalValue: trimmed };
    }
    // Asked "What was it for?", a short name the bot never listed is the person's own category ("Pets"),
    // as it is inside a sentence ("spent 27 on pets"); the code hook checks it against their list.
    if (!found && slot.name === SlotName.Category && UNLISTED_CATEGORY_POSITIONS[intent.name]) {
      const own = this.ownNameAnswer(trimmed, intent.name, ctx);
      if (own) return own;
    }
    // Asked "Which tag?" or "What should it be called?", the answer itself is the value ("work", "Pets").
    if (!found && PATTERN_SLOT_TYPES[slot.slotTypeName] && trimmed.length <= 60) {
      return { originalValue: trimmed, interpretedValue: trimmed, resolvedValues: [] };
    }
    return found ?? null;
  }

  /**
   * A name of the person's own given as an answer (a category, an account: "Pets", "chase"): one to
   * three words and nothing else, none of them a word that is no name ("cancel", "that"), and no
   * request of its own: "cancel", "help" or "what did i spend" keep their meaning.
   */
  private ownNameAnswer(text: string, intentName: string, ctx: NluContext): SlotValue | null {
    const words = bareNameAnswer(text);
    if (!words || /[.]/.test(words) || classifyConfirmation(words)) return null;
    const tokens = words.toLowerCase().split(/\s+/u);
    if (tokens.some((w) => NOT_A_CATEGORY.has(w)) || tokens.every((w) => FUNCTION_WORDS.has(w))) return null;
    const [top] = this.interpret(words, ctx);
    if (top && top.intentName !== this.fallbackName && top.intentName !== intentName) return null;
    return { originalValue: words, interpretedValue: words, resolvedValues: [] };
  }

  private bareAccount(analysis: TextAnalysis): SlotValue | null {
    const [m] = this.slotTypeMatches(analysis, this.evidenceTypes.account);
    return m
      ? { originalValue: m.originalValue, interpretedValue: m.value, resolvedValues: [m.value] }
      : null;
  }

  private namesTopic(analysis: TextAnalysis): boolean {
    const topicType = this.intents
      .find((i) => i.name === IntentName.SmallTalk)
      ?.slots.find((s) => s.name === SlotName.Topic)?.slotTypeName;
    return topicType !== undefined && (analysis.slotTypeMatches.get(topicType)?.length ?? 0) > 0;
  }

  /**
   * "my vacation savings", "the car fund savings": an account word that follows a goal's name (or is
   * inside it) is that goal's pot, not an account, so it is no Account value and no account evidence.
   */
  private withoutAccountsOfGoals(analysis: TextAnalysis): TextAnalysis {
    const goal = isAboutGoals(analysis.lower) ? this.goalIn(analysis) : null;
    if (!goal) return analysis;
    const { account, fromAccount, toAccount } = this.evidenceTypes;
    // "toward the japan trip from checking": a side said with its leaving word is where the money
    // comes from, not the goal's pot, even right after the goal's name.
    const ofGoal = (m: Span): boolean =>
      overlaps(m, goal) ||
      (m.start >= goal.end &&
        analysis.lower.slice(goal.end, m.start).trim() === '' &&
        !LEAVING_LINK.test(analysis.lower.slice(m.start, m.end)));
    const slotTypeMatches = new Map(analysis.slotTypeMatches);
    for (const type of [account, fromAccount, toAccount]) {
      const matches = slotTypeMatches.get(type);
      if (matches)
        slotTypeMatches.set(
          type,
          matches.filter((m) => !ofGoal(m)),
        );
    }
    return { ...analysis, slotTypeMatches };
  }

  private goalIn(analysis: TextAnalysis): GoalMatch | null {
    if (!this.goalType) return null;
    // A transfer's side ("to checking", "from savings") is an account, never the goal money goes
    // "to": in "move 250 from savings to checking" both sides are accounts.
    const sides = [this.evidenceTypes.fromAccount, this.evidenceTypes.toAccount].flatMap(
      (t) => analysis.slotTypeMatches.get(t) ?? [],
    );
    return findGoalName(analysis.lower, analysis.original, [
      ...analysis.dates,
      ...analysis.numbers,
      ...sides,
    ]);
  }

  private entryIn(analysis: TextAnalysis): EntryMatch | null {
    if (!this.entryType) return null;
    // A number that picks entries ("delete the last 3") is part of the description, never an amount.
    const entry = findEntryDescription(analysis.lower, analysis.original, [
      ...analysis.dates,
      ...analysis.numbers.filter((n) => !n.picksEntries),
    ]);
    // Without a noun that names an entry, the words must be something people log ("put the laptop under
    // education"), or "change the volume to 4" would be a correction.
    const categories = analysis.slotTypeMatches.get(this.evidenceTypes.expenseCategory) ?? [];
    // "delete the last 3" counts entries: fulfillment says it removes one at a time.
    const counts = analysis.numbers.some((n) => n.picksEntries && overlaps(n, entry ?? { start: 0, end: 0 }));
    return entry && (entry.named || counts || categories.some((c) => overlaps(c, entry))) ? entry : null;
  }

  private classify(
    analysis: TextAnalysis,
    entry: EntryMatch | null,
    omitTypes?: ReadonlySet<string>,
    forgiven: ReadonlySet<string> = new Set(),
    goal: GoalMatch | null = null,
    lacksEvidence: (intent: string) => boolean = () => false,
  ): { scores: IntentScore[]; activations: IntentScore[]; unknownShare: number } {
    const note = this.noteSpanForClassification(analysis);
    const variants = delexicalise(analysis, note, omitTypes).map(this.classifierView);
    // The entry's words may also be a category ("delete the coffee"): both readings compete. Words the
    // bot never saw still count as unknown, whichever reading wins ("change the volume to 4").
    const plain = variants[0] ?? '';
    if (entry) {
      const asEntry = { start: entry.start, end: entry.end, label: placeholderFor(this.entryType) };
      variants.push(
        ...delexicalise(analysis, [...note.filter((n) => !overlaps(n, entry)), asEntry], omitTypes).map(
          this.classifierView,
        ),
      );
    }
    // The goal's words (a trip, a car, a city) are the person's name for it, read as one placeholder.
    if (goal) {
      const asGoal = { start: goal.start, end: goal.end, label: placeholderFor(this.goalType) };
      variants.push(
        ...delexicalise(analysis, [...note.filter((n) => !overlaps(n, goal)), asGoal], omitTypes),
      );
    }
    type Best = { scores: IntentScore[]; activations: IntentScore[]; variant: string; top: number };
    const pick = (classifier: IntentClassifier): Best | null => {
      let found: Best | null = null;
      for (const variant of variants) {
        const { scores, strength, activations } = classifier.classifyWithStrength(variant);
        if (!found || strength > found.top) found = { scores, activations, variant, top: strength };
      }
      return found;
    };
    let best = pick(this.classifier);
    const onlyNone = !best || best.scores.every((x) => x.intent === NONE_INTENT);
    const topIntent = best?.scores[0]?.intent ?? NONE_INTENT;
    const unfitWrite = (WRITE_INTENTS as readonly string[]).includes(topIntent) && lacksEvidence(topIntent);
    if (
      (onlyNone || unfitWrite) &&
      MONEY_QUESTION.test(analysis.lower) &&
      READ_OPENING.test(analysis.lower)
    ) {
      best = pick(this.moneyQuestions);
    }
    if (!best) return { scores: [], activations: [], unknownShare: 1 };
    const words = tokenize(entry ? plain : best.variant).filter(
      (t) => !FUNCTION_WORDS.has(t.text) && !forgiven.has(t.text),
    );
    const stems = this.classifier.stems(words.map((t) => t.text).join(' '));
    const unknown = stems.filter((s) => !this.classifier.knows(s)).length;
    // Only function words ("how are you"): coverage says nothing; the classifier decides alone.
    return {
      scores: best.scores,
      activations: best.activations,
      unknownShare: stems.length ? unknown / stems.length : 0,
    };
  }

  private noteSpanForClassification(analysis: TextAnalysis): { start: number; end: number; label: string }[] {
    const freeType = this.noteType;
    if (!freeType) return [];
    const listed = [...analysis.slotTypeMatches.values()].flat();
    const note = findFreeText(
      analysis.lower,
      analysis.original,
      [...analysis.dates, ...analysis.numbers],
      listed,
      this.accountSpans(analysis),
    );
    return note ? [{ start: note.start, end: note.end, label: placeholderFor(freeType) }] : [];
  }

  /**
   * A write intent without its evidence drops out of the race, and the scores are normalised again as
   * NLP.js does (squared activations over their sum) over the intents that remain and the out-of-scope
   * class: "thanks a lot", which the bag of words finds close to LogExpense, becomes Greeting; "record
   * a spend of 70 on groceries", close to SetBudget, stays LogExpense. The write intent stays listed,
   * last, with a token score. `interpret` holds such a stand-in to a higher activation bar when the text
   * has words the bot does not know ("the train was late again" is not CheckBudget).
   */
  private applyEvidence(
    scores: IntentScore[],
    activations: IntentScore[],
    evidence: Evidence,
    analysis: TextAnalysis,
  ): IntentScore[] {
    const carriesValues =
      analysis.numbers.length > 0 ||
      analysis.dates.length > 0 ||
      (analysis.slotTypeMatches.get(this.evidenceTypes.expenseCategory)?.length ?? 0) > 0 ||
      // Words of a spending view ("merchants", "biggest", "average daily") are about one's money too.
      (analysis.slotTypeMatches.get(this.insightType)?.length ?? 0) > 0;
    const byName = new Map(this.intents.map((i) => [i.name, i]));
    const vetoed = new Set(
      scores.filter((s) => byName.has(s.intent) && !hasEvidenceFor(s.intent, evidence)).map((s) => s.intent),
    );
    let base = scores;
    if (vetoed.size > 0) {
      const weight = (a: IntentScore): number => Math.max(a.score, 0) ** 2;
      const total = activations.filter((a) => !vetoed.has(a.intent)).reduce((sum, a) => sum + weight(a), 0);
      base = activations.map((a) => ({
        intent: a.intent,
        score: vetoed.has(a.intent)
          ? (scores.find((s) => s.intent === a.intent)?.score ?? 0) * NO_EVIDENCE_FACTOR
          : total > 0
            ? weight(a) / total
            : 0,
      }));
    }
    return base
      .filter((s) => byName.has(s.intent))
      .map((s) => {
        let score = s.score;
        // Small talk and help take no values; one that names an amount, a day or a category is about
        // something else ("what should I cook for dinner tonight" is not a request for help).
        const intent = byName.get(s.intent);
        if (
          carriesValues &&
          intent &&
          intent.slots.length === 0 &&
          !(WRITE_INTENTS as readonly string[]).includes(s.intent)
        ) {
          score *= VALUES_WITHOUT_SLOTS_FACTOR;
        }
        return { intent: s.intent, score };
      })
      .sort((a, b) => b.score - a.score);
  }

  private toInterpretation(
    score: IntentScore,
    analysis: TextAnalysis,
    entry: EntryMatch | null,
    goal: GoalMatch | null,
  ): NluInterpretation {
    const intent = this.intents.find((i) => i.name === score.intent);
    return {
      intentName: score.intent,
      confidence: round(score.score),
      slots: intent ? this.fillSlots(intent, analysis, entry, goal) : {},
    };
  }

  private fallback(confidence: number): NluInterpretation {
    return { intentName: this.fallbackName, confidence, slots: {} };
  }

  /** Every slot of the intent, filled from the analysed text (null when absent). */
  private fillSlots(
    intent: IntentDefinition,
    analysis: TextAnalysis,
    entry: EntryMatch | null,
    goal: GoalMatch | null = null,
  ): Record<string, SlotValue | null> {
    const slots: Record<string, SlotValue | null> = {};
    const usedNumbers = new Set<NumberMatch>();
    const hasEntrySlot = intent.slots.some((s) => s.slotTypeName === this.entryType);
    // The entry's words describe an existing entry, so they are no note of it.
    const claimed: Span[] = [
      ...analysis.dates,
      ...analysis.numbers,
      ...(entry && hasEntrySlot ? [entry] : []),
    ];
    const listedSpans: Span[] = [];
    const place = ACCOUNT_PLACES[intent.name] ?? 'any';
    for (const slot of intent.slots)
      listedSpans.push(...this.slotTypeMatches(analysis, slot.slotTypeName, place));
    for (const slot of intent.slots) {
      if (slot.slotTypeName === this.goalType) {
        slots[slot.name] = goal
          ? { originalValue: goal.originalValue, interpretedValue: goal.originalValue, resolvedValues: [] }
          : null;
        continue;
      }
      if (slot.slotTypeName === this.entryType) {
        slots[slot.name] = entry
          ? { originalValue: entry.originalValue, interpretedValue: entry.originalValue, resolvedValues: [] }
          : null;
        continue;
      }
      slots[slot.name] = this.fillSlot(
        slot,
        analysis,
        usedNumbers,
        claimed,
        listedSpans,
        intent.name === IntentName.EditTransaction,
        place,
      );
      const positions = UNLISTED_CATEGORY_POSITIONS[intent.name];
      if (slots[slot.name] === null && slot.name === SlotName.Category && positions) {
        slots[slot.name] = this.unlistedCategory(
          analysis,
          [...claimed, ...listedSpans],
          positions,
          BUDGET_WRITES.has(intent.name),
        );
      }
      // "got 20 back from amazon": the amount sits inside the phrase, so no synonym can match it; it is
      // the value people call "money back".
      const refund = GOT_MONEY_BACK.exec(analysis.lower);
      if (
        slots[slot.name] === null &&
        slot.name === SlotName.Category &&
        intent.name === IntentName.LogIncome &&
        refund
      ) {
        const value = this.valueWithSynonym(slot.slotTypeName, 'money back');
        if (value) {
          const said = analysis.original.slice(refund.index, refund.index + refund[0].length);
          slots[slot.name] = { originalValue: said, interpretedValue: value, resolvedValues: [value] };
        }
      }
    }
    if (intent.slots.some((s) => s.name === SlotName.AccountKind)) {
      const { kind, name } = this.kindAndName(analysis);
      slots[SlotName.AccountKind] = kind;
      if (name) slots[SlotName.Account] = name;
    }
    return slots;
  }

  /**
   * An account opened under a name of its own: "a credit card called visa", "a savings account named
   * rainy day". The name follows "called"/"named"; the kind is the account said before it. Without such
   * a name there is no kind: the account said is both.
   */
  private kindAndName(analysis: TextAnalysis): { kind: SlotValue | null; name: SlotValue | null } {
    const matches = this.slotTypeMatches(analysis, this.evidenceTypes.account);
    const named = matches.find((m) => /\b(?:called|named)\s+$/.test(analysis.lower.slice(0, m.start)));
    if (!named) return { kind: null, name: null };
    const kind = matches.filter((m) => m.end <= named.start).pop();
    const value = (m: SlotTypeMatch): SlotValue => ({
      originalValue: m.originalValue,
      interpretedValue: m.value,
      resolvedValues: m.own ? [] : [m.value],
    });
    return { kind: kind ? value(kind) : null, name: value(named) };
  }

  /**
   * The spans of a slot type. An account said with its linking word ("spent 40 on groceries from
   * checking") was claimed by a transfer side's type, whose values are the same accounts: it is still
   * the account of an entry that names no transfer.
   */
  /** Every account said, listed kinds and own names, on either side of a transfer. */
  private accountSpans(analysis: TextAnalysis): Span[] {
    const { account, fromAccount, toAccount } = this.evidenceTypes;
    return [account, fromAccount, toAccount].flatMap((t) => analysis.slotTypeMatches.get(t) ?? []);
  }

  private slotTypeMatches(
    analysis: TextAnalysis,
    type: string,
    place: AccountPlace = 'any',
  ): SlotTypeMatch[] {
    if (type !== this.evidenceTypes.account) return analysis.slotTypeMatches.get(type) ?? [];
    const own = analysis.slotTypeMatches.get(type) ?? [];
    const all = own.length
      ? own
      : [this.evidenceTypes.fromAccount, this.evidenceTypes.toAccount]
          .flatMap((side) => analysis.slotTypeMatches.get(side) ?? [])
          .sort((a, b) => a.start - b.start);
    if (place === 'any') return all;
    if (place === 'source') {
      return all.filter(
        (m) =>
          LEAVING_LINK.test(analysis.lower.slice(m.start, m.end)) ||
          LEAVING_LINK_BEFORE.test(analysis.lower.slice(0, m.start)),
      );
    }
    // An entry's account is said in an account's place ("with cash", "on my visa", "from checking"):
    // "bought a wallet for 20", "paid 54 for a visa", "education 25", "earned 8 from savings interest"
    // or "cash back" name what the money was for, which the category already says.
    const categories = [
      ...(analysis.slotTypeMatches.get(this.evidenceTypes.expenseCategory) ?? []),
      ...(analysis.slotTypeMatches.get(this.evidenceTypes.incomeCategory) ?? []),
    ];
    return all.filter((m) => {
      const before = analysis.lower.slice(0, m.start);
      if (
        !ACCOUNT_LINK_BEFORE.test(before) &&
        !ACCOUNT_LINK_INSIDE.test(analysis.lower.slice(m.start, m.end))
      )
        return false;
      if (categories.some((c) => overlaps(c, m) && c.end > m.end)) return false;
      // A word that is also a category ("spent 29 on education", "spent 12 on wallet") is the account
      // only when said as one's own ("on my visa") or after a paying link ("with", "from", "using").
      const alsoCategory = categories.some((c) => c.start <= m.start && c.end >= m.end);
      return !alsoCategory || OWN_ACCOUNT_BEFORE.test(before);
    });
  }

  private valueWithSynonym(typeName: string, synonym: string): string | undefined {
    return this.locale.slotTypes
      .find((t) => t.name === typeName)
      ?.values.find((v) => v.synonyms.includes(synonym))?.value;
  }

  /**
   * A category said that is none of the listed ones ("set my salary budget to 100", "a budget for xyzzy
   * of 100", "bought a gizmo for 9", "change it to xyzzy"): the person's word, with no resolution, so
   * fulfillment refuses or asks about it and keeps it as the note, instead of reading an empty slot as
   * the overall budget or losing the item.
   */
  private unlistedCategory(
    analysis: TextAnalysis,
    claimed: Span[],
    positions: readonly RegExp[],
    incomeCounts: boolean,
  ): SlotValue | null {
    const income = incomeCounts
      ? analysis.slotTypeMatches.get(this.evidenceTypes.incomeCategory)?.[0]
      : undefined;
    if (income) {
      return {
        originalValue: income.originalValue,
        interpretedValue: income.originalValue,
        resolvedValues: [],
      };
    }
    const { lower } = analysis;
    for (const pattern of positions) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(lower); m; m = pattern.exec(lower)) {
        const word = m[1] ?? '';
        // Each pattern ends with the word it captures (what follows is a lookahead).
        const start = m.index + m[0].length - word.length;
        const end = start + word.length;
        if (!word || NOT_A_CATEGORY.has(word) || FUNCTION_WORDS.has(word)) continue;
        if (claimed.some((c) => overlaps(c, { start, end }))) continue;
        // The item is one word standing alone: "spent 30 on my sister's party" is a phrase, left to the note.
        const rest = lower.slice(end);
        const gap = rest.length - rest.trimStart().length;
        const next = rest.trimStart();
        const ends =
          next === '' ||
          /^[.,!?]/.test(next) ||
          claimed.some((c) => c.start === end + gap) ||
          /^(?:for|at|with|from|on|to|of|and|budget|limit|spending)\b/.test(next);
        if (!ends) continue;
        const said = analysis.original.slice(start, end);
        return { originalValue: said, interpretedValue: said, resolvedValues: [] };
      }
    }
    return null;
  }

  private fillSlot(
    slot: SlotDefinition,
    analysis: TextAnalysis,
    usedNumbers: Set<NumberMatch>,
    claimed: Span[],
    listedSpans: Span[],
    newValuesOnly: boolean,
    place: AccountPlace,
  ): SlotValue | null {
    const type = slot.slotTypeName;
    if (type === 'AMAZON.Number') {
      // "the first two" picks entries: a Count may take it, an Amount never.
      const n = pickNumber(
        analysis.lower,
        slot.name === SlotName.Amount,
        analysis.numbers.filter(
          (x) =>
            !usedNumbers.has(x) &&
            !(slot.name === SlotName.Amount && x.picksEntries) &&
            // "the six jars" counts the jars; a jar's share is never said right before "jars".
            !(JAR_SLOTS.has(slot.name) && /^\s*jars?\b/.test(analysis.lower.slice(x.end))),
        ),
      );
      if (!n) return null;
      usedNumbers.add(n);
      const value = numberToSlotString(n.value);
      return { originalValue: n.originalValue, interpretedValue: value, resolvedValues: [value] };
    }
    if (type === 'AMAZON.Date') {
      const d = analysis.dates[0];
      return d
        ? {
            originalValue: d.originalValue,
            interpretedValue: d.interpretedValue,
            // A day that does not exist ("feb 30") keeps its words and no resolution: fulfillment asks.
            resolvedValues: d.interpretedValue ? [d.interpretedValue] : [],
          }
        : null;
    }
    if (this.freeTextTypes.has(type)) {
      const note = findFreeText(
        analysis.lower,
        analysis.original,
        claimed,
        listedSpans,
        this.accountSpans(analysis),
      );
      return note
        ? { originalValue: note.originalValue, interpretedValue: note.originalValue, resolvedValues: [] }
        : null;
    }
    // An edit's category is the new one, never the words of the entry described ("put the laptop under
    // education" is Education); a delete's category may describe the entry ("delete the coffee").
    const matches = this.slotTypeMatches(analysis, type, place);
    const free = matches.find((m) => !claimed.some((c) => overlaps(c, m)));
    const match = free ?? (newValuesOnly ? undefined : matches[0]);
    if (!match) return null;
    // A name of the person's own resolves to nothing listed: the code hook checks it against theirs.
    return {
      originalValue: match.originalValue,
      interpretedValue: match.value,
      resolvedValues: match.own ? [] : [match.value],
    };
  }
}

/** Money beats bare digits, digits beat spelled-out words ("one coffee for 4.50" is 4.50). */
function pickNumber(lower: string, forAmount: boolean, all: NumberMatch[]): NumberMatch | undefined {
  // "bought 3 shirts for 45", "dinner for 2 was 60": with another number beside it, a count of things
  // or people is never the amount (it logged $3.00).
  const numbers = forAmount && all.length > 1 ? all.filter((n) => !countsThings(lower, n)) : all;
  // "paid 62 for dinner, my share is 31": the person's own part of a shared bill is what they spent (it
  // was split off as $31 of investment income, "share" read as stock).
  const ownPart = forAmount && numbers.length > 1 ? numbers.find((n) => namesOwnPart(lower, n)) : undefined;
  if (ownPart) return ownPart;
  return (
    numbers.find((n) => n.isMoney) ?? numbers.find((n) => !n.fromWords) ?? numbers.find((n) => n.fromWords)
  );
}

/** "my share is 31", "my half was 31", "split with sam so 31", "split it, mine was 31". */
const OWN_PART_BEFORE =
  /(?:\b(?:my|our)\s+(?:share|part|half|portion|cut)(?:\s+of\s+it)?(?:\s+(?:is|was|came\s+to|comes\s+to|=))?|\bsplit\b.*\bso(?:\s+(?:i\s+paid|mine\s+(?:is|was)|it'?s|it\s+was))?|\bsplit\b.*\bmine\s+(?:is|was))\s*[$€£]?\s*$/;

function namesOwnPart(lower: string, n: NumberMatch): boolean {
  return OWN_PART_BEFORE.test(lower.slice(0, n.start));
}

/** Words after a number that say it counts things ("3 shirts", "2 people", "4 of us", "2x"). */
const COUNTED_AFTER =
  /^\s*(?:x\b|(?:people|persons|guys|kids|adults|children|pcs|of\s+us)\b|(?!(?:bucks|dollars|euros|pounds|cents|pence|grand|thousands|millions|is|was|has|this|as|us|yes|plus|less|minus|tips|taxes)\b)[a-z]{2,}s\b)/;
/** "for 2 was 60", "for 4 came to 80": a party's size before what it cost. */
const PARTY_SIZE = { before: /\bfor\s+$/, after: /^\s+(?:was|were|is|came\s+to|cost|costs|comes\s+to)\b/ };

function countsThings(lower: string, n: NumberMatch): boolean {
  if (n.isMoney || !Number.isInteger(n.value) || n.value <= 0) return false;
  const after = lower.slice(n.end);
  return (
    COUNTED_AFTER.test(after) ||
    (PARTY_SIZE.before.test(lower.slice(0, n.start)) && PARTY_SIZE.after.test(after))
  );
}
