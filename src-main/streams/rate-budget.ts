// A request budget shared by every column that spends the same server limit (one Mastodon account, the
// Bluesky IP limit, one feed host). It never lets the poller use more than `fraction` of the limit in any
// sliding window, and tightens further when the server's own rate-limit headers say less is left.
//
// A sliding log is used rather than a plain token bucket on purpose: a bucket of size C refilling at C per
// window lets up to 2C requests through one window (a full bucket, then its refill), which would break the
// "never more than the fraction" promise. The log holds at most `capacity` timestamps.
import type { RateLimitInfo } from '../connectors/connector.ts';

export interface RateBudget {
  /** Requests the poller may make per window (the limit times the fraction). */
  readonly capacity: number;
  readonly windowMs: number;
  /** Earliest time (epoch ms, ≥ now) at which a request may be made. */
  nextAvailableAt(now: number): number;
  canSpend(now: number): boolean;
  /** Records a request made at `now`. Callers check canSpend first. */
  spend(now: number): void;
  /** Folds in what the server reported after a request. */
  observe(info: RateLimitInfo | null, now: number): void;
  /** After a 429: nothing is spent before `until`. */
  blockUntil(until: number): void;
  /** Requests spent in the window ending at `now`. */
  spentInWindow(now: number): number;
}

export interface RateBudgetOptions {
  readonly limit: number;
  readonly windowMs: number;
  /** Share of the limit the poller may use, in (0, 1]. */
  readonly fraction: number;
}

export function createRateBudget(options: RateBudgetOptions): RateBudget {
  const { windowMs, fraction } = options;
  let limit = options.limit;
  let capacity = capacityOf(limit, fraction);
  // Ascending request times within the last window.
  let log: number[] = [];
  let blockedUntil = 0;
  // What the server says we may still spend before its window resets, minus the user's reserve.
  let server: { allowance: number; resetAt: number } | null = null;

  const prune = (now: number): void => {
    const from = now - windowMs;
    let drop = 0;
    while (drop < log.length && (log[drop] as number) <= from) drop += 1;
    if (drop > 0) log = log.slice(drop);
    if (server !== null && now >= server.resetAt) server = null;
  };

  const nextAvailableAt = (now: number): number => {
    prune(now);
    let at = Math.max(now, blockedUntil);
    if (log.length >= capacity) {
      // The request that frees a slot is the one `capacity` places from the end.
      const freeing = log[log.length - capacity] as number;
      at = Math.max(at, freeing + windowMs);
    }
    if (server !== null && server.allowance <= 0) at = Math.max(at, server.resetAt);
    return at;
  };

  return {
    get capacity() {
      return capacity;
    },
    windowMs,
    nextAvailableAt,
    canSpend: (now) => nextAvailableAt(now) <= now,
    spend(now) {
      prune(now);
      log.push(now);
      if (server !== null) server = { ...server, allowance: server.allowance - 1 };
    },
    observe(info, now) {
      if (info === null) return;
      if (info.limit !== null && info.limit > 0 && info.limit !== limit) {
        // The server's own figure beats the documented one (instances may configure their limits).
        limit = info.limit;
        capacity = capacityOf(limit, fraction);
      }
      if (info.remaining !== null && info.resetAt !== null && info.resetAt > now) {
        // The user's reserve is whatever the fraction leaves over; the poller may only dig into the rest.
        const reserve = limit - capacity;
        server = { allowance: info.remaining - reserve, resetAt: info.resetAt };
      }
    },
    blockUntil(until) {
      blockedUntil = Math.max(blockedUntil, until);
    },
    spentInWindow(now) {
      prune(now);
      return log.length;
    },
  };
}

function capacityOf(limit: number, fraction: number): number {
  const share = Math.min(1, Math.max(0, fraction));
  return Math.max(1, Math.floor(limit * share));
}
