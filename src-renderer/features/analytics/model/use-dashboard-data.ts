// Loads what the dashboard draws for a range: the listening series (summed in the analytics worker, so the
// UI thread receives chart-sized arrays), column names, account snapshots and post samples. Reloads every
// minute, since the archive worker writes counts outside Dexie's change tracking.
import { useEffect, useState } from 'react';
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
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), RELOAD_MS);
    return () => clearInterval(timer);
  }, []);
  const keys = columnKeys?.join('\u0000') ?? null;
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
        setData({ columns, series, snapshots, samples });
        setError(null);
      },
      (e: unknown) => current && setError((e as Error).message),
    );
    return () => {
      current = false;
    };
  }, [db, source, range, keys, offsetMinutes, reloadKey, tick]);
  return { data, error };
}
