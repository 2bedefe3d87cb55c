/**
 * NLP.js ships no types. These declare only the surface intentClassifier.ts touches, so a version bump
 * that changes it fails there (and its tests) rather than silently.
 */
declare module '@nlpjs/nlp' {
  export interface NlpSettings {
    languages?: string[];
    autoSave?: boolean;
    autoLoad?: boolean;
    forceNER?: boolean;
    nlu?: { log?: boolean; useNoneFeature?: boolean };
  }
  export interface NlpContainer {
    get(name: string): unknown;
  }
  export class Nlp {
    constructor(settings?: NlpSettings);
    container: NlpContainer;
    nluManager: { domainManagers: Record<string, { domains: Record<string, unknown> }> };
    use(plugin: unknown): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(
      locale: string,
      utterance: string,
    ): Promise<{ classifications: { intent: string; score: number }[] }>;
  }
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
