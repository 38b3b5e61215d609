// Maps Mastodon HTTP answers onto Roost's stable error codes. Rate limits carry when to retry.
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { RateLimitInfo, RetryHint } from '../connector.ts';

/** 429 from the server: the poller waits `retryAfterMs` (null when the server gave no hint). */
export class MastodonRateLimitError extends RoostError implements RetryHint {
  readonly retryAfterMs: number | null;
  readonly rateLimit: RateLimitInfo | null;
  constructor(message: string, retryAfterMs: number | null, rateLimit: RateLimitInfo | null) {
    super('rate_limited', message);
    this.name = 'MastodonRateLimitError';
    this.retryAfterMs = retryAfterMs;
    this.rateLimit = rateLimit;
  }
}

/** Server error text is untrusted: keep it short and printable before it reaches logs or tooltips. */
export function cleanServerMessage(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const cleaned = raw.replace(/\p{Cc}+/gu, ' ').trim();
  if (!cleaned) return null;
  return cleaned.length > 300 ? `${cleaned.slice(0, 300)}…` : cleaned;
}

export function errorForStatus(
  status: number,
  action: string,
  serverMessage: string | null,
  rateLimit: RateLimitInfo | null,
  retryAfterMs: number | null,
): RoostError {
  const detail = serverMessage ? ` (${serverMessage})` : '';
  if (status === 401) {
    return new RoostError(
      'auth_failed',
      `${action}: the server rejected the access token; sign in to this account again.`,
    );
  }
  if (status === 429) {
    return new MastodonRateLimitError(
      `${action}: the server is rate limiting this account.`,
      retryAfterMs,
      rateLimit,
    );
  }
  if (status === 403) return new RoostError('forbidden', `${action}: the server refused${detail}.`);
  if (status === 404) return new RoostError('not_found', `${action}: not found on the server${detail}.`);
  if (status === 422 || status === 400) {
    return new RoostError(
      'invalid_input',
      `${action}: ${serverMessage ?? `the server refused the request (HTTP ${status})`}`,
    );
  }
  if (status >= 500) return new RoostError('server_error', `${action}: the server failed (HTTP ${status}).`);
  return new RoostError('server_error', `${action}: unexpected HTTP ${status} from the server.`);
}

export function malformed(action: string, what: string): RoostError {
  return new RoostError('server_error', `${action}: the server sent a malformed answer (${what}).`);
}
