/** A random id matching the contract's clientMessageId pattern /^[A-Za-z0-9_-]{8,64}$/. */
export function newMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // base64url without padding: 22 characters from [A-Za-z0-9_-].
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
