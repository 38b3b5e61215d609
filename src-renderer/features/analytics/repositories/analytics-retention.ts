// Analytics are kept for two years: older aggregates, snapshots, samples, alerts and conversions are deleted.
import type { RoostDb } from '../../../db/roost-db.ts';

export const ANALYTICS_RETENTION_DAYS = 731;
const DAY_MS = 86_400_000;

export interface PruneResult {
  readonly deleted: number;
}

/** Deletes what is older than the retention period; campaigns stay (they are the user's own records). */
export async function pruneAnalytics(db: RoostDb, now = Date.now()): Promise<PruneResult> {
  const cutoff = now - ANALYTICS_RETENTION_DAYS * DAY_MS;
  const cutoffIso = new Date(cutoff).toISOString();
  const cutoffDay = cutoffIso.slice(0, 10);
  const tables = [
    db.listeningCounts,
    db.listeningDaily,
    db.accountSnapshots,
    db.postSamples,
    db.alerts,
    db.conversions,
  ];
  return db.transaction('rw', tables, async () => {
    const counts = await Promise.all([
      db.listeningCounts.where('hour').below(cutoff).delete(),
      // A day row is dropped once its whole day is past the cutoff.
      db.listeningDaily
        .where('hour')
        .below(cutoff - 86_400_000)
        .delete(),
      db.accountSnapshots.where('day').below(cutoffDay).delete(),
      db.postSamples.where('sampledAt').below(cutoffIso).delete(),
      db.alerts.where('hour').below(cutoff).delete(),
      db.conversions.where('date').below(cutoffDay).delete(),
    ]);
    return { deleted: counts.reduce((a, b) => a + b, 0) };
  });
}
