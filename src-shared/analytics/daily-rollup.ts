// Daily rollups of listening counts: one row per column and UTC day with the day's totals by sentiment,
// language and network, plus the day's 24 hourly totals (enough for the weekday × hour "best hours" grid).
// A year of 20 columns is 7,300 daily rows instead of 175,200 hourly ones. The archive worker adds each
// flush's hourly deltas to them (never rescanning), and the rebuild recomputes them from the fresh counts.
import { HOUR_MS, mergeCounts, type ListeningCount } from './listening.ts';

export const DAY_MS = 24 * HOUR_MS;

/** One column's items in one UTC day. `hour` is the epoch time (ms) the day starts at, so a daily row can
 * stand in for a ListeningCount wherever charts bucket by day or week. */
export interface DailyCount extends ListeningCount {
  /** Totals of the day's 24 UTC hours, index 0 = 00:00–01:00. */
  readonly hours: readonly number[];
}

export function dayOf(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

function hourlyProfile(count: ListeningCount): number[] {
  const hours = new Array<number>(24).fill(0);
  hours[Math.floor((count.hour - dayOf(count.hour)) / HOUR_MS)] = count.total;
  return hours;
}

/** The sum of two daily rows of the same column and day. */
export function mergeDaily(a: DailyCount, b: DailyCount): DailyCount {
  return { ...mergeCounts(a, b), hours: a.hours.map((n, i) => n + (b.hours[i] ?? 0)) };
}

/** Hourly counts (deltas or whole rows) summed per column and UTC day. */
export function rollUpDaily(counts: readonly ListeningCount[]): DailyCount[] {
  const byDay = new Map<string, DailyCount>();
  for (const count of counts) {
    const day = dayOf(count.hour);
    const delta: DailyCount = { ...count, hour: day, hours: hourlyProfile(count) };
    const key = `${day}\u0000${count.columnKey}`;
    const seen = byDay.get(key);
    byDay.set(key, seen ? mergeDaily(seen, delta) : delta);
  }
  return [...byDay.values()];
}

/** Each hour's total of hourly rows as they are, and of daily rows from their 24-hour profile. */
export function* hourTotals(
  rows: Iterable<ListeningCount | DailyCount>,
): Generator<{ hour: number; total: number }> {
  for (const row of rows) {
    if (!('hours' in row)) {
      yield row;
      continue;
    }
    for (let h = 0; h < 24; h += 1) {
      const total = row.hours[h] ?? 0;
      if (total > 0) yield { hour: row.hour + h * HOUR_MS, total };
    }
  }
}

/** Rows read before, with every row from `from` on replaced by a fresh read of that span. */
export function replaceFrom<T extends { readonly hour: number }>(
  kept: readonly T[],
  fresh: readonly T[],
  from: number,
): T[] {
  return [...kept.filter((row) => row.hour < from), ...fresh];
}
