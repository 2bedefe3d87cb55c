import type { PromptSpecification } from '../types';

/** Two retries after the first ask: the third miss goes to the intent's failure path. */
export function prompt(message: string, ...variations: string[]): PromptSpecification {
  return {
    messageGroups: [{ message, ...(variations.length ? { variations } : {}) }],
    maxRetries: 2,
    allowInterrupt: true,
  };
}
