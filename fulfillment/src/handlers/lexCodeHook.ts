/**
 * The Lambda entry point behind the Lex V2 bot alias. Everything happens in createCodeHook (which
 * validates the event itself); this only wires the store from the environment and the real clock.
 * The store is built once per Lambda container, not per invocation.
 */
import type { LexEvent, LexResponse } from '@budgetbuddy/bot/src/lex/schemas';
import { createCodeHook } from '../codeHook';
import { systemClock } from '../ports/Clock';
import { createStoreFromEnv } from '../store/createStoreFromEnv';

const codeHook = createCodeHook({ repo: createStoreFromEnv(), clock: systemClock });

/** Lex hands us JSON it produced; the code hook parses it with zod before trusting any field. */
export const handler = (event: unknown): Promise<LexResponse> => codeHook(event as LexEvent);
