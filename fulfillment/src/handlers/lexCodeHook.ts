/**
 * The Lambda entry point behind the Lex V2 bot alias. Everything happens in createCodeHook (which
 * validates the event itself); this only wires the store and the notifier from the environment and the
 * real clock. Both are built once per Lambda container, not per invocation.
 */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { LexEvent, LexResponse } from '@budgetbuddy/bot/lex';
import { createCodeHook } from '../codeHook';
import { requireSignedIdentity, secretIdentityKeys, type IdentityKeys } from '../lex/identitySignature';
import { notifierFromEnv } from '../notify/notifierFromEnv';
import { systemClock } from '../ports/Clock';
import { createStoreFromEnv } from '../store/createStoreFromEnv';

/** The proxy's signing key; without one configured every turn fails rather than trust an unsigned id. */
export function identityKeysFromEnv(env: NodeJS.ProcessEnv = process.env): () => Promise<IdentityKeys> {
  const secretId = env.IDENTITY_KEY_SECRET_ID;
  if (!secretId) return () => Promise.reject(new Error('IDENTITY_KEY_SECRET_ID must be set'));
  return secretIdentityKeys({ client: new SecretsManagerClient({}), secretId });
}

const codeHook = requireSignedIdentity(
  createCodeHook({ repo: createStoreFromEnv(), clock: systemClock, notifier: notifierFromEnv() }),
  identityKeysFromEnv(),
);

/** Lex hands us JSON it produced; the code hook parses it with zod before trusting any field. */
export const handler = (event: unknown): Promise<LexResponse> => codeHook(event as LexEvent);
