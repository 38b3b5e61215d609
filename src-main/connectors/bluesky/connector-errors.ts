// Errors from a signed-in Bluesky session. Sign-in's toRoostError speaks of passwords; here a 401 means the
// stored session expired or was revoked, and a 429 carries when to retry.
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { RetryHint } from '../connector.ts';
import { toRoostError } from './errors.ts';

export class RateLimitedError extends RoostError implements RetryHint {
  readonly retryAfterMs: number | null;
  constructor(message: string, retryAfterMs: number | null) {
    super('rate_limited', message);
    this.retryAfterMs = retryAfterMs;
  }
}

interface XrpcLikeError {
  readonly status?: unknown;
  readonly error?: unknown;
  readonly headers?: unknown;
}

const SESSION_ERRORS = new Set(['ExpiredToken', 'InvalidToken', 'AuthenticationRequired', 'AuthMissing']);

function header(headers: unknown, name: string): string | null {
  if (typeof headers !== 'object' || headers === null) return null;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

/** Milliseconds until the window resets: `ratelimit-reset` is epoch seconds, `retry-after` delta seconds. */
export function retryAfterMs(headers: unknown, nowMs: number): number | null {
  const reset = Number(header(headers, 'ratelimit-reset'));
  if (header(headers, 'ratelimit-reset') !== null && Number.isFinite(reset)) {
    return Math.max(0, reset * 1000 - nowMs);
  }
  const after = Number(header(headers, 'retry-after'));
  if (header(headers, 'retry-after') !== null && Number.isFinite(after)) return Math.max(0, after * 1000);
  return null;
}

export function toConnectorError(error: unknown, action: string, nowMs: number): RoostError {
  if (error instanceof RoostError) return error;
  const {
    status,
    error: name,
    headers,
  } = (typeof error === 'object' && error !== null ? error : {}) as XrpcLikeError;
  if (status === 401 || (typeof name === 'string' && SESSION_ERRORS.has(name))) {
    return new RoostError(
      'auth_failed',
      `${action}: the Bluesky session expired or was revoked; sign in again.`,
    );
  }
  if (status === 429) {
    return new RateLimitedError(
      `${action}: Bluesky is rate limiting this account.`,
      retryAfterMs(headers, nowMs),
    );
  }
  if (status === 404 || name === 'NotFound' || name === 'RecordNotFound' || name === 'UnknownFeed') {
    return new RoostError('not_found', `${action}: not found on the server.`);
  }
  if (status === 403) return new RoostError('forbidden', `${action}: the server refused access.`);
  return toRoostError(error, action);
}
