// Loads what the dashboard draws for a range: the listening series (summed in the analytics worker, so the
// UI thread receives chart-sized arrays), column names, account snapshots and post samples. Reloads every
// minute, since the archive worker writes counts outside Dexie's change tracking.
import { startTransition, useEffect, useRef, useState } from 'react';
import type { ListeningSeries } from '../../../../src-shared/analytics/listening-series.ts';
import type { TimeRange } from '../../../../src-shared/analytics/time-range.ts';
import type { AccountSnapshotRow, PostSampleRow } from '../../../db/analytics-rows.ts';
import type { RoostDb } from '../../../db/roost-db.ts';
import type { ListeningColumn } from '../repositories/listening-repository.ts';
import { latestSamples, snapshotsBetween } from '../repositories/performance-repository.ts';
import type { ListeningSeriesSource } from './listening-loader.ts';

export const RELOAD_MS = 60_000;

export interface DashboardData {
  readonly columns: readonly ListeningColumn[];
  readonly series: ListeningSeries;
  readonly snapshots: readonly AccountSnapshotRow[];
  readonly samples: readonly PostSampleRow[];
}

/** A number that grows every RELOAD_MS: what the dashboard's reads depend on to be read again. */
export function useReloadTick(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), RELOAD_MS);
    return () => clearInterval(timer);
  }, []);
  return tick;
}

/** The previous value when the new one holds the same numbers, so memoised charts skip drawing again. */
export function keepSame<T>(previous: T | undefined, next: T): T {
  return previous !== undefined && JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}

function keepUnchanged(previous: DashboardData | null, next: DashboardData): DashboardData {
  if (!previous) return next;
  const s = previous.series;
  return {
    columns: keepSame(previous.columns, next.columns),
    series: {
      points: keepSame(s.points, next.series.points),
      shares: keepSame(s.shares, next.series.shares),
      totals: keepSame(s.totals, next.series.totals),
      networks: keepSame(s.networks, next.series.networks),
      languages: keepSame(s.languages, next.series.languages),
      bestHours: keepSame(s.bestHours, next.series.bestHours),
    },
    snapshots: keepSame(previous.snapshots, next.snapshots),
    samples: keepSame(previous.samples, next.samples),
  };
}

export function useDashboardData(
  db: RoostDb,
  source: ListeningSeriesSource,
  range: TimeRange,
  columnKeys: readonly string[] | null,
  offsetMinutes: number,
  reloadKey: number,
): { readonly data: DashboardData | null; readonly error: string | null } {
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tick = useReloadTick();
  const keys = columnKeys?.join('\u0000') ?? null;
  const shown = useRef<DashboardData | null>(null);
  useEffect(() => {
    let current = true;
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    Promise.all([
      source.load({
        range,
        columnKeys: keys === null ? null : keys.split('\u0000'),
        offsetMinutes,
        reloadKey,
      }),
      snapshotsBetween(db, day(range.from), day(range.to)),
      latestSamples(db, range.from, range.to),
    ]).then(
      ([{ columns, series }, snapshots, samples]) => {
        if (!current) return;
        const first = shown.current === null;
        const next = keepUnchanged(shown.current, { columns, series, snapshots, samples });
        shown.current = next;
        const show = () => {
          setData(next);
          setError(null);
        };
        // The first answer is drawn at once (the user is waiting for it); later ones in a transition, which
        // React draws in slices between other work instead of one long task while items keep arriving.
        if (first) show();
        else startTransition(show);
      },
      (e: unknown) => current && setError((e as Error).message),
    );
    return () => {
      current = false;
    };
  }, [db, source, range, keys, offsetMinutes, reloadKey, tick]);
  return { data, error };
}
