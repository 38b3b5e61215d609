// Interval and retry arithmetic for the poller and the outbox: jittered poll intervals with a floor, capped
// exponential backoff, and reading the retry hint a connector attaches to a rate-limit error.
import type { Random } from './timing.ts';

/** `base` spread by ±`jitter` (a share, e.g. 0.1), never below `floorMs`. Jitter stops columns polling in lockstep. */
export function jitteredInterval(baseMs: number, jitter: number, floorMs: number, random: Random): number {
  const spread = 1 + jitter * (2 * random() - 1);
  return Math.max(floorMs, Math.round(baseMs * spread));
}

/**
 * Delay before retry number `failures` (1 = first failure): base·2^(failures−1) capped at `capMs`, then
 * "equal jitter" — somewhere in the upper half — so retries spread out yet never come back too early.
 */
export function backoffDelay(failures: number, baseMs: number, capMs: number, random: Random): number {
  const exponent = Math.min(Math.max(0, failures - 1), 30);
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** The server's retry-after, in ms, when the error carries one (connectors attach `retryAfterMs`). */
export function retryAfterOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  // The shape of connectors' RetryHint, repeated here so runtime/ depends on nothing in src-main.
  const value = (error as { readonly retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}
