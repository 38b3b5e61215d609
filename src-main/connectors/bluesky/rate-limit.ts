// Reads the PDS's `ratelimit-*` response headers (IETF draft names; reset is epoch seconds) into Page.rateLimit.
import type { RateLimitInfo } from '../connector.ts';

function numberHeader(
  headers: Readonly<Record<string, string | undefined>> | undefined,
  name: string,
): number | null {
  const raw = headers?.[name];
  if (raw === undefined || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

export function readRateLimit(
  headers: Readonly<Record<string, string | undefined>> | undefined,
): RateLimitInfo | null {
  const limit = numberHeader(headers, 'ratelimit-limit');
  const remaining = numberHeader(headers, 'ratelimit-remaining');
  const reset = numberHeader(headers, 'ratelimit-reset');
  if (limit === null && remaining === null && reset === null) return null;
  return { limit, remaining, resetAt: reset === null ? null : reset * 1000 };
}
