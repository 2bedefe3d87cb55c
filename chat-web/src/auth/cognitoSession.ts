import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { CognitoConfig } from '../config/appConfig';
import type { AuthSession } from './AuthSession';

function createUserManager(config: CognitoConfig): UserManager {
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    post_logout_redirect_uri: config.logoutUri,
    response_type: 'code', // authorization code + PKCE (oidc-client-ts always uses PKCE for code)
    scope: 'openid email profile',
    // Cognito issues refresh tokens to the hosted UI client, so renewal needs no hidden iframe.
    automaticSilentRenew: true,
    // Tokens (the 30-day refresh token above all) live in this page's memory only, never in
    // localStorage, where any script that ever runs on the origin could read them. A reload finds no
    // user and goes through the hosted UI, whose own session cookie sends the person straight back.
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
  });
}

function isSignInCallback(url: URL): boolean {
  return url.searchParams.has('code') && url.searchParams.has('state');
}

/**
 * Completes a hosted-UI redirect if this page load is one, otherwise returns the stored user or
 * starts the sign-in redirect (in which case the returned promise never settles: the page leaves).
 */
export async function createCognitoSession(config: CognitoConfig): Promise<AuthSession> {
  const manager = createUserManager(config);
  const url = new URL(window.location.href);
  let user: User | null;
  if (isSignInCallback(url)) {
    user = await manager.signinRedirectCallback();
    // Drop code/state from the address bar so a reload does not replay them.
    url.searchParams.delete('code');
    url.searchParams.delete('state');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  } else {
    user = await manager.getUser();
  }
  if (!user || user.expired) {
    try {
      user = user ? await manager.signinSilent() : null;
    } catch {
      user = null;
    }
  }
  if (!user) {
    await manager.signinRedirect();
    return new Promise<AuthSession>(() => undefined);
  }

  const signedIn = user;
  return {
    userKey: `cognito:${signedIn.profile.sub}`,
    displayName: typeof signedIn.profile.email === 'string' ? signedIn.profile.email : undefined,
    async requestHeaders() {
      let current = await manager.getUser();
      if (!current || current.expired) current = await manager.signinSilent();
      const token = current?.id_token ?? current?.access_token;
      if (!token) throw new Error('Your session has ended. Reload the page to sign in again.');
      return { Authorization: `Bearer ${token}` };
    },
    async signOut() {
      await manager.removeUser();
      // Cognito has no OIDC end_session_endpoint; its hosted UI logs out at /logout.
      const logout = new URL('/logout', config.domain);
      logout.searchParams.set('client_id', config.clientId);
      logout.searchParams.set('logout_uri', config.logoutUri);
      window.location.assign(logout.toString());
    },
  };
}
