import { useEffect, useState } from 'react';
import type { AuthSession } from './auth/AuthSession';
import { createLocalSession } from './auth/localSession';
import { Chat } from './components/chat/Chat';
import { loadAppConfig } from './config/appConfig';
import type { PageParams } from './config/pageParams';

type Boot =
  | { state: 'loading' }
  | { state: 'ready'; session: AuthSession; apiBase: string }
  | { state: 'failed'; message: string };

let started: Promise<Boot> | undefined;

/** Runs once per page: a sign-in callback's code can be redeemed only once (StrictMode runs effects twice). */
function bootOnce(params: PageParams): Promise<Boot> {
  started ??= boot(params).catch((error: unknown): Boot => ({
    state: 'failed',
    message: error instanceof Error ? error.message : String(error),
  }));
  return started;
}

async function boot(params: PageParams): Promise<Boot> {
  const config = await loadAppConfig();
  const auth = config.auth;
  const session =
    auth.mode === 'cognito'
      ? // oidc-client-ts is loaded only when it is needed, keeping it out of the local bundle.
        await import('./auth/cognitoSession').then(({ createCognitoSession }) => createCognitoSession(auth))
      : createLocalSession(params.localUser);
  return { state: 'ready', session, apiBase: config.apiBase.replace(/\/+$/, '') };
}

export function App({ params }: { params: PageParams }) {
  const [status, setStatus] = useState<Boot>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    void bootOnce(params).then((result) => {
      if (live) setStatus(result);
    });
    return () => {
      live = false;
    };
  }, [params]);

  useEffect(() => {
    if (!params.embed) return;
    // Inside the widget's iframe, Escape never reaches the host page; ask it to close the panel.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') window.parent.postMessage({ type: 'budgetbuddy:close' }, '*');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [params.embed]);

  switch (status.state) {
    case 'loading':
      return (
        <p className="bb-status" role="status">
          Loading BudgetBuddy…
        </p>
      );
    case 'failed':
      return (
        <p className="bb-status bb-status--error" role="alert">
          BudgetBuddy could not start. {status.message}
        </p>
      );
    case 'ready':
      return <Chat session={status.session} apiBase={status.apiBase} embedded={params.embed} />;
  }
}
