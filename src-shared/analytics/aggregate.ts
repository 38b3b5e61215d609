// Listening counts grouped for charts: volume and sentiment per bucket with the previous period aligned
// beside it, totals per network, and the week's busiest hours. Pure, so the maths is unit-tested in Node.
import type { ListeningCount, Sentiment } from './listening.ts';
import { bucketStarts, previousRange, type TimeRange } from './time-range.ts';

export interface VolumePoint {
  readonly start: number;
  readonly total: number;
  readonly positive: number;
  readonly neutral: number;
  readonly negative: number;
  /** The same position in the previous period (its bucket started `start - length`). */
  readonly previous: number;
}

function bucketIndex(range: TimeRange, time: number): number {
  return Math.floor((time - range.from) / range.bucketMs);
}

/** One point per bucket of `range`; `counts` may cover the previous period too (it fills `previous`). */
export function volumeSeries(counts: readonly ListeningCount[], range: TimeRange): VolumePoint[] {
  const starts = bucketStarts(range);
  const points = starts.map((start) => ({
    start,
    total: 0,
    positive: 0,
    neutral: 0,
    negative: 0,
    previous: 0,
  }));
  const before = previousRange(range);
  for (const c of counts) {
    if (c.hour >= range.from && c.hour < range.to) {
      const p = points[bucketIndex(range, c.hour)];
      if (!p) continue;
      p.total += c.total;
      p.positive += c.sentiment.positive;
      p.neutral += c.sentiment.neutral;
      p.negative += c.sentiment.negative;
    } else if (c.hour >= before.from && c.hour < before.to) {
      const p = points[bucketIndex(before, c.hour)];
      if (p) p.previous += c.total;
    }
  }
  return points;
}

export interface SharePoint {
  readonly start: number;
  /** Percent of the bucket's items; all 0 for an empty bucket. */
  readonly positive: number;
  readonly neutral: number;
  readonly negative: number;
}

export function sentimentShare(points: readonly VolumePoint[]): SharePoint[] {
  return points.map((p) => {
    const pct = (n: number) => (p.total === 0 ? 0 : Math.round((n / p.total) * 1000) / 10);
    return { start: p.start, positive: pct(p.positive), neutral: pct(p.neutral), negative: pct(p.negative) };
  });
}

export interface PeriodTotals {
  readonly current: number;
  readonly previous: number;
  /** Percent change from the previous period; null when it had nothing. */
  readonly change: number | null;
  readonly negativeShare: number;
}

export function periodTotals(points: readonly VolumePoint[]): PeriodTotals {
  let current = 0;
  let previous = 0;
  let negative = 0;
  for (const p of points) {
    current += p.total;
    previous += p.previous;
    negative += p.negative;
  }
  return {
    current,
    previous,
    change: previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10,
    negativeShare: current === 0 ? 0 : Math.round((negative / current) * 1000) / 10,
  };
}

/** Items per network (or language) in the range. */
export function totalsBy(
  counts: readonly ListeningCount[],
  range: TimeRange,
  field: 'network' | 'lang',
): { readonly key: string; readonly total: number }[] {
  const sums = new Map<string, number>();
  for (const c of counts) {
    if (c.hour < range.from || c.hour >= range.to) continue;
    for (const [key, n] of Object.entries(c[field])) sums.set(key, (sums.get(key) ?? 0) + n);
  }
  return [...sums].map(([key, total]) => ({ key, total })).sort((a, b) => b.total - a.total);
}

/**
 * Average items per hour for each weekday (0 = Monday) and hour of day, in the user's time zone offset
 * (minutes east of UTC, so the grid shows local hours).
 */
export function weekHourGrid(
  counts: Iterable<Pick<ListeningCount, 'hour' | 'total'>>,
  range: TimeRange,
  offsetMinutes: number,
): number[][] {
  const sums = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const seen = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (let t = range.from; t < range.to; t += 3_600_000) {
    const { day, hour } = localSlot(t, offsetMinutes);
    (seen[day] as number[])[hour] = ((seen[day] as number[])[hour] ?? 0) + 1;
  }
  for (const c of counts) {
    if (c.hour < range.from || c.hour >= range.to) continue;
    const { day, hour } = localSlot(c.hour, offsetMinutes);
    (sums[day] as number[])[hour] = ((sums[day] as number[])[hour] ?? 0) + c.total;
  }
  return sums.map((row, d) =>
    row.map((sum, h) => {
      const n = seen[d]?.[h] ?? 0;
      return n === 0 ? 0 : Math.round((sum / n) * 10) / 10;
    }),
  );
}

function localSlot(time: number, offsetMinutes: number): { day: number; hour: number } {
  const local = new Date(time + offsetMinutes * 60_000);
  return { day: (local.getUTCDay() + 6) % 7, hour: local.getUTCHours() };
}

export type { Sentiment };
