/** Who the user is and how to prove it on each chat request; one implementation per auth mode. */
export interface AuthSession {
  /** Stable per-user key, used to keep each user's chat history apart in this browser. */
  readonly userKey: string;
  /** A name to show in the header, if known. */
  readonly displayName: string | undefined;
  /** Headers that identify the user on an API request (fresh tokens each call). */
  requestHeaders(): Promise<Record<string, string>>;
  /** Present only when the mode has something to sign out of. */
  readonly signOut: (() => Promise<void>) | undefined;
}
