// What the user types as their Mastodon server, turned into the URL main expects, and the check that
// decides whether an address from the server may be opened in the browser at all.

/** Accepts `https://mastodon.social`, a bare `mastodon.social` or a full handle `@alice@mastodon.social`. */
export function normaliseInstance(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  // People often paste their whole handle; the server is the part after the last @.
  const handle = /^@?[^@\s/]+@([^@\s/]+)$/.exec(trimmed);
  const address = handle?.[1] ?? trimmed;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : `https://${address}`;
}

/** Only web pages are opened or linked: a `javascript:` or `file:` address from a server is refused. */
export function isWebUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
