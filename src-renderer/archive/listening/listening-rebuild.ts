// Recounts listening from the archive's in-memory index (time, sentiment, network and language per item,
// membership per column): no item row is read. Counts older than the oldest archived item are kept, since
// the archive no longer holds what they counted.
import { dayOf, rollUpDaily } from '../../../src-shared/analytics/daily-rollup.ts';
import { CountTally, hourOf, type ListeningCount } from '../../../src-shared/analytics/listening.ts';
import type { RoostDb } from '../../db/roost-db.ts';
import type { ListeningRebuild } from '../archive-port.ts';
import type { SearchIndex } from '../search/search-index.ts';

export function countFromIndex(index: SearchIndex): {
  counts: ListeningCount[];
  items: number;
  earliest: number;
} {
  const counts: ListeningCount[] = [];
  let items = 0;
  let earliest = Infinity;
  for (const column of index.columnNames()) {
    const tally = new CountTally(column);
    for (const key of index.columnKeys(column)) {
      const counted = index.countedItem(key);
      if (!counted) continue;
      tally.add(counted);
      items += 1;
      if (counted.time < earliest) earliest = counted.time;
    }
    counts.push(...tally.counts());
  }
  return { counts, items, earliest };
}

export async function rebuildListening(db: RoostDb, index: SearchIndex): Promise<ListeningRebuild> {
  const { counts, items, earliest } = countFromIndex(index);
  const fromHour = Number.isFinite(earliest) ? hourOf(earliest) : null;
  await db.transaction('rw', db.listeningCounts, db.listeningDaily, async () => {
    if (fromHour !== null) await db.listeningCounts.where('hour').aboveOrEqual(fromHour).delete();
    await db.listeningCounts.bulkPut(counts);
    // The first day may be partly older than the archive: its kept hours are read back so the day stays whole.
    if (fromHour === null) return;
    const fromDay = dayOf(fromHour);
    await db.listeningDaily.where('hour').aboveOrEqual(fromDay).delete();
    const firstDayKept = await db.listeningCounts.where('hour').between(fromDay, fromHour).toArray();
    await db.listeningDaily.bulkPut(rollUpDaily([...firstDayKept, ...counts]));
  });
  return {
    columns: new Set(counts.map((c) => c.columnKey)).size,
    hours: counts.length,
    items,
    fromHour,
  };
}
