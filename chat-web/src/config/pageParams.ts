/** Options read from the page URL: `?embed=1` (inside the widget's iframe) and `?user=` (local multi-user testing). */
export interface PageParams {
  embed: boolean;
  localUser: string | undefined;
}

// Same rule as the local server (fulfillment/src/proxy/localIdentity.ts).
const LOCAL_USER_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function readPageParams(search: string = window.location.search): PageParams {
  const params = new URLSearchParams(search);
  const user = params.get('user') ?? undefined;
  return {
    embed: params.get('embed') === '1',
    // An unusable name is ignored rather than sent: the server would reject it on every message.
    localUser: user !== undefined && LOCAL_USER_PATTERN.test(user) ? user : undefined,
  };
}
