/**
 * Proof that the user id in a Lex session came from our proxy. Anyone allowed to call Lex (or, locally,
 * anyone who can reach the runtime) can put any `bb:userId` in the session attributes; the code hook must
 * not believe it unless the proxy vouched for it. The proxy, which has the verified Cognito subject, signs
 * the user id together with the Lex session id (an HMAC-SHA256 with a key from Secrets Manager), and the
 * code hook refuses every event whose signature is missing or wrong.
 *
 * Binding the session id stops a signature taken from one session from being replayed in another; the
 * session id is itself keyed on the user (sessionIds.ts), so it cannot be computed from a user id.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { USER_ID_ATTRIBUTE } from '@budgetbuddy/bot';
import type { CodeHook, LexEvent } from '@budgetbuddy/bot/lex';
import { z } from 'zod';

/** Session attribute carrying the proxy's signature over the user id and the session id. */
export const IDENTITY_SIGNATURE_ATTRIBUTE = 'bb:identitySig';
const VERSION = 'v1';

/** The signing key and, during a rotation, the one before it (still accepted, never used to sign). */
export interface IdentityKeys {
  current: string;
  previous?: string;
}

const keySchema = z.string().min(32, 'the identity key must be at least 32 characters');
/** The secret's JSON: `{ "identityKey": "..." }` (Secrets Manager generates it when deployed). */
export const identityKeySecretSchema = z.object({ identityKey: keySchema });

function mac(key: string, userId: string, sessionId: string): Buffer {
  // Length-prefixed so that no (userId, sessionId) pair can be re-split into another.
  return createHmac('sha256', key)
    .update(`${VERSION}\n${userId.length}:${userId}\n${sessionId.length}:${sessionId}`)
    .digest();
}

export function signIdentity(keys: IdentityKeys, userId: string, sessionId: string): string {
  return `${VERSION}.${mac(keys.current, userId, sessionId).toString('base64url')}`;
}

export function identitySignatureValid(
  keys: IdentityKeys,
  userId: string,
  sessionId: string,
  signature: string | undefined,
): boolean {
  if (!signature?.startsWith(`${VERSION}.`)) return false;
  const given = Buffer.from(signature.slice(VERSION.length + 1), 'base64url');
  return [keys.current, keys.previous].some((key) => {
    if (key === undefined) return false;
    const expected = mac(key, userId, sessionId);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** The session attributes the proxy sends: the user id and its signature, nothing else. */
export function signedSessionAttributes(
  keys: IdentityKeys,
  userId: string,
  sessionId: string,
): Record<string, string> {
  return {
    [USER_ID_ATTRIBUTE]: userId,
    [IDENTITY_SIGNATURE_ATTRIBUTE]: signIdentity(keys, userId, sessionId),
  };
}

/** Whether these session attributes, sent for this session, carry a user id the proxy signed. */
export function sessionAttributesSigned(
  keys: IdentityKeys,
  sessionId: string,
  attributes: Record<string, string> | undefined,
): boolean {
  const userId = attributes?.[USER_ID_ATTRIBUTE];
  return (
    !!userId && identitySignatureValid(keys, userId, sessionId, attributes[IDENTITY_SIGNATURE_ATTRIBUTE])
  );
}

const eventIdentitySchema = z.object({
  sessionId: z.string(),
  sessionState: z.object({ sessionAttributes: z.record(z.string(), z.string()).optional() }).passthrough(),
});

/**
 * Wraps the code hook so that it only ever sees a user id the proxy signed. An unsigned or forged event
 * reaches the hook with the user id removed, and the hook answers it as it answers a missing user
 * (UNKNOWN_USER): nothing is read or written for anyone.
 */
export function requireSignedIdentity(hook: CodeHook, keys: () => Promise<IdentityKeys>): CodeHook {
  return async (input) => {
    const parsed = eventIdentitySchema.safeParse(input);
    if (!parsed.success) return hook(input); // the hook's own validation answers a malformed event
    const { sessionId, sessionState } = parsed.data;
    if (sessionAttributesSigned(await keys(), sessionId, sessionState.sessionAttributes)) return hook(input);
    const attributes = { ...sessionState.sessionAttributes };
    delete attributes[USER_ID_ATTRIBUTE];
    delete attributes[IDENTITY_SIGNATURE_ATTRIBUTE];
    const stripped: LexEvent = {
      ...input,
      sessionState: { ...input.sessionState, sessionAttributes: attributes },
    };
    return hook(stripped);
  };
}

export const IDENTITY_KEY_TTL_MS = 5 * 60 * 1000;

/**
 * The keys from Secrets Manager: AWSCURRENT signs, AWSPREVIOUS is still accepted so turns in flight
 * during a rotation are not refused. Cached for a few minutes; concurrent cold calls share one read.
 */
export function secretIdentityKeys(opts: {
  client: SecretsManagerClient;
  secretId: string;
  ttlMs?: number;
  now?: () => number;
}): () => Promise<IdentityKeys> {
  const ttlMs = opts.ttlMs ?? IDENTITY_KEY_TTL_MS;
  const now = opts.now ?? Date.now;
  let cached: { value: IdentityKeys; expiresAt: number } | null = null;
  let inFlight: Promise<IdentityKeys> | null = null;

  const read = async (stage: 'AWSCURRENT' | 'AWSPREVIOUS'): Promise<string | undefined> => {
    try {
      const out = await opts.client.send(
        new GetSecretValueCommand({ SecretId: opts.secretId, VersionStage: stage }),
      );
      if (!out.SecretString) throw new Error(`Secret ${opts.secretId} has no string value`);
      return identityKeySecretSchema.parse(JSON.parse(out.SecretString)).identityKey;
    } catch (err) {
      // A secret that was never rotated has no AWSPREVIOUS version.
      if (stage === 'AWSPREVIOUS' && (err as { name?: string }).name === 'ResourceNotFoundException') {
        return undefined;
      }
      throw err;
    }
  };
  const load = async (): Promise<IdentityKeys> => {
    const [current, previous] = await Promise.all([read('AWSCURRENT'), read('AWSPREVIOUS')]);
    const value: IdentityKeys = { current: current!, ...(previous ? { previous } : {}) };
    cached = { value, expiresAt: now() + ttlMs };
    return value;
  };
  return () => {
    if (cached && cached.expiresAt > now()) return Promise.resolve(cached.value);
    inFlight ??= load().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
