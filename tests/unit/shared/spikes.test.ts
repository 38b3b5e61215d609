// Properties of the spike detector on generated series: a steady or weekly-seasonal series raises nothing,
// a burst is found, earlier spikes in the history do not move the baseline, a higher sensitivity finds a
// superset, quiet hours are not flagged for a single item, and a jump in the negative share is its own alert.
import { describe, expect, test } from 'vitest';
import { HOUR_MS } from '../../../src-shared/analytics/listening.ts';
import { median, scaledMad } from '../../../src-shared/analytics/robust-stats.ts';
import {
  detectSpikes,
  judgeHour,
  SENSITIVITY_Z,
  volumeBaseline,
  WEEK_HOURS,
  type HourVolume,
} from '../../../src-shared/analytics/spikes.ts';
import { syntheticSeries } from '../../support/synthetic-listening.ts';

const START = Date.UTC(2026, 0, 5); // a Monday
const hourAt = (i: number) => START + i * HOUR_MS;

/** Weeks of hourly volume with a day/night cycle and busier weekdays; `shape` may override any hour. */
function series(weeks: number, seed = 1, shape?: (i: number, base: number) => number): HourVolume[] {
  return syntheticSeries(START, weeks * WEEK_HOURS, seed, { mean: shape });
}

const medium = { threshold: SENSITIVITY_Z.medium };
const lastWeek = (weeks: number) => [hourAt((weeks - 1) * WEEK_HOURS), hourAt(weeks * WEEK_HOURS)] as const;

describe('robust statistics', () => {
  test('median and MAD ignore a few extreme values', () => {
    expect(median([1, 2, 3, 4, 1000])).toBe(3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(scaledMad([10, 10, 11, 9, 500])).toBeCloseTo(1.4826, 4);
  });
});

describe('spike detection', () => {
  test('a seasonal series with noise raises no alert', () => {
    const s = series(5);
    expect(detectSpikes(s, ...lastWeek(5), medium)).toEqual([]);
  });

  test('a burst of five times the usual volume is found, in its hour', () => {
    const burst = 4 * WEEK_HOURS + 24 + 11; // Tuesday 11:00 of week 5
    const s = series(5, 2, (i, base) => (i === burst ? base * 5 : base));
    const spikes = detectSpikes(s, ...lastWeek(5), medium);
    expect(spikes.filter((x) => x.kind === 'volume').map((x) => x.hour)).toEqual([hourAt(burst)]);
    expect(spikes[0]!.observed).toBeGreaterThan(spikes[0]!.expected * 3);
  });

  test('spikes in earlier weeks barely move the baseline', () => {
    const hour = 4 * WEEK_HOURS + 24 + 11;
    const clean = new Map(series(5, 3).map((v) => [v.hour, v]));
    const spiky = new Map(
      series(5, 3, (i, base) =>
        i === hour - WEEK_HOURS || i === hour - 2 * WEEK_HOURS ? base * 10 : base,
      ).map((v) => [v.hour, v]),
    );
    const a = volumeBaseline(clean, hourAt(hour), 4);
    const b = volumeBaseline(spiky, hourAt(hour), 4);
    expect(Math.abs(a.median - b.median)).toBeLessThanOrEqual(a.spread);
  });

  test('a higher sensitivity finds every spike a lower one finds', () => {
    const s = series(5, 4, (i, base) => (i % 97 === 0 && i > 4 * WEEK_HOURS ? base * 2.5 : base));
    const hours = (threshold: number) =>
      new Set(detectSpikes(s, ...lastWeek(5), { threshold }).map((x) => `${x.kind}${x.hour}`));
    const low = hours(SENSITIVITY_Z.low);
    const high = hours(SENSITIVITY_Z.high);
    for (const h of low) expect(high.has(h)).toBe(true);
    expect(high.size).toBeGreaterThanOrEqual(low.size);
  });

  test('a quiet slot with a zero baseline is not flagged for a couple of items', () => {
    const quiet = new Map<number, HourVolume>();
    const hour = hourAt(4 * WEEK_HOURS);
    expect(judgeHour(quiet, { hour, total: 2, negative: 0 }, medium)).toEqual([]);
    expect(judgeHour(quiet, { hour, total: 30, negative: 0 }, medium).map((x) => x.kind)).toEqual(['volume']);
  });

  test('a jump in the negative share is an alert of its own, even at usual volume', () => {
    const hour = 4 * WEEK_HOURS + 24 + 14;
    const s = series(5, 5);
    const usual = s[hour]!;
    const current = {
      hour: usual.hour,
      total: Math.max(usual.total, 30),
      negative: Math.max(usual.total, 30) * 0.7,
    };
    const byHour = new Map(s.map((v) => [v.hour, v]));
    const spikes = judgeHour(byHour, current, medium);
    expect(spikes.map((x) => x.kind)).toContain('negative');
    expect(spikes.find((x) => x.kind === 'negative')!.expected).toBeLessThan(0.2);
  });
});
