// The analytics worker's one call: hourly rows and daily rollups of the same items give the same series —
// volume, sentiment shares, period totals, networks, languages (most first) and best hours.
import { expect, test } from 'vitest';
import { rollUpDaily } from '../../../src-shared/analytics/daily-rollup.ts';
import { emptyCount, HOUR_MS, type ListeningCount } from '../../../src-shared/analytics/listening.ts';
import { listeningSeries } from '../../../src-shared/analytics/listening-series.ts';

const DAY = 24 * HOUR_MS;
const FROM = Date.UTC(2026, 2, 2); // Monday 2 March 2026, 00:00 UTC
const range = { from: FROM, to: FROM + 14 * DAY, bucketMs: DAY };

function count(hour: number, en: number, fr: number, negative: number): ListeningCount {
  return {
    ...emptyCount('c', hour),
    total: en + fr,
    sentiment: { positive: 0, neutral: en + fr - negative, negative },
    network: { bluesky: en + fr },
    lang: fr > 0 ? { en, fr } : { en },
  };
}

const hours = [
  count(FROM - 3 * DAY + 9 * HOUR_MS, 4, 0, 0), // the previous period
  count(FROM + 9 * HOUR_MS, 3, 1, 2), // Monday 09:00
  count(FROM + DAY + 15 * HOUR_MS, 1, 3, 0), // Tuesday 15:00
  count(FROM + 7 * DAY + 9 * HOUR_MS, 2, 0, 0), // the next Monday 09:00
];

test('sums a range into chart-sized arrays', () => {
  const series = listeningSeries(hours, range, 0);
  expect(series.points).toHaveLength(14);
  expect(series.points.map((p) => p.total).slice(0, 3)).toEqual([4, 4, 0]);
  expect(series.points[11]?.previous).toBe(4);
  expect(series.shares[0]).toEqual({ start: FROM, positive: 0, neutral: 50, negative: 50 });
  expect(series.totals).toMatchObject({ current: 10, previous: 4, change: 150 });
  expect(series.networks).toEqual([{ key: 'bluesky', total: 10 }]);
  expect(series.languages).toEqual([
    { key: 'en', total: 6 },
    { key: 'fr', total: 4 },
  ]);
  // Monday 09:00 happened twice in the fortnight: (4 + 2) / 2.
  expect(series.bestHours[0]?.[9]).toBe(3);
  expect(series.bestHours[1]?.[15]).toBe(2);
  expect(series.bestHours.flat().filter((n) => n > 0)).toHaveLength(2);
});

test('day rows give the same series as the hours they roll up', () => {
  expect(listeningSeries(rollUpDaily(hours), range, 60)).toEqual(listeningSeries(hours, range, 60));
});
