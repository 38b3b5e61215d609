// Decides which URLs the window may show (only the app's own origin) and which may be handed to the
// system browser (plain http/https without credentials). Always parsed with `new URL`, never with regexes.

export const APP_SCHEME = 'app';
export const APP_HOST = 'roost';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MAX_EXTERNAL_URL_LENGTH = 8192;
const INVISIBLE = /[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064]/;

// The URL parser silently drops tabs and newlines and trims spaces, which hides what a link really is;
// invisible and bidi characters do the same to a human reader.
function hasHiddenCharacters(raw: string): boolean {
  if (INVISIBLE.test(raw)) return true;
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  if (hasHiddenCharacters(raw)) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** The normalised URL to open in the system browser, or null when it must not be opened. */
export function safeExternalUrl(raw: unknown): string | null {
  const url = parse(raw);
  if (!url) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.hostname === '') return null;
  return url.href;
}

export function isSafeExternalUrl(raw: unknown): boolean {
  return safeExternalUrl(raw) !== null;
}

/** True only for pages of the app itself, served by the app:// protocol. */
export function isAppUrl(raw: unknown): boolean {
  const url = parse(raw);
  if (!url) return false;
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname.toLowerCase() === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
