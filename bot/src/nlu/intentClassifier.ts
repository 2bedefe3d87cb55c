/**
 * Intent classification with NLP.js (a small neural network over stemmed bag-of-words). NLP.js only
 * exposes an async `process()`, but the runtime needs a synchronous, sub-millisecond call, so after
 * training we drive the trained domain's synchronous steps ourselves: normalise → tokenize → stem →
 * features → network → NLP.js's own activation filter and score normalisation. A test checks this
 * matches the trained domain's `process()`.
 */
import { Nlp } from '@nlpjs/nlp';
import { LangEn } from '@nlpjs/lang-en-min';

export interface IntentScore {
  intent: string;
  score: number;
}

export interface TrainingSample {
  utterance: string;
  intent: string;
}

/** NLP.js's reserved label for "none of the trained intents". */
export const NONE_INTENT = 'None';

interface NluInput {
  tokens: Record<string, number>;
  settings: Record<string, unknown>;
  classifications?: IntentScore[];
}

/** The synchronous parts of NLP.js's trained `NeuralNlu` that we call. */
interface TrainedDomain {
  settings: Record<string, unknown>;
  features: Record<string, number> | undefined;
  textToFeatures(input: NluInput): NluInput;
  innerProcess(input: NluInput): NluInput;
  filterNonActivated(input: NluInput): NluInput;
  normalizeClassifications(input: NluInput): NluInput;
  process(text: string): Promise<{ classifications?: IntentScore[] }>;
}
interface Normalizer {
  normalize(text: string): string;
}
interface Tokenizer {
  tokenize(text: string, normalize: boolean): string[];
}
interface Stemmer {
  stem(tokens: string[]): string[];
}

function hasMethods<T>(value: unknown, names: string[], what: string): T {
  const ok =
    typeof value === 'object' &&
    value !== null &&
    names.every((n) => typeof (value as Record<string, unknown>)[n] === 'function');
  if (!ok) throw new Error(`NLP.js internals changed: ${what} lacks ${names.join(', ')}`);
  return value as T;
}

export class IntentClassifier {
  /** Stems of the samples of real intents: a word seen only in NONE_INTENT samples is out of domain. */
  private readonly inDomainStems = new Set<string>();

  private constructor(
    private readonly domain: TrainedDomain,
    private readonly normalizer: Normalizer,
    private readonly tokenizer: Tokenizer,
    private readonly stemmer: Stemmer,
  ) {}

  /** NLP.js's own async pipeline for the same trained network; tests check `classify` agrees with it. */
  async classifyWithNlpJs(text: string): Promise<IntentScore[]> {
    const output = await this.domain.process(text);
    return (output.classifications ?? []).map(({ intent, score }) => ({ intent, score }));
  }

  static async train(samples: TrainingSample[]): Promise<IntentClassifier> {
    const nlp = new Nlp({
      languages: ['en'],
      autoSave: false,
      autoLoad: false,
      forceNER: false,
      nlu: { log: false, useNoneFeature: true },
    });
    nlp.use(LangEn);
    for (const s of samples) nlp.addDocument('en', s.utterance, s.intent);
    await nlp.train();
    const domains = nlp.nluManager.domainManagers['en']?.domains ?? {};
    const domain = hasMethods<TrainedDomain>(
      domains['master_domain'],
      ['textToFeatures', 'innerProcess', 'filterNonActivated', 'normalizeClassifications', 'process'],
      'the trained domain',
    );
    const classifier = new IntentClassifier(
      domain,
      hasMethods<Normalizer>(nlp.container.get('normalizer-en'), ['normalize'], 'normalizer-en'),
      hasMethods<Tokenizer>(nlp.container.get('tokenizer-en'), ['tokenize'], 'tokenizer-en'),
      hasMethods<Stemmer>(nlp.container.get('stemmer-en'), ['stem'], 'stemmer-en'),
    );
    for (const s of samples) {
      if (s.intent === NONE_INTENT) continue;
      for (const stem of classifier.stems(s.utterance)) classifier.inDomainStems.add(stem);
    }
    return classifier;
  }

  /** Stems as NLP.js sees them; used for vocabulary checks so they agree with the classifier. */
  stems(text: string): string[] {
    const tokens = this.tokenizer.tokenize(this.normalizer.normalize(text), true).filter(Boolean);
    return this.stemmer.stem(tokens);
  }

  /**
   * Whether the classifier saw this stem in a sample of a real intent. Words of the out-of-scope
   * samples ("my cat is sleeping") do not count: knowing them only says they are about something else.
   */
  knows(stem: string): boolean {
    return this.inDomainStems.has(stem) && this.domain.features?.[stem] !== undefined;
  }

  /** Scores over all intents (and NONE_INTENT), best first, summing to 1. */
  classify(text: string): IntentScore[] {
    return this.classifyWithStrength(text).scores;
  }

  /**
   * Also the network's raw activation for the best intent: normalised scores saturate near 1 for any
   * clear winner, the raw activation still says how well the words fit it (used to pick between two
   * readings of the same text).
   */
  classifyWithStrength(text: string): {
    scores: IntentScore[];
    strength: number;
    activations: IntentScore[];
  } {
    const tokens: Record<string, number> = {};
    for (const stem of this.stems(text)) tokens[stem] = 1;
    let input: NluInput = { tokens, settings: this.domain.settings };
    input = this.domain.textToFeatures(input);
    input = this.domain.innerProcess(input);
    input = this.domain.filterNonActivated(input);
    const activations = (input.classifications ?? []).map(({ intent, score }) => ({ intent, score }));
    const strength = activations.find((c) => c.intent !== NONE_INTENT)?.score ?? 0;
    input = this.domain.normalizeClassifications(input);
    return {
      scores: (input.classifications ?? []).map(({ intent, score }) => ({ intent, score })),
      strength,
      activations,
    };
  }
}
