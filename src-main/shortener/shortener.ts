// The port every link shortener implements, whatever server is behind it (Shlink, YOURLS). Failures are
// RoostErrors: auth_failed for a refused key, network_unreachable, server_error with the server's words.
import type { ShortenerProvider } from '../../src-shared/contract/shortener-contract.ts';
import type { Timers } from '../runtime/timing.ts';

export interface ShortLink {
  readonly longUrl: string;
  readonly shortUrl: string;
  /** The server's id for the link (Shlink short code, YOURLS keyword), used to count clicks. */
  readonly code: string;
}

export interface Shortener {
  readonly provider: ShortenerProvider;
  /** One harmless authenticated call, to check the server address and key before saving them. */
  verify(): Promise<void>;
  /** Returns the existing short link when the server already has one for this URL. */
  shorten(longUrl: string): Promise<ShortLink>;
  /** Null when the server no longer knows the code. */
  clicks(code: string): Promise<number | null>;
}

export interface ShortenerOptions {
  /** Where the shortener lives: Shlink's base URL, or the folder holding YOURLS's yourls-api.php. */
  readonly baseUrl: string;
  /** Shlink API key or YOURLS signature token. A secret: never logged, never put in an error. */
  readonly apiKey: string;
  readonly fetch: typeof globalThis.fetch;
  readonly timeoutMs?: number;
  readonly timers?: Timers;
}

export const DEFAULT_SHORTENER_TIMEOUT_MS = 10_000;

/** `https://s.example/base/` → `https://s.example/base`; query and fragment are dropped. */
export function normaliseBaseUrl(raw: string): string {
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('not an http(s) URL');
  url.search = '';
  url.hash = '';
  url.username = '';
  url.password = '';
  return url.toString().replace(/\/+$/, '');
}
