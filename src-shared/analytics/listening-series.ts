// Everything the dashboard draws from listening counts, summed in one place: volume and sentiment per bucket
// (with the previous period beside it), totals per network and per language, and the best-hours grid. The
// analytics worker runs it next to the rows it reads, so only these chart-sized arrays reach the UI thread.
import {
  periodTotals,
  sentimentShare,
  totalsBy,
  volumeSeries,
  weekHourGrid,
  type PeriodTotals,
  type SharePoint,
  type VolumePoint,
} from './aggregate.ts';
import { hourTotals, type DailyCount } from './daily-rollup.ts';
import type { ListeningCount } from './listening.ts';
import type { TimeRange } from './time-range.ts';

export interface KeyTotal {
  readonly key: string;
  readonly total: number;
}

export interface ListeningSeries {
  readonly points: readonly VolumePoint[];
  readonly shares: readonly SharePoint[];
  readonly totals: PeriodTotals;
  readonly networks: readonly KeyTotal[];
  readonly languages: readonly KeyTotal[];
  /** Average items per weekday (0 = Monday) × local hour. */
  readonly bestHours: readonly (readonly number[])[];
}

export function listeningSeries(
  counts: readonly (ListeningCount | DailyCount)[],
  range: TimeRange,
  offsetMinutes: number,
): ListeningSeries {
  const points = volumeSeries(counts, range);
  return {
    points,
    shares: sentimentShare(points),
    totals: periodTotals(points),
    networks: totalsBy(counts, range, 'network'),
    languages: totalsBy(counts, range, 'lang'),
    bestHours: weekHourGrid(hourTotals(counts), range, offsetMinutes),
  };
}
