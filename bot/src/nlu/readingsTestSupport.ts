/**
 * The local NLU for reading tests: one trained instance per suite, the best reading of a text at a fixed
 * moment, and its slots as plain values. The reading suites (misreads, accounts, a newcomer's phrasings)
 * share it so each says only what it reads.
 */
import { budgetBuddyBot } from '../definition/bot';
import type { Nlu, NluContext, NluInterpretation } from './index';
import { createNlu } from './index';

export interface Readings {
  /** The best reading of `text`. */
  top(text: string): NluInterpretation;
}

export function useReadings(ctx: NluContext): Readings {
  let nlu: Nlu | undefined;
  beforeAll(async () => {
    nlu = await createNlu(budgetBuddyBot, 'en_US');
  }, 60_000);
  return {
    top: (text) => {
      if (!nlu) throw new Error('the NLU is not trained yet (call top inside a test)');
      const [first] = nlu.interpret(text, ctx);
      if (!first) throw new Error('no interpretation');
      return first;
    },
  };
}

/** The slots a reading filled, as name → interpreted value. */
export const slotValues = (i: NluInterpretation): Record<string, string> =>
  Object.fromEntries(Object.entries(i.slots).flatMap(([name, v]) => (v ? [[name, v.interpretedValue]] : [])));
