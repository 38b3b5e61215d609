// Bounds of the jittered intervals and of the exponential backoff, at the extremes of the random source.
import { describe, expect, it } from 'vitest';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { backoffDelay, jitteredInterval, retryAfterOf } from '../../../src-main/runtime/backoff.ts';

const MIN_RANDOM = () => 0;
const MAX_RANDOM = () => 0.999_999;

describe('jitter and backoff', () => {
  it('spreads an interval by ±jitter and never goes below the floor', () => {
    expect(jitteredInterval(30_000, 0.1, 10_000, MIN_RANDOM)).toBe(27_000);
    expect(jitteredInterval(30_000, 0.1, 10_000, MAX_RANDOM)).toBe(33_000);
    expect(jitteredInterval(30_000, 0.1, 10_000, () => 0.5)).toBe(30_000);
    expect(jitteredInterval(5_000, 0.1, 10_000, MAX_RANDOM)).toBe(10_000);
  });

  it('doubles the backoff per failure within [ceiling/2, ceiling], capped', () => {
    const ceilings = [10_000, 20_000, 40_000, 80_000, 100_000, 100_000];
    ceilings.forEach((ceiling, i) => {
      expect(backoffDelay(i + 1, 10_000, 100_000, MIN_RANDOM)).toBe(ceiling / 2);
      expect(backoffDelay(i + 1, 10_000, 100_000, MAX_RANDOM)).toBe(ceiling);
    });
    expect(backoffDelay(10_000, 10_000, 100_000, MAX_RANDOM)).toBe(100_000);
  });

  it('reads a retry hint only when it is a usable number', () => {
    expect(retryAfterOf(Object.assign(new RoostError('rate_limited', 'x'), { retryAfterMs: 1_500 }))).toBe(
      1_500,
    );
    expect(retryAfterOf(new RoostError('rate_limited', 'x'))).toBeNull();
    expect(retryAfterOf({ retryAfterMs: -1 })).toBeNull();
    expect(retryAfterOf({ retryAfterMs: Number.NaN })).toBeNull();
    expect(retryAfterOf(null)).toBeNull();
  });
});
