// Loads what the dashboard draws for a range: listening counts (the range and the one before it), column
// names, account snapshots and post samples. Reloads every minute, since the archive worker writes counts
// outside Dexie's change tracking.
import { useEffect, useRef, useState } from 'react';
import {
  DAY_MS,
  dayOf,
  replaceFrom,
  type DailyCount,
} from '../../../../src-shared/analytics/daily-rollup.ts';
import { HOUR_MS, hourOf, type ListeningCount } from '../../../../src-shared/analytics/listening.ts';
import { previousRange, type TimeRange } from '../../../../src-shared/analytics/time-range.ts';
import type { AccountSnapshotRow, PostSampleRow } from '../../../db/analytics-rows.ts';
import type { RoostDb } from '../../../db/roost-db.ts';
import {
  listeningColumns,
  readDailyListening,
  readListening,
  type ListeningColumn,
} from '../repositories/listening-repository.ts';
import { latestSamples, snapshotsBetween } from '../repositories/performance-repository.ts';

export const RELOAD_MS = 60_000;

export interface DashboardData {
  readonly columns: readonly ListeningColumn[];
  /** Hourly rows for ranges up to a week; daily rollup rows (with their hourly profile) beyond. */
  readonly counts: readonly (ListeningCount | DailyCount)[];
  readonly snapshots: readonly AccountSnapshotRow[];
  readonly samples: readonly PostSampleRow[];
}

export function useDashboardData(
  db: RoostDb,
  range: TimeRange,
  columnKeys: readonly string[] | null,
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
  // What the shown data was read for: a minute reload of the same query reads only the recent rows.
  const loaded = useRef<{ query: unknown[]; data: DashboardData } | null>(null);
  useEffect(() => {
    let current = true;
    const before = previousRange(range);
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    const daily = range.bucketMs >= DAY_MS;
    const query = [db, range, keys, reloadKey];
    const previous = loaded.current;
    const refresh = previous !== null && previous.query.every((part, i) => part === query[i]);
    // Counts only grow in the hour being written (and the one before, flushed two seconds late): rows older
    // than that are kept from the last read instead of being read again.
    const recent = daily ? dayOf(Date.now() - HOUR_MS) : hourOf(Date.now()) - HOUR_MS;
    const from = refresh ? Math.max(before.from, recent) : before.from;
    Promise.all([
      listeningColumns(db),
      // Day and week buckets start at UTC midnight (resolveRange), so whole day rows fill them exactly.
      (daily ? readDailyListening : readListening)(
        db,
        from,
        range.to,
        keys === null ? undefined : keys.split('\u0000'),
      ),
      snapshotsBetween(db, day(range.from), day(range.to)),
      latestSamples(db, range.from, range.to),
    ]).then(
      ([columns, fresh, snapshots, samples]) => {
        if (!current) return;
        const counts = refresh ? replaceFrom(previous.data.counts, fresh, from) : fresh;
        const next = { columns, counts, snapshots, samples };
        loaded.current = { query, data: next };
        setData(next);
        setError(null);
      },
      (e: unknown) => current && setError((e as Error).message),
    );
    return () => {
      current = false;
    };
  }, [db, range, keys, reloadKey, tick]);
  return { data, error };
}
