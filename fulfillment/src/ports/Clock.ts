/**
 * Time is injected so tests can stand at any instant (month ends, midnight in two time zones). The
 * `Clock` type is the one the local Lex runtime takes, so one clock drives the bot and the code hook.
 */
import type { Clock } from '@budgetbuddy/bot/runtime';

export type { Clock };

export const systemClock: Clock = { now: () => new Date() };

export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });
