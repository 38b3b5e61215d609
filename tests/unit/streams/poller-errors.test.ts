// How the poller reacts to failures: capped exponential backoff, a server's retry-after honoured to the
// millisecond for every column on that account, and a rejected sign-in stopping the account's polling.
import { afterEach, describe, expect, it } from 'vitest';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { columnSourceKey } from '../../../src-shared/domain/column.ts';
import { createHarness, gapsBetween, mastodonSource, type Harness } from './support/harness.ts';

const MIN = 60_000;
let harness: Harness | null = null;
afterEach(() => harness?.stop());

function rateLimited(retryAfterMs: number): RoostError {
  return Object.assign(new RoostError('rate_limited', 'slow down'), { retryAfterMs });
}

describe('poller errors', () => {
  it('backs off exponentially with jitter up to the cap, then returns to the normal cadence', async () => {
    const h = (harness = createHarness({ config: { backoffBaseMs: 10_000, backoffCapMs: 160_000 } }));
    const source = mastodonSource('acct-1');
    const key = columnSourceKey(source);
    for (let i = 0; i < 7; i += 1) h.net.failNext(key, new RoostError('server_error', 'HTTP 502'));
    h.poller.subscribe(source);
    h.start();
    await h.time.advance(0);
    const state = h.poller.state(key);
    expect(state?.kind).toBe('error');
    if (state?.kind === 'error') {
      expect(state.code).toBe('server_error');
      expect(state.retryAt).toBeGreaterThan(h.time.now());
    }
    await h.time.advance(20 * MIN);

    const gaps = gapsBetween(h.requestsFor(key));
    const ceilings = [10_000, 20_000, 40_000, 80_000, 160_000, 160_000, 160_000];
    ceilings.forEach((ceiling, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(ceiling / 2);
      expect(gaps[i]).toBeLessThanOrEqual(ceiling);
    });
    // After the 7 failures the 8th request succeeded: back to ~30 s.
    for (const gap of gaps.slice(8)) expect(gap).toBeLessThanOrEqual(33_000);
    expect(h.poller.state(key)).toEqual({ kind: 'polling' });
  });

  it('honours retry-after exactly, for every column spending the same account limit', async () => {
    const h = (harness = createHarness());
    const home = mastodonSource('acct-1', 'home');
    const mentions = mastodonSource('acct-1', 'mentions');
    const other = mastodonSource('acct-2', 'home');
    h.poller.subscribe(home);
    h.start();
    await h.time.advance(MIN);
    h.poller.subscribe(mentions);
    h.poller.subscribe(other);
    await h.time.advance(5_000);

    h.net.failNext(columnSourceKey(home), rateLimited(95_000));
    // Run until the home column hits the 429.
    const failed = () => h.net.requests.find((r) => r.outcome === 'failed');
    for (let i = 0; i < 60 && failed() === undefined; i += 1) await h.time.advance(1_000);
    const limitedAt = failed()?.at as number;
    expect(limitedAt).toBeTypeOf('number');
    expect(h.poller.state(columnSourceKey(home))).toEqual({
      kind: 'error',
      code: 'rate_limited',
      retryAt: limitedAt + 95_000,
    });
    await h.time.advance(5 * MIN);

    const after = (key: string): number[] => h.requestsFor(key).filter((t) => t > limitedAt);
    expect(after(columnSourceKey(home))[0]).toBe(limitedAt + 95_000);
    expect(after(columnSourceKey(mentions))[0]).toBeGreaterThanOrEqual(limitedAt + 95_000);
    // Another account is not held back.
    expect(after(columnSourceKey(other))[0]).toBeLessThan(limitedAt + 35_000);
  });

  it('stops polling an account whose sign-in was rejected and reports needs_sign_in until it is resumed', async () => {
    const h = (harness = createHarness());
    const home = mastodonSource('acct-1', 'home');
    const mentions = mastodonSource('acct-1', 'mentions');
    const other = mastodonSource('acct-2', 'home');
    for (const s of [home, mentions, other]) h.poller.subscribe(s);
    h.net.failNext(columnSourceKey(home), new RoostError('auth_failed', 'token revoked'));
    h.start();
    await h.time.advance(0);
    const failedAt = h.time.now();
    await h.time.advance(30 * MIN);

    expect(h.poller.state(columnSourceKey(home))).toEqual({ kind: 'needs_sign_in' });
    expect(h.poller.state(columnSourceKey(mentions))).toEqual({ kind: 'needs_sign_in' });
    expect(h.net.requests.filter((r) => r.sourceKey !== columnSourceKey(other) && r.at > failedAt)).toEqual(
      [],
    );
    expect(h.requestsFor(columnSourceKey(other)).length).toBeGreaterThan(50);
    await expect(h.poller.loadOlder(columnSourceKey(home))).resolves.toBe(false);

    h.poller.resumeAccount('acct-1');
    const resumedAt = h.time.now();
    await h.time.advance(0);
    expect(h.requestsFor(columnSourceKey(home))).toContain(resumedAt);
    expect(h.requestsFor(columnSourceKey(mentions))).toContain(resumedAt);
    expect(h.poller.state(columnSourceKey(home))).toEqual({ kind: 'polling' });
  });

  it('treats unknown exceptions as internal errors and keeps polling', async () => {
    const h = (harness = createHarness());
    const source = mastodonSource('acct-1');
    const key = columnSourceKey(source);
    h.net.failNext(key, new TypeError('boom'));
    h.poller.subscribe(source);
    h.start();
    await h.time.advance(0);
    expect(h.poller.state(key)).toMatchObject({ kind: 'error', code: 'internal' });
    await h.time.advance(2 * MIN);
    expect(h.poller.state(key)).toEqual({ kind: 'polling' });
  });
});
