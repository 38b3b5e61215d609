// The per-limit request budget: the fraction cap over a sliding window, corrections from the server's headers,
// and blocks after a 429.
import { describe, expect, it } from 'vitest';
import { createRateBudget } from '../../../src-main/streams/rate-budget.ts';
import { budgetKeyFor, RATE_POLICIES } from '../../../src-main/streams/rate-policy.ts';

const WINDOW = 300_000;

describe('rate budget', () => {
  it('allows at most the fraction of the limit in any sliding window', () => {
    const budget = createRateBudget({ limit: 300, windowMs: WINDOW, fraction: 0.5 });
    expect(budget.capacity).toBe(150);
    const t0 = 1_000_000;
    for (let i = 0; i < 150; i += 1) {
      expect(budget.canSpend(t0 + i)).toBe(true);
      budget.spend(t0 + i);
    }
    expect(budget.canSpend(t0 + 150)).toBe(false);
    // The slot frees exactly when the first request leaves the window.
    expect(budget.nextAvailableAt(t0 + 150)).toBe(t0 + WINDOW);
    expect(budget.canSpend(t0 + WINDOW - 1)).toBe(false);
    expect(budget.canSpend(t0 + WINDOW)).toBe(true);
    expect(budget.spentInWindow(t0 + WINDOW)).toBe(149);
  });

  it('keeps the user reserve when the server reports fewer requests left than the budget assumes', () => {
    const budget = createRateBudget({ limit: 300, windowMs: WINDOW, fraction: 0.5 });
    const now = 5_000;
    // The user's other clients used 140 of 300: 160 left, the reserve is 150, so the poller may make 10 more.
    budget.observe({ limit: 300, remaining: 160, resetAt: now + 60_000 }, now);
    for (let i = 0; i < 10; i += 1) {
      expect(budget.canSpend(now)).toBe(true);
      budget.spend(now);
    }
    expect(budget.canSpend(now)).toBe(false);
    expect(budget.nextAvailableAt(now)).toBe(now + 60_000);
    expect(budget.canSpend(now + 60_000)).toBe(true);
  });

  it('adopts a different limit reported by the server', () => {
    const budget = createRateBudget({ limit: 300, windowMs: WINDOW, fraction: 0.5 });
    budget.observe({ limit: 100, remaining: null, resetAt: null }, 0);
    expect(budget.capacity).toBe(50);
  });

  it('blocks every request until a retry-after has passed', () => {
    const budget = createRateBudget({ limit: 300, windowMs: WINDOW, fraction: 0.5 });
    budget.blockUntil(42_000);
    expect(budget.canSpend(41_999)).toBe(false);
    expect(budget.nextAvailableAt(10)).toBe(42_000);
    expect(budget.canSpend(42_000)).toBe(true);
  });

  it('charges Mastodon per account, Bluesky per IP and feeds per host', () => {
    const home = (accountId: string) => ({ type: 'home' as const, accountId, param: null });
    expect(budgetKeyFor('mastodon', home('a'))).not.toBe(budgetKeyFor('mastodon', home('b')));
    expect(budgetKeyFor('bluesky', home('a'))).toBe(budgetKeyFor('bluesky', home('b')));
    const feed = (url: string) => ({ type: 'rss' as const, accountId: null, param: url });
    expect(budgetKeyFor('rss', feed('https://a.example/x.xml'))).toBe(
      budgetKeyFor('rss', feed('https://a.example/y')),
    );
    expect(budgetKeyFor('rss', feed('https://a.example/x.xml'))).not.toBe(
      budgetKeyFor('rss', feed('https://b.example/x')),
    );
    expect(RATE_POLICIES.mastodon.limit).toBe(300);
    expect(RATE_POLICIES.bluesky.limit).toBe(3_000);
  });
});
