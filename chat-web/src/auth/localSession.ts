import type { AuthSession } from './AuthSession';

/** The header the local stack reads the user from; it defaults to `local-user` when absent. */
export const LOCAL_USER_HEADER = 'X-BB-Local-User';
const DEFAULT_LOCAL_USER = 'local-user';

export function createLocalSession(localUser: string | undefined): AuthSession {
  const headers: Record<string, string> = localUser ? { [LOCAL_USER_HEADER]: localUser } : {};
  return {
    userKey: `local:${localUser ?? DEFAULT_LOCAL_USER}`,
    displayName: localUser,
    requestHeaders: () => Promise.resolve(headers),
    signOut: undefined,
  };
}
