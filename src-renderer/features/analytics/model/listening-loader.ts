// Reads the listening counts of a range (and the period before it) and sums them into the dashboard's
// series. Runs in the analytics worker, so the reads and the sums stay off the UI thread; a minute reload of
// the same query re-reads only the rows that can have changed and keeps the rest from the last read.
import {
  DAY_MS,
  dayOf,
  replaceFrom,
  type DailyCount,
} from '../../../../src-shared/analytics/daily-rollup.ts';
import { HOUR_MS, hourOf, type ListeningCount } from '../../../../src-shared/analytics/listening.ts';
import { listeningSeries, type ListeningSeries } from '../../../../src-shared/analytics/listening-series.ts';
import { previousRange, type TimeRange } from '../../../../src-shared/analytics/time-range.ts';
import type { RoostDb } from '../../../db/roost-db.ts';
import {
  listeningColumns,
  readDailyListening,
  readListening,
  type ListeningColumn,
} from '../repositories/listening-repository.ts';

export interface SeriesRequest {
  readonly range: TimeRange;
  /** Only these columns; null for all of them. */
  readonly columnKeys: readonly string[] | null;
  /** Minutes east of UTC, for the best-hours grid. */
  readonly offsetMinutes: number;
  /** Changes when the user asks for a fresh read (after a rebuild): everything is read again. */
  readonly reloadKey: number;
}

export interface SeriesAnswer {
  readonly columns: readonly ListeningColumn[];
  readonly series: ListeningSeries;
}

/** Where the dashboard gets its listening series: the analytics worker, or (tests) the same code in place. */
export interface ListeningSeriesSource {
  load(request: SeriesRequest): Promise<SeriesAnswer>;
}

function sameQuery(a: SeriesRequest, b: SeriesRequest): boolean {
  return (
    a.range.from === b.range.from &&
    a.range.to === b.range.to &&
    a.range.bucketMs === b.range.bucketMs &&
    a.reloadKey === b.reloadKey &&
    (a.columnKeys?.join('\u0000') ?? null) === (b.columnKeys?.join('\u0000') ?? null)
  );
}

export function createListeningLoader(db: RoostDb, clock: () => number = Date.now): ListeningSeriesSource {
  let last: { request: SeriesRequest; counts: readonly (ListeningCount | DailyCount)[] } | null = null;
  return {
    async load(request) {
      const { range } = request;
      const before = previousRange(range);
      const daily = range.bucketMs >= DAY_MS;
      const refresh = last !== null && sameQuery(last.request, request);
      // Counts only grow in the hour being written (and the one before, flushed two seconds late).
      const recent = daily ? dayOf(clock() - HOUR_MS) : hourOf(clock()) - HOUR_MS;
      const from = refresh ? Math.max(before.from, recent) : before.from;
      const keys = request.columnKeys ?? undefined;
      const [columns, fresh] = await Promise.all([
        listeningColumns(db),
        // Day and week buckets start at UTC midnight (resolveRange), so whole day rows fill them exactly.
        daily ? readDailyListening(db, from, range.to, keys) : readListening(db, from, range.to, keys),
      ]);
      const counts = refresh && last ? replaceFrom(last.counts, fresh, from) : fresh;
      last = { request, counts };
      return { columns, series: listeningSeries(counts, range, request.offsetMinutes) };
    },
  };
}
