// Account snapshots and post performance samples: written when main's analytics methods answer (see
// use-performance-sync.ts), read by the dashboard. One snapshot per account and day; samples accumulate.
import type { RoostDb } from '../../../db/roost-db.ts';
import type { AccountSnapshotRow, PostSampleRow } from '../../../db/analytics-rows.ts';

export async function putSnapshots(db: RoostDb, rows: readonly AccountSnapshotRow[]): Promise<void> {
  if (rows.length > 0) await db.accountSnapshots.bulkPut([...rows]);
}

export async function putSamples(db: RoostDb, rows: readonly PostSampleRow[]): Promise<void> {
  if (rows.length > 0) await db.postSamples.bulkPut([...rows]);
}

export function snapshotsBetween(db: RoostDb, fromDay: string, toDay: string): Promise<AccountSnapshotRow[]> {
  return db.accountSnapshots.where('day').between(fromDay, toDay, true, true).toArray();
}

/** The latest sample of each post sent in [from, to). */
export async function latestSamples(db: RoostDb, from: number, to: number): Promise<PostSampleRow[]> {
  const fromIso = new Date(from).toISOString();
  const toIso = new Date(to).toISOString();
  // Samples are taken after posting, so every sample of a post in range was taken at or after `from`.
  const rows = await db.postSamples.where('sampledAt').aboveOrEqual(fromIso).toArray();
  const latest = new Map<string, PostSampleRow>();
  for (const row of rows) {
    if (row.postedAt < fromIso || row.postedAt >= toIso) continue;
    const seen = latest.get(row.postKey);
    if (!seen || seen.sampledAt < row.sampledAt) latest.set(row.postKey, row);
  }
  return [...latest.values()];
}

export function engagementOf(row: Pick<PostSampleRow, 'engagement'>): number {
  return row.engagement;
}
