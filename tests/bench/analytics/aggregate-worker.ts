// Runs in a Web Worker, like the archive worker's counting: items arrive in ingest-sized batches, each batch
// is tallied per column and hour (CountTally, as ingest-batch.ts does), added to the pending counts
// (ListeningCounter) and flushed into the listeningCounts table every FLUSH_EVERY items. Answers the time.
import { CountTally, type CountedItem } from '../../../src-shared/analytics/listening.ts';
import { ListeningCounter } from '../../../src-renderer/archive/listening/listening-counter.ts';
import { openRoostDb } from '../../../src-renderer/db/roost-db.ts';

export interface AggregateRequest {
  readonly dbName: string;
  readonly columnKeys: readonly string[];
  /** Items in arrival order; `column` indexes columnKeys. */
  readonly items: readonly (CountedItem & { readonly column: number })[];
  readonly batchSize: number;
  readonly flushEvery: number;
}

self.onmessage = async (event: MessageEvent<AggregateRequest>) => {
  const { dbName, columnKeys, items, batchSize, flushEvery } = event.data;
  // Opened as the archive worker opens it (archive-engine.ts): relaxed commits, no change announcements.
  const db = await openRoostDb({ name: dbName, durability: 'relaxed', observable: false });
  const counter = new ListeningCounter();
  const started = performance.now();
  let sinceFlush = 0;
  for (let i = 0; i < items.length; i += batchSize) {
    const batch = items.slice(i, i + batchSize);
    const tallies = new Map<number, CountTally>();
    for (const item of batch) {
      let tally = tallies.get(item.column);
      if (!tally) tallies.set(item.column, (tally = new CountTally(columnKeys[item.column]!)));
      tally.add(item);
    }
    for (const tally of tallies.values()) counter.add(tally.counts());
    sinceFlush += batch.length;
    if (sinceFlush >= flushEvery) {
      await counter.flush(db);
      sinceFlush = 0;
    }
  }
  await counter.flush(db);
  const ms = performance.now() - started;
  const rows = await db.listeningCounts.count();
  const total = (await db.listeningCounts.toArray()).reduce((sum, row) => sum + row.total, 0);
  db.close();
  self.postMessage({ ms, rows, total });
};
