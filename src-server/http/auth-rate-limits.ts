// Rate limits on the two methods anyone may call: `auth:challenge`, and failed `auth:login` attempts, each
// counted per device id and per client address in fixed windows. Over a limit, the call is refused with
// `rate_limited` and how long to wait, before any work (a refused challenge writes nothing). The counts live
// in this process's memory: with several server processes each keeps its own, so the effective limit is
// the per-process one times the number of processes a client can reach.
import { TeamFailure } from '../../src-shared/team/team-contract.ts';

export interface RateRule {
  readonly limit: number;
  readonly windowMs: number;
}

export interface AuthRateLimitRules {
  readonly challengePerDevice: RateRule;
  readonly challengePerAddress: RateRule;
  readonly failedLoginPerDevice: RateRule;
  readonly failedLoginPerAddress: RateRule;
}

/**
 * A desktop asks for one challenge per login (every 15 minutes) plus retries. An address can be a whole office
 * behind one NAT, so its limits leave room for a few hundred desktops logging in together after a restart.
 */
export const DEFAULT_AUTH_RATE_LIMITS: AuthRateLimitRules = {
  challengePerDevice: { limit: 20, windowMs: 60_000 },
  challengePerAddress: { limit: 1_000, windowMs: 60_000 },
  failedLoginPerDevice: { limit: 10, windowMs: 15 * 60_000 },
  failedLoginPerAddress: { limit: 100, windowMs: 15 * 60_000 },
};

/** Beyond this many tracked keys, windows that have ended are dropped; if none has, the oldest go. */
const MAX_TRACKED_KEYS = 100_000;

class WindowCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly rule: RateRule;
  constructor(rule: RateRule) {
    this.rule = rule;
  }

  /** Milliseconds until `key` may act again, or 0 if it is under its limit now. */
  waitFor(key: string, now: number): number {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.rule.windowMs || window.count < this.rule.limit) return 0;
    return window.start + this.rule.windowMs - now;
  }

  add(key: string, now: number): void {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.rule.windowMs) {
      if (this.windows.size >= MAX_TRACKED_KEYS) this.prune(now);
      this.windows.set(key, { start: now, count: 1 });
    } else window.count += 1;
  }

  clear(key: string): void {
    this.windows.delete(key);
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows)
      if (now - window.start >= this.rule.windowMs) this.windows.delete(key);
    // Map order is insertion order: drop the oldest tenth if every window is still running.
    if (this.windows.size >= MAX_TRACKED_KEYS) {
      let drop = Math.ceil(MAX_TRACKED_KEYS / 10);
      for (const key of this.windows.keys()) {
        if (drop-- <= 0) break;
        this.windows.delete(key);
      }
    }
  }
}

export interface AuthRateLimits {
  /** Counts a challenge request; throws `rate_limited` when the device or the address is over its limit. */
  challenge(deviceId: string, address: string | null, now: number): void;
  /** Throws `rate_limited` while the device or the address has too many recent failed logins. */
  checkLogin(deviceId: string, address: string | null, now: number): void;
  loginFailed(deviceId: string, address: string | null, now: number): void;
  /** A successful login clears the device's failures (not the address's: others may share it). */
  loginSucceeded(deviceId: string): void;
}

function refuse(waitMs: number, what: string): never {
  throw new TeamFailure('rate_limited', `Too many ${what}; try again in ${Math.ceil(waitMs / 1000)} s`, {
    retryAfterMs: waitMs,
  });
}

export function createAuthRateLimits(rules: AuthRateLimitRules = DEFAULT_AUTH_RATE_LIMITS): AuthRateLimits {
  const challengeDevice = new WindowCounter(rules.challengePerDevice);
  const challengeAddress = new WindowCounter(rules.challengePerAddress);
  const failedDevice = new WindowCounter(rules.failedLoginPerDevice);
  const failedAddress = new WindowCounter(rules.failedLoginPerAddress);
  const addressKey = (address: string | null) => address ?? 'unknown';
  return {
    challenge(deviceId, address, now) {
      const wait = Math.max(
        challengeDevice.waitFor(deviceId, now),
        challengeAddress.waitFor(addressKey(address), now),
      );
      if (wait > 0) refuse(wait, 'login challenges');
      challengeDevice.add(deviceId, now);
      challengeAddress.add(addressKey(address), now);
    },
    checkLogin(deviceId, address, now) {
      const wait = Math.max(
        failedDevice.waitFor(deviceId, now),
        failedAddress.waitFor(addressKey(address), now),
      );
      if (wait > 0) refuse(wait, 'failed logins');
    },
    loginFailed(deviceId, address, now) {
      failedDevice.add(deviceId, now);
      failedAddress.add(addressKey(address), now);
    },
    loginSucceeded(deviceId) {
      failedDevice.clear(deviceId);
    },
  };
}
