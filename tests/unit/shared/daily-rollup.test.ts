// Daily rollups of listening counts: sums per column and UTC day, and the day's hourly profile.
import { describe, expect, test } from 'vitest';
import { weekHourGrid } from '../../../src-shared/analytics/aggregate.ts';
import {
  dayOf,
  hourTotals,
  mergeDaily,
  replaceFrom,
  rollUpDaily,
} from '../../../src-shared/analytics/daily-rollup.ts';
import { emptyCount, HOUR_MS, type ListeningCount } from '../../../src-shared/analytics/listening.ts';
import { resolveRange } from '../../../src-shared/analytics/time-range.ts';

const DAY = 24 * HOUR_MS;
const D0 = Date.UTC(2026, 2, 2); // a Monday, 00:00 UTC

function count(columnKey: string, hour: number, total: number, network = 'bluesky'): ListeningCount {
  return {
    ...emptyCount(columnKey, hour),
    total,
    sentiment: { positive: total, neutral: 0, negative: 0 },
    lang: { en: total },
    network: { [network]: total },
  };
}

describe('rollUpDaily', () => {
  test('sums the hours of each column and day, keeping each hour in its slot', () => {
    const days = rollUpDaily([
      count('a', D0 + 3 * HOUR_MS, 2),
      count('a', D0 + 23 * HOUR_MS, 5, 'mastodon'),
      count('a', D0 + DAY, 7),
      count('b', D0 + 3 * HOUR_MS, 1),
    ]);
    expect(days).toHaveLength(3);
    const a0 = days.find((d) => d.columnKey === 'a' && d.hour === D0)!;
    expect(a0.total).toBe(7);
    expect(a0.network).toEqual({ bluesky: 2, mastodon: 5 });
    expect(a0.sentiment).toEqual({ positive: 7, neutral: 0, negative: 0 });
    expect(a0.hours[3]).toBe(2);
    expect(a0.hours[23]).toBe(5);
    expect(a0.hours.reduce((x, y) => x + y, 0)).toBe(7);
    expect(days.find((d) => d.columnKey === 'a' && d.hour === D0 + DAY)?.hours[0]).toBe(7);
    expect(days.find((d) => d.columnKey === 'b')?.total).toBe(1);
  });

  test('adding deltas flush by flush gives the same rows as rolling up all hours at once', () => {
    const hours = Array.from({ length: 72 }, (_, i) => count('a', D0 + i * HOUR_MS, (i % 5) + 1));
    const whole = rollUpDaily(hours);
    const stored = new Map<number, ReturnType<typeof rollUpDaily>[number]>();
    for (let i = 0; i < hours.length; i += 7) {
      for (const delta of rollUpDaily(hours.slice(i, i + 7))) {
        const seen = stored.get(delta.hour);
        stored.set(delta.hour, seen ? mergeDaily(seen, delta) : delta);
      }
    }
    expect([...stored.values()].sort((x, y) => x.hour - y.hour)).toEqual(whole);
  });

  test('dayOf floors to UTC midnight', () => {
    expect(dayOf(D0 + DAY - 1)).toBe(D0);
    expect(dayOf(D0 + DAY)).toBe(D0 + DAY);
  });
});

describe('best hours from day rows', () => {
  test('a day row gives the same weekday × hour grid as its hourly rows', () => {
    const hours = [count('a', D0 + 9 * HOUR_MS, 6), count('a', D0 + DAY + 18 * HOUR_MS, 4)];
    const range = resolveRange('30d', D0 + 2 * DAY + 5 * HOUR_MS);
    expect(range.from % DAY).toBe(0);
    expect(range.to).toBe(D0 + 3 * DAY);
    const fromHours = weekHourGrid(hours, range, 60);
    expect(weekHourGrid(hourTotals(rollUpDaily(hours)), range, 60)).toEqual(fromHours);
    expect(fromHours[0]![10]).toBeGreaterThan(0); // Monday 09:00 UTC is 10:00 at UTC+1
  });
});

describe('replaceFrom', () => {
  test('keeps rows before the refreshed span and takes the fresh ones from it on', () => {
    const kept = [count('a', D0, 1), count('a', D0 + HOUR_MS, 2), count('a', D0 + 2 * HOUR_MS, 3)];
    const fresh = [count('a', D0 + HOUR_MS, 5), count('a', D0 + 3 * HOUR_MS, 1)];
    expect(replaceFrom(kept, fresh, D0 + HOUR_MS).map((c) => [c.hour - D0, c.total])).toEqual([
      [0, 1],
      [HOUR_MS, 5],
      [3 * HOUR_MS, 1],
    ]);
  });
});
